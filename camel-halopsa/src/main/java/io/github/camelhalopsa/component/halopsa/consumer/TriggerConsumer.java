package io.github.camelhalopsa.component.halopsa.consumer;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.HaloPsaEndpoint;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.push.Push;
import io.github.camelhalopsa.component.halopsa.records.ListFetcher;
import org.apache.camel.CamelException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer of every trigger ({@code from("halopsa:ticket")}, {@code ?trigger=updated}, {@code halopsa:action},
 * ...): it polls its {@link Trigger} and delivers each record found once, in the trigger's order.
 * <p>
 * A record counts as handled only when its exchange completed (a failure handled by the route's error handler counts
 * as completed; an unhandled one or a rollback does not). The first exchange that does not complete ends the batch,
 * so that record and the ones after it come again on the next poll, in the same order; the state is saved after
 * every completed exchange, from within the exchange, so a graceful shutdown waits for it.
 *
 * @param <S> the state its trigger keeps
 */
public class TriggerConsumer<S extends TriggerState> extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerConsumer.class);

    private final HaloPsaEndpoint endpoint;
    private final boolean splitResult;
    private final StateRepository<String, String> repository;
    private final Trigger<S> trigger;
    private final TriggerStateStore<S> store;
    private final PollFailureLog pollFailures;
    // push hook (webhookPath): the whole of push is in the push package; here it is created, started after the state
    // is loaded, stopped, and every poll runs through it so that a webhook's wake-up poll never overlaps a scheduled one
    private final Push push;

    private volatile HaloPsaConnection connection;
    // loaded by doStart, then changed by the polling thread only
    private volatile S state;
    private boolean unsaved;
    private boolean foundRecordsLastPoll;

    /**
     * @param triggers makes the trigger, given the lists it reads through (they use the connection this consumer
     *                 takes from the component when it starts)
     */
    TriggerConsumer(HaloPsaEndpoint endpoint, Processor processor, Function<ListFetcher, Trigger<S>> triggers,
                    Map<String, String> filters) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.trigger = triggers.apply(new ListFetcher(() -> connection, endpoint.getComponent().getJson()));
        HaloPsaConfiguration configuration = endpoint.getConfiguration();
        this.splitResult = configuration.isSplitResult();
        this.repository = configuration.getStateRepository() != null
                ? configuration.getStateRepository() : endpoint.getInMemoryStates();
        this.store = new TriggerStateStore<>(repository, TriggerStateStore.keyFor(configuration.getStateKey(),
                trigger.name(), URI.create(endpoint.getServiceUrl()), filters), trigger,
                endpoint.getComponent().getObjectMapper());
        this.pollFailures = new PollFailureLog(trigger.title(), this::whatHappensNext);
        setExceptionHandler(pollFailures);
        this.push = Push.of(endpoint, this, Triggers.kind(configuration.getTrigger()), store.key(), this::run);
    }

    @Override
    protected void doStart() throws Exception {
        connection = endpoint.getConnection();
        endpoint.getComponent().getStateRepositoryLeases().acquire(repository, store.key(), getEndpoint().getCamelContext());
        try {
            // read again on every start: someone may have edited the stored state while the route was stopped
            state = store.load();
            unsaved = false;
            LOG.info("{} on {} starts {}; state key '{}'{}", trigger.title(), sanitizedUri(),
                    state == null ? "as since=" + endpoint.getConfiguration().getSince() + " says" : "after " + state,
                    store.key(), store.isPersistent() ? "" : " (kept in memory only)");
            push.start();
            super.doStart();
        } catch (Exception | Error e) {
            releaseRepository();
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        try {
            push.stop();
            super.doStop();
        } finally {
            releaseRepository();
        }
    }

    /** Every poll, scheduled or woken by a webhook call, one at a time. */
    @Override
    public void run() {
        push.runExclusively(super::run);
    }

    /** Polls as soon as no other poll runs (push: a webhook call from HaloPSA); returns at once. */
    public void wakeUp() {
        push.wakeUp();
    }

    private void releaseRepository() {
        endpoint.getComponent().getStateRepositoryLeases().release(repository, store.key());
    }

    @Override
    protected int poll() throws Exception {
        foundRecordsLastPoll = false;
        if (state == null) {
            Trigger.Start<S> start = trigger.start();
            state = start.state();
            unsaved = true;
            save();
            if (start.baselineOnly()) {
                pollFailures.pollSucceeded();
                return 0;
            }
        }
        if (unsaved) {
            // a completed record whose handling could not be recorded: deliver nothing more until it is
            save();
        }
        Trigger.Found found = trigger.find(state);
        pollFailures.pollSucceeded();
        if (found.records().isEmpty()) {
            return 0;
        }
        foundRecordsLastPoll = true;
        if (found.pages() > 1) {
            LOG.info("The {} read {} pages from HaloPSA: {} records to deliver", trigger.title(), found.pages(),
                    found.records().size());
        }
        Queue<Object> batch = new ArrayDeque<>();
        if (splitResult) {
            batch.addAll(found.records());
        } else {
            batch.add(found.records());
        }
        return processBatch(batch);
    }

    @Override
    @SuppressWarnings("unchecked")
    public int processBatch(Queue<Object> batch) throws Exception {
        int total = batch.size();
        int completed = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Object item = batch.poll();
            List<Map<String, Object>> records = splitResult
                    ? List.of((Map<String, Object>) item) : (List<Map<String, Object>>) item;
            Exchange exchange = createExchange(false);
            exchange.getIn().setHeader(HaloPsaConstants.TRIGGER, trigger.name());
            if (splitResult) {
                Map<String, Object> record = records.get(0);
                exchange.getIn().setBody(record);
                exchange.getIn().setHeader(HaloPsaConstants.ID, trigger.idOf(record));
                if (endpoint.getEntity().has(HaloPsaEntity.Trait.KEYED_BY_TICKET)
                    && record.get("ticket_id") instanceof Number ticketId) {
                    exchange.getIn().setHeader(HaloPsaConstants.TICKET_ID, String.valueOf(ticketId.longValue()));
                }
            } else {
                exchange.getIn().setBody(pollResult(records));
                exchange.getIn().setHeader(HaloPsaConstants.RECORD_COUNT, records.size());
            }
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            if (!deliver(exchange, records)) {
                if (splitResult) {
                    LOG.warn("{} {} was not completed by the route from {} (it failed or was rolled back): it comes "
                             + "again on the next poll, and the {} record(s) after it wait for it",
                            capitalized(endpoint.getEntity().name()), records.get(0).get("id"), sanitizedUri(),
                            total - index - 1);
                } else {
                    LOG.warn("The exchange with {} records was not completed by the route from {} (it failed or was "
                             + "rolled back): they come again on the next poll", records.size(), sanitizedUri());
                }
                break;
            }
            completed++;
        }
        pendingExchanges = 0;
        return completed;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Runs one exchange and reports whether its records are now handled. */
    private boolean deliver(Exchange exchange, List<Map<String, Object>> records) throws Exception {
        Commit commit = new Commit(records);
        exchange.getExchangeExtension().addOnCompletion(commit);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            releaseExchange(exchange, false);
        }
        if (commit.saveFailure != null) {
            throw commit.saveFailure;
        }
        return commit.completed;
    }

    /** Records an exchange's records as handled when, and only when, the exchange completes. */
    private final class Commit implements Synchronization {
        private final List<Map<String, Object>> records;
        boolean completed;
        Exception saveFailure;

        Commit(List<Map<String, Object>> records) {
            this.records = records;
        }

        @Override
        public void onComplete(Exchange exchange) {
            if (exchange.isRollbackOnly() || exchange.isRollbackOnlyLast()) {
                return;
            }
            try {
                for (Map<String, Object> record : records) {
                    state.handled(record);
                }
                unsaved = true;
                completed = true;
                save();
            } catch (Exception e) {
                saveFailure = e;
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            // not handled: the watermark stays, and the next poll delivers these records again
        }
    }

    private void save() throws CamelException {
        try {
            store.save(state);
            unsaved = false;
        } catch (RuntimeException e) {
            throw new CamelException("Could not save the " + trigger.title() + " state (" + state + ") under the key '"
                                     + store.key() + "' of the state repository: " + e.getMessage()
                                     + ". Delivery pauses until it can be saved, so that a restart repeats nothing",
                    e);
        }
    }

    @Override
    protected void processEmptyMessage() throws Exception {
        if (foundRecordsLastPoll) {
            // records were there but the first one failed: that is not an idle poll
            return;
        }
        if (splitResult) {
            super.processEmptyMessage();
            return;
        }
        Exchange exchange = createExchange(false);
        exchange.getIn().setHeader(HaloPsaConstants.TRIGGER, trigger.name());
        exchange.getIn().setBody(pollResult(List.of()));
        exchange.getIn().setHeader(HaloPsaConstants.RECORD_COUNT, 0);
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, 0);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, 1);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, true);
        try {
            getProcessor().process(exchange);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** The reference trigger's shape: the count of records and the records, under the list's own key. */
    private Map<String, Object> pollResult(List<Map<String, Object>> records) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", records.size());
        result.put(trigger.recordsKey(), new ArrayList<>(records));
        return result;
    }

    private String whatHappensNext() {
        S current = state;
        String from = current == null ? "the starting point (since=" + endpoint.getConfiguration().getSince() + ")"
                : trigger.describeNext(current);
        return "the next poll, in " + TimeUtils.printDuration(getTimeUnit().toMillis(getDelay())) + ", starts again "
               + from + " (" + sanitizedUri() + ")";
    }

    private String sanitizedUri() {
        return URISupport.sanitizeUri(endpoint.getEndpointUri());
    }

    /** The current state, for tests and management. */
    public S state() {
        return state;
    }

    /** What it fires on, for example {@code ticket.updated}. */
    public String triggerName() {
        return trigger.name();
    }
}
