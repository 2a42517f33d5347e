package org.stockroom.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests of an AOT training run ({@code -Dstockroom.aot.training=true}, see bin/stockroom-aot-cache):
 * a log-in and the common reads, so that the JDK's AOT cache also holds the classes and profiles of the
 * request path, not only those of the boot. The first request after a start is then no longer cold.
 */
final class AotTraining {

    static final String PROPERTY = "stockroom.aot.training";
    private static final Logger LOG = Logger.getLogger(AotTraining.class.getName());
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> READS = List.of("products?limit=1", "products?limit=100", "products?belowReorder=true",
            "stock", "locations", "movements?limit=10", "products/NO-SUCH-SKU");

    private AotTraining() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Sends the requests; a failure only makes the cache less complete, so it is logged, not thrown. */
    static void run(String baseUrl, String adminUser, String adminPassword) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).GET());
            HttpResponse<String> login = send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + adminUser + "\",\"password\":\""
                            + adminPassword + "\"}")));
            Matcher token = TOKEN.matcher(login.body());
            if (!token.find()) {
                LOG.warning("AOT training: the log-in was refused (" + login.statusCode() + "); the cache covers the boot only");
                return;
            }
            StringBuilder statuses = new StringBuilder();
            for (String read : READS) {
                statuses.append(' ').append(send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/" + read))
                        .header("Authorization", "Bearer " + token.group(1)).GET()).statusCode());
            }
            LOG.info("AOT training: logged in, then " + READS.size() + " reads answered" + statuses);
        } catch (IOException e) {
            LOG.warning("AOT training: a request failed (" + e.getMessage() + "); the cache covers less");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
