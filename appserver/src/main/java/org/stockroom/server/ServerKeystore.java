package org.stockroom.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;

/**
 * Checks the HTTPS keystore before the server starts, so that a wrong path or password is one
 * clear line naming the variable to fix, not a stack trace from deep inside the TLS set-up.
 */
final class ServerKeystore {

    private ServerKeystore() {
    }

    /**
     * The alias of the server's private key, which Helidon is told explicitly (it would
     * otherwise look for the alias "1"). Throws IllegalArgumentException unless the file is a
     * PKCS12 keystore with a private key that the password opens.
     */
    static String keyAlias(ServerSettings.Tls tls) {
        String where = ServerSettings.TLS_KEYSTORE_VARIABLE + " (" + tls.keystore() + ")";
        char[] password = tls.keystorePassword().toCharArray();
        KeyStore keystore;
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            keystore = KeyStore.getInstance("PKCS12");
            keystore.load(in, password);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + " does not exist");
        } catch (IOException e) {
            // PKCS12 reports a wrong password as an IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException(where + " cannot be opened with "
                        + ServerSettings.TLS_KEYSTORE_PASSWORD_VARIABLE + ": wrong password");
            }
            throw new IllegalArgumentException(where + " is not a readable PKCS12 keystore: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(where + " is not a readable PKCS12 keystore: " + e.getMessage());
        }
        try {
            for (String alias : Collections.list(keystore.aliases())) {
                if (keystore.isKeyEntry(alias)) {
                    keystore.getKey(alias, password);  // the key's own password must be the keystore's too
                    return alias;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(where + ": its private key cannot be read with "
                    + ServerSettings.TLS_KEYSTORE_PASSWORD_VARIABLE + " (" + e.getMessage() + ")");
        }
        throw new IllegalArgumentException(where + " holds no private key: make one with keytool -genkeypair"
                + " (see docs/security.md)");
    }
}
