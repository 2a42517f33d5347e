package org.stockroom.desktop;

import org.stockroom.client.model.MovementType;
import org.stockroom.desktop.connection.UserSession;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.Icon;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.List;

/**
 * What the user can do in the main window, as actions with icon, shortcut and a name tests find
 * them by, and the menu bar and toolbar that offer them. What each one does is the window's.
 */
final class MainActions {

    /** What the actions do. */
    interface Commands {
        void moveStock(MovementType type);

        void stocktake();

        void reservations();

        void newProduct();

        void editProduct();

        void newLocation();

        void refresh();

        void importCsv();

        /** Saves an export (products, locations, stock or movements) to a file the user chooses. */
        void export(String kind);

        void logOut();

        void quit();
    }

    private final Commands commands;
    private final Action receive;
    private final Action issue;
    private final Action transfer;
    private final Action adjust;
    private final Action stocktake;
    private final Action reservations;
    private final Action newProduct;
    private final Action editProduct;
    private final Action newLocation;
    private final Action reload;
    private JMenuItem importCsv;

    MainActions(Commands commands) {
        this.commands = commands;
        receive = action("Receive...", Icons.receive(), KeyEvent.VK_R, "receive", () -> commands.moveStock(MovementType.RECEIVE));
        issue = action("Issue...", Icons.issue(), KeyEvent.VK_I, "issue", () -> commands.moveStock(MovementType.ISSUE));
        transfer = action("Transfer...", Icons.transfer(), KeyEvent.VK_T, "transfer",
                () -> commands.moveStock(MovementType.TRANSFER));
        adjust = action("Adjust...", Icons.adjust(), KeyEvent.VK_J, "adjust", () -> commands.moveStock(MovementType.ADJUST));
        stocktake = action("Stocktake...", Icons.stocktake(), KeyEvent.VK_K, "stocktake", commands::stocktake);
        reservations = action("Reservations...", Icons.reservation(), KeyEvent.VK_H, "reservations",
                commands::reservations);
        newProduct = action("New product...", Icons.product(), KeyEvent.VK_N, "newProduct", commands::newProduct);
        editProduct = action("Edit product...", Icons.edit(), KeyEvent.VK_E, "editProduct", commands::editProduct);
        newLocation = action("New location...", Icons.location(), KeyEvent.VK_L, "newLocation", commands::newLocation);
        reload = action("Refresh", Icons.refresh(), KeyEvent.VK_F5, "refresh", commands::refresh);
    }

    JMenuBar menuBar(DesktopSettings settings) {
        JMenuBar bar = new JMenuBar();
        JMenu file = new JMenu("File");
        file.setMnemonic(KeyEvent.VK_F);
        JMenuItem logOut = new JMenuItem("Log out");
        logOut.addActionListener(event -> commands.logOut());
        JMenuItem quit = new JMenuItem("Quit");
        quit.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK));
        quit.addActionListener(event -> commands.quit());
        importCsv = new JMenuItem("Import CSV...");
        importCsv.setName("importCsv");
        importCsv.addActionListener(event -> commands.importCsv());
        JMenu export = new JMenu("Export CSV");
        export.setName("exportCsv");
        for (String[] item : new String[][]{{"products", "Products..."}, {"locations", "Locations..."},
                {"stock", "Stock levels..."}, {"movements", "Ledger (movements)..."}}) {
            JMenuItem exportItem = new JMenuItem(item[1]);
            exportItem.setName("export-" + item[0]);
            exportItem.addActionListener(event -> commands.export(item[0]));
            export.add(exportItem);
        }
        file.add(importCsv);
        file.add(export);
        file.addSeparator();
        file.add(logOut);
        file.add(quit);

        JMenu stockMenu = new JMenu("Stock");
        stockMenu.setMnemonic(KeyEvent.VK_S);
        stockActions().forEach(stockMenu::add);

        JMenu catalogue = new JMenu("Catalogue");
        catalogue.setMnemonic(KeyEvent.VK_C);
        catalogueActions().forEach(catalogue::add);

        JMenu view = new JMenu("View");
        view.setMnemonic(KeyEvent.VK_V);
        view.add(reload);
        JCheckBoxMenuItem dark = new JCheckBoxMenuItem("Dark theme", settings.darkTheme());
        dark.setName("darkTheme");
        dark.addActionListener(event -> {
            settings.setDarkTheme(dark.isSelected());
            Theme.apply(dark.isSelected());
        });
        view.add(dark);

        bar.add(file);
        bar.add(stockMenu);
        bar.add(catalogue);
        bar.add(view);
        return bar;
    }

    JToolBar toolBar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        stockActions().forEach(action -> addButton(bar, action));
        bar.addSeparator();
        catalogueActions().forEach(action -> addButton(bar, action));
        bar.addSeparator();
        addButton(bar, reload);
        return bar;
    }

    /** Disables what the user's role may not do; the server refuses it anyway. */
    void applyRole(UserSession session) {
        stockActions().forEach(action -> action.setEnabled(session.mayMoveStock()));
        reservations.setEnabled(true);  // a viewer may look at them; reserving and releasing stay off in the dialog
        catalogueActions().forEach(action -> action.setEnabled(session.mayEditCatalogue()));
        if (importCsv != null) {
            importCsv.setEnabled(session.mayEditCatalogue());  // imports are a manager's
        }
    }

    /** Edit product needs a selected product, and a role that may edit the catalogue. */
    void productSelected(boolean selected, UserSession session) {
        editProduct.setEnabled(selected && session.mayEditCatalogue());
    }

    private List<Action> stockActions() {
        return List.of(receive, issue, transfer, adjust, stocktake, reservations);
    }

    private List<Action> catalogueActions() {
        return List.of(newProduct, editProduct, newLocation);
    }

    /**
     * A toolbar button with icon and short label, named after its action's command so that
     * tests and screen readers find it.
     */
    private static void addButton(JToolBar bar, Action action) {
        var button = bar.add(action);
        button.setName((String) action.getValue(Action.ACTION_COMMAND_KEY));
        button.setText((String) action.getValue(Action.SHORT_DESCRIPTION));
        button.setToolTipText(button.getText() + " (" + shortcutText(action) + ")");
    }

    private static String shortcutText(Action action) {
        KeyStroke key = (KeyStroke) action.getValue(Action.ACCELERATOR_KEY);
        String modifiers = InputEvent.getModifiersExText(key.getModifiers());
        return (modifiers.isEmpty() ? "" : modifiers + "+") + KeyEvent.getKeyText(key.getKeyCode());
    }

    private static Action action(String name, Icon icon, int key, String command, Runnable perform) {
        Action action = new AbstractAction(name, icon) {
            @Override
            public void actionPerformed(ActionEvent event) {
                perform.run();
            }
        };
        action.putValue(Action.ACTION_COMMAND_KEY, command);
        action.putValue(Action.SHORT_DESCRIPTION, name.replace("...", ""));
        action.putValue(Action.ACCELERATOR_KEY, key == KeyEvent.VK_F5
                ? KeyStroke.getKeyStroke(key, 0) : KeyStroke.getKeyStroke(key, InputEvent.CTRL_DOWN_MASK));
        return action;
    }
}
