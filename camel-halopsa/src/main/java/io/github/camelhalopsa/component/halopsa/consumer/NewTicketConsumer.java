package io.github.camelhalopsa.component.halopsa.consumer;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.HaloPsaEndpoint;
import io.github.camelhalopsa.component.halopsa.push.Push;
import io.github.camelhalopsa.component.halopsa.push.TriggerEvents;
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
 * The New Ticket Record trigger: delivers each HaloPSA ticket created after the starting point once, oldest first.
 * <p>
 * A ticket counts as handled only when its exchange completed (a failure handled by the route's error handler counts
 * as completed; an unhandled one or a rollback does not). The first exchange that does not complete ends the batch,
 * so that ticket and the ones after it come again on the next poll, in the same order; the watermark is saved after
 * every completed exchange, from within the exchange, so a graceful shutdown waits for it.
 */
public class NewTicketConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(NewTicketConsumer.class);

    private final HaloPsaEndpoint endpoint;
    private final boolean splitResult;
    private final NewTicketStart start;
    private final StateRepository<String, String> repository;
    private final Map<String, String> filters;
    private final TicketStateStore store;
    private final PollFailureLog pollFailures;
    private NewTicketFinder finder;
    // push hook (webhookPath): the whole of push is in the push package; here it is created, started after the state
    // is loaded, stopped, and every poll runs through it so that a webhook's wake-up poll never overlaps a scheduled one
    private final Push push;

    // loaded by doStart, then changed by the polling thread only
    private volatile TicketWatermark state;
    private boolean unsaved;
    private boolean foundTicketsLastPoll;

    public NewTicketConsumer(HaloPsaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        HaloPsaConfiguration configuration = endpoint.getConfiguration();
        this.splitResult = configuration.isSplitResult();
        this.start = NewTicketStart.parse(configuration.getSince());
        this.repository = configuration.getStateRepository() != null
                ? configuration.getStateRepository() : endpoint.getInMemoryStates();
        this.filters = NewTicketFinder.filters(configuration.getQuery());
        this.store = new TicketStateStore(repository, TicketStateStore.keyFor(configuration.getStateKey(),
                URI.create(endpoint.getServiceUrl()), filters), endpoint.getComponent().getObjectMapper());
        this.pollFailures = new PollFailureLog(this::whatHappensNext);
        setExceptionHandler(pollFailures);
        this.push = Push.of(endpoint, this, TriggerEvents.NEW, store.key(), this::run);
    }

    @Override
    protected void doStart() throws Exception {
        finder = new NewTicketFinder(new ListFetcher(endpoint.getConnection(), endpoint.getComponent().getJson()),
                filters);
        endpoint.getComponent().getStateRepositoryLeases().acquire(repository, store.key(), getEndpoint().getCamelContext());
        try {
            // read again on every start: someone may have edited the stored watermark while the route was stopped
            state = store.load();
            unsaved = false;
            LOG.info("New Ticket Record consumer on {} starts {}; state key '{}'{}", sanitizedUri(),
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
        foundTicketsLastPoll = false;
        if (state == null) {
            startFromSince();
            if (start.isNow()) {
                pollFailures.pollSucceeded();
                return 0;
            }
        }
        if (unsaved) {
            // a completed ticket whose handling could not be recorded: deliver nothing more until it is
            save();
        }
        NewTicketFinder.Found found = finder.find(state);
        pollFailures.pollSucceeded();
        if (found.tickets().isEmpty()) {
            return 0;
        }
        foundTicketsLastPoll = true;
        if (found.pages() > 1) {
            LOG.info("Read {} pages of tickets from HaloPSA: {} new tickets to deliver", found.pages(),
                    found.tickets().size());
        }
        Queue<Object> batch = new ArrayDeque<>();
        if (splitResult) {
            batch.addAll(found.tickets());
        } else {
            batch.add(found.tickets());
        }
        return processBatch(batch);
    }

    private void startFromSince() throws Exception {
        if (start.isNow()) {
            List<Long> visible = finder.newestVisibleIds();
            state = TicketWatermark.baseline(visible);
            LOG.info("New Ticket Record consumer on {} delivers tickets created from now on: the newest ticket "
                     + "visible is {}", sanitizedUri(), state.watermark());
        } else {
            state = start.state();
        }
        unsaved = true;
        save();
    }

    @Override
    @SuppressWarnings("unchecked")
    public int processBatch(Queue<Object> batch) throws Exception {
        int total = batch.size();
        int completed = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Object item = batch.poll();
            List<Map<String, Object>> tickets = splitResult
                    ? List.of((Map<String, Object>) item) : (List<Map<String, Object>>) item;
            Exchange exchange = createExchange(false);
            if (splitResult) {
                long id = NewTicketFinder.idOf(tickets.get(0));
                exchange.getIn().setBody(tickets.get(0));
                exchange.getIn().setHeader(HaloPsaConstants.ID, String.valueOf(id));
            } else {
                exchange.getIn().setBody(pollResult(tickets));
                exchange.getIn().setHeader(HaloPsaConstants.RECORD_COUNT, tickets.size());
            }
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            if (!deliver(exchange, tickets)) {
                if (splitResult) {
                    LOG.warn("Ticket {} was not completed by the route from {} (it failed or was rolled back): it comes "
                             + "again on the next poll, and the {} ticket(s) after it wait for it", tickets.get(0).get("id"),
                            sanitizedUri(), total - index - 1);
                } else {
                    LOG.warn("The exchange with {} new tickets was not completed by the route from {} (it failed or was "
                             + "rolled back): they come again on the next poll", tickets.size(), sanitizedUri());
                }
                break;
            }
            completed++;
        }
        pendingExchanges = 0;
        return completed;
    }

    /** Runs one exchange and reports whether its tickets are now handled. */
    private boolean deliver(Exchange exchange, List<Map<String, Object>> tickets) throws Exception {
        Commit commit = new Commit(tickets);
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

    /** Records an exchange's tickets as handled when, and only when, the exchange completes. */
    private final class Commit implements Synchronization {
        private final List<Map<String, Object>> tickets;
        boolean completed;
        Exception saveFailure;

        Commit(List<Map<String, Object>> tickets) {
            this.tickets = tickets;
        }

        @Override
        public void onComplete(Exchange exchange) {
            if (exchange.isRollbackOnly() || exchange.isRollbackOnlyLast()) {
                return;
            }
            try {
                for (Map<String, Object> ticket : tickets) {
                    state.handled(NewTicketFinder.idOf(ticket));
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
            // not handled: the watermark stays, and the next poll delivers these tickets again
        }
    }

    private void save() throws CamelException {
        try {
            store.save(state);
            unsaved = false;
        } catch (RuntimeException e) {
            throw new CamelException("Could not save the New Ticket Record watermark (" + state + ") under the key '"
                                     + store.key() + "' of the state repository: " + e.getMessage()
                                     + ". Delivery pauses until it can be saved, so that a restart repeats nothing",
                    e);
        }
    }

    @Override
    protected void processEmptyMessage() throws Exception {
        if (foundTicketsLastPoll) {
            // tickets were there but the first one failed: that is not an idle poll
            return;
        }
        if (splitResult) {
            super.processEmptyMessage();
            return;
        }
        Exchange exchange = createExchange(false);
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

    /** The reference trigger's shape: the count of tickets and the tickets. */
    private static Map<String, Object> pollResult(List<Map<String, Object>> tickets) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", tickets.size());
        result.put("tickets", new ArrayList<>(tickets));
        return result;
    }

    private String whatHappensNext() {
        TicketWatermark current = state;
        String from = current == null ? "the starting point (since=" + endpoint.getConfiguration().getSince() + ")"
                : "after ticket " + current.watermark();
        return "the next poll, in " + TimeUtils.printDuration(getTimeUnit().toMillis(getDelay())) + ", starts again "
               + from + " (" + sanitizedUri() + ")";
    }

    private String sanitizedUri() {
        return URISupport.sanitizeUri(endpoint.getEndpointUri());
    }

    /** The current state, for tests and management. */
    public TicketWatermark state() {
        return state;
    }
}
