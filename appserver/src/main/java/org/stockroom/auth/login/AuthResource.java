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
    public Response issueToken(@NotNull(message = "a JSON body is required") @Valid TokenRequest request) {
        return Response.ok(TokenView.of(service.logIn(request.username(), request.password(), clientAddress())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")  // RFC 6749 section 5.1
                .header("Pragma", "no-cache")
                .build();
    }

    @GET
    @Path("/me")
    public SessionView me() {
        return SessionView.of(currentUser.session().orElseThrow());
    }

    /** The logged-in user's own password; all of its tokens are revoked, this one too: log in again. */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@NotNull(message = "a JSON body is required") @Valid PasswordChangeRequest request) {
        service.changeOwnPassword(currentUser.username(), request.currentPassword(), request.newPassword(), clientAddress());
        return Response.noContent().build();
    }

    @POST
    @Path("/logout")
    public Response logOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        service.logOut(authorization);
        return Response.noContent().build();
    }

    /** The address failed attempts are counted by; a request always has one in Helidon. */
    private String clientAddress() {
        return clientAddress.ofCurrentRequest().orElse("unknown");
    }
}
