package org.stockroom.desktop.dialogs;

import org.stockroom.client.model.Location;
import org.stockroom.client.model.NewLocation;
import org.stockroom.desktop.connection.ServerConnection;

import javax.swing.JTextField;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Creates a location (a shelf, bin, room or van). */
public final class LocationDialog extends FormDialog {

    private final ServerConnection connection;
    private final Consumer<Location> onCreated;
    private final JTextField code;
    private final JTextField name;
    private final RequestKeys keys = new RequestKeys();

    private LocationDialog(Window owner, ServerConnection connection, Consumer<Location> onCreated) {
        super(owner, "New location", "Create");
        this.connection = connection;
        this.onCreated = onCreated;
        code = addField("Code", "code", new JTextField(12));
        name = addField("Name", "name", new JTextField(30));
    }

    public static void create(Window owner, ServerConnection connection, Consumer<Location> onCreated) {
        new LocationDialog(owner, connection, onCreated).showCentred();
    }

    @Override
    protected List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (text(code).isEmpty() || text(code).length() > 32) {
            problems.add("Enter a code of 1 to 32 characters, e.g. A-01.");
        }
        if (text(name).isEmpty()) {
            problems.add("Enter the location's name.");
        }
        return problems;
    }

    @Override
    protected void submit() {
        NewLocation location = new NewLocation(text(code), text(name));
        String key = keys.keyFor(location);
        connection.run(() -> connection.client().locations().create(location, key), created -> {
            succeeded();
            onCreated.accept(created);
        }, this::refused);
    }
}
