package org.stockroom.csv;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.stockroom.persistence.Stockroom;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The import's SQL, through native queries of the transaction's one EntityManager (so it is the
 * transaction's one connection). Rows arrive as JSON arrays and are spread into the staging table
 * by {@code json_to_recordset}: one statement and one parameter per few thousand rows.
 */
@ApplicationScoped
public class JpaImportRepository implements ImportRepository {

    /** Below the driver's 30 s socket timeout (StockroomServer.withTimeouts), so PostgreSQL cancels first. */
    private static final String LONG_STATEMENT_TIMEOUT = "28s";

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public void allowLongStatements() {
        em.createNativeQuery("select set_config('statement_timeout', ?1, true)")
                .setParameter(1, LONG_STATEMENT_TIMEOUT).getSingleResult();
    }

    @Override
    public boolean tryLock(long key) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, key)
                .getSingleResult();
    }

    @Override
    public Optional<ImportSummary> findBatch(ImportKind kind, String sha256) {
        List<?> rows = em.createNativeQuery("""
                        select id, file_bytes, rows_read, created, updated, unchanged, imported_by, imported_at
                          from import_batch where kind = ?1 and file_sha256 = ?2""")
                .setParameter(1, kind.apiName()).setParameter(2, sha256).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] batch = (Object[]) row;
            return new ImportSummary(kind.apiName(), number(batch[0]), sha256, number(batch[1]), number(batch[2]),
                    number(batch[3]), number(batch[4]), number(batch[5]), false, (String) batch[6], instant(batch[7]));
        });
    }

    @Override
    public void createStaging(ImportKind kind) {
        em.createNativeQuery(switch (kind) {
            case PRODUCTS -> """
                    create temporary table import_product (
                        n bigint primary key, line bigint not null, sku text not null, name text not null,
                        description text, category text, unit text, reorder_point numeric, lot_tracked boolean,
                        product_id bigint, old_name text, old_description text, old_category text, old_unit text,
                        old_reorder_point numeric, old_lot_tracked boolean
                    ) on commit drop""";
            case LOCATIONS -> """
                    create temporary table import_location (
                        n bigint primary key, line bigint not null, code text not null, name text not null,
                        location_id bigint, old_name text
                    ) on commit drop""";
            case OPENING_STOCK -> """
                    create temporary table import_opening (
                        n bigint primary key, line bigint not null, sku text not null, location text not null,
                        quantity numeric not null, lot text, expires_on date,
                        product_id bigint, unit text, places smallint, archived boolean, lot_tracked boolean,
                        location_id bigint, lot_id bigint, old_expires_on date, movement_id bigint
                    ) on commit drop""";
        }).executeUpdate();
    }

    @Override
    public void stage(ImportKind kind, String rowsJson) {
        em.createNativeQuery(switch (kind) {
            case PRODUCTS -> """
                    insert into import_product (n, line, sku, name, description, category, unit, reorder_point, lot_tracked)
                    select n, line, sku, name, description, category, unit, reorder_point, lot_tracked
                      from json_to_recordset(cast(?1 as json)) as r(n bigint, line bigint, sku text, name text,
                           description text, category text, unit text, reorder_point numeric, lot_tracked boolean)""";
            case LOCATIONS -> """
                    insert into import_location (n, line, code, name)
                    select n, line, code, name
                      from json_to_recordset(cast(?1 as json)) as r(n bigint, line bigint, code text, name text)""";
            case OPENING_STOCK -> """
                    insert into import_opening (n, line, sku, location, quantity, lot, expires_on)
                    select n, line, sku, location, quantity, lot, expires_on
                      from json_to_recordset(cast(?1 as json)) as r(n bigint, line bigint, sku text, location text,
                           quantity numeric, lot text, expires_on date)""";
        }).setParameter(1, rowsJson).executeUpdate();
    }

    @Override
    public Errors check(ImportKind kind, List<String> present, int limit) {
        for (String resolve : switch (kind) {
            case PRODUCTS -> List.of("""
                    update import_product s
                       set product_id = p.id, old_name = p.name, old_description = p.description,
                           old_category = p.category, old_unit = p.unit_of_measure,
                           old_reorder_point = p.reorder_point, old_lot_tracked = p.lot_tracked
                      from product p where p.sku = s.sku""");
            case LOCATIONS -> List.of("""
                    update import_location s set location_id = l.id, old_name = l.name
                      from location l where l.code = s.code""");
            case OPENING_STOCK -> List.of("""
                    update import_opening s
                       set product_id = p.id, unit = p.unit_of_measure, places = p.decimal_places,
                           archived = p.archived, lot_tracked = p.lot_tracked
                      from product p where p.sku = s.sku""", """
                    update import_opening s set location_id = l.id from location l where l.code = s.location""", """
                    update import_opening s set lot_id = l.id, old_expires_on = l.expires_on
                      from lot l where l.product_id = s.product_id and l.lot_number = s.lot""");
        }) {
            em.createNativeQuery(resolve).executeUpdate();
        }
        em.createNativeQuery("analyze " + table(kind)).executeUpdate();
        List<?> rows = em.createNativeQuery("select line, col, reason, count(*) over () from (" + checks(kind)
                        + ") e order by line, col limit ?1")
                .setParameter(1, limit).getResultList();
        List<RowError> errors = new ArrayList<>();
        long count = 0;
        for (Object row : rows) {
            Object[] error = (Object[]) row;
            errors.add(new RowError(number(error[0]), (String) error[1], (String) error[2]));
            count = number(error[3]);
        }
        return new Errors(errors, count);
    }

    /** The checks of each kind: one (line, column, reason) per broken rule. */
    private static String checks(ImportKind kind) {
        String unitDescription = """
                case when %1$s = 0 then 'whole ' || %2$s else %2$s || ' to ' || %1$s || ' decimal place'
                     || case when %1$s = 1 then '' else 's' end end""";
        return switch (kind) {
            case PRODUCTS -> """
                    select line, 'sku' as col, 'SKU ' || sku || ' is on line ' || first_line || ' already' as reason
                      from (select line, sku, min(line) over (partition by sku) as first_line from import_product) d
                     where line > first_line
                    union all
                    select line, 'unitOfMeasure', 'product ' || sku || ' counts in ' || old_unit
                           || '; an import does not change the unit of an existing product (PUT /products/' || sku || ' does)'
                      from import_product where product_id is not null and unit is not null and unit <> old_unit
                    union all
                    select line, 'lotTracked', 'product ' || sku || case when old_lot_tracked then ' is' else ' is not' end
                           || ' lot-tracked; an import does not switch lot tracking of an existing product (PUT /products/'
                           || sku || ' does)'
                      from import_product
                     where product_id is not null and lot_tracked is not null and lot_tracked <> old_lot_tracked
                    union all
                    select line, 'reorderPoint', 'reorderPoint ' || reorder_point || ' is finer than ' || sku
                           || ' is counted in: ' || """ + unitDescription.formatted("places", "u") + """

                      from (select line, sku, reorder_point, coalesce(unit, old_unit, 'EA') as u,
                                   unit_decimal_places(coalesce(unit, old_unit, 'EA')) as places
                              from import_product where reorder_point is not null) s
                     where not fits_decimal_places(reorder_point, places)""";
            case LOCATIONS -> """
                    select line, 'code' as col, 'location ' || code || ' is on line ' || first_line || ' already' as reason
                      from (select line, code, min(line) over (partition by code) as first_line from import_location) d
                     where line > first_line""";
            case OPENING_STOCK -> """
                    select line, 'sku' as col, 'no product ''' || sku || ''' exists' as reason
                      from import_opening where product_id is null
                    union all
                    select line, 'location', 'no location ''' || location || ''' exists'
                      from import_opening where location_id is null
                    union all
                    select line, 'sku', 'product ' || sku || ' is archived and takes no new stock'
                      from import_opening where archived
                    union all
                    select line, 'quantity', 'quantity ' || quantity || ' is finer than ' || sku || ' is counted in: '
                           || """ + unitDescription.formatted("places", "unit") + """

                      from import_opening where product_id is not null and not fits_decimal_places(quantity, places)
                    union all
                    select line, 'lot', 'is required: product ' || sku || ' is lot-tracked'
                      from import_opening where lot_tracked and lot is null
                    union all
                    select line, 'lot', 'must be empty: product ' || sku || ' is not lot-tracked'
                      from import_opening where not lot_tracked and lot is not null
                    union all
                    select line, 'expiresOn', 'must be empty: product ' || sku || ' is not lot-tracked'
                      from import_opening where not lot_tracked and expires_on is not null
                    union all
                    select line, 'expiresOn', 'lot ' || lot || ' of ' || sku || case when old_expires_on is null
                           then ' does not expire' else ' expires on ' || old_expires_on end
                      from import_opening
                     where lot_id is not null and expires_on is not null and old_expires_on is distinct from expires_on
                    union all
                    select line, 'expiresOn', 'lot ' || lot || ' of ' || sku || ' has another expiry date on line '
                           || first_line
                      from (select line, sku, lot, expires_on,
                                   first_value(line) over w as first_line, first_value(expires_on) over w as first_expiry
                              from import_opening where lot is not null
                            window w as (partition by sku, lot order by line)) d
                     where line > first_line and expires_on is distinct from first_expiry
                    union all
                    select line, 'sku', sku || ' at ' || location || coalesce(' in lot ' || lot, '')
                           || ' is on line ' || first_line || ' already'
                      from (select line, sku, location, lot,
                                   min(line) over (partition by sku, location, lot) as first_line
                              from import_opening) d
                     where line > first_line
                    union all
                    select line, 'location', 'product ' || sku || ' already has stock history at ' || location
                           || '; opening stock is only its first stock there (record a movement instead)'
                      from import_opening s
                     where exists (select 1 from stock_ledger_balance b
                                    where b.product_id = s.product_id and b.location_id = s.location_id)""";
        };
    }

    @Override
    public Counts count(ImportKind kind, List<String> present) {
        Object[] counts = (Object[]) em.createNativeQuery(switch (kind) {
            case PRODUCTS -> "select count(*) filter (where product_id is null), "
                    + "count(*) filter (where product_id is not null and " + productChanged(present, "s", "s.old_") + "), "
                    + "count(*) filter (where product_id is not null and not " + productChanged(present, "s", "s.old_")
                    + ") from import_product s";
            case LOCATIONS -> """
                    select count(*) filter (where location_id is null),
                           count(*) filter (where location_id is not null and name <> old_name),
                           count(*) filter (where location_id is not null and name = old_name)
                      from import_location""";
            case OPENING_STOCK -> "select count(*), 0, 0 from import_opening";
        }).getSingleResult();
        return new Counts(number(counts[0]), number(counts[1]), number(counts[2]));
    }

    /**
     * Whether a staged product row changes its product: the editable fields the file has, compared
     * with the product's (a column the file leaves out keeps the product's value).
     */
    private static String productChanged(List<String> present, String staged, String old) {
        return "(" + old + "name, " + old + "description, " + old + "category, " + old + "reorder_point)"
                + " is distinct from (" + newValues(present, staged, old) + ")";
    }

    private static String newValues(List<String> present, String staged, String old) {
        return staged + ".name, "
                + (present.contains("description") ? staged + ".description" : old + "description") + ", "
                + (present.contains("category") ? staged + ".category" : old + "category") + ", "
                + "coalesce(" + staged + ".reorder_point, " + old + "reorder_point)";
    }

    @Override
    public ImportSummary addBatch(ImportKind kind, ImportFile file, long rows, Counts counts, String user) {
        Object[] batch = (Object[]) em.createNativeQuery("""
                        insert into import_batch (kind, file_sha256, file_bytes, rows_read, created, updated, unchanged,
                                                  imported_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) returning id, imported_at""")
                .setParameter(1, kind.apiName()).setParameter(2, file.sha256()).setParameter(3, file.bytes())
                .setParameter(4, rows).setParameter(5, counts.created()).setParameter(6, counts.updated())
                .setParameter(7, counts.unchanged()).setParameter(8, user)
                .getSingleResult();
        return new ImportSummary(kind.apiName(), number(batch[0]), file.sha256(), file.bytes(), rows, counts.created(),
                counts.updated(), counts.unchanged(), false, user, instant(batch[1]));
    }

    @Override
    public void write(ImportKind kind, List<String> present, ImportSummary batch, long first, long last) {
        List<String> statements = switch (kind) {
            case PRODUCTS -> List.of("""
                    insert into product (sku, name, description, unit_of_measure, category, reorder_point, lot_tracked)
                    select sku, name, description, coalesce(unit, 'EA'), category, coalesce(reorder_point, 0),
                           coalesce(lot_tracked, false)
                      from import_product where product_id is null and n between ?1 and ?2 order by n""",
                    "update product p set (name, description, category, reorder_point) = (" + newValues(present, "s", "p.")
                            + "), version = p.version + 1, updated_at = now() from import_product s"
                            + " where s.product_id = p.id and s.n between ?1 and ?2 and " + productChanged(present, "s", "p."));
            case LOCATIONS -> List.of("""
                    insert into location (code, name)
                    select code, name from import_location where location_id is null and n between ?1 and ?2 order by n""", """
                    update location l set name = s.name from import_location s
                     where s.location_id = l.id and s.n between ?1 and ?2 and l.name <> s.name""");
            case OPENING_STOCK -> List.of("""
                    insert into lot (product_id, lot_number, expires_on)
                    select distinct on (product_id, lot) product_id, lot, expires_on
                      from import_opening where lot is not null and lot_id is null and n between ?1 and ?2
                     order by product_id, lot, line
                    on conflict (product_id, lot_number) do nothing""", """
                    update import_opening s set lot_id = l.id from lot l
                     where s.lot_id is null and s.lot is not null and s.n between ?1 and ?2
                       and l.product_id = s.product_id and l.lot_number = s.lot""", """
                    with moved as (
                        insert into stock_movement (movement_type, product_id, to_location_id, quantity, reason, reference,
                                                    recorded_by, import_batch_id, import_kind)
                        select 'RECEIVE', product_id, location_id, quantity, 'opening stock',
                               'import ' || ?3 || ' line ' || line, ?4, ?3, 'opening-stock'
                          from import_opening where n between ?1 and ?2 order by n
                        returning id, reference)
                    update import_opening s set movement_id = m.id from moved m
                     where s.n between ?1 and ?2 and m.reference = 'import ' || ?3 || ' line ' || s.line""",
                    // A statement of its own: the lot's trigger reads the movement, which a CTE's insert hides from it.
                    """
                    insert into stock_movement_lot (movement_id, lot_id, quantity)
                    select movement_id, lot_id, quantity from import_opening
                     where lot_id is not null and n between ?1 and ?2""", """
                    insert into stock_level as level (product_id, location_id, on_hand)
                    select product_id, location_id, sum(quantity) from import_opening where n between ?1 and ?2
                     group by product_id, location_id
                    on conflict (product_id, location_id)
                    do update set on_hand = level.on_hand + excluded.on_hand, updated_at = now()""");
        };
        for (String sql : statements) {
            Query statement = em.createNativeQuery(sql).setParameter(1, first).setParameter(2, last);
            if (sql.contains("?3")) {
                statement.setParameter(3, batch.batch()).setParameter(4, batch.importedBy());
            }
            statement.executeUpdate();
        }
        // The deferred checks of this slice now, each in a statement of its own, rather than all at the
        // commit, which would then have to run them within one statement's time limit.
        em.createNativeQuery("set constraints all immediate").executeUpdate();
        em.createNativeQuery("set constraints all deferred").executeUpdate();
    }

    private static String table(ImportKind kind) {
        return switch (kind) {
            case PRODUCTS -> "import_product";
            case LOCATIONS -> "import_location";
            case OPENING_STOCK -> "import_opening";
        };
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime dateTime -> dateTime.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
