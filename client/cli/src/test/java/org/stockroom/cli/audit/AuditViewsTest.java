package org.stockroom.cli.audit;

import org.junit.jupiter.api.Test;
import org.stockroom.cli.Output;
import org.stockroom.client.model.AuditEvent;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditViewsTest {

    @Test
    void listsEventsWithWhoWhatAndTheChangedFields() {
        Output output = new Output(new PrintWriter(new StringWriter()), false, ZoneOffset.UTC);
        Instant at = Instant.parse("2025-11-21T10:15:30Z");
        Map<String, Object> revision = new LinkedHashMap<>();
        revision.put("version", new BigDecimal("3"));
        revision.put("before", Map.of("reorderPoint", new BigDecimal("20")));
        revision.put("after", Map.of("reorderPoint", new BigDecimal("30")));
        List<AuditEvent> events = List.of(
                new AuditEvent(12, at.plusSeconds(60), "ben", "product.revised", "product", "HINGE-75", revision),
                new AuditEvent(11, at, "anna", "movement.recorded", "movement", "35",
                        Map.of("type", "RECEIVE", "sku", "HINGE-75", "quantity", new BigDecimal("24"), "to", "MAIN")));

        assertThat(AuditCommand.table(events, output).lines()).containsExactly(
                "ID  WHEN              USER  ACTION             SUBJECT           DETAILS",
                "12  2025-11-21 10:16  ben   product.revised    product HINGE-75  after={reorderPoint=30}, before={reorderPoint=20}, version=3",
                "11  2025-11-21 10:15  anna  movement.recorded  movement 35       quantity=24, sku=HINGE-75, to=MAIN, type=RECEIVE");
    }

    @Test
    void describesNullMembersAndNoDetails() {
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("name", "Bolt");
        created.put("category", null);

        assertThat(AuditCommand.describe(created)).isEqualTo("category=null, name=Bolt");
        assertThat(AuditCommand.describe(Map.of())).isEmpty();
        assertThat(AuditCommand.describe(null)).isEmpty();
    }
}
