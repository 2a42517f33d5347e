package org.stockroom.auth.password;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * PBKDF2-HMAC-SHA256 password hashes from the JDK alone, in the self-describing form
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}: a hash keeps the
 * iteration count it was made with, so the count for new hashes can be raised later and the
 * old hashes still verify.
 *
 * <p>Never log or return a password or a hash.
 */
public final class PasswordHasher {

    /** OWASP Password Storage Cheat Sheet (2023) for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 210_000;

    static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MIN_ITERATIONS = 1_000;        // refuse a stored hash tampered down to nothing
    private static final int MAX_ITERATIONS = 10_000_000;   // nor up to a denial of service

    private final int iterations;
    private final SecureRandom random;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS, new SecureRandom());
    }

    public PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be from " + MIN_ITERATIONS + " to " + MAX_ITERATIONS);
        }
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new hash of the password, with a fresh random salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, HASH_BYTES);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /**
     * Whether the password matches the stored hash, compared in constant time. A stored value
     * that is not a well-formed hash of this scheme never matches.
     */
    public boolean verify(char[] password, String stored) {
        Encoded encoded = Encoded.parse(stored);
        if (encoded == null) {
            return false;
        }
        byte[] candidate = derive(password, encoded.salt, encoded.iterations, encoded.hash.length);
        return MessageDigest.isEqual(candidate, encoded.hash);
    }

    /** The iteration count a stored hash was made with; -1 if it is not a well-formed hash. */
    public static int iterationsOf(String stored) {
        Encoded encoded = Encoded.parse(stored);
        return encoded == null ? -1 : encoded.iterations;
    }

    /** Whether a stored hash was made with fewer iterations than new hashes get (to re-hash at the next log-in). */
    public boolean needsRehash(String stored) {
        return iterationsOf(stored) < iterations;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int length) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Encoded(int iterations, byte[] salt, byte[] hash) {

        static Encoded parse(String stored) {
            if (stored == null) {
                return null;
            }
            String[] parts = stored.split("\\$", -1);
            if (parts.length != 4 || !parts[0].equals(SCHEME) || !parts[1].matches("[0-9]{1,8}")) {
                return null;
            }
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
                return null;
            }
            try {
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                if (salt.length < SALT_BYTES || hash.length < HASH_BYTES) {
                    return null;
                }
                return new Encoded(iterations, salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return "Encoded[iterations=" + iterations + "]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Encoded that && iterations == that.iterations
                    && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(iterations, Arrays.hashCode(salt), Arrays.hashCode(hash));
        }
    }
}
