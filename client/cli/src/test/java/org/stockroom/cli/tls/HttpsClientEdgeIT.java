package org.stockroom.cli.tls;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Main;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.client.Page;
import org.stockroom.client.RetryPolicy;
import org.stockroom.client.ServerUnreachableException;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.Product;
import org.stockroom.client.model.ProductQuery;
import org.stockroom.server.ServerSettings;
import org.stockroom.server.StockroomServer;
import org.stockroom.testing.TestCertificates;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client library and the CLI against an HTTPS server whose certificate a throw-away CA
 * signed: trusted when given the CA certificate, refused in one plain line without it. Runs in
 * a JVM of its own (failsafe execution "edge-tests"), as it needs a server of its own.
 */
@Timeout(90)
class HttpsClientEdgeIT {

    private static final String ADMIN_PASSWORD = "edge-cli-admin-password-8Pk4";
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([A-Za-z0-9_-]+)\"");

    private static TestCertificates certificates;
    private static StockroomServer server;
    private static String url;
    private static String token;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        Path directory = Files.createTempDirectory("stockroom-edge-cli-");
        certificates = TestCertificates.createIn(directory);
        server = StockroomServer.start(ServerSettings.fromEnvironment(Map.of(
                "STOCKROOM_HTTP_HOST", "127.0.0.1",
                "STOCKROOM_HTTP_PORT", "0",
                "STOCKROOM_DATA_DIR", directory.resolve("data").toString(),
                "STOCKROOM_DEMO_DATA", "false",
                "STOCKROOM_ADMIN_PASSWORD", ADMIN_PASSWORD,
                ServerSettings.TLS_KEYSTORE_VARIABLE, certificates.serverKeystore().toString(),
                ServerSettings.TLS_KEYSTORE_PASSWORD_VARIABLE, certificates.password())));
        url = "https://127.0.0.1:" + server.port();
        token = logIn();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ---- Client library ---------------------------------------------------------------------

    @Test
    void givenTheCaCertificate_whenTheLibraryAsks_thenTheServerAnswers() {
        try (StockroomClient client = StockroomClient.builder().server(url).bearerToken(token)
                .trustedCertificates(certificates.caCertificate()).build()) {
            Page<Product> page = client.products().list(ProductQuery.all());

            assertThat(page.items()).isNotNull();
        }
    }

    @Test
    void givenNoCaCertificate_whenTheLibraryAsks_thenItIsUnreachableBecauseTheCertificateIsNotTrusted() {
        try (StockroomClient client = StockroomClient.builder().server(url).bearerToken(token)
                .retryPolicy(RetryPolicy.NONE).build()) {
            assertThatThrownBy(() -> client.products().list(ProductQuery.all()))
                    .isInstanceOf(ServerUnreachableException.class)
                    .hasMessageContaining("TLS")
                    .hasMessageContaining("not trusted")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void givenPlainHttp_whenTheLibraryAsksTheHttpsPort_thenItIsUnreachable() {
        try (StockroomClient client = StockroomClient.builder().server("http://127.0.0.1:" + server.port())
                .bearerToken(token).retryPolicy(RetryPolicy.NONE)
                .trustedCertificates(certificates.caCertificate()).build()) {
            assertThatThrownBy(() -> client.products().list(ProductQuery.all()))
                    .isInstanceOf(ServerUnreachableException.class);
        }
    }

    @Test
    void givenAFileWithoutACertificate_whenGivenToTheBuilder_thenRefusedNamingTheFile() {
        Path notACertificate = certificates.serverKeystore().resolveSibling("server.csr");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StockroomClient.builder().trustedCertificates(notACertificate))
                .withMessageContaining(notACertificate.toString());
    }

    // ---- CLI --------------------------------------------------------------------------------

    @Test
    void givenCaCertOption_whenTheCliLists_thenItSucceeds() {
        Run run = stockroom(Map.of(), "--ca-cert", certificates.caCertificate().toString(), "product", "list");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void givenTheCaCertificateInTheEnvironment_whenTheCliLists_thenItSucceeds() {
        Run run = stockroom(Map.of(StockroomCommand.CA_CERT_VARIABLE, certificates.caCertificate().toString()),
                "product", "list");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void givenNoCaCertificate_whenTheCliLists_thenOneLineSaysTheCertificateIsNotTrusted() {
        Run run = stockroom(Map.of(), "--no-retry", "product", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: cannot reach the Stockroom server at " + url)
                .contains("not trusted"));
    }

    @Test
    void givenAMissingCaCertificateFile_whenTheCliRuns_thenItIsAUsageError() {
        Run run = stockroom(Map.of(), "--ca-cert", "/nonexistent/ca.pem", "product", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("error: Invalid CA certificate (--ca-cert or $STOCKROOM_CA_CERT)")
                .contains("/nonexistent/ca.pem");
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run stockroom(Map<String, String> environment, String... args) {
        Map<String, String> env = new HashMap<>(environment);
        env.put(StockroomCommand.TOKEN_VARIABLE, token);
        List<String> withServer = new java.util.ArrayList<>(List.of("--server", url));
        withServer.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(withServer.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), env,
                ZoneOffset.UTC);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static String logIn() throws Exception {
        try (HttpClient http = HttpClient.newBuilder().sslContext(certificates.trustingTheCa()).build()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = TOKEN.matcher(answer.body());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(matcher.find()).isTrue();
            return matcher.group(1);
        }
    }
}
