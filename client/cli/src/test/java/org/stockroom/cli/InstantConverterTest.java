package org.stockroom.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter(ZoneId.of("Europe/Berlin"));

    @Test
    void readsAnIsoInstantAsIs() {
        assertThat(converter.convert("2025-11-21T07:00:00Z")).isEqualTo(Instant.parse("2025-11-21T07:00:00Z"));
    }

    @Test
    void readsLocalDateTimesAndDatesInTheLocalZone() {
        assertThat(converter.convert("2025-11-21T08:30")).isEqualTo(Instant.parse("2025-11-21T07:30:00Z"));
        assertThat(converter.convert("2025-11-21")).isEqualTo(Instant.parse("2025-11-20T23:00:00Z"));
    }

    @Test
    void explainsWhatItExpects() {
        assertThatThrownBy(() -> converter.convert("yesterday"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("'yesterday' is not a date or time; use e.g. 2025-11-21");
    }
}
