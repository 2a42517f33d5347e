package org.stockroom.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The session file: where it goes, what it keeps, and that only its owner may read it. */
class SessionStoreTest {

    private static final URI LOCAL = URI.create("http://127.0.0.1:8080");
    private static final URI OTHER = URI.create("https://stock.example");

    @TempDir
    Path temp;

    private static StoredSession session(URI server, String user, String token) {
        return new StoredSession(server.toString(), user, "clerk", token, Instant.parse("2026-11-22T17:03:00Z"));
    }

    @Test
    void keepsOneSessionPerServer() {
        SessionStore store = new SessionStore(temp.resolve("stockroom"));

        store.save(session(LOCAL, "alice", "sr_1"));
        store.save(session(OTHER, "bob", "sr_2"));
        store.save(session(LOCAL, "carol", "sr_3"));

        SessionStore reread = new SessionStore(temp.resolve("stockroom"));
        assertThat(reread.find(LOCAL)).contains(session(LOCAL, "carol", "sr_3"));
        assertThat(reread.find(OTHER)).contains(session(OTHER, "bob", "sr_2"));
        assertThat(reread.find(URI.create("http://elsewhere:8080"))).isEmpty();
    }

    @Test
    void forgetsASessionAndDeletesTheFileWithTheLast() {
        SessionStore store = new SessionStore(temp);
        store.save(session(LOCAL, "alice", "sr_1"));
        store.save(session(OTHER, "bob", "sr_2"));

        assertThat(store.remove(LOCAL)).isTrue();
        assertThat(store.remove(LOCAL)).isFalse();
        assertThat(store.find(LOCAL)).isEmpty();
        assertThat(store.find(OTHER)).isPresent();
        assertThat(store.remove(OTHER)).isTrue();
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void createsTheFileAndDirectoryForTheOwnerOnly() throws IOException {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path directory = temp.resolve("config").resolve("stockroom");
        SessionStore store = new SessionStore(directory);

        store.save(session(LOCAL, "alice", "sr_1"));
        store.save(session(OTHER, "bob", "sr_2"));  // a rewrite keeps them

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(store.file());  // no temporary file left behind
        }
    }

    @Test
    void treatsADamagedFileAsNoSession() throws IOException {
        SessionStore store = new SessionStore(temp);
        Files.writeString(store.file(), "{not json");

        assertThat(store.find(LOCAL)).isEmpty();
        store.save(session(LOCAL, "alice", "sr_1"));
        assertThat(store.find(LOCAL)).isPresent();
    }

    @Test
    void neverShowsTheTokenInItsText() {
        assertThat(session(LOCAL, "alice", "sr_secret").toString()).contains("alice").doesNotContain("sr_secret");
    }

    @Test
    void tellsAnExpiredSession() {
        StoredSession session = session(LOCAL, "alice", "sr_1");

        assertThat(session.expiredAt(Instant.parse("2026-11-22T17:02:59Z"))).isFalse();
        assertThat(session.expiredAt(Instant.parse("2026-11-22T17:03:00Z"))).isTrue();
    }

    @Test
    void findsItsDirectoryInTheEnvironment() {
        Path home = Path.of("/home/alice");

        assertThat(SessionStore.defaultDirectory(Map.of("STOCKROOM_CONFIG_DIR", "/tmp/sr"), "Linux", home))
                .isEqualTo(Path.of("/tmp/sr"));
        assertThat(SessionStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/home/alice/.cfg"), "Linux", home))
                .isEqualTo(Path.of("/home/alice/.cfg/stockroom"));
        assertThat(SessionStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "relative"), "Linux", home))
                .isEqualTo(Path.of("/home/alice/.config/stockroom"));
        assertThat(SessionStore.defaultDirectory(Map.of(), "Mac OS X", home))
                .isEqualTo(Path.of("/home/alice/.config/stockroom"));
        assertThat(SessionStore.defaultDirectory(Map.of("APPDATA", "/appdata"), "Windows 11", home))
                .isEqualTo(Path.of("/appdata", "Stockroom"));
    }
}
