package org.stockroom.csv;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.stockroom.persistence.Stockroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes products, locations, stock levels or the ledger as CSV, straight from one query: its rows
 * are fetched from a server-side cursor a thousand at a time and written as they come, so an
 * export of any size takes the same memory, and one statement sees one snapshot of the data.
 * Products and locations are written with the columns their import reads, so an exported file
 * imports again as unchanged.
 */
@ApplicationScoped
public class ExportService {

    /** Rows fetched from the cursor at a time. */
    static final int FETCH_SIZE = 1_000;

    /** What can be exported: its header and its query. */
    public enum ExportKind {
        PRODUCTS(List.of("sku", "name", "description", "unitOfMeasure", "category", "reorderPoint", "lotTracked"), """
                select sku, name, description, unit_of_measure, category,
                       round(reorder_point, decimal_places), cast(lot_tracked as text)
                  from product order by sku"""),
        LOCATIONS(List.of("code", "name"), "select code, name from location order by code"),
        // reserved and available came with reservations: after the first four, so that readers by position still work.
        STOCK(List.of("sku", "location", "onHand", "unitOfMeasure", "reserved", "available"), """
                select p.sku, l.code, round(s.on_hand, p.decimal_places), p.unit_of_measure,
                       round(s.reserved, p.decimal_places), round(s.on_hand - s.reserved, p.decimal_places)
                  from stock_level s join product p on p.id = s.product_id join location l on l.id = s.location_id
                 where (cast(?1 as text) is null or p.sku = cast(?1 as text)) and (cast(?2 as text) is null or l.code = cast(?2 as text))
                 order by p.sku, l.code"""),
        MOVEMENTS(List.of("id", "occurredAt", "type", "sku", "quantity", "from", "to", "reason", "reference", "lots",
                "recordedBy"), """
                select cast(m.id as text), to_char(m.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       m.movement_type, p.sku, round(m.quantity, p.decimal_places), f.code, t.code,
                       m.reason, m.reference,
                       (select string_agg(lot.lot_number || '=' || cast(round(ml.quantity, p.decimal_places) as text),
                                          ';' order by lot.lot_number)
                          from stock_movement_lot ml join lot on lot.id = ml.lot_id where ml.movement_id = m.id),
                       m.recorded_by
                  from stock_movement m
                  join product p on p.id = m.product_id
                  left join location f on f.id = m.from_location_id
                  left join location t on t.id = m.to_location_id
                 where (cast(?1 as text) is null or p.sku = cast(?1 as text))
                   and (cast(?2 as text) is null or f.code = cast(?2 as text) or t.code = cast(?2 as text))
                   and (cast(?3 as timestamptz) is null or m.occurred_at >= cast(?3 as timestamptz))
                   and (cast(?4 as timestamptz) is null or m.occurred_at < cast(?4 as timestamptz))
                 order by m.id""");

        private final List<String> header;
        private final String sql;

        ExportKind(List<String> header, String sql) {
            this.header = header;
            this.sql = sql;
        }

        public List<String> header() {
            return header;
        }
    }

    /**
     * What to leave out (all null: everything). Stock and movements read sku and location; movements
     * also since (inclusive) and until (exclusive).
     */
    public record Filter(String sku, String location, Instant since, Instant until) {

        public static final Filter NONE = new Filter(null, null, null, null);
    }

    @Inject
    @Stockroom
    EntityManager em;

    /** Writes the header and every row, flushing as it goes; returns the number of rows. */
    @Transactional
    public long export(ExportKind kind, Filter filter, Writer out) {
        Query query = em.createNativeQuery(kind.sql)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)  // PostgreSQL's JDBC driver: a cursor, not every row at once
                .setHint("org.hibernate.readOnly", true);
        if (kind == ExportKind.STOCK || kind == ExportKind.MOVEMENTS) {
            query.setParameter(1, filter.sku()).setParameter(2, filter.location());
        }
        if (kind == ExportKind.MOVEMENTS) {
            query.setParameter(3, offset(filter.since())).setParameter(4, offset(filter.until()));
        }
        CsvWriter csv = new CsvWriter(out);
        long rows = 0;
        try (Stream<?> results = query.getResultStream()) {
            csv.write(kind.header);
            java.util.Iterator<?> each = results.iterator();
            while (each.hasNext()) {
                Object row = each.next();
                csv.write(row instanceof Object[] fields ? Arrays.asList(fields) : List.of(row));
                rows++;
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing an export", e);
        }
        return rows;
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
