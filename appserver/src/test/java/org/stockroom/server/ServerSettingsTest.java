package org.stockroom.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.database.DatabaseCoordinates;
import org.stockroom.ratelimit.TrustedProxies;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ServerSettingsTest {

    private static final String POSTGRES_URL = "jdbc:postgresql://db:5432/stockroom";

    @Test
    void givenAnEmptyEnvironment_whenRead_thenALocalServerWithAnEmbeddedDatabaseAndDemoData() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of());

        assertThat(settings.httpHost()).isEqualTo("127.0.0.1");
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.externalDatabase()).isEmpty();
        assertThat(settings.dataDirectory()).isAbsolute().isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.embeddedDatabasePort()).isZero();
        assertThat(settings.demoData()).isTrue();
        assertThat(settings.databasePoolSize()).isEqualTo(10);
        assertThat(settings.idempotencyTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(settings.maxImportBytes()).isEqualTo(256L * 1024 * 1024);
    }

    @Test
    void givenADatabaseUrl_whenRead_thenThatDatabaseIsUsedWithoutDemoData() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of(
                "STOCKROOM_DB_URL", POSTGRES_URL,
                "STOCKROOM_DB_USER", "stockroom",
                "STOCKROOM_DB_PASSWORD", "secret"));

        assertThat(settings.externalDatabase())
                .contains(new DatabaseCoordinates(POSTGRES_URL, "stockroom", "secret"));
        assertThat(settings.demoData()).isFalse();
    }

    @Test
    void givenABlankDatabaseUrl_whenRead_thenTheEmbeddedDatabaseIsUsed() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of("STOCKROOM_DB_URL", "  "));

        assertThat(settings.externalDatabase()).isEmpty();
        assertThat(settings.demoData()).isTrue();
    }

    @Test
    void givenAnExternalDatabaseAndDemoDataAskedFor_whenRead_thenDemoDataIsLoaded() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of(
                "STOCKROOM_DB_URL", POSTGRES_URL, "STOCKROOM_DEMO_DATA", "true"));

        assertThat(settings.demoData()).isTrue();
    }

    @Test
    void givenTheEmbeddedDatabaseAndDemoDataTurnedOff_whenRead_thenNoDemoData() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of("STOCKROOM_DEMO_DATA", "false"));

        assertThat(settings.demoData()).isFalse();
    }

    @Test
    void givenEveryVariable_whenRead_thenEachIsUsed() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.ofEntries(
                Map.entry("STOCKROOM_HTTP_HOST", "0.0.0.0"),
                Map.entry("STOCKROOM_HTTP_PORT", "9090"),
                Map.entry("STOCKROOM_DATA_DIR", "/var/lib/stockroom"),
                Map.entry("STOCKROOM_EMBEDDED_DB_PORT", "5433"),
                Map.entry("STOCKROOM_DEMO_DATA", "false"),
                Map.entry("STOCKROOM_DB_POOL_SIZE", "25"),
                Map.entry("STOCKROOM_IDEMPOTENCY_TTL", "PT2H"),
                Map.entry("STOCKROOM_ADMIN_PASSWORD", " a long secret "),
                Map.entry("STOCKROOM_TOKEN_TTL", "PT30M"),
                Map.entry("STOCKROOM_SESSION_CACHE_TTL", "PT0S"),
                Map.entry("STOCKROOM_RATE_LIMIT_PER_USER", "7"),
                Map.entry("STOCKROOM_RATE_LIMIT_PER_ADDRESS", "0"),
                Map.entry("STOCKROOM_TLS_KEYSTORE", "/etc/stockroom/server.p12"),
                Map.entry("STOCKROOM_TLS_KEYSTORE_PASSWORD", "keystore secret"),
                Map.entry("STOCKROOM_MAX_BODY_BYTES", "1048576"),
                Map.entry("STOCKROOM_MAX_IMPORT_BYTES", "10000000000"),
                Map.entry("STOCKROOM_LOGIN_CONCURRENCY", "3"),
                Map.entry("STOCKROOM_LOGIN_FAILURES_PER_USER_AND_ADDRESS", "4"),
                Map.entry("STOCKROOM_LOGIN_FAILURES_PER_ADDRESS", "0"),
                Map.entry("STOCKROOM_LOGIN_FAILURES_PER_USER", "50"),
                Map.entry("STOCKROOM_LOGIN_FAILURE_WINDOW", "PT5M"),
                Map.entry("STOCKROOM_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8"),
                Map.entry("STOCKROOM_EVENTS_HEARTBEAT", "PT5S")));

        assertThat(settings).isEqualTo(new ServerSettings("0.0.0.0", 9090, Optional.empty(),
                Path.of("/var/lib/stockroom").toAbsolutePath(), 5433, false, 25, Duration.ofHours(2),
                Optional.of(" a long secret "), Duration.ofMinutes(30), Duration.ZERO, new ServerSettings.RateLimits(7, 0),
                Optional.of(new ServerSettings.Tls(Path.of("/etc/stockroom/server.p12").toAbsolutePath(),
                        "keystore secret")), 1_048_576, 10_000_000_000L,
                new ServerSettings.LogIns(3, 4, 0, 50, Duration.ofMinutes(5)),
                TrustedProxies.parse("127.0.0.1, 10.0.0.0/8"), Duration.ofSeconds(5)));
    }

    @Test
    void givenNoEventsHeartbeat_whenRead_thenStreamsHearFromTheServerEvery15Seconds() {
        assertThat(ServerSettings.fromEnvironment(Map.of()).eventsHeartbeat()).isEqualTo(Duration.ofSeconds(15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0.5S", "PT31S", "PT0S", "15"})
    void givenAnEventsHeartbeatOutsideOneToThirtySeconds_whenRead_thenTheVariableIsNamed(String heartbeat) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_EVENTS_HEARTBEAT", heartbeat)))
                .withMessageContaining("STOCKROOM_EVENTS_HEARTBEAT");
    }

    @Test
    void givenATrustedProxyThatIsAHostName_whenRead_thenTheMessageNamesTheVariableAndTheEntry() {
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_TRUSTED_PROXIES", "10.0.0.1, haproxy")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STOCKROOM_TRUSTED_PROXIES")
                .hasMessageContaining("'haproxy'");
    }

    @Test
    void givenNoAuthVariables_whenRead_thenNoAdminPasswordAndTokensLastEightHours() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of("STOCKROOM_ADMIN_PASSWORD", "  "));

        assertThat(settings.adminPassword()).isEmpty();
        assertThat(settings.tokenTtl()).isEqualTo(Duration.ofHours(8));
        assertThat(settings.sessionCacheTtl()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void givenAShortAdminPassword_whenRead_thenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_ADMIN_PASSWORD", "admin")))
                .withMessageContaining("STOCKROOM_ADMIN_PASSWORD must be at least 12 characters")
                .withMessageNotContaining("admin'");
    }

    @Test
    void givenAnAdminPassword_whenPrinted_thenItIsHidden() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of("STOCKROOM_ADMIN_PASSWORD", "correct horse battery"));

        assertThat(settings.toString()).doesNotContain("correct horse battery").contains("adminPassword=(set)");
    }

    @Test
    void givenAnInvalidTokenTtl_whenRead_thenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_TOKEN_TTL", "8h")))
                .withMessageContaining("STOCKROOM_TOKEN_TTL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5s", "-PT5S", "PT-1S"})
    void givenAnInvalidSessionCacheTtl_whenRead_thenRefused(String ttl) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_SESSION_CACHE_TTL", ttl)))
                .withMessageContaining("STOCKROOM_SESSION_CACHE_TTL");
    }

    @Test
    void givenNumbersWithSpaces_whenRead_thenTheyAreTrimmed() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of(
                "STOCKROOM_HTTP_PORT", " 9090 ", "STOCKROOM_DB_POOL_SIZE", " 4 "));

        assertThat(settings.httpPort()).isEqualTo(9090);
        assertThat(settings.databasePoolSize()).isEqualTo(4);
    }

    @Test
    void givenBlankNumbers_whenRead_thenTheDefaultsApply() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of(
                "STOCKROOM_HTTP_PORT", "", "STOCKROOM_EMBEDDED_DB_PORT", " ", "STOCKROOM_DB_POOL_SIZE", ""));

        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.embeddedDatabasePort()).isZero();
        assertThat(settings.databasePoolSize()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65535})
    void givenAPortAtTheEdgesOfTheRange_whenRead_thenItIsAccepted(int port) {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of("STOCKROOM_HTTP_PORT", Integer.toString(port)));

        assertThat(settings.httpPort()).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "-1", "65536", "80.5"})
    void givenABadHttpPort_whenRead_thenTheVariableIsNamed(String port) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_HTTP_PORT", port)))
                .withMessageContaining("STOCKROOM_HTTP_PORT")
                .withMessageContaining("'" + port + "'");
    }

    @Test
    void givenABadEmbeddedDatabasePort_whenRead_thenTheVariableIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_EMBEDDED_DB_PORT", "99999")))
                .withMessageContaining("STOCKROOM_EMBEDDED_DB_PORT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "ten"})
    void givenABadPoolSize_whenRead_thenTheVariableIsNamed(String poolSize) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_DB_POOL_SIZE", poolSize)))
                .withMessageContaining("STOCKROOM_DB_POOL_SIZE")
                .withMessageContaining("'" + poolSize + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "64k", "99999999999"})
    void givenABadBodyLimit_whenRead_thenTheVariableIsNamed(String limit) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_MAX_BODY_BYTES", limit)))
                .withMessageContaining("STOCKROOM_MAX_BODY_BYTES")
                .withMessageContaining("'" + limit + "'");
    }

    @Test
    void givenADatabaseUrlThatIsNotPostgres_whenRead_thenTheVariableIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_DB_URL", "jdbc:mysql://db/stockroom")))
                .withMessageContaining("STOCKROOM_DB_URL");
    }

    @org.junit.jupiter.api.Test
    void givenBlankVariables_whenRead_thenTheDefaultsApply() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of(
                "STOCKROOM_HTTP_HOST", " ", "STOCKROOM_DATA_DIR", "", "STOCKROOM_DEMO_DATA", ""));
        assertThat(settings.httpHost()).isEqualTo("127.0.0.1");
        assertThat(settings.dataDirectory()).isEqualTo(java.nio.file.Path.of("data").toAbsolutePath());
        assertThat(settings.demoData()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void givenADemoDataFlagThatIsNeitherTrueNorFalse_whenRead_thenItIsRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_DEMO_DATA", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STOCKROOM_DEMO_DATA");
    }

    @Test
    void givenNoRateLimitVariables_whenRead_thenTheDefaultsApply() {
        assertThat(ServerSettings.fromEnvironment(Map.of()).rateLimits())
                .isEqualTo(new ServerSettings.RateLimits(200, 400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "ten", "1.5", "1000001"})
    void givenABadRateLimit_whenRead_thenTheVariableIsNamed(String limit) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_RATE_LIMIT_PER_USER", limit)))
                .withMessageContaining("STOCKROOM_RATE_LIMIT_PER_USER")
                .withMessageContaining("'" + limit + "'");
    }

    @Test
    void givenNoLogInVariables_whenRead_thenHalfTheProcessorsCheckAndFiveTwentyAHundredFailuresPerQuarterHour() {
        assertThat(ServerSettings.fromEnvironment(Map.of()).logIns())
                .isEqualTo(new ServerSettings.LogIns(0, 5, 20, 100, Duration.ofMinutes(15)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "two", "1025"})
    void givenABadLogInConcurrency_whenRead_thenTheVariableIsNamed(String concurrency) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_LOGIN_CONCURRENCY", concurrency)))
                .withMessageContaining("STOCKROOM_LOGIN_CONCURRENCY")
                .withMessageContaining("'" + concurrency + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOCKROOM_LOGIN_FAILURES_PER_USER_AND_ADDRESS", "STOCKROOM_LOGIN_FAILURES_PER_ADDRESS",
            "STOCKROOM_LOGIN_FAILURES_PER_USER"})
    void givenANegativeFailureLimit_whenRead_thenTheVariableIsNamed(String variable) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of(variable, "-5")))
                .withMessageContaining(variable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"15m", "PT0S", "-PT1M"})
    void givenABadFailureWindow_whenRead_thenTheVariableIsNamed(String window) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_LOGIN_FAILURE_WINDOW", window)))
                .withMessageContaining("STOCKROOM_LOGIN_FAILURE_WINDOW");
    }

    @Test
    void givenNoTlsVariables_whenRead_thenPlainHttp() {
        assertThat(ServerSettings.fromEnvironment(Map.of()).tls()).isEmpty();
    }

    @Test
    void givenAKeystoreWithoutItsPassword_whenRead_thenRefusedNamingTheMissingVariable() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_TLS_KEYSTORE", "server.p12")))
                .withMessageContaining("STOCKROOM_TLS_KEYSTORE_PASSWORD");
    }

    @Test
    void givenATlsPassword_whenPrinted_thenItIsHidden() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of(
                "STOCKROOM_TLS_KEYSTORE", "server.p12", "STOCKROOM_TLS_KEYSTORE_PASSWORD", "keystore secret"));

        assertThat(settings.toString()).doesNotContain("keystore secret").contains("keystorePassword=(set)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"24h", "PT0S", "-PT1H", "P1M"})
    void givenABadIdempotencyTtl_whenRead_thenTheVariableIsNamed(String ttl) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerSettings.fromEnvironment(Map.of("STOCKROOM_IDEMPOTENCY_TTL", ttl)))
                .withMessageContaining("STOCKROOM_IDEMPOTENCY_TTL")
                .withMessageContaining("'" + ttl + "'");
    }
}
