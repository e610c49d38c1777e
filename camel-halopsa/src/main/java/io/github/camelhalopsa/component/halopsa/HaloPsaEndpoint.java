package io.github.camelhalopsa.component.halopsa;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelhalopsa.component.halopsa.connection.ConnectionSettings;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.consumer.TriggerConsumer;
import io.github.camelhalopsa.component.halopsa.consumer.Triggers;
import io.github.camelhalopsa.component.halopsa.consumer.TriggerStateStore;
import io.github.camelhalopsa.component.halopsa.customfields.CustomFieldOptions;
import io.github.camelhalopsa.component.halopsa.producer.HaloPsaProducer;
import io.github.camelhalopsa.component.halopsa.push.PushSettings;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Work with HaloPSA tickets, clients, assets, contracts, invoices and the rest of its entities, and react to new
 * tickets.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "halopsa", title = "HaloPSA", syntax = "halopsa:entity",
             category = { Category.API, Category.CLOUD }, headersClass = HaloPsaConstants.class)
public class HaloPsaEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    static final Set<String> METHODS = Set.of("GET", "POST", "DELETE");
    /**
     * The consumer's poll delay unless the delay option says otherwise. Camel's 500 ms would be 600 requests per 5
     * minutes, twice what a Halo-hosted instance allows (300); 30 s is 10, leaving the budget to the routes.
     */
    static final long DEFAULT_POLL_DELAY_MILLIS = 30_000;
    /**
     * The poll delay with push on (webhookPath) unless the delay option says otherwise: the webhook's calls make the
     * trigger poll at once, and the scheduled poll is only the safety net for calls Halo did not send or that were
     * lost, at 1 request in 5 minutes.
     */
    static final long DEFAULT_PUSH_POLL_DELAY_MILLIS = 300_000;

    @UriPath(description = "The HaloPSA entity to work with, such as ticket or client; api for a generic request "
                           + "to any path under /api")
    @Metadata(required = true)
    private final HaloPsaEntity entity;

    @UriParam
    private final HaloPsaConfiguration configuration;

    /**
     * Declared here, over the scheduler's own, so that the catalog, the docs and tooling show the consumer's real
     * default rather than Camel's 500 ms.
     */
    @UriParam(label = "consumer,scheduler", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Milliseconds before the next poll of the New Ticket Record trigger. HaloPSA's hosted "
                            + "instances allow 300 requests per 5 minutes: the default of 30 s spends 10 of them. "
                            + "With push on (webhookPath), the default is 5 minutes (300000): webhook calls make the "
                            + "trigger poll at once, and the scheduled poll is the safety net.")
    private long delay = DEFAULT_POLL_DELAY_MILLIS;
    private boolean delaySet;

    private ConnectionSettings connectionSettings;
    private final TriggerStateStore.InMemory inMemoryStates = new TriggerStateStore.InMemory();

    public HaloPsaEndpoint(String uri, HaloPsaComponent component, HaloPsaEntity entity,
                           HaloPsaConfiguration configuration) {
        super(uri, component);
        this.entity = entity;
        this.configuration = configuration;
        super.setDelay(DEFAULT_POLL_DELAY_MILLIS);
    }

    /**
     * Checks the options once they are all set, so a wrong URI fails when the route is created rather than on the
     * first message.
     */
    void validate() {
        HaloPsaOperation operation = configuration.getOperation();
        if (operation != null) {
            requireSupported(operation);
        }
        int pageSize = configuration.getPageSize();
        if (pageSize < 1 || pageSize > HaloPsaEntity.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Invalid pageSize " + pageSize + ": HaloPSA serves 1 to "
                                               + HaloPsaEntity.MAX_PAGE_SIZE + " records per page");
        }
        if (configuration.getPageNo() != null && configuration.getPageNo() < 1) {
            throw new IllegalArgumentException("Invalid pageNo " + configuration.getPageNo()
                                               + ": HaloPSA numbers pages from 1");
        }
        if (configuration.getMaxResults() < 0) {
            throw new IllegalArgumentException("Invalid maxResults " + configuration.getMaxResults()
                                               + ": use 0 for all records or a positive number");
        }
        if (configuration.isStreamList() && !entity.supports(HaloPsaOperation.list)) {
            throw new IllegalArgumentException("streamList applies to the list operation, which halopsa:" + entity
                                               + " does not have");
        }
        if (configuration.getMethod() != null) {
            configuration.setMethod(validMethod(configuration.getMethod(), "method"));
        }
        CustomFieldOptions.validate(entity, operation, configuration.getCustomFields(),
                configuration.getCustomFieldsRefreshInterval());
        Triggers.validate(this);
        PushSettings.check(configuration, entity, Triggers.kind(configuration.getTrigger()));
        String stateKey = configuration.getStateKey();
        if (stateKey != null && (stateKey.isBlank() || stateKey.contains("=") || stateKey.contains("\n")
                                 || stateKey.contains("\r"))) {
            throw new IllegalArgumentException("Invalid stateKey '" + stateKey + "': it must not be blank, nor contain "
                                               + "'=' or a line break (Camel's FileStateRepository stores key=value "
                                               + "lines)");
        }
        connectionSettings = configuration.connectionSettings();
    }

    /** The operation as the user wrote it, or the entity's default. */
    public HaloPsaOperation requireSupported(HaloPsaOperation operation) {
        if (!entity.supports(operation)) {
            throw new IllegalArgumentException("The operation " + operation + " is not available for halopsa:" + entity
                                               + ". Valid operations: " + entity.operations().stream().map(Enum::name)
                                                       .collect(Collectors.joining(", ")));
        }
        return operation;
    }

    public static String validMethod(String method, String source) {
        String upper = method.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            throw new IllegalArgumentException("Invalid " + source + " '" + method + "': HaloPSA's API uses GET, POST "
                                               + "and DELETE only (it has no PUT or PATCH; POST adds or updates)");
        }
        return upper;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new HaloPsaProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        TriggerConsumer<?> consumer = Triggers.consumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doConfigureConsumer(Consumer consumer) {
        super.doConfigureConsumer(consumer);
        // the default is milliseconds: a timeUnit set without a delay must not turn 30 s into 30000 of that unit
        if (!delaySet && consumer instanceof ScheduledPollConsumer polling) {
            long delay = configuration.getWebhookPath() != null ? DEFAULT_PUSH_POLL_DELAY_MILLIS : DEFAULT_POLL_DELAY_MILLIS;
            polling.setDelay(getTimeUnit().convert(delay, TimeUnit.MILLISECONDS));
        }
    }

    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
        this.delaySet = true;
    }

    @Override
    public long getDelay() {
        return delay;
    }

    /** Where New Ticket Record consumers of this endpoint keep their watermark when no stateRepository is set. */
    public TriggerStateStore.InMemory getInMemoryStates() {
        return inMemoryStates;
    }

    /**
     * The connection this endpoint shares with every endpoint of equal connection settings. Asked of the component
     * each time a producer or consumer starts, since the component closes its connections when it stops.
     */
    public HaloPsaConnection getConnection() {
        return getComponent().connectionFor(connectionSettings);
    }

    @Override
    public HaloPsaComponent getComponent() {
        return (HaloPsaComponent) super.getComponent();
    }

    public HaloPsaEntity getEntity() {
        return entity;
    }

    public HaloPsaConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public String getServiceUrl() {
        return connectionSettings == null ? null : connectionSettings.apiBase().toString();
    }

    @Override
    public String getServiceProtocol() {
        return connectionSettings == null ? null : connectionSettings.apiBase().getScheme();
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return null;
    }
}
