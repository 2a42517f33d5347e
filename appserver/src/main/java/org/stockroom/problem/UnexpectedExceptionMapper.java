package org.stockroom.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.stockroom.persistence.Causes;
import org.stockroom.persistence.DatabaseFailure;
import org.stockroom.rules.RuleViolation;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: everything no other mapper took. Problems wrapped by the transaction
 * or persistence layers are unwrapped and answered as themselves; database refusals
 * become 409 or 503; anything left is a bug, logged in full and answered without
 * internals.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        for (Throwable cause : Causes.of(exception)) {
            if (cause instanceof ApiException api) {
                return ProblemResponses.from(api, uriInfo);
            }
            if (cause instanceof RuleViolation violation) {
                return ProblemResponses.from(RuleViolationMapper.problemOf(violation), uriInfo);
            }
            if (cause instanceof WebApplicationException web) {
                return new WebApplicationExceptionMapper().toResponseFor(web, uriInfo);
            }
        }
        DatabaseFailure failure = DatabaseFailure.of(exception).orElse(DatabaseFailure.OTHER);
        return switch (failure) {
            case DUPLICATE_KEY -> ProblemResponses.of(409, ProblemTypes.ALREADY_EXISTS, "Already exists",
                    "Another request created the same item at the same time", uriInfo);
            case INTEGRITY_VIOLATION -> {
                LOG.warning(() -> "Database integrity rule refused a request to " + uriInfo.getPath()
                        + ": " + DatabaseFailure.sqlExceptionIn(exception).map(Throwable::getMessage).orElse(""));
                yield ProblemResponses.of(409, ProblemTypes.DATA_INTEGRITY, "Refused by a data integrity rule",
                        "The database refused the change because it would break an inventory rule", uriInfo);
            }
            case TRANSIENT_CONFLICT, UNAVAILABLE -> {
                LOG.warning(() -> "Database unavailable for " + uriInfo.getPath() + ": " + exception);
                yield Response.fromResponse(ProblemResponses.of(503, ProblemTypes.DATABASE_UNAVAILABLE,
                                "Database unavailable", "The database could not complete the request; try again shortly",
                                uriInfo))
                        .header("Retry-After", "1").build();
            }
            case OTHER -> {
                LOG.log(Level.SEVERE, "Unexpected failure answering " + uriInfo.getPath(), exception);
                yield ProblemResponses.of(500, ProblemTypes.INTERNAL_ERROR, "Internal server error",
                        "The server failed unexpectedly; the failure has been logged", uriInfo);
            }
        };
    }
}
