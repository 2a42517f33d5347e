package org.stockroom.cli;

import org.stockroom.cli.audit.AuditCommand;
import org.stockroom.cli.csv.ExportCommand;
import org.stockroom.cli.csv.ImportCommand;
import org.stockroom.cli.location.LocationCommand;
import org.stockroom.cli.lot.LotsCommand;
import org.stockroom.cli.movement.MovementsCommand;
import org.stockroom.cli.product.ProductCommand;
import org.stockroom.cli.purchasing.PurchaseOrderCommand;
import org.stockroom.cli.session.LoginCommand;
import org.stockroom.cli.session.LogoutCommand;
import org.stockroom.cli.session.PasswordCommand;
import org.stockroom.cli.session.WhoamiCommand;
import org.stockroom.cli.stock.StockCommand;
import org.stockroom.cli.reservation.ReleaseCommand;
import org.stockroom.cli.reservation.ReservationsCommand;
import org.stockroom.cli.reservation.ReserveCommand;
import org.stockroom.cli.stocktake.StocktakeCommand;
import org.stockroom.cli.user.UserCommand;
import org.stockroom.cli.watch.WatchCommand;
import org.stockroom.client.IdempotencyKeys;
import org.stockroom.client.RetryPolicy;
import org.stockroom.client.SessionStore;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.StoredSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code stockroom} command: its global options, and the server connection and output
 * that its subcommands share.
 */
@Command(name = "stockroom",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "COMMAND",
        description = "Keeps track of products, locations and stock in a Stockroom server.",
        subcommands = {ProductCommand.class, LocationCommand.class, StockCommand.class, MovementsCommand.class,
                PurchaseOrderCommand.class,
                LotsCommand.class, WatchCommand.class,
                StocktakeCommand.class,
                ReserveCommand.class, ReservationsCommand.class, ReleaseCommand.class,
                LoginCommand.class, LogoutCommand.class, WhoamiCommand.class, PasswordCommand.class,
                UserCommand.class, AuditCommand.class, ImportCommand.class, ExportCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:the server refused (the reason is printed), also: not logged in, or the session has expired",
                "2:the server could not be reached or was unavailable (after retries), or the command line is wrong"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  STOCKROOM_URL         the server's URL when --server is not given",
                "  STOCKROOM_RETRIES     retries of a failed request, 0 to 10 (default 3)",
                "  STOCKROOM_TOKEN       a bearer token to send instead of the stored session",
                "  STOCKROOM_CONFIG_DIR  the folder of session.json (see docs/cli.md)",
                "  STOCKROOM_CA_CERT     a CA certificate file to trust (as --ca-cert)"})
public final class StockroomCommand {

    public static final String SERVER_VARIABLE = "STOCKROOM_URL";
    public static final String RETRIES_VARIABLE = "STOCKROOM_RETRIES";
    public static final String TOKEN_VARIABLE = "STOCKROOM_TOKEN";
    public static final String CA_CERT_VARIABLE = "STOCKROOM_CA_CERT";
    static final int MAX_RETRIES = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = {"The Stockroom server's URL.",
                    "Default: $" + SERVER_VARIABLE + ", else http://127.0.0.1:8080."})
    String server;

    @Option(names = "--ca-cert", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = {"Also trust this CA certificate (PEM or DER) for an https server.",
                    "Default: $" + CA_CERT_VARIABLE + ", else only the CAs the JDK trusts."})
    Path caCertificate;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the server's JSON instead of tables.")
    boolean json;

    @Option(names = "--no-retry", scope = ScopeType.INHERIT,
            description = {"Send each request once, even when the server is unreachable or unavailable.",
                    "Default: retry up to $" + RETRIES_VARIABLE + " (else 3) times within 20 s."})
    boolean noRetry;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment;
    private final ZoneId zone;
    private final Prompter prompter;
    private StockroomClient client;
    private String idempotencyKey;
    private SessionStore sessions;

    public StockroomCommand(PrintWriter out, PrintWriter err, Map<String, String> environment, ZoneId zone,
                            Prompter prompter) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.zone = zone;
        this.prompter = prompter;
    }

    /** The server URL in effect: {@code --server}, else {@code $STOCKROOM_URL}, else the default. */
    public String serverUrl() {
        if (server != null && !server.isBlank()) {
            return server;
        }
        String fromEnvironment = environment.get(SERVER_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return StockroomClient.DEFAULT_SERVER.toString();
    }

    /** The CA certificate file in effect: {@code --ca-cert}, else {@code $STOCKROOM_CA_CERT}, else none. */
    Path caCertificateFile() {
        if (caCertificate != null) {
            return caCertificate;
        }
        String fromEnvironment = environment.get(CA_CERT_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment.strip());
    }

    /**
     * When to send a request again: never with {@code --no-retry}, else as many retries as
     * {@code $STOCKROOM_RETRIES} says (3 if unset) within the default 20 s.
     */
    public RetryPolicy retryPolicy() {
        if (noRetry) {
            return RetryPolicy.NONE;
        }
        String text = environment.get(RETRIES_VARIABLE);
        if (text == null || text.isBlank()) {
            return RetryPolicy.DEFAULT;
        }
        int retries;
        try {
            retries = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            retries = -1;
        }
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new ParameterException(spec.commandLine(), "Invalid $" + RETRIES_VARIABLE + ": '" + text
                    + "' (expected a whole number from 0 to " + MAX_RETRIES + ")");
        }
        return RetryPolicy.DEFAULT.withMaxAttempts(retries + 1);
    }

    /** The server's root in the one spelling sessions are stored by, e.g. {@code http://127.0.0.1:8080}. */
    public URI server() {
        try {
            return StockroomClient.serverRoot(serverUrl());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid server URL (--server or $" + SERVER_VARIABLE + "): " + e.getMessage());
        }
    }

    /** Where {@code stockroom login} keeps sessions: {@code $STOCKROOM_CONFIG_DIR}, else the user's config folder. */
    public SessionStore sessions() {
        if (sessions == null) {
            sessions = SessionStore.inDefaultDirectory(environment);
        }
        return sessions;
    }

    /**
     * The bearer token this run sends: {@code $STOCKROOM_TOKEN} if set (for scripts), else the
     * one stored by {@code stockroom login} for this server; none otherwise.
     */
    public Optional<Token> token() {
        String fromEnvironment = environment.get(TOKEN_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new Token(fromEnvironment.strip(), true));
        }
        return sessions().find(server()).map(session -> new Token(session.token(), false));
    }

    /** Whether {@code $STOCKROOM_TOKEN} is set, and so wins over a stored session. */
    public boolean tokenFromEnvironment() {
        return token().map(Token::fromEnvironment).orElse(false);
    }

    /** The session {@code stockroom login} stored for this server, if any. */
    public Optional<StoredSession> storedSession() {
        return sessions().find(server());
    }

    /** A bearer token, and whether it came from {@code $STOCKROOM_TOKEN} rather than the session file. */
    public record Token(String value, boolean fromEnvironment) {
        @Override
        public String toString() {
            return "Token[fromEnvironment=" + fromEnvironment + "]";
        }
    }

    /** The client for this run, connected on first use, with the {@link #token() token} in effect. */
    public StockroomClient client() {
        if (client == null) {
            RetryPolicy retryPolicy = retryPolicy();
            URI root = server();
            StockroomClient.Builder builder = StockroomClient.builder().server(root).retryPolicy(retryPolicy)
                    .bearerToken(token().map(Token::value).orElse(null));
            Path ca = caCertificateFile();
            if (ca != null) {
                try {
                    builder.trustedCertificates(ca);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(),
                            "Invalid CA certificate (--ca-cert or $" + CA_CERT_VARIABLE + "): " + e.getMessage());
                }
            }
            client = builder.build();
        }
        return client;
    }

    /** Where to ask for user names and passwords. */
    public Prompter prompter() {
        return prompter;
    }

    /** Standard output, for what a command writes as it is (an export's CSV). */
    public PrintWriter out() {
        return out;
    }

    /** For notes beside the result, such as a warning; standard error. */
    public PrintWriter err() {
        return err;
    }

    /**
     * The idempotency key of this command: made fresh for each run of {@code stockroom}, the
     * same for every call within it, so that the change it asks for is applied once however
     * often the request has to be sent. A command makes at most one change.
     */
    public String idempotencyKey() {
        if (idempotencyKey == null) {
            idempotencyKey = IdempotencyKeys.newKey();
        }
        return idempotencyKey;
    }

    public Output output() {
        return new Output(out, json, zone);
    }

    void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
