package org.stockroom.auth.login;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stockroom.api.ErrorResponses;
import org.stockroom.ratelimit.ClientAddress;
import org.stockroom.security.CurrentUser;
import org.stockroom.security.Roles;

/**
 * Log-in and log-out with opaque bearer tokens, and a user's own password change (docs/security.md).
 * Not {@code @Resilient} as a whole, unlike the other resources: the password work between the
 * database steps must hold no place in the database bulkhead, so the service's database steps
 * are the resilient units.
 */
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "Log-in with a user name and password for a bearer token, log-out, "
        + "and one's own password")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class AuthResource {

    private final AuthService service;
    private final CurrentUser currentUser;
    private final ClientAddress clientAddress;

    @Inject
    public AuthResource(AuthService service, CurrentUser currentUser, ClientAddress clientAddress) {
        this.service = service;
        this.currentUser = currentUser;
        this.clientAddress = clientAddress;
    }

    @POST
    @PermitAll
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirements  // none: this is where a token comes from
    @Operation(summary = "Log in", description = "A bearer token for a user name and password, shown only in this "
            + "answer. 401 for an unknown user, a wrong password or a disabled user alike; 429 after too many failed "
            + "log-ins; 503 server-busy while the server checks as many passwords as it allows at once. "
            + "No token needed.")
    @APIResponse(responseCode = "200", description = "The token, with Cache-Control: no-store",
            content = @Content(schema = @Schema(implementation = TokenView.class)))
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response issueToken(@NotNull(message = "a JSON body is required") @Valid TokenRequest request) {
        return Response.ok(TokenView.of(service.logIn(request.username(), request.password(), clientAddress())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")  // RFC 6749 section 5.1
                .header("Pragma", "no-cache")
                .build();
    }

    @GET
    @Path("/me")
    @Operation(summary = "Who the token stands for", description = "Role: viewer.")
    @APIResponse(responseCode = "200", description = "The token's user, role and expiry")
    public SessionView me() {
        return SessionView.of(currentUser.session().orElseThrow());
    }

    /** The logged-in user's own password; all of its tokens are revoked, this one too: log in again. */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one's own password", description = "All of the user's tokens are revoked, this "
            + "one too: log in again. A wrong current password is a 403 and counts as a failed log-in. Role: viewer.")
    @APIResponse(responseCode = "204", description = "Changed; every token of the user is revoked")
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)  // the current password is wrong
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // edit-conflict: an admin changed the user
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response changePassword(@NotNull(message = "a JSON body is required") @Valid PasswordChangeRequest request) {
        service.changeOwnPassword(currentUser.username(), request.currentPassword(), request.newPassword(), clientAddress());
        return Response.noContent().build();
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Log out", description = "Revokes this token at once; the user's others stay valid. "
            + "Role: viewer.")
    @APIResponse(responseCode = "204", description = "The token is revoked")
    public Response logOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        service.logOut(authorization);
        return Response.noContent().build();
    }

    /** The address failed attempts are counted by; a request always has one in Helidon. */
    private String clientAddress() {
        return clientAddress.ofCurrentRequest().orElse("unknown");
    }
}
