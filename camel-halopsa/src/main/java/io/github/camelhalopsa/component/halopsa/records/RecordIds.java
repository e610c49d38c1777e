package io.github.camelhalopsa.component.halopsa.records;

import java.util.regex.Pattern;

/** Halo's numeric record ids as they arrive in options, headers, stored state and records: the one reading of them. */
public final class RecordIds {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private RecordIds() {
    }

    /** The id a text holds (surrounding blanks allowed), or null when it is not a whole number that fits a long. */
    public static Long parse(CharSequence text) {
        String trimmed = text.toString().trim();
        return DIGITS.matcher(trimmed).matches() ? Long.valueOf(trimmed) : null;
    }
}
