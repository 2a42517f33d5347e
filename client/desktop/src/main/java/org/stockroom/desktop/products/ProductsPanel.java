package org.stockroom.desktop.products;

import org.stockroom.client.model.Product;
import org.stockroom.desktop.Theme;
import org.stockroom.desktop.connection.ServerConnection;
import org.stockroom.desktop.table.Tables;

import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The products on the left of the main window: search as you type (the field {@code search}),
 * a category filter ({@code category}), the table {@code products} with low stock shaded, and
 * more rows fetched as the user scrolls.
 */
public final class ProductsPanel extends JPanel {

    private static final int SEARCH_DELAY_MILLIS = 250;
    private static final String ALL_CATEGORIES = "All categories";

    private final ProductList products;
    private final JTable table;
    private final JTextField search = new JTextField(18);
    private final JComboBox<String> category = new JComboBox<>(new String[] {ALL_CATEGORIES});
    private final Consumer<String> status;

    /**
     * @param onFailure hears about a failed read
     * @param status    shows a short message, e.g. how many products were found
     */
    public ProductsPanel(ServerConnection connection, Consumer<Exception> onFailure, Consumer<String> status) {
        super(new BorderLayout());
        this.status = status;
        products = new ProductList(connection, onFailure);
        table = Tables.singleSelection(products.model(), "products");
        LowStockRenderer lowStock = new LowStockRenderer();
        table.setDefaultRenderer(Object.class, lowStock);
        table.setDefaultRenderer(Long.class, lowStock);
        table.setDefaultRenderer(Integer.class, lowStock);
        add(filters(), BorderLayout.NORTH);
        add(scrolling(), BorderLayout.CENTER);
    }

    /** Runs {@code listener} when the selected product changes (not while the selection is adjusting). */
    public void onSelectionChanged(Runnable listener) {
        table.getSelectionModel().addListSelectionListener(event -> {
            if (!event.getValueIsAdjusting()) {
                listener.run();
            }
        });
    }

    /** The selected product as last loaded, or null. */
    public Product selected() {
        int row = table.getSelectedRow();
        return row < 0 ? null : products.model().rowAt(row);
    }

    public String selectedSku() {
        Product product = selected();
        return product == null ? null : product.sku();
    }

    /** Searches for this text, e.g. the SKU of a product just created. */
    public void searchFor(String text) {
        search.setText(text);
    }

    /** Puts fresher figures of a product in its row. */
    public void update(Product product) {
        products.model().replace(row -> row.sku().equals(product.sku()), product);
    }

    /** Loads the first page again for the current search and category, keeping the selection. */
    public void reload() {
        String chosen = Objects.toString(category.getEditor().getItem(), "");
        String categoryFilter = chosen.equals(ALL_CATEGORIES) ? null : chosen;
        String keep = selectedSku();
        products.search(search.getText(), categoryFilter, () -> {
            rememberCategories();
            reselect(keep);
            int count = products.model().getRowCount();
            status.accept(count + (products.hasMore() ? "+" : "") + (count == 1 ? " product" : " products"));
        });
    }

    private JPanel filters() {
        search.setName("search");
        search.putClientProperty("JTextField.placeholderText", "Search SKU or name");
        search.putClientProperty("JTextField.showClearButton", true);
        Timer searchDelay = new Timer(SEARCH_DELAY_MILLIS, event -> reload());
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
        category.addActionListener(event -> reload());

        JPanel filters = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        filters.add(new JLabel("Search"));
        filters.add(search);
        filters.add(category);
        return filters;
    }

    private JScrollPane scrolling() {
        JScrollPane scroll = new JScrollPane(table);
        // Fetch the next page when the user scrolls near the end of what is loaded.
        scroll.getVerticalScrollBar().addAdjustmentListener(event -> {
            var scrollBar = scroll.getVerticalScrollBar();
            if (scrollBar.getValue() + scrollBar.getVisibleAmount() >= scrollBar.getMaximum() - table.getRowHeight() * 10) {
                products.loadMore();
            }
        });
        return scroll;
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
                table.setRowSelectionInterval(row, row);
                return;
            }
        }
    }

    /**
     * Whether a product needs reordering: its total on hand below its reorder point, as the
     * server's {@code belowReorder} filter has it. A reorder point of 0 is never undercut.
     */
    static boolean isLow(Product product) {
        return product.reorderPoint().signum() > 0 && product.onHand().compareTo(product.reorderPoint()) < 0;
    }

    /** Shades products below their reorder point. */
    private final class LowStockRenderer extends DefaultTableCellRenderer {

        private static final Color LOW_LIGHT = new Color(0xFFF1C2);
        private static final Color LOW_DARK = new Color(0x5C4A12);

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focused,
                                                       int row, int column) {
            Component cell = super.getTableCellRendererComponent(table, value, selected, focused, row, column);
            boolean low = isLow(products.model().rowAt(table.convertRowIndexToModel(row)));
            if (!selected) {
                cell.setBackground(low ? (Theme.isDark() ? LOW_DARK : LOW_LIGHT) : table.getBackground());
            }
            setHorizontalAlignment(value instanceof Number ? RIGHT : LEFT);
            if (cell instanceof JComponent component) {
                component.setToolTipText(low ? "Below its reorder point" : null);
            }
            return cell;
        }
    }
}
