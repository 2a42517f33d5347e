package org.stockroom.auth.password;

/** What a count of failed log-ins is kept for: the {@code scope} column of {@code login_failure}. */
enum FailureScope {

    /** One user name from one client address: the plain brute force. */
    USER_AND_ADDRESS("user_address"),
    /** One client address, whatever the user names: password spraying. */
    ADDRESS("address"),
    /** One user name, from every address: a distributed attack on one account. */
    USER("user");

    private final String column;

    FailureScope(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    static FailureScope ofColumn(String column) {
        for (FailureScope scope : values()) {
            if (scope.column.equals(column)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown login_failure scope: " + column);
    }
}
