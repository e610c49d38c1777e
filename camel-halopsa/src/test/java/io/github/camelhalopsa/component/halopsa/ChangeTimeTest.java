package io.github.camelhalopsa.component.halopsa;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.consumer.ChangeTime;
import io.github.camelhalopsa.component.halopsa.consumer.ChangeWatermark;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the change triggers read Halo's date-times and send them back, and what their stored state says. */
class ChangeTimeTest {

    @Test
    void halosTimesAreReadWithOrWithoutAnOffsetAndAnyFraction() {
        assertThat(ChangeTime.parse("2026-12-01T08:00:00").instant()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(ChangeTime.parse("2026-12-01T08:00:00.1234567").instant())
                .isEqualTo(Instant.parse("2026-12-01T08:00:00.1234567Z"));
        assertThat(ChangeTime.parse("2026-12-01T09:00:00+01:00").instant())
                .isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(ChangeTime.parse("2026-12-01 08:00:00.5").instant()).isEqualTo(Instant.parse("2026-12-01T08:00:00.5Z"));
        assertThat(ChangeTime.parse("yesterday")).isNull();
        assertThat(ChangeTime.parse(null)).isNull();
        assertThat(ChangeTime.parse(1234)).isNull();
    }

    @Test
    void aFilterIsSentInTheStyleHaloWritesItsOwnTimes() {
        assertThat(ChangeTime.parse("2026-12-01T08:00:00.5").asFilter()).isEqualTo("2026-12-01T08:00:00.500");
        assertThat(ChangeTime.parse("2026-12-01T09:00:00+01:00").asFilter()).isEqualTo("2026-12-01T08:00:00.000Z");
    }

    @Test
    void aStoredTimeKeepsItsStyle() {
        for (String text : new String[] { "2026-12-01T08:00:00.123", "2026-12-01T08:00:00.123Z" }) {
            ChangeTime time = ChangeTime.parse(text);
            assertThat(ChangeTime.ofStored(time.stored())).isEqualTo(time);
        }
    }

    @Test
    void theProgressOfAStoredStateIsItsFloorAndNothingForOtherValues() {
        ObjectMapper mapper = new ObjectMapper();
        String state = "{\"floor\":\"2026-12-01T08:00:00Z\",\"newest\":\"2026-12-01T08:05:00Z\",\"delivered\":{}}";
        assertThat(ChangeWatermark.progressOf(state, mapper))
                .isEqualTo(Instant.parse("2026-12-01T08:00:00Z").toEpochMilli());
        assertThat(ChangeWatermark.progressOf("{\"floor\":null,\"newest\":null,\"delivered\":{}}", mapper)).isNull();
        assertThat(ChangeWatermark.progressOf("{\"watermark\":3,\"windowStart\":1,\"handled\":\"\"}", mapper)).isNull();
        assertThat(ChangeWatermark.progressOf("{\"floor\":\"2026-12-01T08:00", mapper)).isNull();
    }
}
