package org.stockroom.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the user's log-ins between runs in one small JSON file, {@code session.json}, one
 * session per server, so a user can be logged in to a test and a production server at once and
 * a token is only ever sent to the server that issued it.
 *
 * <p>The file holds bearer tokens, so only its owner may read it: on POSIX file systems it is
 * created with permissions {@code rw-------} in a directory created {@code rwx------}, both
 * given at creation, so there is no moment in which another user could read it. Every write
 * goes to a new temporary file (created {@code rw-------} as well) that then replaces the old
 * one in one atomic move, so a reader never sees half a file. Where the file system has no
 * POSIX permissions (Windows), the file lives in the user's profile ({@code %APPDATA%}), whose
 * access list already admits only that user and the administrators.
 *
 * <p>Where it lives: {@code $STOCKROOM_CONFIG_DIR} if set; on Windows {@code %APPDATA%\Stockroom};
 * else {@code $XDG_CONFIG_HOME/stockroom}, by default {@code ~/.config/stockroom}.
 */
public final class SessionStore {

    public static final String CONFIG_DIR_VARIABLE = "STOCKROOM_CONFIG_DIR";
    public static final String FILE_NAME = "session.json";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final Path file;
    private final boolean posix;
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true).withNullValues(false));

    public SessionStore(Path directory) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The store in the directory the environment points to (see the class comment). */
    public static SessionStore inDefaultDirectory(Map<String, String> environment) {
        return new SessionStore(defaultDirectory(environment, System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home"))));
    }

    /** Where the session file goes for this environment, operating system and home directory. */
    static Path defaultDirectory(Map<String, String> environment, String osName, Path home) {
        String configured = environment.get(CONFIG_DIR_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String appData = environment.get("APPDATA");
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows") && appData != null && !appData.isBlank()) {
            return Path.of(appData, "Stockroom");
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {  // the XDG spec ignores relative ones
            return Path.of(xdg, "stockroom");
        }
        return home.resolve(".config").resolve("stockroom");
    }

    /** The session file, whether or not it exists yet. */
    public Path file() {
        return file;
    }

    /** The session for that server, if the user logged in to it and has not logged out since. */
    public Optional<StoredSession> find(URI server) {
        String key = server.toString();
        return readAll().stream().filter(session -> key.equals(session.server())).findFirst();
    }

    /** Keeps {@code session}, replacing any earlier one for the same server. */
    public void save(StoredSession session) {
        List<StoredSession> sessions = new ArrayList<>(readAll());
        sessions.removeIf(kept -> kept.server().equals(session.server()));
        sessions.add(session);
        write(sessions);
    }

    /** Forgets the session for that server; true if there was one. Deletes the file with the last one. */
    public boolean remove(URI server) {
        List<StoredSession> sessions = new ArrayList<>(readAll());
        if (!sessions.removeIf(kept -> kept.server().equals(server.toString()))) {
            return false;
        }
        if (sessions.isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
            }
        } else {
            write(sessions);
        }
        return true;
    }

    /** The file's contents, as it holds them. */
    public record Contents(List<StoredSession> sessions) {
        public Contents {
            sessions = sessions == null ? List.of() : List.copyOf(sessions);
        }
    }

    private List<StoredSession> readAll() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            Contents contents = jsonb.fromJson(text, Contents.class);
            return contents == null ? List.of() : contents.sessions().stream()
                    .filter(session -> session != null && session.server() != null && session.token() != null)
                    .toList();
        } catch (JsonbException e) {
            // Damaged (edited by hand?): as good as logged out; the next log-in writes a good one.
            return List.of();
        }
    }

    private void write(List<StoredSession> sessions) {
        byte[] bytes = jsonb.toJson(new Contents(sessions)).getBytes(StandardCharsets.UTF_8);
        Path temporary = null;
        try {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                temporary = Files.createTempFile(directory, FILE_NAME, ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createDirectories(directory);
                temporary = Files.createTempFile(directory, FILE_NAME, ".tmp", new FileAttribute<?>[0]);
            }
            Files.write(temporary, bytes);
            moveIntoPlace(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);  // only left when something failed
                } catch (IOException ignored) {
                    // a stray temporary file in our own directory does no harm
                }
            }
        }
    }

    private void moveIntoPlace(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "SessionStore[" + file + "]";
    }
}
