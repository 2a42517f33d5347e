package org.stockroom.desktop.connection;

/** What the status bar says about the server. */
public enum ConnectionState {
    CONNECTED("Connected"),
    RETRYING("Retrying..."),
    UNAVAILABLE("Server unavailable");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
