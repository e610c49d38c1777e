package io.github.camelhalopsa.component.halopsa;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelhalopsa.component.halopsa.connection.ConnectionSettings;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.customfields.FieldDefinitionsCache;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;

/**
 * The halopsa component. It holds the connection settings every endpoint starts from, and one
 * {@link HaloPsaConnection} (token and HTTP client) per distinct set of connection settings, with that instance's
 * custom field definitions.
 */
@Component("halopsa")
public class HaloPsaComponent extends HealthCheckComponent {

    @Metadata(description = "The shared configuration: connection settings and defaults for every endpoint")
    private HaloPsaConfiguration configuration = new HaloPsaConfiguration();

    private final Map<ConnectionSettings, HaloPsaConnection> connections = new ConcurrentHashMap<>();
    private final Map<ConnectionSettings, FieldDefinitionsCache> fieldDefinitions = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = JsonMapper.builder().build();
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
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /** The connection for these settings, created on first use and shared by every endpoint that has them. */
    HaloPsaConnection connectionFor(ConnectionSettings settings) {
        return connections.computeIfAbsent(settings, key -> new HaloPsaConnection(key, mapper));
    }

    /** The custom field definitions of this connection's HaloPSA instance, shared like the connection. */
    FieldDefinitionsCache fieldDefinitionsFor(HaloPsaConnection connection) {
        return fieldDefinitions.computeIfAbsent(connection.settings(), key -> new FieldDefinitionsCache(
                new FieldInfoLoader(connection, new HaloJson(mapper)), Clock.systemUTC()));
    }

    ObjectMapper getObjectMapper() {
        return mapper;
    }

    StateRepositoryLeases getStateRepositoryLeases() {
        return stateRepositoryLeases;
    }

    @Override
    protected void doStop() throws Exception {
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
