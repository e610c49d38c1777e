package io.github.camelhalopsa.component.halopsa;

import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.consumer.NewRecordStart;
import io.github.camelhalopsa.component.halopsa.consumer.IdWatermark;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdWatermarkTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void sinceNowTreatsVisibleTicketsAsHandledButNotTheGapsBetweenThem() {
        IdWatermark state = IdWatermark.baseline(List.of(10L, 8L, 7L));

        assertThat(state.watermark()).isEqualTo(10);
        assertThat(state.isPending(10)).isFalse();
        assertThat(state.isPending(8)).isFalse();
        assertThat(state.isPending(9)).as("not visible at the first poll: created with it").isTrue();
        assertThat(state.isPending(11)).isTrue();
    }

    @Test
    void idsOlderThanTheLookBackWindowCountAsHandled() {
        IdWatermark state = IdWatermark.after(0);
        state.handled(1000);

        assertThat(state.windowStart()).isEqualTo(1000 - IdWatermark.LOOK_BACK + 1);
        assertThat(state.isPending(901)).isTrue();
        assertThat(state.isPending(900)).isFalse();
    }

    @Test
    void theWindowNeverReachesBelowTheStartingPoint() {
        IdWatermark state = IdWatermark.after(499);
        state.handled(510);

        assertThat(state.isPending(499)).isFalse();
        assertThat(state.isPending(505)).isTrue();
    }

    @Test
    void roundTripsThroughItsStoredForm() {
        IdWatermark state = IdWatermark.after(0);
        for (long id : new long[] { 1, 2, 3, 5, 7, 8, 9 }) {
            state.handled(id);
        }

        String text = state.format(mapper);
        IdWatermark read = IdWatermark.parse(text, mapper);

        assertThat(text).isEqualTo("{\"watermark\":9,\"windowStart\":1,\"handled\":\"1-3,5,7-9\"}");
        assertThat(read.format(mapper)).isEqualTo(text);
        assertThat(read.isPending(4)).isTrue();
        assertThat(read.isPending(5)).isFalse();
    }

    @Test
    void aValueCutShortByACrashIsRefusedRatherThanReadAsALowerWatermark() {
        String whole = "{\"watermark\":1234,\"windowStart\":1135,\"handled\":\"1135-1234\"}";
        for (int length = 1; length < whole.length(); length++) {
            String cut = whole.substring(0, length);
            if (cut.matches("\\d+")) {
                continue;
            }
            assertThatThrownBy(() -> IdWatermark.parse(cut, mapper)).as(cut)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aBareIdWrittenByHandMeansEverythingUpToItIsHandled() {
        IdWatermark state = IdWatermark.parse(" 42\n", mapper);

        assertThat(state.isPending(42)).isFalse();
        assertThat(state.isPending(41)).isFalse();
        assertThat(state.isPending(43)).isTrue();
    }

    @Test
    void rangesAreCompact() {
        assertThat(IdWatermark.ranges(new TreeSet<>(List.of(4L, 5L, 6L, 9L, 11L, 12L)))).isEqualTo("4-6,9,11-12");
        assertThat(IdWatermark.parseRanges("4-6,9,11-12")).containsExactly(4L, 5L, 6L, 9L, 11L, 12L);
        assertThat(IdWatermark.parseRanges("")).isEmpty();
    }

    @Test
    void sinceIsValidatedWithAMessageThatSaysWhatIsValid() {
        assertThat(NewRecordStart.parse("NOW").isNow()).isTrue();
        assertThat(NewRecordStart.parse("beginning").state().isPending(1)).isTrue();
        assertThat(NewRecordStart.parse("1200").state().isPending(1199)).isFalse();
        assertThat(NewRecordStart.parse("1200").state().isPending(1200)).isTrue();
        assertThatThrownBy(() -> NewRecordStart.parse("0")).hasMessageContaining("a ticket id such as since=1200");
        assertThatThrownBy(() -> NewRecordStart.parse("-5")).hasMessageContaining("Invalid since '-5'");
    }
}
