package org.stockroom.cli;

import org.junit.jupiter.api.Test;
import org.stockroom.client.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PageOptionsTest {

    /** Three pages keyed by the cursor that leads to them; the first one by null. */
    private final Map<String, Page<String>> pages = new java.util.HashMap<>(Map.of(
            "", new Page<>(List.of("a", "b"), "c1"),
            "c1", new Page<>(List.of("c", "d"), "c2"),
            "c2", new Page<>(List.of("e"), null)));
    private final List<String> requestedCursors = new ArrayList<>();

    private Page<String> pageAfter(String cursor) {
        requestedCursors.add(cursor);
        return pages.get(cursor == null ? "" : cursor);
    }

    @Test
    void showsOnePageByDefault() {
        PageOptions options = new PageOptions();

        Page<String> page = options.fetch(this::pageAfter);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.next()).isEqualTo("c1");
        assertThat(requestedCursors).containsExactly((String) null);
    }

    @Test
    void startsAfterTheGivenCursor() {
        PageOptions options = new PageOptions();
        options.after = "c1";

        Page<String> page = options.fetch(this::pageAfter);

        assertThat(page.items()).containsExactly("c", "d");
        assertThat(requestedCursors).containsExactly("c1");
    }

    @Test
    void followsEveryPageWithAll() {
        PageOptions options = new PageOptions();
        options.all = true;

        Page<String> page = options.fetch(this::pageAfter);

        assertThat(page.items()).containsExactly("a", "b", "c", "d", "e");
        assertThat(page.next()).isNull();
        assertThat(requestedCursors).containsExactly(null, "c1", "c2");
    }
}
