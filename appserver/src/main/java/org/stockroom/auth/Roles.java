package org.stockroom.auth;

/**
 * The role names, forwarded from their home {@link org.stockroom.security.Roles} for the feature
 * packages ({@code product}, {@code location}, {@code stock}, {@code movement}) that still import
 * them from here. New code uses {@code org.stockroom.security.Roles}; this class goes when those
 * packages do.
 */
public final class Roles {

    public static final String VIEWER = org.stockroom.security.Roles.VIEWER;
    public static final String CLERK = org.stockroom.security.Roles.CLERK;
    public static final String MANAGER = org.stockroom.security.Roles.MANAGER;
    public static final String ADMIN = org.stockroom.security.Roles.ADMIN;

    private Roles() {
    }
}
