package io.github.camelhalopsa.component.halopsa;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of a halopsa endpoint. The component holds one instance as the shared connection settings;
 * each endpoint starts from a copy of it and overlays its URI options.
 */
@UriParams
public class HaloPsaConfiguration implements Cloneable {

    public static final int MAX_PAGE_SIZE = 100;

    // connection. clientId, clientSecret and resourceServer must be set, but usually on the component: marking them
    // required in the metadata would make Camel's catalog (and so IDEs and route validators) reject every URI that
    // leaves them to the component. ConnectionSettings checks them when an endpoint is created.
    @UriParam(label = "common,security", secret = true)
    private String clientId;
    @UriParam(label = "common,security", secret = true)
    private String clientSecret;
    @UriParam(label = "common")
    private String resourceServer;
    @UriParam(label = "common")
    private String authServer;
    @UriParam(label = "common")
    private String tenant;
    @UriParam(label = "common", defaultValue = "false")
    private boolean onPremise;
    @UriParam(label = "common,security", defaultValue = "all")
    private String scope = "all";

    // producer
    @UriParam(label = "producer")
    private HaloPsaOperation operation;
    @UriParam(label = "producer")
    private String id;
    @UriParam(label = "producer")
    private String ticketId;
    @UriParam(label = "common", prefix = "query.", multiValue = true)
    private Map<String, Object> query;
    @UriParam(label = "producer", defaultValue = "100")
    private int pageSize = MAX_PAGE_SIZE;
    @UriParam(label = "producer")
    private Integer pageNo;
    @UriParam(label = "producer", defaultValue = "0")
    private int maxResults;
    @UriParam(label = "producer", enums = "GET,POST,DELETE", defaultValue = "GET")
    private String method;
    @UriParam(label = "producer")
    private String path;
    @UriParam(label = "producer")
    private String sql;

    // advanced
    @UriParam(label = "advanced", defaultValue = "10000")
    private int connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000")
    private int responseTimeout = 60_000;

    public String getClientId() {
        return clientId;
    }

    /**
     * Client ID of the API application registered in HaloPSA (under Configuration / Integrations / HaloPSA API / View
     * Applications), authentication method "Client ID and Secret (Services)". Must be set, on the component or the
     * endpoint.
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * Client secret of the API application. Must be set, on the component or the endpoint. Use a property
     * placeholder or RAW(...) rather than a plain value in a route.
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getResourceServer() {
        return resourceServer;
    }

    /**
     * Resource server of the HaloPSA instance, as shown under API Details: a host name such as example.halopsa.com,
     * or the URL https://example.halopsa.com/api. HTTPS is used unless http:// is written out. Must be set, on the
     * component or the endpoint.
     */
    public void setResourceServer(String resourceServer) {
        this.resourceServer = resourceServer;
    }

    public String getAuthServer() {
        return authServer;
    }

    /**
     * Authorisation server, when it differs from the resource server's host followed by /auth (for example
     * auth.haloservicedesk.com or a trial instance's host). Accepts example.halopsa.com/auth or an https:// URL.
     */
    public void setAuthServer(String authServer) {
        this.authServer = authServer;
    }

    public String getTenant() {
        return tenant;
    }

    /**
     * Tenant of a Halo-hosted instance (API Details in HaloPSA), sent to the token endpoint as its tenant query
     * parameter. Not used on-premise.
     */
    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public boolean isOnPremise() {
        return onPremise;
    }

    /**
     * Whether the HaloPSA instance is installed on-premise; then no tenant is sent.
     */
    public void setOnPremise(boolean onPremise) {
        this.onPremise = onPremise;
    }

    public String getScope() {
        return scope;
    }

    /**
     * OAuth2 scopes to request, space separated (for example all, or read:tickets edit:tickets). Halo grants at most
     * what the API application allows.
     */
    public void setScope(String scope) {
        this.scope = scope;
    }

    public HaloPsaOperation getOperation() {
        return operation;
    }

    /**
     * The operation to perform; default list (request for the api entity). The header CamelHaloPsaOperation
     * overrides it per message.
     */
    public void setOperation(HaloPsaOperation operation) {
        this.operation = operation;
    }

    public String getId() {
        return id;
    }

    /**
     * Id of the record for get, delete and report preview; the header CamelHaloPsaId overrides it.
     */
    public void setId(String id) {
        this.id = id;
    }

    public String getTicketId() {
        return ticketId;
    }

    /**
     * Ticket of the action for action get and delete: Halo numbers actions per ticket. The header
     * CamelHaloPsaTicketId overrides it.
     */
    public void setTicketId(String ticketId) {
        this.ticketId = ticketId;
    }

    public Map<String, Object> getQuery() {
        return query;
    }

    /**
     * Any HaloPSA query parameter, written query.name=value (for example query.client_id=12 or
     * query.open_only=true). Merged with the CamelHaloPsaQuery header, the header winning.
     */
    public void setQuery(Map<String, Object> query) {
        this.query = query;
    }

    public int getPageSize() {
        return pageSize;
    }

    /**
     * Records per page for paged lists, 1 to 100 (Halo caps pages at 100).
     */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public Integer getPageNo() {
        return pageNo;
    }

    /**
     * Fetch only this page (1-based) of a paged list instead of all pages.
     */
    public void setPageNo(Integer pageNo) {
        this.pageNo = pageNo;
    }

    public int getMaxResults() {
        return maxResults;
    }

    /**
     * Stop a list after this many records; 0 means all.
     */
    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public String getMethod() {
        return method;
    }

    /**
     * HTTP method of a generic api request; the header CamelHaloPsaMethod overrides it.
     */
    public void setMethod(String method) {
        this.method = method;
    }

    public String getPath() {
        return path;
    }

    /**
     * Path of a generic api request under /api, for example /Agent/me; the header CamelHaloPsaPath overrides it.
     */
    public void setPath(String path) {
        this.path = path;
    }

    public String getSql() {
        return sql;
    }

    /**
     * SQL for a report preview run through Halo's report engine; the header CamelHaloPsaSql overrides it.
     */
    public void setSql(String sql) {
        this.sql = sql;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Milliseconds to wait for a TCP connection to HaloPSA.
     */
    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * Milliseconds to wait for HaloPSA's answer once a request is sent.
     */
    public void setResponseTimeout(int responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public HaloPsaConfiguration copy() {
        try {
            HaloPsaConfiguration copy = (HaloPsaConfiguration) clone();
            // clone() is shallow: an endpoint's query options must not leak into the component's map
            copy.query = query == null ? null : new LinkedHashMap<>(query);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
