package org.stockroom.auth.password;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PasswordHasherTest {

    /** Fewer iterations than in production, so that the tests stay fast; one test uses the real count. */
    private final PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom());

    @Test
    void givenAHash_whenTheSamePasswordIsVerified_thenItMatches() {
        String stored = hasher.hash("correct horse battery staple".toCharArray());

        assertThat(hasher.verify("correct horse battery staple".toCharArray(), stored)).isTrue();
    }

    @Test
    void givenAHash_whenAnotherPasswordIsVerified_thenItDoesNotMatch() {
        String stored = hasher.hash("correct horse battery staple".toCharArray());

        assertThat(hasher.verify("correct horse battery stapler".toCharArray(), stored)).isFalse();
        assertThat(hasher.verify("".toCharArray(), stored)).isFalse();
    }

    @Test
    void givenTheSamePasswordTwice_whenHashed_thenTheSaltsAndHashesDiffer() {
        String first = hasher.hash("same password".toCharArray());
        String second = hasher.hash("same password".toCharArray());

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[2]).isNotEqualTo(second.split("\\$")[2]);
        assertThat(first.split("\\$")[3]).isNotEqualTo(second.split("\\$")[3]);
        assertThat(hasher.verify("same password".toCharArray(), first)).isTrue();
        assertThat(hasher.verify("same password".toCharArray(), second)).isTrue();
    }

    @Test
    void givenTheDefaultHasher_whenHashing_thenTheFormatHoldsTheSchemeIterationsSaltAndHash() {
        String stored = new PasswordHasher().hash("a password".toCharArray());

        String[] parts = stored.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(210_000);
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(stored).doesNotContain("a password");
    }

    @Test
    void givenAStoredHash_whenItsIterationCountIsRead_thenItIsTheOneItWasMadeWith() {
        assertThat(PasswordHasher.iterationsOf(hasher.hash("x".toCharArray()))).isEqualTo(1_000);
        assertThat(PasswordHasher.iterationsOf(new PasswordHasher(250_000, new SecureRandom()).hash("x".toCharArray())))
                .isEqualTo(250_000);
        assertThat(PasswordHasher.iterationsOf("not a hash")).isEqualTo(-1);
    }

    @Test
    void givenAHashWithFewerIterations_whenVerifiedByAStrongerHasher_thenItStillMatchesAndNeedsARehash() {
        String old = hasher.hash("kept password".toCharArray());
        PasswordHasher stronger = new PasswordHasher(2_000, new SecureRandom());

        assertThat(stronger.verify("kept password".toCharArray(), old)).isTrue();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(stronger.needsRehash(stronger.hash("kept password".toCharArray()))).isFalse();
    }

    @Test
    void givenATamperedHash_whenVerified_thenItNeverMatches() {
        String stored = hasher.hash("secret password".toCharArray());
        String[] parts = stored.split("\\$");
        byte[] hash = Base64.getDecoder().decode(parts[3]);
        hash[0] ^= 1;
        String flippedBit = parts[0] + "$" + parts[1] + "$" + parts[2] + "$" + Base64.getEncoder().encodeToString(hash);
        String otherCount = parts[0] + "$" + 1_001 + "$" + parts[2] + "$" + parts[3];
        String tooFewIterations = parts[0] + "$" + 1 + "$" + parts[2] + "$" + parts[3];
        String otherSalt = parts[0] + "$" + parts[1] + "$" + Base64.getEncoder().encodeToString(new byte[16]) + "$" + parts[3];

        for (String tampered : new String[]{flippedBit, otherCount, tooFewIterations, otherSalt,
                stored.replace("pbkdf2-sha256", "pbkdf2-sha1"), stored + "$", stored.substring(0, stored.length() - 4),
                "pbkdf2-sha256$1000$!!!$!!!", "", "secret password"}) {
            assertThat(hasher.verify("secret password".toCharArray(), tampered)).as(tampered).isFalse();
        }
        assertThat(hasher.verify("secret password".toCharArray(), null)).isFalse();
    }

    @Test
    void givenAnIterationCountBelowTheMinimum_whenAHasherIsMade_thenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHasher(10, new SecureRandom()));
    }
}
