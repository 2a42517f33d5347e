package org.stockroom.security;

/**
 * The role names as constants for {@code @RolesAllowed}. Each role includes the ones before
 * it, so {@code @RolesAllowed(Roles.CLERK)} admits clerks, managers and admins.
 */
public final class Roles {

    /** Reads everything. */
    public static final String VIEWER = "viewer";
    /** Viewer, and records stock movements. */
    public static final String CLERK = "clerk";
    /** Clerk, and creates and changes products and locations. */
    public static final String MANAGER = "manager";
    /** Manager, and manages users. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
