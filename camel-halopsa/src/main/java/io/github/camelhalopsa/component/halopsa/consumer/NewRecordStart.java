package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.Locale;

import io.github.camelhalopsa.component.halopsa.records.RecordIds;

/**
 * Where a new-record trigger starts when its state repository holds nothing for it yet: the {@code since} option.
 *
 * @param firstId the lowest id to deliver, or null for {@code now}
 */
public record NewRecordStart(Long firstId) {

    public static final String NOW = "now";
    public static final String BEGINNING = "beginning";

    public static NewRecordStart parse(String since) {
        return parse(since, "ticket");
    }

    /** @param recordWord what the records are called in the error, for example "client" */
    public static NewRecordStart parse(String since, String recordWord) {
        String value = since == null ? NOW : since.trim().toLowerCase(Locale.ROOT);
        if (value.equals(NOW)) {
            return new NewRecordStart(null);
        }
        if (value.equals(BEGINNING)) {
            return new NewRecordStart(1L);
        }
        Long firstId = RecordIds.parse(value);
        if (firstId != null && firstId > 0) {
            return new NewRecordStart(firstId);
        }
        throw new IllegalArgumentException("Invalid since '" + since + "': use now (" + recordWord + "s created from the "
                                           + "first poll on), beginning (every " + recordWord + "), or a " + recordWord
                                           + " id such as since=1200 (that " + recordWord + " and every later one)");
    }

    public boolean isNow() {
        return firstId == null;
    }

    /** The state to start from, for every value but now, whose state depends on what HaloPSA shows. */
    public IdWatermark state() {
        return IdWatermark.after(firstId - 1);
    }
}
