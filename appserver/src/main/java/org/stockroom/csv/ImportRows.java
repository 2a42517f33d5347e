package org.stockroom.csv;

import jakarta.json.JsonObjectBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.stockroom.location.NewLocationRequest;
import org.stockroom.product.NewProductRequest;
import org.stockroom.product.ProductDetails;
import org.stockroom.rules.ReportedViolations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.stockroom.api.Jsonp.JSON;

/**
 * Turns the records of one file into rows to stage, checking each with the rules of the JSON API:
 * the same request records ({@link NewProductRequest}, {@link NewLocationRequest}) and the same Bean
 * Validation constraints, so a value the API refuses is refused here, and named by its column.
 */
final class ImportRows {

    /** Plain decimals only, as a person writes them: no exponent, no hex, no "NaN". */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,12}(\\.[0-9]{1,12})?");

    private final ImportKind kind;
    private final Validator validator;
    private final Map<String, Integer> columns = new HashMap<>();

    private ImportRows(ImportKind kind, Validator validator) {
        this.kind = kind;
        this.validator = validator;
    }

    /**
     * The rows of a file with this header: its columns by name, in any order. Unknown, repeated
     * and missing columns are errors of line 1, and the file is not read further.
     */
    static ImportRows withHeader(ImportKind kind, Validator validator, CsvReader.Record header, List<RowError> errors) {
        ImportRows rows = new ImportRows(kind, validator);
        if (header.problem() != null) {
            errors.add(new RowError(header.line(), null, header.problem()));
        }
        List<String> known = new ArrayList<>(kind.requiredColumns());
        known.addAll(kind.optionalColumns());
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip();
            if (!known.contains(name)) {
                errors.add(new RowError(header.line(), name.isEmpty() ? null : name, name.isEmpty()
                        ? "column " + (i + 1) + " has no name" : "is not a column of a " + kind.apiName()
                        + " file (the columns are " + String.join(", ", known) + ")"));
            } else if (rows.columns.putIfAbsent(name, i) != null) {
                errors.add(new RowError(header.line(), name, "is in the header twice"));
            }
        }
        for (String required : kind.requiredColumns()) {
            if (!rows.columns.containsKey(required)) {
                errors.add(new RowError(header.line(), required, "is missing from the header: a " + kind.apiName()
                        + " file needs the columns " + String.join(", ", kind.requiredColumns())));
            }
        }
        return rows;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /**
     * The record as a row to stage (JSON, by staging column), or null when it breaks a rule:
     * then its errors are in {@code errors}.
     */
    JsonObjectBuilder stage(CsvReader.Record record, List<RowError> errors) {
        long line = record.line();
        if (record.problem() != null) {
            errors.add(new RowError(line, null, record.problem()));
            return null;
        }
        if (record.fields().size() != columns.size()) {
            errors.add(new RowError(line, null, "has " + record.fields().size() + " field"
                    + (record.fields().size() == 1 ? "" : "s") + " but the header has " + columns.size()));
            return null;
        }
        int before = errors.size();
        JsonObjectBuilder row = switch (kind) {
            case PRODUCTS -> product(record, errors);
            case LOCATIONS -> location(record, errors);
            case OPENING_STOCK -> openingStock(record, errors);
        };
        return errors.size() == before ? row.add("line", line) : null;
    }

    private JsonObjectBuilder product(CsvReader.Record record, List<RowError> errors) {
        long line = record.line();
        BigDecimal reorderPoint = decimal(record, "reorderPoint", errors);
        Boolean lotTracked = flag(record, "lotTracked", errors);
        NewProductRequest request = new NewProductRequest(text(record, "sku"), text(record, "name"),
                text(record, "description"), text(record, "unitOfMeasure"), text(record, "category"), reorderPoint,
                lotTracked);
        if (!valid(request, line, errors)) {
            return null;
        }
        // The API's own normalisation: trimmed text, blank as absent, then the defaults of a present column.
        ProductDetails details = ProductDetails.of(request.name(), request.description(), request.unitOfMeasure(),
                request.category(), request.reorderPoint(), request.lotTracked());
        JsonObjectBuilder row = JSON.createObjectBuilder()
                .add("sku", request.sku())
                .add("name", details.name());
        addNullable(row, "description", details.description());
        addNullable(row, "category", details.category());
        if (has("unitOfMeasure")) {
            row.add("unit", details.unitOfMeasure());
        }
        if (has("reorderPoint")) {
            row.add("reorder_point", details.reorderPoint());
        }
        if (has("lotTracked")) {
            row.add("lot_tracked", Boolean.TRUE.equals(lotTracked));
        }
        return row;
    }

    private JsonObjectBuilder location(CsvReader.Record record, List<RowError> errors) {
        NewLocationRequest request = new NewLocationRequest(text(record, "code"), text(record, "name"));
        if (!valid(request, record.line(), errors)) {
            return null;
        }
        return JSON.createObjectBuilder().add("code", request.code()).add("name", request.name().strip());
    }

    private JsonObjectBuilder openingStock(CsvReader.Record record, List<RowError> errors) {
        BigDecimal quantity = decimal(record, "quantity", errors);
        LocalDate expiresOn = date(record, "expiresOn", errors);
        String sku = text(record, "sku");
        String location = text(record, "location");
        String lot = blankAsNull(text(record, "lot"));
        OpeningStockRow row = new OpeningStockRow(sku == null ? null : sku.strip(),
                location == null ? null : location.strip(), quantity, lot == null ? null : lot.strip(), expiresOn);
        if (!valid(row, record.line(), errors)) {
            return null;
        }
        JsonObjectBuilder staged = JSON.createObjectBuilder()
                .add("sku", row.sku())
                .add("location", row.location())
                .add("quantity", row.quantity());
        addNullable(staged, "lot", row.lot());
        addNullable(staged, "expires_on", row.expiresOn() == null ? null : row.expiresOn().toString());
        return staged;
    }

    /** Checks a request with Bean Validation; each violation is an error of the column its property names. */
    private boolean valid(Object request, long line, List<RowError> errors) {
        Set<? extends ConstraintViolation<?>> violations = validator.validate(request);
        ReportedViolations.of(violations).stream()
                .map(violation -> new RowError(line, violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(java.util.Comparator.comparing(RowError::column))
                .forEach(errors::add);
        return violations.isEmpty();
    }

    /**
     * The field under a column, as written, less the apostrophe an export puts before a field that a
     * spreadsheet would read as a formula; null when the file has no such column.
     */
    private String text(CsvReader.Record record, String column) {
        Integer index = columns.get(column);
        return index == null ? null : SpreadsheetFormulas.unguarded(record.fields().get(index));
    }

    private BigDecimal decimal(CsvReader.Record record, String column, List<RowError> errors) {
        String value = blankAsNull(text(record, column));
        if (value == null) {
            return null;
        }
        value = value.strip();
        if (!DECIMAL.matcher(value).matches()) {
            errors.add(new RowError(record.line(), column, "must be a number such as 12 or 2.5"));
            return null;
        }
        return new BigDecimal(value);
    }

    private Boolean flag(CsvReader.Record record, String column, List<RowError> errors) {
        String value = blankAsNull(text(record, column));
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new RowError(record.line(), column, "must be true or false"));
                yield null;
            }
        };
    }

    private LocalDate date(CsvReader.Record record, String column, List<RowError> errors) {
        String value = blankAsNull(text(record, column));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new RowError(record.line(), column, "must be a date such as 2026-12-31"));
            return null;
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void addNullable(JsonObjectBuilder row, String name, String value) {
        if (value != null) {
            row.add(name, value);
        }
    }
}
