package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelException;

/**
 * One kind of trigger: which records it reads from HaloPSA, the state it keeps, and where it starts. The
 * {@link TriggerConsumer} does the rest (the schedule, the exchanges, saving the state after each one), the same for
 * every kind.
 *
 * @param <S> the state it keeps
 */
public interface Trigger<S extends TriggerState> {

    /** What it fires on, for logs and the CamelHaloPsaTrigger header: for example {@code ticket.updated}. */
    String name();

    /** Its words for logs: for example "Updated Ticket trigger". */
    String title();

    /** The records an exchange of splitResult=false holds them under, beside their count. */
    String recordsKey();

    /**
     * Where it starts when the state repository holds nothing for it, as the since option says.
     *
     * @return the state, and whether that start only took a baseline (since=now): then the poll delivers nothing
     */
    Start<S> start() throws CamelException;

    /** The records to deliver, in delivery order. */
    Found find(S state) throws CamelException;

    /**
     * Reads a stored state.
     *
     * @throws IllegalArgumentException if the text is not this trigger's state, saying what it expected
     */
    S parse(String text);

    /** Where the next poll starts reading, for the log line of a failed poll. */
    String describeNext(S state);

    /**
     * The record's id as the CamelHaloPsaId header gives it.
     */
    String idOf(Map<String, Object> record) throws CamelException;

    /** A start: the state, and whether it is a baseline only. */
    record Start<S>(S state, boolean baselineOnly) {
    }

    /**
     * The records found.
     *
     * @param records the records to deliver, in delivery order
     * @param pages   how many pages (requests) were read
     */
    record Found(List<Map<String, Object>> records, int pages) {
    }
}
