package org.stockroom.desktop;

import java.util.prefs.Preferences;

/**
 * What the desktop client remembers between runs: the server, the last user name, the theme and
 * how often to poll when the live stream is down. Never the password or the token: a desktop left unlocked should not stay logged in
 * after the window is closed.
 */
public final class DesktopSettings {

    static final String DEFAULT_SERVER = "http://127.0.0.1:8080";

    private final Preferences preferences;

    public DesktopSettings(Preferences preferences) {
        this.preferences = preferences;
    }

    /** The user's own settings store (on Linux under ~/.java/.userPrefs). */
    public static DesktopSettings forUser() {
        return new DesktopSettings(Preferences.userNodeForPackage(DesktopSettings.class));
    }

    public String server() {
        return preferences.get("server", DEFAULT_SERVER);
    }

    public void setServer(String server) {
        preferences.put("server", server);
    }

    public String username() {
        return preferences.get("username", "");
    }

    public void setUsername(String username) {
        preferences.put("username", username);
    }

    /**
     * How often, in milliseconds, the window fetches the selected product again while its live stream
     * is down; 3 s unless set. (The tests set it high, so that only the stream can explain an update.)
     */
    public int pollMillis() {
        return Math.max(500, preferences.getInt("pollMillis", 3_000));
    }

    public void setPollMillis(int millis) {
        preferences.putInt("pollMillis", millis);
    }

    public boolean darkTheme() {
        return preferences.getBoolean("darkTheme", false);
    }

    public void setDarkTheme(boolean dark) {
        preferences.putBoolean("darkTheme", dark);
    }
}
