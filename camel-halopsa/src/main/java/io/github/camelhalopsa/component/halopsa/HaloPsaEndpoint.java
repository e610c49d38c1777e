package io.github.camelhalopsa.component.halopsa;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelhalopsa.component.halopsa.connection.ConnectionSettings;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Work with HaloPSA tickets, clients, assets, contracts, invoices and the rest of its entities, and react to new
 * tickets.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "halopsa", title = "HaloPSA", syntax = "halopsa:entity",
             category = { Category.API, Category.CLOUD }, headersClass = HaloPsaConstants.class)
public class HaloPsaEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    static final Set<String> METHODS = Set.of("GET", "POST", "DELETE");

    @UriPath(description = "The HaloPSA entity: action, agent, appointment, asset, attachment, client, contract, "
                           + "invoice, item, kbArticle, opportunity, organisation, project, quote, report, site, status, "
                           + "supplier, team, ticket, ticketType, topLevel, user; or api for a generic request")
    @Metadata(required = true)
    private final HaloPsaEntity entity;

    @UriParam
    private final HaloPsaConfiguration configuration;

    private ConnectionSettings connectionSettings;
    private volatile HaloPsaConnection connection;

    public HaloPsaEndpoint(String uri, HaloPsaComponent component, HaloPsaEntity entity,
                           HaloPsaConfiguration configuration) {
        super(uri, component);
        this.entity = entity;
        this.configuration = configuration;
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
        if (pageSize < 1 || pageSize > HaloPsaConfiguration.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Invalid pageSize " + pageSize + ": HaloPSA serves 1 to "
                                               + HaloPsaConfiguration.MAX_PAGE_SIZE + " records per page");
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
        connectionSettings = ConnectionSettings.from(configuration);
    }

    /** The operation as the user wrote it, or the entity's default. */
    HaloPsaOperation requireSupported(HaloPsaOperation operation) {
        if (!entity.supports(operation)) {
            throw new IllegalArgumentException("The operation " + operation + " is not available for halopsa:" + entity
                                               + ". Valid operations: " + entity.operations().stream().map(Enum::name)
                                                       .collect(Collectors.joining(", ")));
        }
        return operation;
    }

    static String validMethod(String method, String source) {
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
        throw new UnsupportedOperationException("The halopsa consumer is not available for " + entity);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getComponent().connectionFor(connectionSettings);
    }

    /** The shared connection; available once the endpoint has started. */
    HaloPsaConnection getConnection() {
        HaloPsaConnection current = connection;
        if (current == null) {
            current = getComponent().connectionFor(connectionSettings);
            connection = current;
        }
        return current;
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
