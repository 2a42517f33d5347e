package org.stockroom.api;

import org.stockroom.problem.PreconditionRequiredException;

import jakarta.ws.rs.core.EntityTag;

import java.util.Arrays;

/** ETags are the row's optimistic-lock version; If-Match carries it back on edits. */
public final class EntityTags {

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Edits must name the version they are based on: a missing If-Match is a 428. */
    public static void requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException(
                    "Send If-Match with the ETag from your last GET, so that no one else's change is overwritten");
        }
    }

    /**
     * Whether an {@code If-Match} header names the current version. {@code *} matches any;
     * weak tags compare by value, since our versions are exact.
     */
    public static boolean matches(String ifMatch, long currentVersion) {
        requireIfMatch(ifMatch);
        String current = Long.toString(currentVersion);
        return Arrays.stream(ifMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .map(tag -> tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                        ? tag.substring(1, tag.length() - 1) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }
}
