package org.stockroom.idempotency;

import org.junit.jupiter.api.Test;
import org.stockroom.api.JsonbConfiguration;
import org.stockroom.location.NewLocationRequest;
import org.stockroom.movement.MovementRequest;
import org.stockroom.product.NewProductRequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

/** The fingerprint is of the parsed request, so spacing and member order do not count. */
class RequestFingerprintTest {

    private static final String MOVEMENTS = "/api/v1/movements";

    @Test
    void givenTheSameMovementWithOtherSpacingAndMemberOrder_whenFingerprinted_thenTheFingerprintsAreEqual() {
        MovementRequest compact = parse("""
                {"type":"RECEIVE","sku":"BOLT-1","quantity":10,"to":"A-1","reference":"PO-77"}""", MovementRequest.class);
        MovementRequest spaced = parse("""
                {
                    "reference" : "PO-77",
                    "to"        : "A-1",
                    "quantity"  : 10,
                    "sku"       : "BOLT-1",
                    "type"      : "RECEIVE"
                }""", MovementRequest.class);

        assertThat(RequestFingerprint.of("POST", MOVEMENTS, spaced))
                .isEqualTo(RequestFingerprint.of("POST", MOVEMENTS, compact));
    }

    @Test
    void givenAnExplicitNullAndAnAbsentMember_whenFingerprinted_thenTheFingerprintsAreEqual() {
        MovementRequest withNull = parse("""
                {"type":"ISSUE","sku":"BOLT-1","quantity":1,"from":"A-1","to":null,"reason":null}""",
                MovementRequest.class);
        MovementRequest without = parse("""
                {"type":"ISSUE","sku":"BOLT-1","quantity":1,"from":"A-1"}""", MovementRequest.class);

        assertThat(RequestFingerprint.of("POST", MOVEMENTS, withNull))
                .isEqualTo(RequestFingerprint.of("POST", MOVEMENTS, without));
    }

    @Test
    void givenADifferentValue_whenFingerprinted_thenTheFingerprintsDiffer() {
        MovementRequest ten = new MovementRequest("RECEIVE", "BOLT-1", BigDecimal.valueOf(10), null, "A-1", null, null, null, null, null);
        MovementRequest eleven = new MovementRequest("RECEIVE", "BOLT-1", BigDecimal.valueOf(11), null, "A-1", null, null, null, null, null);

        assertThat(RequestFingerprint.of("POST", MOVEMENTS, ten))
                .isNotEqualTo(RequestFingerprint.of("POST", MOVEMENTS, eleven));
    }

    @Test
    void givenTheSameBodyToAnotherPath_whenFingerprinted_thenTheFingerprintsDiffer() {
        NewLocationRequest location = new NewLocationRequest("A-1", "Aisle 1");

        assertThat(RequestFingerprint.of("POST", "/api/v1/locations", location))
                .isNotEqualTo(RequestFingerprint.of("POST", "/api/v1/products", location));
    }

    @Test
    void givenARequest_whenWrittenCanonically_thenItsMembersAreSortedAndCompactWithoutNulls() {
        NewProductRequest product = new NewProductRequest("BOLT-1", "Hex bolt", null, null, "Fasteners", BigDecimal.valueOf(5), null);

        assertThat(RequestFingerprint.canonicalJson(product))
                .isEqualTo("{\"category\":\"Fasteners\",\"name\":\"Hex bolt\",\"reorderPoint\":5,\"sku\":\"BOLT-1\"}");
    }

    @Test
    void givenARequest_whenFingerprinted_thenItIsTheHexSha256OfMethodPathAndCanonicalJson() {
        NewLocationRequest location = new NewLocationRequest("A-1", "Aisle 1");

        assertThat(RequestFingerprint.of("POST", "/api/v1/locations", location))
                .matches("[0-9a-f]{64}")
                .isEqualTo(sha256Hex("POST\n/api/v1/locations\n{\"code\":\"A-1\",\"name\":\"Aisle 1\"}"));
    }

    private static <T> T parse(String json, Class<T> type) {
        return JsonbConfiguration.jsonb().fromJson(json, type);
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
