package org.stockroom.desktop.dialogs;

import org.stockroom.client.ProblemException;
import org.stockroom.client.Versioned;
import org.stockroom.client.model.NewProduct;
import org.stockroom.client.model.Product;
import org.stockroom.client.model.ProductChanges;
import org.stockroom.desktop.connection.ServerConnection;

import javax.swing.JCheckBox;
import javax.swing.JOptionPane;
import javax.swing.JTextField;
import java.math.BigDecimal;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Creates a product, or edits one. An edit sends the version it started from ({@code If-Match});
 * when someone else changed the product meanwhile the server refuses (412), and the dialog
 * offers to load their version.
 */
public final class ProductDialog extends FormDialog {


    private final ServerConnection connection;
    private final Consumer<Product> onSaved;
    private final JTextField sku;
    private final JTextField name;
    private final JTextField description;
    private final JTextField unit;
    private final JTextField category;
    private final JTextField reorderPoint;
    private final JCheckBox lotTracked;
    private String etag;  // null while creating
    private final RequestKeys keys = new RequestKeys();

    private ProductDialog(Window owner, String title, String okLabel, ServerConnection connection, Consumer<Product> onSaved) {
        super(owner, title, okLabel);
        this.connection = connection;
        this.onSaved = onSaved;
        sku = addField("SKU", "sku", new JTextField(20));
        name = addField("Name", "name", new JTextField(30));
        description = addField("Description", "description", new JTextField(30));
        unit = addField("Unit of measure", "unit", new JTextField(10));
        category = addField("Category", "category", new JTextField(20));
        reorderPoint = addField("Reorder point", "reorderPoint", new JTextField("0", 8));
        lotTracked = addField("Lots", "lotTracked", new JCheckBox("Keep in lots with expiry dates"));
    }

    public static void create(Window owner, ServerConnection connection, Consumer<Product> onSaved) {
        new ProductDialog(owner, "New product", "Create", connection, onSaved).showCentred();
    }

    public static void edit(Window owner, ServerConnection connection, Versioned<Product> product, Consumer<Product> onSaved) {
        ProductDialog dialog = new ProductDialog(owner, "Edit product " + product.value().sku(), "Save", connection, onSaved);
        dialog.sku.setEditable(false);
        dialog.fill(product);
        dialog.showCentred();
    }

    private void fill(Versioned<Product> product) {
        Product value = product.value();
        etag = product.etag();
        sku.setText(value.sku());
        name.setText(value.name());
        description.setText(value.description());
        unit.setText(value.unitOfMeasure());
        category.setText(value.category());
        reorderPoint.setText(value.reorderPoint().toPlainString());
        lotTracked.setSelected(value.lotTracked());
    }

    @Override
    protected List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (text(sku).isEmpty()) {
            problems.add("Enter the product's SKU.");  // its rule is the server's: a bad one comes back as a 422
        }
        if (text(name).isEmpty()) {
            problems.add("Enter the product's name.");
        }
        BigDecimal reorder = number(reorderPoint);
        if (reorder == null || reorder.signum() < 0) {
            problems.add("The reorder point must be a number, 0 or more.");
        }
        return problems;
    }

    @Override
    protected void submit() {
        if (etag == null) {
            NewProduct product = new NewProduct(text(sku), text(name), textOrNull(description), textOrNull(unit),
                    textOrNull(category), number(reorderPoint), lotTracked.isSelected() ? Boolean.TRUE : null);
            String key = keys.keyFor(product);
            connection.run(() -> connection.client().products().create(product, key), this::saved, this::refused);
        } else {
            ProductChanges changes = new ProductChanges(text(name), textOrNull(description), textOrNull(unit),
                    textOrNull(category), number(reorderPoint), lotTracked.isSelected());
            String sentEtag = etag;
            connection.run(() -> connection.client().products().update(text(sku), changes, sentEtag), this::saved, this::refused);
        }
    }

    private void saved(Versioned<Product> product) {
        succeeded();
        onSaved.accept(product.value());
    }

    @Override
    protected void refused(Exception failure) {
        super.refused(failure);
        if (failure instanceof ProblemException problem && problem.status() == 412) {
            int answer = JOptionPane.showConfirmDialog(this,
                    "Someone else changed this product after you opened it.\nLoad their version? Your edits will be lost.",
                    "Product changed", JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE);
            if (answer == JOptionPane.YES_OPTION) {
                connection.run(() -> connection.client().products().get(text(sku)), current -> {
                    fill(current);
                    showMessage("Loaded the current version. Make your changes again and save.");
                }, super::refused);
            }
        }
    }
}
