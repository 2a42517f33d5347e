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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.stockroom.api.Cursor;
import org.stockroom.api.Page;
import org.stockroom.api.PageRequest;
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
    public Page<UserView> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        String afterUsername = page.after() == null ? null : Cursor.decode(page.after(), 1).getFirst();
        return Cursor.page(service.list(afterUsername, page.fetchSize()).stream().map(UserView::of).toList(),
                page, last -> Cursor.encode(last.username()));
    }

    @GET
    @Path("/{username}")
    public UserView get(@PathParam("username") String username) {
        return UserView.of(service.get(username));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
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
    public Response resetPassword(@PathParam("username") String username,
                                  @NotNull(message = "a JSON body is required") @Valid PasswordResetRequest request) {
        service.resetPassword(username, gate.check(() -> passwords.hash(request.password())));
        return Response.noContent().build();
    }
}
