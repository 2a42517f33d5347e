package org.stockroom.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.stockroom.rules.RuleViolation;

import java.util.List;

/**
 * The domain's refusals ({@link RuleViolation}), answered as problems: the one place that
 * gives each rule its status, type URI and title. Field violations become {@code errors[]}
 * with JSON pointers ({@code quantity} becomes {@code /quantity}).
 */
@Provider
@ApplicationScoped
public class RuleViolationMapper implements ExceptionMapper<RuleViolation> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(RuleViolation violation) {
        return ProblemResponses.from(problemOf(violation), uriInfo);
    }

    /** The problem a refusal of the domain is answered with. */
    public static ApiException problemOf(RuleViolation violation) {
        ApiException problem = switch (violation.rule()) {
            case NOT_FOUND -> new ApiException(404, ProblemTypes.NOT_FOUND, "Not found", violation.getMessage());
            case ALREADY_EXISTS -> new ConflictException(ProblemTypes.ALREADY_EXISTS, "Already exists",
                    violation.getMessage());
            case INSUFFICIENT_STOCK -> new ConflictException(ProblemTypes.INSUFFICIENT_STOCK, "Insufficient stock",
                    violation.getMessage());
            case INSUFFICIENT_AVAILABLE -> new ConflictException(ProblemTypes.INSUFFICIENT_AVAILABLE,
                    "Insufficient available stock", violation.getMessage());
            case RESERVATION_CLOSED -> new ConflictException(ProblemTypes.RESERVATION_CLOSED, "Reservation closed",
                    violation.getMessage());
            case RESERVATION_EXCEEDED -> new ConflictException(ProblemTypes.RESERVATION_EXCEEDED,
                    "Reservation exceeded", violation.getMessage());
            case PRODUCT_ARCHIVED -> new ConflictException(ProblemTypes.PRODUCT_ARCHIVED, "Product archived",
                    violation.getMessage());
            case STOCK_ON_HAND -> new ConflictException(ProblemTypes.STOCK_ON_HAND, "Stock on hand",
                    violation.getMessage());
            case QUANTITY_PRECISION -> new ApiException(400, ProblemTypes.QUANTITY_PRECISION, "Quantity too precise",
                    violation.getMessage(), fieldErrors(violation));
            case UNIT_TOO_COARSE -> new ConflictException(ProblemTypes.UNIT_TOO_COARSE, "Unit too coarse",
                    violation.getMessage());
            case OVER_RECEIPT -> new ConflictException(ProblemTypes.OVER_RECEIPT, "Over-receipt",
                    violation.getMessage());
            case PURCHASE_ORDER_CLOSED -> new ConflictException(ProblemTypes.PURCHASE_ORDER_CLOSED,
                    "Purchase order closed", violation.getMessage());
            case EDIT_CONFLICT -> new ApiException(412, ProblemTypes.EDIT_CONFLICT, "Edit conflict",
                    violation.getMessage());
            case EXPIRED_STOCK -> new ConflictException(ProblemTypes.EXPIRED_STOCK, "Expired stock",
                    violation.getMessage());
            case LOT_EXPIRY_MISMATCH -> new ConflictException(ProblemTypes.LOT_EXPIRY_MISMATCH, "Lot expiry mismatch",
                    violation.getMessage());
            case STOCKTAKE_CLOSED -> new ConflictException(ProblemTypes.STOCKTAKE_CLOSED, "Stocktake closed",
                    violation.getMessage());
            case NOT_IN_STOCKTAKE -> new ConflictException(ProblemTypes.NOT_IN_STOCKTAKE, "Not in stocktake",
                    violation.getMessage());
            case STOCKTAKE_BELOW_ZERO -> new ConflictException(ProblemTypes.STOCKTAKE_BELOW_ZERO,
                    "Stocktake below zero", violation.getMessage());
            case INVALID_ROWS -> new ApiException(422, ProblemTypes.INVALID_ROWS, "Invalid rows",
                    violation.getMessage());
            case IMPORT_IN_PROGRESS -> new ConflictException(ProblemTypes.IMPORT_IN_PROGRESS, "Import in progress",
                    violation.getMessage());
            case INVALID_FIELDS -> new InvalidRequestException(fieldErrors(violation));
        };
        violation.facts().forEach(problem::with);
        return problem;
    }

    private static List<FieldError> fieldErrors(RuleViolation violation) {
        return violation.fieldViolations().stream()
                .map(field -> new FieldError("/" + field.field(), field.message()))
                .toList();
    }
}
