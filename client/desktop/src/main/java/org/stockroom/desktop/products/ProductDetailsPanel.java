package org.stockroom.desktop.products;

import org.stockroom.client.model.LotLevel;
import org.stockroom.client.model.LotQuery;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementQuery;
import org.stockroom.client.model.Product;
import org.stockroom.client.model.StockLevel;
import org.stockroom.client.model.StockQuery;
import org.stockroom.desktop.connection.ServerConnection;
import org.stockroom.desktop.lots.LotsPanel;
import org.stockroom.desktop.movements.MovementsPanel;
import org.stockroom.desktop.stock.StockPanel;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import java.awt.BorderLayout;
import java.util.List;
import java.util.function.Consumer;

/**
 * The selected product on the right of the main window: its name ({@code selectedProduct}),
 * its stock by location, its stock by lot (a lot-tracked product's) and its movements, in the
 * tabs {@code detailsTabs}, fetched again on {@link #refresh()}.
 */
public final class ProductDetailsPanel extends JPanel {

    private static final String NONE = "Select a product";

    private final ServerConnection connection;
    private final Consumer<Product> onFresh;
    private final Consumer<Exception> onFailure;
    private final JLabel title = new JLabel(NONE);
    private final StockPanel stock = new StockPanel();
    private final MovementsPanel movements = new MovementsPanel();
    private final LotsPanel lots = new LotsPanel();
    private String sku;
    private boolean refreshing;

    /**
     * @param onFresh   hears about the product's figures as just fetched
     * @param onFailure hears about a failed fetch
     */
    public ProductDetailsPanel(ServerConnection connection, Consumer<Product> onFresh, Consumer<Exception> onFailure) {
        super(new BorderLayout());
        this.connection = connection;
        this.onFresh = onFresh;
        this.onFailure = onFailure;
        title.setName("selectedProduct");
        title.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        title.putClientProperty("FlatLaf.styleClass", "h3");
        JTabbedPane tabs = new JTabbedPane();
        tabs.setName("detailsTabs");
        tabs.addTab("Stock by location", stock);
        tabs.addTab("Lots", lots);
        tabs.addTab("Movements", movements);
        add(title, BorderLayout.NORTH);
        add(tabs, BorderLayout.CENTER);
    }

    /** Shows this product (null: none) and fetches its stock and movements. */
    public void show(Product product) {
        if (product == null) {
            sku = null;
            title.setText(NONE);
            stock.show(List.of());
            lots.show(List.of());
            movements.show(List.of());
            return;
        }
        sku = product.sku();
        title.setText(product.sku() + " \u2014 " + product.name());
        refresh();
    }

    /** A stock level as the live stream sent it: shown at once when it is the shown product's. */
    public void levelChanged(StockLevel level) {
        if (level.sku().equals(sku)) {
            stock.update(level);
        }
    }

    /** Fetches the product's stock and movements; skipped while the last fetch is still out. */
    public void refresh() {
        String shown = sku;
        if (shown == null || refreshing) {
            return;
        }
        refreshing = true;
        connection.run(() -> {
                    Product product = connection.client().products().get(shown).value();
                    return new Details(product,
                            connection.client().stock().levels(new StockQuery(shown, null, null, 100, null)).items(),
                            product.lotTracked()
                                    ? connection.client().lots().levels(new LotQuery(shown, null, 100, null)).items()
                                    : List.of(),
                            connection.client().movements().list(new MovementQuery(shown, null, null, 50, null)).items());
                },
                details -> {
                    refreshing = false;
                    onFresh.accept(details.product());
                    if (shown.equals(sku)) {
                        stock.show(details.levels());
                        lots.show(details.lots());
                        movements.show(details.movements());
                    }
                },
                failure -> {
                    refreshing = false;
                    onFailure.accept(failure);
                });
    }

    private record Details(Product product, List<StockLevel> levels, List<LotLevel> lots, List<Movement> movements) {
    }
}
