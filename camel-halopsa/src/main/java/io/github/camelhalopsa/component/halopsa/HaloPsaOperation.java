package io.github.camelhalopsa.component.halopsa;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the producer does with an entity. The constants are spelled as users write them in a URI
 * ({@code operation=addOrUpdate}), so Camel's metadata and tooling show the same words.
 */
public enum HaloPsaOperation {
    /** GET the collection, paging through it where Halo documents paging. */
    list,
    /** GET one record by id. */
    get,
    /** POST an array of records: with {@code id} Halo updates, without it creates. */
    addOrUpdate,
    /** DELETE one record by id. */
    delete,
    /** Run a saved report or ad-hoc SQL through Halo's report engine and return its rows. */
    preview,
    /** Any authenticated call under /api (entity {@code api} only). */
    request;

    /**
     * The operation a header or option names, ignoring case.
     *
     * @param source where the value came from, for the error message
     */
    public static HaloPsaOperation parse(Object value, String source) {
        if (value instanceof HaloPsaOperation operation) {
            return operation;
        }
        String name = String.valueOf(value).trim();
        for (HaloPsaOperation operation : values()) {
            if (operation.name().equalsIgnoreCase(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown HaloPSA operation '" + name + "' in the " + source
                                           + ". Valid operations: " + Arrays.stream(values()).map(Enum::name)
                                                   .collect(Collectors.joining(", ")));
    }
}
