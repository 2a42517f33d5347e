package org.stockroom.client;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The event stream format as the HTML specification interprets it. */
class SseParserTest {

    @Test
    void givenNamedEventsWithIds_whenParsed_thenEachIsDispatchedAtItsBlankLine() {
        List<SseParser.Message> messages = parse(null,
                "event: movement", "id: 6", "data: {\"id\":6}", "",
                "event: level", "data: {\"sku\":\"A\"}", "");

        assertThat(messages).containsExactly(
                new SseParser.Message("movement", "6", "{\"id\":6}"),
                new SseParser.Message("level", "6", "{\"sku\":\"A\"}"));
    }

    @Test
    void givenCommentsAndAnEventWithoutData_whenParsed_thenNothingIsDispatchedButTheIdIsKept() {
        SseParser parser = new SseParser("3");

        assertThat(feed(parser, ": heartbeat", "", ": stockroom events", "retry: 1000", "", "id: 9", "event: x", ""))
                .isEmpty();
        assertThat(parser.lastEventId()).isEqualTo("9");
        assertThat(parser.retryMillis()).contains(1000L);
        assertThat(feed(parser, "data: after", "")).containsExactly(new SseParser.Message("message", "9", "after"));
    }

    @Test
    void givenSeveralDataLines_whenParsed_thenTheyAreJoinedByLineFeeds() {
        assertThat(parse(null, "data: first", "data:second", "data", "data:  two spaces", ""))
                .extracting(SseParser.Message::data).containsExactly("first\nsecond\n\n two spaces");
    }

    @Test
    void givenOddFields_whenParsed_thenUnknownOnesAndBadRetriesAndIdsWithNulAreIgnored() {
        SseParser parser = new SseParser("1");

        List<SseParser.Message> messages = feed(parser, "\uFEFFdata: bom", "", "colour: red", "retry: soon", "id: a\u0000b",
                "data: x", "");

        assertThat(messages).extracting(SseParser.Message::data).containsExactly("bom", "x");
        assertThat(messages).extracting(SseParser.Message::lastEventId).containsOnly("1");
        assertThat(parser.retryMillis()).isEmpty();
    }

    @Test
    void givenAnEmptyId_whenParsed_thenTheLastEventIdIsCleared() {
        assertThat(parse("5", "id", "data: x", "")).extracting(SseParser.Message::lastEventId).containsExactly("");
    }

    @Test
    void givenAnEventCutBeforeItsBlankLine_whenTheStreamEnds_thenItIsNotDispatched() {
        assertThat(parse(null, "event: movement", "id: 7", "data: {}")).isEmpty();
    }

    private static List<SseParser.Message> parse(String lastEventId, String... lines) {
        return feed(new SseParser(lastEventId), lines);
    }

    private static List<SseParser.Message> feed(SseParser parser, String... lines) {
        List<SseParser.Message> messages = new ArrayList<>();
        for (String line : lines) {
            parser.line(line).ifPresent(messages::add);
        }
        return messages;
    }
}
