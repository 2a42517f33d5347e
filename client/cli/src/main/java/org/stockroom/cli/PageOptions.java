package org.stockroom.cli;

import org.stockroom.client.Page;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.function.Function;

/** The paging options every {@code list} command shares. */
public final class PageOptions {

    @Option(names = "--limit", paramLabel = "N",
            description = "At most N per page (server default 50, maximum 500).")
    Integer limit;

    @Option(names = "--after", paramLabel = "CURSOR",
            description = "Start after this cursor, as printed at the end of the previous page.")
    String after;

    @Option(names = "--all", description = "Follow the pages to the end instead of showing one.")
    boolean all;

    public Integer limit() {
        return limit;
    }

    /**
     * Fetches one page starting at {@code --after}, or with {@code --all} every page from there
     * on, gathered into one page without a next cursor.
     */
    /** Fetches as {@link #fetch} does and shows the listing as {@link Output#page} does. */
    public <T> void show(Output output, Function<String, Page<T>> pageAfter, String noun,
                         Function<List<T>, Table> table) {
        output.page(fetch(pageAfter), noun, table);
    }

    public <T> Page<T> fetch(Function<String, Page<T>> pageAfter) {
        return all ? Page.allFrom(after, pageAfter) : pageAfter.apply(after);
    }
}
