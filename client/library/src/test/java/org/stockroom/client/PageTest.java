package org.stockroom.client;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    private static final Map<String, Page<String>> PAGES = Map.of(
            "start", new Page<>(List.of("a", "b"), "c1"),
            "c1", new Page<>(List.of("c"), "c2"),
            "c2", new Page<>(List.of("d"), null));

    @Test
    void followsTheCursorsToTheLastPage() {
        List<String> asked = new ArrayList<>();

        Page<String> all = Page.allFrom(null, after -> {
            asked.add(after);
            return PAGES.get(after == null ? "start" : after);
        });

        assertThat(all.items()).containsExactly("a", "b", "c", "d");
        assertThat(all.hasNext()).isFalse();
        assertThat(asked).containsExactly(null, "c1", "c2");
    }

    @Test
    void startsAfterTheGivenCursor() {
        Page<String> rest = Page.allFrom("c1", PAGES::get);

        assertThat(rest.items()).containsExactly("c", "d");
        assertThat(rest.next()).isNull();
    }
}
