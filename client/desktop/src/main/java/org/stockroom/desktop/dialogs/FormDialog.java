package org.stockroom.desktop.dialogs;

import org.stockroom.desktop.connection.Failures;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import java.math.BigDecimal;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.List;

/**
 * A modal form: labelled fields, a message area for what is wrong (checked here first, then
 * the server's own answer), a busy bar while the request is out, and OK/Cancel (Enter/Escape).
 */
public abstract class FormDialog extends JDialog {

    private final JPanel fields = new JPanel(new GridBagLayout());
    private final JTextArea message = new JTextArea(2, 30);
    private final JProgressBar busy = new JProgressBar();
    protected final JButton okButton;
    private int rows;

    protected FormDialog(Window owner, String title, String okLabel) {
        super(owner, title, ModalityType.APPLICATION_MODAL);
        setName(getClass().getSimpleName());
        okButton = new JButton(okLabel);
        okButton.setName("ok");
        JButton cancel = new JButton("Cancel");
        cancel.setName("cancel");
        cancel.addActionListener(event -> dispose());
        okButton.addActionListener(event -> submitIfValid());

        message.setName("message");
        message.setEditable(false);
        message.setLineWrap(true);
        message.setWrapStyleWord(true);
        message.setOpaque(false);
        message.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        message.setBorder(BorderFactory.createEmptyBorder());
        busy.setIndeterminate(true);
        busy.setVisible(false);

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(busy);
        buttons.add(okButton);
        buttons.add(cancel);
        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(12, 12, 8, 12));
        content.add(fields, BorderLayout.NORTH);
        content.add(message, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(okButton);
        getRootPane().registerKeyboardAction(event -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
    }

    /** Adds a labelled field; the field gets {@code name} so that tests and screen readers find it. */
    protected <C extends JComponent> C addField(String label, String name, C field) {
        field.setName(name);
        JLabel caption = new JLabel(label);
        caption.setLabelFor(field);
        GridBagConstraints at = new GridBagConstraints();
        at.gridy = rows++;
        at.insets = new Insets(3, 0, 3, 8);
        at.anchor = GridBagConstraints.LINE_START;
        fields.add(caption, at);
        at.gridx = 1;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.insets = new Insets(3, 0, 3, 0);
        fields.add(field, at);
        return field;
    }

    /** Shows the dialog at a size that fits its fields, centred on its owner. */
    protected void showCentred() {
        pack();
        setSize(Math.max(getWidth(), 420), getHeight());
        setLocationRelativeTo(getOwner());
        setVisible(true);
    }

    /** What is wrong with the fields, one line each; empty when the form may be sent. */
    protected abstract List<String> problems();

    /** Sends the form; calls {@link #succeeded()} or {@link #refused(Exception)} when the answer comes. */
    protected abstract void submit();

    private void submitIfValid() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            showMessage(String.join("\n", problems));
            return;
        }
        showMessage("");
        setBusy(true);
        submit();
    }

    protected void succeeded() {
        setBusy(false);
        dispose();
    }

    /** Shows the server's reason in the dialog and lets the user correct and send again. */
    protected void refused(Exception failure) {
        setBusy(false);
        showMessage(Failures.describe(failure));
    }

    protected void showMessage(String text) {
        message.setText(text);
        pack();
    }

    private void setBusy(boolean isBusy) {
        busy.setVisible(isBusy);
        okButton.setEnabled(!isBusy);
    }

    /** The text of a field, stripped; empty when blank. */
    protected static String text(javax.swing.text.JTextComponent field) {
        return field.getText() == null ? "" : field.getText().strip();
    }

    protected static String textOrNull(javax.swing.text.JTextComponent field) {
        String text = text(field);
        return text.isEmpty() ? null : text;
    }

    /**
     * The exact number in the field ({@code 12}, {@code -2}, {@code 2.5}), or null when it is not
     * one. Whether its decimals suit the product's unit is the server's to say.
     */
    protected static BigDecimal number(javax.swing.text.JTextComponent field) {
        try {
            return new BigDecimal(text(field));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
