package org.stockroom.cli.audit;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.PageOptions;
import org.stockroom.cli.SinceOption;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.Table;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.AuditEvent;
import org.stockroom.client.model.AuditQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code stockroom audit}: who changed what, newest first (managers and admins). */
@Command(name = "audit", description = "List the audit trail, newest first: who changed what (managers and admins).")
public final class AuditCommand implements Callable<Integer> {

    @ParentCommand
    StockroomCommand stockroom;

    @Option(names = "--user", paramLabel = "USER", description = "Only changes made by this user (case is ignored).")
    String user;

    @Mixin
    SinceOption since;

    @Mixin
    PageOptions paging;

    @Override
    public Integer call() {
        StockroomClient client = stockroom.client();
        Output output = stockroom.output();
        AuditQuery query = new AuditQuery(user, since.since(), paging.limit(), null);
        paging.show(output, after -> client.audit().list(query.withAfter(after)), "audit events",
                events -> table(events, output));
        return ExitCode.OK;
    }

    static Table table(List<AuditEvent> events, Output output) {
        Table table = new Table().right("ID").left("WHEN").left("USER").left("ACTION").left("SUBJECT").left("DETAILS");
        for (AuditEvent event : events) {
            table.row(event.id(), output.time(event.occurredAt()), event.user(), event.action(),
                    event.subjectType() + " " + event.subjectKey(), describe(event.details()));
        }
        return table;
    }

    /** {@code name=Hinge, reorderPoint=5}: members by name, nested objects in braces. */
    static String describe(Map<String, ?> details) {
        if (details == null) {
            return "";
        }
        return new TreeMap<>(details).entrySet().stream()
                .map(member -> member.getKey() + "=" + describeValue(member.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String describeValue(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> object -> "{" + describe(asStringKeyed(object)) + "}";
            case BigDecimal number -> number.toPlainString();
            default -> value.toString();
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asStringKeyed(Map<?, ?> object) {
        return (Map<String, ?>) object;
    }
}
