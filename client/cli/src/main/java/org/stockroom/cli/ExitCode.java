package org.stockroom.cli;

/** What the {@code stockroom} command's exit status means; scripts may rely on these. */
public final class ExitCode {

    /** Done. */
    public static final int OK = 0;
    /** The server answered and said no (not found, conflict, invalid input...). */
    public static final int REFUSED = 1;
    /** The server could not be reached: nothing listening, unknown host, or no answer in time. */
    public static final int UNREACHABLE = 2;
    /**
     * The server answered that it cannot do it now (502, 503 or 504), or was still working on
     * the command's first attempt (409 idempotency key in flight), also after retries; the same
     * number as {@link #UNREACHABLE}: nothing was refused, try again later.
     */
    public static final int UNAVAILABLE = 2;
    /** The command line itself was wrong; picocli's convention, the same number as {@link #UNREACHABLE}. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
