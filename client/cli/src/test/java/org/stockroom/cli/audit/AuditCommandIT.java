package org.stockroom.cli.audit;

import org.junit.jupiter.api.Test;
import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Main;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.security.Role;
import org.stockroom.testing.StockroomTestServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code stockroom audit} against the real test server. */
class AuditCommandIT {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run stockroom(Role role, String... args) {
        List<String> withServer = new ArrayList<>(List.of("--server", StockroomTestServer.baseUri().toString()));
        withServer.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(withServer.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of(StockroomCommand.TOKEN_VARIABLE, StockroomTestServer.tokenOf(role)), ZoneOffset.UTC);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void listsWhoChangedWhatSinceATime() {
        String sku = "AUDIT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Instant before = Instant.now().minusSeconds(1);
        assertThat(stockroom(Role.MANAGER, "product", "add", sku, "--name", "Hinge", "--reorder-point", "20").exitCode())
                .isZero();
        assertThat(stockroom(Role.MANAGER, "product", "edit", sku, "--reorder-point", "30").exitCode()).isZero();

        Run audit = stockroom(Role.ADMIN, "audit", "--user", "TEST-MANAGER", "--since", before.toString(), "--all");

        assertThat(audit.exitCode()).as(audit.err()).isZero();
        List<String> lines = audit.out().lines().toList();
        assertThat(lines.getFirst().split(" +")).containsExactly("ID", "WHEN", "USER", "ACTION", "SUBJECT", "DETAILS");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("test-manager", "product.revised", "product " + sku,
                        "after={reorderPoint=30}, before={reorderPoint=20}"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("test-manager", "product.created", "product " + sku, "name=Hinge"));
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains("test-manager"));
    }

    @Test
    void aClerkIsRefused() {
        Run refused = stockroom(Role.CLERK, "audit");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).startsWith("error: ");
    }
}
