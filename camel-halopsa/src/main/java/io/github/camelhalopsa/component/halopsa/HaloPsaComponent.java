package io.github.camelhalopsa.component.halopsa;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelhalopsa.component.halopsa.connection.ConnectionSettings;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnectionHealthCheck;
import io.github.camelhalopsa.component.halopsa.consumer.StateRepositoryLeases;
import io.github.camelhalopsa.component.halopsa.customfields.FieldDefinitionsCache;
import io.github.camelhalopsa.component.halopsa.customfields.FieldInfoLoader;
import io.github.camelhalopsa.component.halopsa.records.HaloJson;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.TimeUtils;

/**
 * The halopsa component. It holds the connection settings every endpoint starts from, and one
 * {@link HaloPsaConnection} (token and HTTP client) per distinct set of connection settings, with that instance's
 * custom field definitions.
 */
@Component("halopsa")
public class HaloPsaComponent extends DefaultComponent {

    private static final List<String> DURATION_OPTIONS = List.of("retryBackoff", "rateLimitBackoff", "maxBackoff",
            "rateLimitPeriod", "customFieldsRefreshInterval");

    @Metadata(description = "The shared configuration: connection settings and defaults for every endpoint")
    private HaloPsaConfiguration configuration = new HaloPsaConfiguration();

    private final Map<ConnectionSettings, HaloPsaConnection> connections = new ConcurrentHashMap<>();
    private final Map<ConnectionSettings, FieldDefinitionsCache> fieldDefinitions = new ConcurrentHashMap<>();
    private final List<HealthCheck> healthChecks = new CopyOnWriteArrayList<>();
    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final HaloJson json = new HaloJson(mapper);
    private final StateRepositoryLeases stateRepositoryLeases = new StateRepositoryLeases();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        HaloPsaEntity entity = HaloPsaEntity.fromUri(remaining);
        HaloPsaConfiguration endpointConfiguration = configuration.copy();
        Map<String, Object> query = PropertiesHelper.extractProperties(parameters, "query.");
        if (!query.isEmpty()) {
            Map<String, Object> merged = endpointConfiguration.getQuery() == null
                    ? new LinkedHashMap<>() : endpointConfiguration.getQuery();
            merged.putAll(query);
            endpointConfiguration.setQuery(merged);
        }
        HaloPsaEndpoint endpoint = new HaloPsaEndpoint(uri, this, entity, endpointConfiguration);
        checkValues(parameters);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /**
     * Checks the URI options whose wrong values Camel's property binding would report without saying what is valid.
     * The operation is also accepted in any case.
     */
    private static void checkValues(Map<String, Object> parameters) {
        if (parameters.get("operation") instanceof String operation) {
            parameters.put("operation", HaloPsaOperation.parse(operation, "option operation"));
        }
        for (String option : DURATION_OPTIONS) {
            if (parameters.get(option) instanceof String value) {
                try {
                    TimeUtils.toMilliSeconds(value);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("Invalid " + option + " '" + value + "': use milliseconds (such "
                                                       + "as 30000) or a duration (such as 30s, 5m or 1m30s)");
                }
            }
        }
    }

    /** The connection for these settings, created on first use and shared by every endpoint that has them. */
    HaloPsaConnection connectionFor(ConnectionSettings settings) {
        AtomicBoolean created = new AtomicBoolean();
        HaloPsaConnection connection = connections.computeIfAbsent(settings, key -> {
            created.set(true);
            return new HaloPsaConnection(key, mapper);
        });
        // outside computeIfAbsent: the registry is foreign code, and must not run while the map entry is locked
        if (created.get()) {
            registerHealthCheck(connection);
        }
        return connection;
    }

    /**
     * One readiness check per connection, when Camel's health checks are on the classpath (camel-health). Its id is
     * halopsa: and the host, numbered when several connections go to one host, so it can be excluded with
     * camel.health.exclude-pattern.
     */
    private void registerHealthCheck(HaloPsaConnection connection) {
        HealthCheckRegistry registry = getCamelContext() == null ? null : HealthCheckRegistry.get(getCamelContext());
        if (registry == null) {
            return;
        }
        String base = "halopsa:" + connection.settings().apiBase().getHost();
        String id = base;
        for (int n = 2; registry.getCheck(id).isPresent(); n++) {
            id = base + "#" + n;
        }
        HealthCheck check = new HaloPsaConnectionHealthCheck(connection, id);
        if (registry.register(check)) {
            healthChecks.add(check);
        }
    }

    /** The custom field definitions of this connection's HaloPSA instance, shared like the connection. */
    public FieldDefinitionsCache fieldDefinitionsFor(HaloPsaConnection connection) {
        return fieldDefinitions.computeIfAbsent(connection.settings(), key -> new FieldDefinitionsCache(
                new FieldInfoLoader(connection, json), Clock.systemUTC()));
    }

    public ObjectMapper getObjectMapper() {
        return mapper;
    }

    /** Halo's answers read and written with the component's one mapper, for producers and consumers alike. */
    public HaloJson getJson() {
        return json;
    }

    public StateRepositoryLeases getStateRepositoryLeases() {
        return stateRepositoryLeases;
    }

    @Override
    protected void doStop() throws Exception {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null) {
            healthChecks.forEach(registry::unregister);
        }
        healthChecks.clear();
        connections.values().forEach(HaloPsaConnection::close);
        connections.clear();
        fieldDefinitions.clear();
        super.doStop();
    }

    public HaloPsaConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The shared configuration: connection settings and defaults for every endpoint.
     */
    public void setConfiguration(HaloPsaConfiguration configuration) {
        this.configuration = configuration;
    }
}
