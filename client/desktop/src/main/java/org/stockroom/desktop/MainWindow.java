package org.stockroom.desktop;

import org.stockroom.client.ProblemException;
import org.stockroom.client.model.Location;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementQuery;
import org.stockroom.client.model.MovementType;
import org.stockroom.client.model.Product;
import org.stockroom.client.model.StockLevel;
import org.stockroom.client.model.StockQuery;
import org.stockroom.desktop.connection.Failures;
import org.stockroom.desktop.connection.ServerConnection;
import org.stockroom.desktop.connection.UserSession;
import org.stockroom.desktop.dialogs.LocationDialog;
import org.stockroom.desktop.dialogs.MovementDialog;
import org.stockroom.desktop.dialogs.ProductDialog;
import org.stockroom.desktop.products.ListTableModel;
import org.stockroom.desktop.products.ListTableModel.Column;
import org.stockroom.desktop.products.ProductList;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The main window: products on the left (search as you type, category filter, low stock
 * highlighted, more rows fetched as you scroll), and for the selected product its stock per
 * location and its movements, refreshed every few seconds so that other clients' changes show.
 */
public final class MainWindow extends JFrame {

    static final int REFRESH_MILLIS = 3_000;
    private static final int SEARCH_DELAY_MILLIS = 250;
    private static final String ALL_CATEGORIES = "All categories";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ServerConnection connection;
    private final DesktopSettings settings;
    private final Runnable onLogOut;
    private final ProductList products;
    private final JTable productTable;
    private final JTextField search = new JTextField(18);
    private final JComboBox<String> category = new JComboBox<>(new String[] {ALL_CATEGORIES});
    private final ListTableModel<StockLevel> stock = new ListTableModel<>(List.of(
            new Column<>("Location", String.class, StockLevel::location),
            new Column<>("On hand", Long.class, StockLevel::onHand)));
    private final ListTableModel<Movement> movements = new ListTableModel<>(List.of(
            new Column<>("When", String.class, movement -> WHEN.format(movement.occurredAt())),
            new Column<>("Type", String.class, movement -> movement.type().name()),
            new Column<>("Quantity", Integer.class, Movement::quantity),
            new Column<>("From", String.class, Movement::from),
            new Column<>("To", String.class, Movement::to),
            new Column<>("Reference", String.class, Movement::reference),
            new Column<>("Reason", String.class, Movement::reason),
            new Column<>("By", String.class, Movement::recordedBy)));
    private final JLabel selectedTitle = new JLabel("Select a product");
    private final StatusBar statusBar;
    private final Timer refresh;
    private List<String> locationCodes = List.of();
    private boolean refreshing;

    private final Action receive = action("Receive...", Icons.receive(), KeyEvent.VK_R, "receive",
            event -> moveStock(MovementType.RECEIVE));
    private final Action issue = action("Issue...", Icons.issue(), KeyEvent.VK_I, "issue",
            event -> moveStock(MovementType.ISSUE));
    private final Action transfer = action("Transfer...", Icons.transfer(), KeyEvent.VK_T, "transfer",
            event -> moveStock(MovementType.TRANSFER));
    private final Action adjust = action("Adjust...", Icons.adjust(), KeyEvent.VK_J, "adjust",
            event -> moveStock(MovementType.ADJUST));
    private final Action newProduct = action("New product...", Icons.product(), KeyEvent.VK_N, "newProduct",
            event -> createProduct());
    private final Action editProduct = action("Edit product...", Icons.edit(), KeyEvent.VK_E, "editProduct",
            event -> editSelectedProduct());
    private final Action newLocation = action("New location...", Icons.location(), KeyEvent.VK_L, "newLocation",
            event -> createLocation());
    private final Action reload = action("Refresh", Icons.refresh(), KeyEvent.VK_F5, "refresh", event -> reloadProducts());

    public MainWindow(ServerConnection connection, DesktopSettings settings, Runnable onLogOut) {
        super("Stockroom \u2014 " + connection.session().username() + " at " + connection.session().server());
        this.connection = connection;
        this.settings = settings;
        this.onLogOut = onLogOut;
        setName("main");
        setIconImages(Icons.application());
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        products = new ProductList(connection, this::readFailed);
        productTable = table(products.model(), "products");
        productTable.setDefaultRenderer(Object.class, new LowStockRenderer());
        productTable.setDefaultRenderer(Long.class, new LowStockRenderer());
        productTable.setDefaultRenderer(Integer.class, new LowStockRenderer());
        productTable.getSelectionModel().addListSelectionListener(event -> {
            if (!event.getValueIsAdjusting()) {
                selectionChanged();
            }
        });
        statusBar = new StatusBar(connection.session());
        connection.addListener(statusBar);

        setJMenuBar(menuBar());
        getContentPane().add(toolBar(), BorderLayout.NORTH);
        getContentPane().add(content(), BorderLayout.CENTER);
        getContentPane().add(statusBar, BorderLayout.SOUTH);
        applyRole(connection.session());

        refresh = new Timer(REFRESH_MILLIS, event -> refreshSelected());
        refresh.start();
        // Fits a 1366x768 screen with room for a task bar.
        setMinimumSize(new Dimension(900, 560));
        setSize(1280, 700);
        setLocationRelativeTo(null);
        reloadProducts();
        loadLocations();
    }

    @Override
    public void dispose() {
        refresh.stop();
        super.dispose();
    }

    private JMenuBar menuBar() {
        JMenuBar bar = new JMenuBar();
        JMenu file = new JMenu("File");
        file.setMnemonic(KeyEvent.VK_F);
        JMenuItem logOut = new JMenuItem("Log out");
        logOut.addActionListener(event -> logOut());
        JMenuItem quit = new JMenuItem("Quit");
        quit.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK));
        quit.addActionListener(event -> dispose());
        file.add(logOut);
        file.add(quit);

        JMenu stockMenu = new JMenu("Stock");
        stockMenu.setMnemonic(KeyEvent.VK_S);
        stockMenu.add(receive);
        stockMenu.add(issue);
        stockMenu.add(transfer);
        stockMenu.add(adjust);

        JMenu catalogue = new JMenu("Catalogue");
        catalogue.setMnemonic(KeyEvent.VK_C);
        catalogue.add(newProduct);
        catalogue.add(editProduct);
        catalogue.add(newLocation);

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

    private JToolBar toolBar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        for (Action action : List.of(receive, issue, transfer, adjust)) {
            addButton(bar, action);
        }
        bar.addSeparator();
        for (Action action : List.of(newProduct, editProduct, newLocation)) {
            addButton(bar, action);
        }
        bar.addSeparator();
        addButton(bar, reload);
        return bar;
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
        String modifiers = java.awt.event.InputEvent.getModifiersExText(key.getModifiers());
        return (modifiers.isEmpty() ? "" : modifiers + "+") + KeyEvent.getKeyText(key.getKeyCode());
    }

    private JSplitPane content() {
        search.setName("search");
        search.putClientProperty("JTextField.placeholderText", "Search SKU or name");
        search.putClientProperty("JTextField.showClearButton", true);
        Timer searchDelay = new Timer(SEARCH_DELAY_MILLIS, event -> reloadProducts());
        searchDelay.setRepeats(false);
        search.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                searchDelay.restart();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                searchDelay.restart();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                searchDelay.restart();
            }
        });
        category.setName("category");
        category.setEditable(true);
        category.addActionListener(event -> reloadProducts());

        JPanel filters = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        filters.add(new JLabel("Search"));
        filters.add(search);
        filters.add(category);

        JScrollPane productScroll = new JScrollPane(productTable);
        // Fetch the next page when the user scrolls near the end of what is loaded.
        productScroll.getVerticalScrollBar().addAdjustmentListener(event -> {
            var scrollBar = productScroll.getVerticalScrollBar();
            if (scrollBar.getValue() + scrollBar.getVisibleAmount() >= scrollBar.getMaximum() - productTable.getRowHeight() * 10) {
                products.loadMore();
            }
        });
        JPanel left = new JPanel(new BorderLayout());
        left.add(filters, BorderLayout.NORTH);
        left.add(productScroll, BorderLayout.CENTER);

        selectedTitle.setName("selectedProduct");
        selectedTitle.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        selectedTitle.putClientProperty("FlatLaf.styleClass", "h3");
        JTabbedPane details = new JTabbedPane();
        details.addTab("Stock by location", new JScrollPane(table(stock, "stock")));
        details.addTab("Movements", new JScrollPane(table(movements, "movements")));
        JPanel right = new JPanel(new BorderLayout());
        right.add(selectedTitle, BorderLayout.NORTH);
        right.add(details, BorderLayout.CENTER);

        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, right);
        split.setResizeWeight(0.55);
        split.setDividerLocation(680);
        return split;
    }

    private static JTable table(ListTableModel<?> model, String name) {
        JTable table = new JTable(model);
        table.setName(name);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setAutoCreateRowSorter(false);
        table.setFillsViewportHeight(true);
        return table;
    }

    /** Disables what the user's role may not do; the server refuses it anyway. */
    private void applyRole(UserSession session) {
        for (Action stockAction : List.of(receive, issue, transfer, adjust)) {
            stockAction.setEnabled(session.mayMoveStock());
        }
        for (Action catalogueAction : List.of(newProduct, editProduct, newLocation)) {
            catalogueAction.setEnabled(session.mayEditCatalogue());
        }
    }

    private Action action(String name, Icon icon, int key, String command, Consumer<ActionEvent> perform) {
        Action action = new AbstractAction(name, icon) {
            @Override
            public void actionPerformed(ActionEvent event) {
                perform.accept(event);
            }
        };
        action.putValue(Action.ACTION_COMMAND_KEY, command);
        action.putValue(Action.SHORT_DESCRIPTION, name.replace("...", ""));
        action.putValue(Action.ACCELERATOR_KEY, key == KeyEvent.VK_F5
                ? KeyStroke.getKeyStroke(key, 0) : KeyStroke.getKeyStroke(key, InputEvent.CTRL_DOWN_MASK));
        return action;
    }

    // ---- What the actions do ----------------------------------------------------------------

    private void reloadProducts() {
        String chosen = Objects.toString(category.getEditor().getItem(), "");
        String categoryFilter = chosen.equals(ALL_CATEGORIES) ? null : chosen;
        String keep = selectedSku();
        products.search(search.getText(), categoryFilter, () -> {
            rememberCategories();
            reselect(keep);
            int count = products.model().getRowCount();
            statusBar.showMessage(count + (products.hasMore() ? "+" : "") + (count == 1 ? " product" : " products"));
        });
    }

    private void rememberCategories() {
        TreeSet<String> known = new TreeSet<>();
        for (int i = 1; i < category.getItemCount(); i++) {
            known.add(category.getItemAt(i));
        }
        boolean added = false;
        for (Product product : products.model().rows()) {
            if (product.category() != null && known.add(product.category())) {
                added = true;
            }
        }
        if (added) {
            Object chosen = category.getEditor().getItem();
            var listeners = category.getActionListeners();
            for (var listener : listeners) {
                category.removeActionListener(listener);
            }
            category.removeAllItems();
            category.addItem(ALL_CATEGORIES);
            known.forEach(category::addItem);
            category.setSelectedItem(chosen);
            for (var listener : listeners) {
                category.addActionListener(listener);
            }
        }
    }

    private void reselect(String sku) {
        if (sku == null) {
            return;
        }
        List<Product> rows = products.model().rows();
        for (int row = 0; row < rows.size(); row++) {
            if (rows.get(row).sku().equals(sku)) {
                productTable.setRowSelectionInterval(row, row);
                return;
            }
        }
    }

    private String selectedSku() {
        int row = productTable.getSelectedRow();
        return row < 0 ? null : products.model().rowAt(row).sku();
    }

    private void selectionChanged() {
        String sku = selectedSku();
        editProduct.setEnabled(sku != null && connection.session().mayEditCatalogue());
        if (sku == null) {
            selectedTitle.setText("Select a product");
            stock.setRows(List.of());
            movements.setRows(List.of());
            return;
        }
        Product product = products.model().rowAt(productTable.getSelectedRow());
        selectedTitle.setText(product.sku() + " \u2014 " + product.name());
        refreshSelected();
    }

    /** Fetches the selected product's stock and movements; skipped while the last fetch is still out. */
    private void refreshSelected() {
        String sku = selectedSku();
        if (sku == null || refreshing) {
            return;
        }
        refreshing = true;
        connection.run(() -> new Details(
                        connection.client().products().get(sku).value(),
                        connection.client().stock().levels(new StockQuery(sku, null, null, 100, null)).items(),
                        connection.client().movements().list(new MovementQuery(sku, null, null, 50, null)).items()),
                details -> {
                    refreshing = false;
                    products.model().replace(product -> product.sku().equals(sku), details.product());
                    if (sku.equals(selectedSku())) {
                        stock.setRows(details.levels());
                        movements.setRows(details.movements());
                    }
                },
                failure -> {
                    refreshing = false;
                    readFailed(failure);
                });
    }

    private record Details(Product product, List<StockLevel> levels, List<Movement> movements) {
    }

    private void loadLocations() {
        connection.run(() -> connection.client().locations().list(500, null).items(),
                (List<Location> locations) -> locationCodes = locations.stream().map(Location::code).toList(),
                this::readFailed);
    }

    private void moveStock(MovementType type) {
        new MovementDialog(this, type, connection, selectedSku(), locationCodes, recorded -> {
            statusBar.showMessage("Recorded " + type.name().toLowerCase() + " of " + recorded.quantity() + " "
                    + recorded.sku() + " (movement " + recorded.id() + ").");
            reloadProducts();
            refreshSelected();
        }).open();
    }

    private void createProduct() {
        ProductDialog.create(this, connection, created -> {
            search.setText(created.sku());
            statusBar.showMessage("Created product " + created.sku() + ".");
        });
    }

    private void createLocation() {
        LocationDialog.create(this, connection, created -> {
            loadLocations();
            statusBar.showMessage("Created location " + created.code() + ".");
        });
    }

    private void editSelectedProduct() {
        String sku = selectedSku();
        if (sku == null) {
            return;
        }
        connection.run(() -> connection.client().products().get(sku),
                current -> ProductDialog.edit(this, connection, current, saved -> {
                    statusBar.showMessage("Saved product " + saved.sku() + ".");
                    reloadProducts();
                }),
                this::actionFailed);
    }

    /** Revokes the token on the server (in the background, best effort) and goes back to the log-in dialog. */
    private void logOut() {
        refresh.stop();
        connection.run(() -> {
            connection.client().auth().logOut();
            return null;
        }, revoked -> { }, failure -> { });
        dispose();
        onLogOut.run();
    }

    /** A background read failed: the status bar says so; an expired session asks to log in again. */
    private void readFailed(Exception failure) {
        statusBar.showMessage(Failures.describe(failure).lines().findFirst().orElse(""));
        if (failure instanceof ProblemException problem && problem.status() == 401) {
            refresh.stop();
            JOptionPane.showMessageDialog(this, Failures.describe(failure), "Log in again", JOptionPane.WARNING_MESSAGE);
            logOut();
        }
    }

    private void actionFailed(Exception failure) {
        readFailed(failure);
        if (isDisplayable()) {
            JOptionPane.showMessageDialog(this, Failures.describe(failure), "Stockroom", JOptionPane.ERROR_MESSAGE);
        }
    }

    /** Shades products at or below their reorder point. */
    private final class LowStockRenderer extends DefaultTableCellRenderer {

        private static final Color LOW_LIGHT = new Color(0xFFF1C2);
        private static final Color LOW_DARK = new Color(0x5C4A12);

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focused,
                                                       int row, int column) {
            Component cell = super.getTableCellRendererComponent(table, value, selected, focused, row, column);
            Product product = products.model().rowAt(table.convertRowIndexToModel(row));
            boolean low = product.reorderPoint() > 0 && product.onHand() <= product.reorderPoint();
            if (!selected) {
                cell.setBackground(low ? (Theme.isDark() ? LOW_DARK : LOW_LIGHT) : table.getBackground());
            }
            setHorizontalAlignment(value instanceof Number ? RIGHT : LEFT);
            if (cell instanceof javax.swing.JComponent component) {
                component.setToolTipText(low ? "At or below its reorder point" : null);
            }
            return cell;
        }
    }
}
