package io.github.camelhalopsa.component.halopsa.springboot;

import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaOperation;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The halopsa component's options as Spring Boot properties, {@code camel.component.halopsa.*}, with the same names,
 * types and descriptions as in the component's metadata (halopsa.json); {@code HaloPsaStarterMetadataTest} keeps the
 * two in step. Every field is an object type left null unless the application sets it, so only the options the
 * application configured are copied onto the component; the defaults IDEs show come from
 * {@code additional-spring-configuration-metadata.json}.
 */
@ConfigurationProperties(prefix = HaloPsaComponentConfiguration.PREFIX)
public class HaloPsaComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    public static final String PREFIX = "camel.component.halopsa";

    /**
     * Whether to enable auto configuration of the halopsa component. This is enabled by default.
     */
    @SuppressWarnings("unused") // documents the inherited property for the configuration metadata
    private Boolean enabled;
    /**
     * Authorisation server, when it differs from the resource server's host followed by /auth (for example
     * auth.haloservicedesk.com or a trial instance's host). Accepts example.halopsa.com/auth or an https:// URL.
     */
    private String authServer;
    /**
     * The shared configuration: connection settings and defaults for every endpoint. Set it to a bean reference such
     * as #haloPsaConfiguration.
     */
    private HaloPsaConfiguration configuration;
    /**
     * Whether the HaloPSA instance is installed on-premise; then no tenant is sent.
     */
    private Boolean onPremise;
    /**
     * Any HaloPSA query parameter, written query.name=value (for example query.client_id=12 or query.open_only=true).
     * Merged with the CamelHaloPsaQuery header, the header winning. This is a multi-value option with prefix: query.
     */
    private Map<String, Object> query;
    /**
     * Resource server of the HaloPSA instance, as shown under API Details: a host name such as example.halopsa.com, or
     * the URL https://example.halopsa.com/api. HTTPS is used unless http:// is written out. Must be set, on the
     * component or the endpoint.
     */
    private String resourceServer;
    /**
     * Tenant of a Halo-hosted instance (API Details in HaloPSA), sent to the token endpoint as its tenant query
     * parameter. Not used on-premise.
     */
    private String tenant;
    /**
     * Whether a consumer passes the exceptions it meets while polling to the route's error handler, as messages,
     * instead of logging them; only consumers that can report such exceptions do so. Camel's own option.
     */
    private Boolean bridgeErrorHandler;
    /**
     * Id of the record for get, delete and report preview; the header CamelHaloPsaId overrides it.
     */
    private String id;
    /**
     * Whether producers start with their first message instead of with their route, so a producer that cannot start
     * does not keep the route from starting; the first message then waits while the producer starts. Camel's own
     * option.
     */
    private Boolean lazyStartProducer;
    /**
     * Stop a list after this many records; 0 means all.
     */
    private Integer maxResults;
    /**
     * HTTP method of a generic api request; the header CamelHaloPsaMethod overrides it.
     */
    private String method;
    /**
     * The operation to perform; default list (request for the api entity). The header CamelHaloPsaOperation overrides
     * it per message.
     */
    private HaloPsaOperation operation;
    /**
     * Fetch only this page (1-based) of a paged list instead of all pages.
     */
    private Integer pageNo;
    /**
     * Records per page for paged lists, 1 to 100 (Halo caps pages at 100).
     */
    private Integer pageSize;
    /**
     * Path of a generic api request under /api, for example /Agent/me; the header CamelHaloPsaPath overrides it.
     */
    private String path;
    /**
     * SQL for a report preview run through Halo's report engine; the header CamelHaloPsaSql overrides it.
     */
    private String sql;
    /**
     * Ticket of the action for action get and delete: Halo numbers actions per ticket. The header CamelHaloPsaTicketId
     * overrides it.
     */
    private String ticketId;
    /**
     * Whether options marked as autowired are filled from the registry when it holds exactly one bean of their type.
     * Camel's own option.
     */
    private Boolean autowiredEnabled;
    /**
     * Milliseconds to wait for a TCP connection to HaloPSA.
     */
    private Integer connectTimeout;
    /**
     * Milliseconds to wait for HaloPSA's answer once a request is sent.
     */
    private Integer responseTimeout;
    /**
     * Whether the consumers of this component take part in Camel's health checks. Camel's own option.
     */
    private Boolean healthCheckConsumerEnabled;
    /**
     * Whether the producers of this component take part in Camel's health checks; Camel runs producer checks only when
     * camel.health.producersEnabled=true. Camel's own option.
     */
    private Boolean healthCheckProducerEnabled;
    /**
     * Client ID of the API application registered in HaloPSA (under Configuration / Integrations / HaloPSA API / View
     * Applications), authentication method Client ID and Secret (Services). Must be set, on the component or the
     * endpoint.
     */
    private String clientId;
    /**
     * Client secret of the API application. Must be set, on the component or the endpoint. Use a property placeholder
     * or RAW(...) rather than a plain value in a route.
     */
    private String clientSecret;
    /**
     * OAuth2 scopes to request, space separated (for example all, or read:tickets edit:tickets). Halo grants at most
     * what the API application allows.
     */
    private String scope;

    public String getAuthServer() {
        return authServer;
    }

    public void setAuthServer(String authServer) {
        this.authServer = authServer;
    }

    public HaloPsaConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(HaloPsaConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getOnPremise() {
        return onPremise;
    }

    public void setOnPremise(Boolean onPremise) {
        this.onPremise = onPremise;
    }

    public Map<String, Object> getQuery() {
        return query;
    }

    public void setQuery(Map<String, Object> query) {
        this.query = query;
    }

    public String getResourceServer() {
        return resourceServer;
    }

    public void setResourceServer(String resourceServer) {
        this.resourceServer = resourceServer;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(Integer maxResults) {
        this.maxResults = maxResults;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public HaloPsaOperation getOperation() {
        return operation;
    }

    public void setOperation(HaloPsaOperation operation) {
        this.operation = operation;
    }

    public Integer getPageNo() {
        return pageNo;
    }

    public void setPageNo(Integer pageNo) {
        this.pageNo = pageNo;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getSql() {
        return sql;
    }

    public void setSql(String sql) {
        this.sql = sql;
    }

    public String getTicketId() {
        return ticketId;
    }

    public void setTicketId(String ticketId) {
        this.ticketId = ticketId;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Integer connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Integer responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }
}
