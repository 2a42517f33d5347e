package org.stockroom.auth.user;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stockroom.api.Cursor;
import org.stockroom.api.ErrorResponses;
import org.stockroom.api.Page;
import org.stockroom.api.PageRequest;
import org.stockroom.api.StockroomApplication;
import org.stockroom.auth.password.LoginGate;
import org.stockroom.auth.password.Passwords;
import org.stockroom.idempotency.IdempotentRequests;
import org.stockroom.problem.InvalidRequestException;
import org.stockroom.security.CurrentUser;
import org.stockroom.security.Role;
import org.stockroom.security.Roles;

/**
 * The users API, for admins (docs/api.md#users). Passwords are hashed here, under the
 * {@link LoginGate}, before the service's transaction begins and outside its database bulkhead
 * ({@link UserService} is the {@code @Resilient} unit), so that no pooled connection or
 * bulkhead place waits on the hashing.
 */
@ApplicationScoped
@RolesAllowed(Roles.ADMIN)
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Who may log in, with which role (admins only); disabled, never deleted")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class UserResource {

    private final UserService service;
    private final Passwords passwords;
    private final CurrentUser currentUser;
    private final LoginGate gate;

    @Inject
    public UserResource(UserService service, Passwords passwords, CurrentUser currentUser, LoginGate gate) {
        this.service = service;
        this.passwords = passwords;
        this.currentUser = currentUser;
        this.gate = gate;
    }

    @GET
    @Operation(summary = "List users", description = "Disabled ones too, by user name, a page at a time. Role: admin.")
    @APIResponse(responseCode = "200", description = "A page of users")
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Page<UserView> list(@Parameter(ref = StockroomApplication.LIMIT) @QueryParam("limit") String limit,
                               @Parameter(ref = StockroomApplication.AFTER) @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        String afterUsername = page.after() == null ? null : Cursor.decode(page.after(), 1).getFirst();
        return Cursor.page(service.list(afterUsername, page.fetchSize()).stream().map(UserView::of).toList(),
                page, last -> Cursor.encode(last.username()));
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "Read a user", description = "The name in any case. Role: admin.")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    public UserView get(@PathParam("username") String username) {
        return UserView.of(service.get(username));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user", description = "Takes no Idempotency-Key: a repeated request is a 409. "
            + "Role: admin.")
    @APIResponse(responseCode = "201", description = "The user, created",
            headers = @Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // already-exists, in any case
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response create(@Context UriInfo uriInfo,
                           @NotNull(message = "a JSON body is required") @Valid NewUserRequest request) {
        String passwordHash = gate.check(() -> passwords.hash(request.password()));
        UserView created = UserView.of(service.create(request.username(), passwordHash, Role.of(request.role())));
        return Response.created(UriBuilder.fromPath(IdempotentRequests.collectionPath(uriInfo)).path("{username}")
                        .build(created.username()))
                .entity(created)
                .build();
    }

    @PATCH
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user's role, or disable or enable it", description = "An absent or null field "
            + "stays as it is. Disabling revokes the user's tokens. An admin cannot disable or demote itself, nor the "
            + "last enabled admin (409 last-admin). Role: admin.")
    @APIResponse(responseCode = "200", description = "The user as it is now")
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // last-admin
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public UserView change(@PathParam("username") String username,
                           @NotNull(message = "a JSON body is required") @Valid UserUpdateRequest request) {
        UserChange change = request.change();
        if (change.isEmpty()) {
            throw new InvalidRequestException("", "give at least one of role and disabled");
        }
        return UserView.of(service.change(currentUser.username(), username, change));
    }

    @POST
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reset a user's password", description = "Revokes all of the user's tokens. Role: admin.")
    @APIResponse(responseCode = "204", description = "Reset; every token of the user is revoked")
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response resetPassword(@PathParam("username") String username,
                                  @NotNull(message = "a JSON body is required") @Valid PasswordResetRequest request) {
        service.resetPassword(username, gate.check(() -> passwords.hash(request.password())));
        return Response.noContent().build();
    }
}
