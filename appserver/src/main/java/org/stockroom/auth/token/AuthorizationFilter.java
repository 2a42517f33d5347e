package org.stockroom.auth.token;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.stockroom.problem.ForbiddenException;
import org.stockroom.problem.UnauthorizedException;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Enforces the standard {@code @PermitAll}, {@code @RolesAllowed} and {@code @DenyAll} on
 * every resource method (the method's annotation wins over its class's). It fails closed: a
 * resource method with none of them is refused to everyone, so a new endpoint cannot be
 * opened by forgetting to say who may use it.
 *
 * <p>Without a token the answer is 401 with a challenge; with a valid token whose role is too
 * low, 403 (RFC 9110 sections 15.5.2 and 15.5.4).
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {

    static final String TOKEN_REQUIRED =
            "This request needs a bearer token: log in with POST /api/v1/auth/token and send 'Authorization: Bearer <token>'";

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;  // no resource matched: JAX-RS answers 404 or 405 itself
        }
        AnnotatedElement rule = ruleOf(method);
        if (rule.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (security == null || security.getUserPrincipal() == null) {
            throw new UnauthorizedException(TOKEN_REQUIRED);
        }
        RolesAllowed allowed = rule.getAnnotation(RolesAllowed.class);
        if (allowed == null || Arrays.stream(allowed.value()).noneMatch(security::isUserInRole)) {
            throw new ForbiddenException(refusal(allowed));
        }
    }

    /** The method if it carries a rule, else its class. */
    private static AnnotatedElement ruleOf(Method method) {
        boolean methodHasRule = method.isAnnotationPresent(PermitAll.class)
                || method.isAnnotationPresent(RolesAllowed.class)
                || method.isAnnotationPresent(DenyAll.class);
        return methodHasRule ? method : method.getDeclaringClass();
    }

    private static String refusal(RolesAllowed allowed) {
        if (allowed == null) {
            return "Nobody may do this";
        }
        String roles = Arrays.stream(allowed.value()).collect(Collectors.joining(" or "));
        return "Your role does not allow this; it needs the role " + roles + " or higher";
    }
}
