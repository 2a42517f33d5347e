package org.stockroom.desktop.csv;

import org.stockroom.client.ImportSummary;
import org.stockroom.client.Imports;
import org.stockroom.client.IdempotencyKeys;
import org.stockroom.client.ProblemException;
import org.stockroom.client.RowError;
import org.stockroom.desktop.connection.Failures;
import org.stockroom.desktop.connection.ServerConnection;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.table.DefaultTableModel;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Imports a CSV file: choose what it holds and the file, watch it go up (a progress bar that the
 * Cancel button stops for real: the upload is abandoned), then see what it did or, refused, every
 * bad row in a table (line, column, reason). Nothing is imported unless every row is good.
 */
public final class ImportDialog extends JDialog {

    private final ServerConnection connection;
    private final Consumer<ImportSummary> onImported;
    private final JComboBox<String> kind = new JComboBox<>(new String[]{"products", "locations", "opening-stock"});
    private final JTextField file = new JTextField(32);
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final JLabel message = new JLabel(" ");
    private final DefaultTableModel errors = new DefaultTableModel(new Object[]{"Line", "Column", "Reason"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JButton importButton = new JButton("Import");
    private final JButton cancelButton = new JButton("Close");
    private volatile Imports.Upload upload;

    public ImportDialog(Window owner, ServerConnection connection, Consumer<ImportSummary> onImported) {
        super(owner, "Import CSV", ModalityType.MODELESS);
        this.connection = connection;
        this.onImported = onImported;
        setName("ImportDialog");
        kind.setName("kind");
        file.setName("file");
        progress.setName("progress");
        progress.setStringPainted(true);
        progress.setString("");
        message.setName("message");
        importButton.setName("ok");
        cancelButton.setName("cancel");
        JButton choose = new JButton("Choose...");
        choose.setName("choose");
        choose.addActionListener(event -> chooseFile());
        importButton.addActionListener(event -> start());
        cancelButton.addActionListener(event -> cancelOrClose());
        getRootPane().setDefaultButton(importButton);

        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(12, 12, 6, 12));
        GridBagConstraints at = new GridBagConstraints();
        at.insets = new Insets(3, 3, 3, 3);
        at.anchor = GridBagConstraints.WEST;
        at.gridy = 0;
        form.add(new JLabel("What it holds"), at);
        form.add(kind, at);
        at.gridy = 1;
        form.add(new JLabel("File"), at);
        at.fill = GridBagConstraints.HORIZONTAL;
        at.weightx = 1;
        form.add(file, at);
        at.weightx = 0;
        at.fill = GridBagConstraints.NONE;
        form.add(choose, at);
        at.gridy = 2;
        at.gridx = 0;
        at.gridwidth = 3;
        at.fill = GridBagConstraints.HORIZONTAL;
        form.add(progress, at);
        at.gridy = 3;
        form.add(message, at);

        JTable table = new JTable(errors);
        table.setName("errors");
        table.getColumnModel().getColumn(0).setMaxWidth(70);
        table.getColumnModel().getColumn(1).setPreferredWidth(110);
        table.getColumnModel().getColumn(1).setMaxWidth(160);
        table.getColumnModel().getColumn(2).setPreferredWidth(420);
        JScrollPane rows = new JScrollPane(table);
        rows.setPreferredSize(new Dimension(640, 200));
        rows.setBorder(BorderFactory.createTitledBorder("Bad rows"));

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(importButton);
        buttons.add(cancelButton);

        JPanel content = new JPanel(new BorderLayout());
        content.add(form, BorderLayout.NORTH);
        content.add(rows, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        pack();
        setLocationRelativeTo(owner);
    }

    public void open() {
        setVisible(true);
    }

    private void chooseFile() {
        JFileChooser chooser = new JFileChooser(file.getText().isBlank() ? null : Path.of(file.getText()).toFile());
        chooser.setFileFilter(new FileNameExtensionFilter("CSV files", "csv", "txt"));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            file.setText(chooser.getSelectedFile().getPath());
        }
    }

    private void start() {
        Path path = Path.of(file.getText().strip());
        if (file.getText().isBlank() || !Files.isRegularFile(path)) {
            message.setText("Choose a CSV file to import.");
            return;
        }
        Imports.Kind what = Imports.Kind.of((String) kind.getSelectedItem());
        errors.setRowCount(0);
        progress.setValue(0);
        progress.setIndeterminate(false);
        progress.setString("0%");
        message.setText("Sending " + path.getFileName() + "...");
        importButton.setEnabled(false);
        kind.setEnabled(false);
        file.setEnabled(false);
        cancelButton.setText("Cancel");
        upload = connection.client().imports().start(what, path, IdempotencyKeys.newKey(), this::sent);
        Imports.Upload started = upload;
        Thread.ofVirtual().name("stockroom-import").start(() -> {
            try {
                ImportSummary summary = started.await();
                SwingUtilities.invokeLater(() -> imported(summary));
            } catch (CancellationException e) {
                SwingUtilities.invokeLater(() -> finished("Cancelled: nothing was imported."));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                SwingUtilities.invokeLater(() -> refused(e));
            }
        });
    }

    /** From the sending thread: the bar follows, then says the server is at work once all is sent. */
    private void sent(long bytes, long total) {
        int permille = total == 0 ? 1000 : (int) (bytes * 1000 / total);
        SwingUtilities.invokeLater(() -> {
            if (upload == null || upload.isCancelled()) {
                return;
            }
            progress.setValue(permille);
            progress.setString(permille / 10 + "%");
            if (permille == 1000) {
                progress.setIndeterminate(true);
                progress.setString("importing...");
                message.setText("Sent; the server is checking and importing the rows...");
            }
        });
    }

    private void cancelOrClose() {
        Imports.Upload running = upload;
        if (running != null) {
            running.cancel();
            finished("Cancelled: nothing was imported.");
        } else {
            dispose();
        }
    }

    private void imported(ImportSummary summary) {
        progress.setIndeterminate(false);
        progress.setValue(1000);
        progress.setString("100%");
        finished(summary.alreadyImported()
                ? "This file was imported before (import " + summary.batch() + "); nothing changed."
                : "Imported " + summary.rowsRead() + " rows: " + summary.created() + " created, " + summary.updated()
                + " updated, " + summary.unchanged() + " unchanged.");
        onImported.accept(summary);
    }

    private void refused(RuntimeException failure) {
        progress.setIndeterminate(false);
        if (failure instanceof ProblemException problem) {
            List<RowError> rows = Imports.rowErrors(problem);
            rows.forEach(row -> errors.addRow(new Object[]{row.line(), row.column() == null ? "" : row.column(),
                    row.reason()}));
            if (!rows.isEmpty()) {
                long count = Imports.errorCount(problem);
                finished("Nothing was imported: " + count + " bad row" + (count == 1 ? "" : "s")
                        + (count > rows.size() ? " (the first " + rows.size() + " are listed)" : "") + ".");
                return;
            }
        }
        finished("Nothing was imported: " + Failures.describe(failure).lines().findFirst().orElse(""));
    }

    private void finished(String text) {
        upload = null;
        message.setText(text);
        progress.setIndeterminate(false);
        if ("importing...".equals(progress.getString())) {
            progress.setString("");
        }
        importButton.setEnabled(true);
        kind.setEnabled(true);
        file.setEnabled(true);
        cancelButton.setText("Close");
    }
}
