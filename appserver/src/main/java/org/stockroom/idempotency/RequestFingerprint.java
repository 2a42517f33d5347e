package org.stockroom.idempotency;

import org.stockroom.api.JsonbConfiguration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a request's payload for {@code Idempotency-Key}: the SHA-256 (hex) of its
 * method, path and canonical JSON body. The body is canonical because it is the parsed request
 * record written again by the server's JSON-B: members in lexicographic order, no whitespace,
 * absent and {@code null} members alike left out. So two sends of the same request that differ
 * only in spacing or member order have the same fingerprint; any different value does not.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String method, String path, Object request) {
        String canonical = method + "\n" + path + "\n" + canonicalJson(request);
        return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    static String canonicalJson(Object request) {
        return JsonbConfiguration.jsonb().toJson(request);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
