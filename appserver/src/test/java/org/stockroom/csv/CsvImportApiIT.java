package org.stockroom.csv;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.ServerLog;
import org.stockroom.testing.StockroomTestServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/** POST /imports/products|locations|opening-stock and GET /exports/..., against the running server and its database. */
class CsvImportApiIT {

    private static Response importCsv(String kind, String csv) {
        return api().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8)).post("/imports/" + kind);
    }

    @Test
    void productsAreCreatedThenUpdatedThenLeftAsTheyAre_withQuotesCommasLineBreaksBomAndCrlf() {
        String a = unique("CSV");
        String b = unique("CSV");
        String file = "\uFEFFsku,name,description,unitOfMeasure,category,reorderPoint,lotTracked\r\n"
                + a + ",\"Hinge, 75 mm\",\"Two lines:\r\n\"\"brass\"\"\",EA,Hardware,10,false\r\n"
                + b + ",Cable,,M,Electrical,2.5,\r\n"
                + "\r\n";  // a blank line is skipped

        importCsv("products", file).then().statusCode(200)
                .body("kind", equalTo("products")).body("rowsRead", equalTo(2)).body("created", equalTo(2))
                .body("updated", equalTo(0)).body("unchanged", equalTo(0)).body("alreadyImported", equalTo(false));

        api().get("/products/{sku}", a).then().statusCode(200)
                .body("name", equalTo("Hinge, 75 mm")).body("description", equalTo("Two lines:\r\n\"brass\""))
                .body("category", equalTo("Hardware")).body("reorderPoint", equalTo(10));
        api().get("/products/{sku}", b).then().body("unitOfMeasure", equalTo("M"))
                .body("reorderPoint", equalTo(2.5f)).body("description", nullValue());

        // Again: recognised by its hash, nothing changes.
        importCsv("products", file).then().statusCode(200).body("alreadyImported", equalTo(true))
                .body("created", equalTo(2));

        // Another file: one row changes its product, one is as it is.
        importCsv("products", "name,sku\n\"Hinge, 80 mm\"," + a + "\nCable," + b + "\n").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(1))
                .body("alreadyImported", equalTo(false));
        api().get("/products/{sku}", a).then().body("name", equalTo("Hinge, 80 mm"))
                .body("description", equalTo("Two lines:\r\n\"brass\""))  // a column the file leaves out is kept
                .body("version", equalTo(1));
    }

    @Test
    void everyBadRowIsReportedByLineAndColumn_andNothingIsWritten() throws Exception {
        String good = unique("CSV");
        String existing = unique("CSV");
        createProduct(existing, 0);
        long before = count("select count(*) from product");
        String file = "sku,name,unitOfMeasure,reorderPoint,lotTracked\n"
                + good + ",Fine,EA,1,\n"                       // line 2: fine
                + "bad sku,Bad,EA,1,\n"                        // line 3: sku rule
                + unique("CSV") + ",,EA,1,\n"                  // line 4: name blank
                + unique("CSV") + ",\"Multi\nline\",EA,1.5,\n"  // line 5 (and 6): control character
                + unique("CSV") + ",Odd,EA,ten,maybe\n"         // line 7: not a number, not a flag
                + good + ",Twice,EA,1,\n"                       // line 8: duplicate of line 2
                + existing + ",Other unit,KG,1,\n"              // line 9: the unit of an existing product
                + "too,few\n";                                  // line 10: field count

        Response answer;
        try (ServerLog log = ServerLog.capture()) {
            answer = importCsv("products", file);
            assertThat(log.lines()).anyMatch(line -> line.contains("Refused an import of products (rows: 8, errors: 8)"));
        }

        answer.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/invalid-rows"))
                .body("errorCount", equalTo(8))
                .body("errors", hasSize(8))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo("sku"))
                .body("errors[1].line", equalTo(4)).body("errors[1].column", equalTo("name"))
                .body("errors[2].line", equalTo(5)).body("errors[2].column", equalTo("name"))
                .body("errors[3].line", equalTo(7)).body("errors[3].column", equalTo("lotTracked"))
                .body("errors[4].line", equalTo(7)).body("errors[4].column", equalTo("reorderPoint"))
                .body("errors[5].line", equalTo(8)).body("errors[5].reason", containsString("line 2"))
                .body("errors[6].line", equalTo(9)).body("errors[6].column", equalTo("unitOfMeasure"))
                .body("errors[7].line", equalTo(10)).body("errors[7].column", nullValue());
        assertThat(count("select count(*) from product")).isEqualTo(before);
        assertThat(count("select count(*) from product where sku = '" + good + "'")).isZero();
    }

    @Test
    void aQuantityFinerThanTheUnitIsReportedFromTheDatabasesCheck() {
        String sku = unique("CSV");
        importCsv("products", "sku,name,unitOfMeasure,reorderPoint\n" + sku + ",Nails,EA,1.5\n").then().statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].column", equalTo("reorderPoint"))
                .body("errors[0].reason", containsString("whole EA"));
    }

    @Test
    void aBlankSkuIsOneErrorThatItIsBlank() {
        importCsv("products", "sku,name\n,Nameless\n").then().statusCode(422)
                .body("errorCount", equalTo(1))
                .body("errors[0].line", equalTo(2)).body("errors[0].column", equalTo("sku"))
                .body("errors[0].reason", equalTo("must not be blank"));
    }

    @Test
    void theHeaderIsRequiredAndChecked() {
        importCsv("products", "").then().statusCode(422).body("errors[0].line", equalTo(1))
                .body("errors[0].reason", containsString("header"));
        importCsv("products", "sku,title\nA,B\n").then().statusCode(422)
                .body("errorCount", equalTo(2))
                .body("errors.column", org.hamcrest.Matchers.containsInAnyOrder("title", "name"));
        importCsv("locations", "code,name\n\"BACK,Back room\n").then().statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].reason", containsString("never closed"));
    }

    @Test
    void locationsAreCreatedAndRenamed_andTheExportImportsAgainAsUnchanged() {
        String code = unique("CSVLOC");
        try (ServerLog log = ServerLog.capture()) {
            importCsv("locations", "code,name\n" + code + ",Back room\n").then().statusCode(200)
                    .body("created", equalTo(1));
            assertThat(log.lines()).as("where the import's time went").anyMatch(line -> line.matches(
                    "(?s).*Imported locations batch \\d+ \\(rows: 1\\): read and staged in [0-9.]+ s, "
                            + "checked in [0-9.]+ s, written in [0-9.]+ s .*"));
        }
        importCsv("locations", "code,name\n" + code + ",Front room\n").then().statusCode(200).body("updated", equalTo(1));
        api().get("/locations/{code}", code).then().body("name", equalTo("Front room"));

        String locations = api().accept("text/csv").get("/exports/locations").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(locations).startsWith("code,name\r\n").contains(code + ",Front room\r\n");
        Response again = importCsv("locations", locations);
        again.then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0));
        assertThat(again.<Integer>path("unchanged")).isEqualTo(again.<Integer>path("rowsRead"));

        String products = api().accept("text/csv").get("/exports/products").then().statusCode(200).extract().asString();
        assertThat(products).startsWith("sku,name,description,unitOfMeasure,category,reorderPoint,lotTracked\r\n");
        Response reimported = importCsv("products", products);
        reimported.then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0));
    }

    @Test
    void aFieldThatASpreadsheetWouldRunAsAFormulaIsExportedAsText_andImportsBackAsItWas() {
        String sku = unique("CSVF");
        String name = "=HYPERLINK(\"http://evil.example\",\"Click\")";
        api().body(Map.of("sku", sku, "name", name, "description", "@SUM(1+1)", "category", "'=kept")).post("/products")
                .then().statusCode(201);
        String location = unique("CSVFL");
        createLocation(location);
        api().body(Map.of("type", "RECEIVE", "sku", sku, "to", location, "quantity", 3, "reason", "-1+1"))
                .post("/movements").then().statusCode(201);
        api().body(Map.of("type", "ADJUST", "sku", sku, "to", location, "quantity", -2, "reason", "Damaged"))
                .post("/movements").then().statusCode(201);

        String products = api().accept("text/csv").get("/exports/products").then().statusCode(200)
                .extract().asString();
        String movements = api().accept("text/csv").get("/exports/movements?sku=" + sku).then().statusCode(200)
                .extract().asString();

        assertThat(products).contains(sku + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",'@SUM(1+1),EA,''=kept,");
        assertThat(movements).contains(",'-1+1,");
        // A number is no formula: a spreadsheet must read the adjustment as -2, not as the text '-2.
        assertThat(movements).contains(",ADJUST," + sku + ",-2,,").doesNotContain("'-2");
        String ownRow = products.lines().filter(line -> line.startsWith(sku + ",")).findFirst().orElseThrow();
        importCsv("products", "sku,name,description,unitOfMeasure,category,reorderPoint,lotTracked\n" + ownRow + "\n")
                .then().statusCode(200).body("unchanged", equalTo(1));
        api().get("/products/{sku}", sku).then().body("name", equalTo(name)).body("description", equalTo("@SUM(1+1)"))
                .body("category", equalTo("'=kept"));
    }

    @Test
    void openingStockIsRecordedAsReceiptsInTheLedger_onceOnly() throws Exception {
        String sku = unique("CSV");
        String lotted = unique("CSV");
        String back = unique("CSVLOC");
        String front = unique("CSVLOC");
        createProduct(sku, 0);
        api().body(Map.of("sku", lotted, "name", "Milk", "lotTracked", true)).post("/products").then().statusCode(201);
        createLocation(back);
        createLocation(front);
        String file = "sku,location,quantity,lot,expiresOn\n"
                + sku + "," + back + ",40,,\n"
                + sku + "," + front + ",5,,\n"
                + lotted + "," + back + ",7,L1,2027-01-31\n"
                + lotted + "," + back + ",3,L2,\n";

        Response first = importCsv("opening-stock", file);

        first.then().statusCode(200).body("created", equalTo(4));
        long batch = first.<Integer>path("batch");
        api().get("/stock?sku={sku}", sku).then().body("items.find { it.location == '" + back + "' }.onHand", equalTo(40));
        api().get("/movements?sku={sku}", lotted).then().body("items", hasSize(2))
                .body("items[0].type", equalTo("RECEIVE")).body("items[0].reason", equalTo("opening stock"))
                .body("items[1].reference", equalTo("import " + batch + " line 4"));
        api().get("/stock/lots?sku={sku}", lotted).then().body("items", hasSize(2));

        importCsv("opening-stock", file).then().statusCode(200).body("alreadyImported", equalTo(true));
        // The same stock in another file: opening stock is only a product's first stock at a location.
        importCsv("opening-stock", "location,sku,quantity\n" + back + "," + sku + ",40\n").then().statusCode(422)
                .body("errors[0].column", equalTo("location")).body("errors[0].reason", containsString("history"));
        assertThat(onHand(sku, back)).isEqualByComparingTo("40");

        String stock = api().accept("text/csv").get("/exports/stock?sku={sku}", sku).then().statusCode(200)
                .extract().asString();
        assertThat(stock).startsWith("sku,location,onHand,unitOfMeasure,reserved,available\r\n");
        assertThat(stock.lines().skip(1).toList())
                .containsExactlyInAnyOrder(sku + "," + back + ",40,EA,0,40", sku + "," + front + ",5,EA,0,5");
        api().body(Map.of("sku", sku, "location", back, "quantity", 15, "reference", "SO-" + sku)).post("/reservations")
                .then().statusCode(201);
        assertThat(api().accept("text/csv").get("/exports/stock?sku={sku}&location={location}", sku, back).then()
                .statusCode(200).extract().asString().lines().skip(1).toList())
                .containsExactly(sku + "," + back + ",40,EA,15,25");
        String ledger = api().accept("text/csv").get("/exports/movements?sku={sku}", lotted).then().statusCode(200)
                .extract().asString();
        assertThat(ledger.lines().toList()).hasSize(3);
        assertThat(ledger).contains(",RECEIVE," + lotted + ",7,,").contains("L1=7");
    }

    @Test
    void openingStockRowsAreCheckedAgainstProductsLocationsUnitsAndLots() {
        String sku = unique("CSV");
        String lotted = unique("CSV");
        String back = unique("CSVLOC");
        createProduct(sku, 0);
        api().body(Map.of("sku", lotted, "name", "Milk", "lotTracked", true)).post("/products").then().statusCode(201);
        createLocation(back);

        importCsv("opening-stock", "sku,location,quantity,lot\n"
                + "NOPE-" + sku + "," + back + ",1,\n"   // 2 unknown product
                + sku + ",NOWHERE-1,1,\n"                 // 3 unknown location
                + sku + "," + back + ",1.5,\n"            // 4 precision
                + sku + "," + back + ",0,\n"              // 5 not positive
                + lotted + "," + back + ",1,\n"           // 6 lot required
                + sku + "," + back + ",1,L9\n")           // 7 lot on untracked (and duplicate of 4? no: lot differs)
                .then().statusCode(422)
                .body("errors.line", equalTo(List.of(2, 3, 4, 5, 6, 7)))
                .body("errors.column", equalTo(List.of("sku", "location", "quantity", "quantity", "lot", "lot")));
        assertThat(api().get("/movements?sku={sku}", sku).<List<?>>path("items")).isEmpty();
    }

    @Test
    void concurrentImportsOfTheSameFile_oneWinsTheOtherIsRefusedOrSeesItDone() throws Exception {
        StringBuilder file = new StringBuilder("code,name\n");
        String prefix = unique("CC");
        for (int i = 0; i < 3000; i++) {
            file.append(prefix).append('-').append(i).append(",Bin ").append(i).append('\n');
        }
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Response>> both = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return importCsv("locations", file.toString());
        })).toList();
        List<Response> answers = both.stream().map(CompletableFuture::join).toList();

        List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
        assertThat(statuses).containsAnyOf(200).allMatch(status -> status == 200 || status == 409);
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(answer -> answer.then()
                .body("type", equalTo("https://stockroom.dev/problems/import-in-progress")));
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 200
                && Boolean.FALSE.equals(answer.path("alreadyImported")))).hasSize(1);
        assertThat(count("select count(*) from location where code like '" + prefix + "-%'")).isEqualTo(3000);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        String key = unique("import-key");
        String file = "code,name\n" + unique("IK") + ",Idempotent bin\n";
        api().contentType("text/csv; charset=UTF-8").header("Idempotency-Key", key).body(file).post("/imports/locations")
                .then().statusCode(200).body("alreadyImported", equalTo(false));
        api().contentType("text/csv; charset=UTF-8").header("Idempotency-Key", key).body(file).post("/imports/locations")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("alreadyImported", equalTo(false));
        api().contentType("text/csv; charset=UTF-8").header("Idempotency-Key", key).body(file + "X-1,Other\n").post("/imports/locations")
                .then().statusCode(422).body("type", equalTo("https://stockroom.dev/problems/idempotency-key-reused"));
    }

    @Test
    void aFileSavedInLatin1IsRefusedAtTheLineOfItsFirstAccent() {
        String prefix = unique("LAT");
        StringBuilder rows = new StringBuilder("code,name\n");
        for (int row = 1; row <= 3_000; row++) {
            rows.append(prefix).append('-').append(row).append(",Shelf ").append(row).append('\n');
        }
        byte[] good = rows.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = java.util.Arrays.copyOf(good, good.length + 12);
        System.arraycopy(new byte[]{'C', 'A', 'F', 'E', ',', 'C', 'a', 'f', (byte) 0xE9, ' ', 'A', '\n'}, 0,
                file, good.length, 12);

        api().contentType("text/csv; charset=UTF-8").body(file).post("/imports/locations").then().statusCode(422)
                .body("errorCount", equalTo(1))
                .body("errors[0].line", equalTo(3_002))
                .body("errors[0].reason", equalTo("is not valid UTF-8 (a CSV file is read as UTF-8)"))
                .body("detail", startsWith("Line 3002: is not valid UTF-8"));
    }

    @Test
    void wrongMediaTypesAndCharsetsAreRefused() {
        api().body(Map.of("code", "X")).post("/imports/locations").then().statusCode(415);
        api().contentType("text/csv; charset=ISO-8859-1").body("code,name\n").post("/imports/locations")
                .then().statusCode(415);
        api().contentType("text/csv; charset=UTF-8").body(new byte[]{'c', 'o', 'd', 'e', ',', 'n', 'a', 'm', 'e', '\n', 'A', ',',
                (byte) 0xC3, (byte) 0x28, '\n'}).post("/imports/locations").then().statusCode(422)
                .body("errors[0].line", equalTo(2))
                .body("errors[0].reason", containsString("UTF-8"));
        api().accept("text/csv").get("/exports/movements?since=2026-12-01&until=2026-11-01").then().statusCode(422);
    }

    @Test
    void aFileOfExactlyTheLimitIsImported_oneByteMoreIs413AndNothingIsWritten() throws Exception {
        long limit = StockroomTestServer.MAX_IMPORT_BYTES;
        String fits = unique("FIT");
        String over = unique("OVER");
        int tempFilesBefore = leftoverImportFiles();

        importCsv("products", productsFileOfSize(fits, limit)).then().statusCode(200);
        Response declared = importCsv("products", productsFileOfSize(over, limit + 1));
        // Sent as a stream of unknown length (chunked, no Content-Length): counted as it is read.
        Response chunked = api().contentType("text/csv; charset=UTF-8")
                .body(new ByteArrayInputStream(productsFileOfSize(over, limit + 1).getBytes(StandardCharsets.UTF_8)))
                .post("/imports/products");

        for (Response refused : List.of(declared, chunked)) {
            refused.then().statusCode(413).contentType("application/problem+json")
                    .body("type", equalTo("https://stockroom.dev/problems/body-too-large"))
                    .body("maxBytes", equalTo((int) limit));
        }
        assertThat(count("select count(*) from product where sku like '" + fits + "-%'")).isPositive();
        assertThat(count("select count(*) from product where sku like '" + over + "-%'")).isZero();
        assertThat(leftoverImportFiles()).as("the spooled part of a refused file is deleted").isEqualTo(tempFilesBefore);
    }

    /** A products file of exactly {@code size} bytes (ASCII), rows of {@code prefix}-n with padded descriptions. */
    private static String productsFileOfSize(String prefix, long size) {
        StringBuilder file = new StringBuilder("sku,name,description\n");
        int n = 0;
        while (size - file.length() > 2_000) {
            file.append(prefix).append('-').append(n++).append(",Padded,").append("d".repeat(1_000)).append('\n');
        }
        String last = prefix + "-" + n + ",Last,";
        int padding = (int) (size - file.length() - last.length() - 1);
        file.append(last).append("d".repeat(padding)).append('\n');
        assertThat((long) file.length()).isEqualTo(size);
        return file.toString();
    }

    /** The server runs in this JVM, so it spools imports into this JVM's temporary directory. */
    private static int leftoverImportFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return (int) files.filter(file -> file.getFileName().toString().startsWith("stockroom-import-")).count();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = StockroomTestServer.database().connect();
             ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static BigDecimal onHand(String sku, String location) throws SQLException {
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement query = connection.prepareStatement("""
                     select s.on_hand from stock_level s join product p on p.id = s.product_id
                       join location l on l.id = s.location_id where p.sku = ? and l.code = ?""")) {
            query.setString(1, sku);
            query.setString(2, location);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getBigDecimal(1) : BigDecimal.ZERO;
            }
        }
    }
}
