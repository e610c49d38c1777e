package io.github.camelhalopsa.component.halopsa;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.connection.ConnectionSettings;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of a halopsa endpoint. The component holds one instance as the shared connection settings;
 * each endpoint starts from a copy of it and overlays its URI options.
 */
@UriParams
public class HaloPsaConfiguration implements Cloneable {

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
    private int pageSize = HaloPsaEntity.MAX_PAGE_SIZE;
    @UriParam(label = "producer")
    private Integer pageNo;
    @UriParam(label = "producer", defaultValue = "0")
    private int maxResults;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean streamList;
    @UriParam(label = "producer", enums = "GET,POST,DELETE", defaultValue = "GET")
    private String method;
    @UriParam(label = "producer")
    private String path;
    @UriParam(label = "producer")
    private String sql;
    @UriParam(label = "producer")
    private String customFields;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean mergeCustomFields;
    @UriParam(label = "producer,advanced", defaultValue = "1h", javaType = "java.time.Duration")
    private long customFieldsRefreshInterval = 3_600_000;

    // consumer: the triggers
    @UriParam(label = "consumer", defaultValue = "new", enums = "new,updated")
    private String trigger = "new";
    @UriParam(label = "consumer", defaultValue = "now")
    private String since = "now";
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean splitResult = true;
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer,advanced")
    private String stateKey;
    @UriParam(label = "consumer,advanced", defaultValue = "5m", javaType = "java.time.Duration")
    private long changeOverlap = 300_000;

    // consumer: push, a webhook call from HaloPSA makes the trigger poll at once
    @UriParam(label = "consumer,push")
    private String webhookPath;
    @UriParam(label = "consumer,push", secret = true)
    private String webhookUsername;
    @UriParam(label = "consumer,push", secret = true)
    private String webhookPassword;
    @UriParam(label = "consumer,push", secret = true)
    private String webhookToken;
    @UriParam(label = "consumer,push", defaultValue = "false")
    private boolean registerWebhook;
    @UriParam(label = "consumer,push")
    private String webhookUrl;
    @UriParam(label = "consumer,push,advanced")
    private String webhookName;
    @UriParam(label = "consumer,push,advanced")
    private String webhookEvents;

    // advanced
    @UriParam(label = "advanced", defaultValue = "10000")
    private int connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000")
    private int responseTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "5")
    private int maxRetries = 5;
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long retryBackoff = 1_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long rateLimitBackoff = 30_000;
    @UriParam(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration")
    private long maxBackoff = 300_000;
    @UriParam(label = "advanced", defaultValue = "0")
    private int rateLimit;
    @UriParam(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration")
    private long rateLimitPeriod = 300_000;
    @UriParam(label = "advanced")
    private HaloPsaRequestLimiter requestLimiter;

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

    public boolean isStreamList() {
        return streamList;
    }

    /**
     * For list: deliver the records as a java.util.Iterator that reads the next page from HaloPSA only once the
     * previous page has been consumed, instead of a List of the whole list read up front. With
     * split(body()).streaming() a list of any length is then processed in the memory of one page. The first page is
     * read by the producer, so its errors fail the exchange and CamelHaloPsaRecordCount is set from Halo's
     * record_count (not set where Halo gives no count); errors of later pages surface while iterating. Paging,
     * pageNo and maxResults work as for an ordinary list.
     */
    public void setStreamList(boolean streamList) {
        this.streamList = streamList;
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

    public String getCustomFields() {
        return customFields;
    }

    /**
     * Custom fields to include, comma separated, each by name (CFApprover), label (Approver) or id (12). Halo leaves
     * custom fields out of lists unless asked for them by id: list sends their ids as include_custom_fields (on
     * ticket, opportunity, project, client, site, asset, item and user, the lists Halo documents it for), resolving
     * names through Halo's /FieldInfo. get
     * returns every custom field, so there only these are kept in the record's customfields. The header
     * CamelHaloPsaCustomFields overrides it.
     */
    public void setCustomFields(String customFields) {
        this.customFields = customFields;
    }

    public boolean isMergeCustomFields() {
        return mergeCustomFields;
    }

    /**
     * Keep the other custom fields when addOrUpdate changes some of an existing record's: HaloPSA replaces the whole
     * customfields array (on assets also fields) with what is posted, so posting one field clears the rest. When
     * set, each posted record that has an id and carries such an array is first read (one extra GET per record,
     * counting against Halo's rate limit), and its current fields are posted along with the changed ones. The header
     * CamelHaloPsaMergeCustomFields overrides it.
     */
    public void setMergeCustomFields(boolean mergeCustomFields) {
        this.mergeCustomFields = mergeCustomFields;
    }

    public long getCustomFieldsRefreshInterval() {
        return customFieldsRefreshInterval;
    }

    /**
     * How long custom field definitions read from Halo's /FieldInfo are used before they are read again (for
     * example 1h or 10m). They are read once per connection and shared by every endpoint with the same connection
     * settings. A name not found in definitions older than a minute makes them be read again at once, so a field
     * just added in HaloPSA is found.
     */
    public void setCustomFieldsRefreshInterval(long customFieldsRefreshInterval) {
        this.customFieldsRefreshInterval = customFieldsRefreshInterval;
    }

    public String getTrigger() {
        return trigger;
    }

    /**
     * What the consumer fires on. new (the default): each record created, once, oldest first: on ticket the New Ticket
     * Record trigger, and on client, site, asset and user the same by id; on action, each new action (notes, e-mails,
     * customer replies) across all tickets, by the action's time. updated (ticket, client, site, asset, user): each
     * change of a record once, oldest change first, by its last-change time (last_update, alastupdate, slastupdate,
     * dlastupdate, ulastupdate). Every exchange carries the CamelHaloPsaTrigger header, for example ticket.updated.
     */
    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public long getChangeOverlap() {
        return changeOverlap;
    }

    /**
     * For the triggers that read by time (trigger=updated, and new actions): how far before the newest change
     * delivered each poll asks again, so that a change stamped earlier but shown later by HaloPSA (or a filter that is
     * exclusive or a little off) is still delivered. What was delivered in that span is remembered and not delivered
     * again. Wider costs nothing on an idle system; it only keeps more keys in the state.
     */
    public void setChangeOverlap(long changeOverlap) {
        this.changeOverlap = changeOverlap;
    }

    public String getSince() {
        return since;
    }

    /**
     * Where a trigger starts when its state repository holds nothing for it yet: now (records created or changed from
     * its first poll on), beginning (everything HaloPSA lists, oldest first), or, for the new-record triggers on
     * ticket, client, site, asset and user, an id (that record and every later one, for example since=1200), and for
     * the triggers that read by time (trigger=updated, action), an ISO-8601 date-time (for example
     * since=2026-12-01T08:00:00Z). Once a state is stored, it wins.
     */
    public void setSince(String since) {
        this.since = since;
    }

    public boolean isSplitResult() {
        return splitResult;
    }

    /**
     * Whether a trigger sends one exchange per record (the record as a Map, its id in the CamelHaloPsaId header).
     * False sends one exchange per poll that found records, shaped like the reference New Ticket Record trigger's
     * result: a Map with count (the number of records) and the records under the list's key (tickets, clients,
     * sites, assets, users or actions), in delivery order.
     */
    public void setSplitResult(boolean splitResult) {
        this.splitResult = splitResult;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Where a trigger keeps its state (watermark) across restarts, for example a Camel
     * FileStateRepository or this component's DurableFileStateRepository bound as a bean (#myRepository). The
     * consumer starts and stops it. Without one the watermark lives in memory: a restart of the CamelContext starts
     * again as the since option says, and tickets created while it was down are not delivered.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    /**
     * The key of a trigger's state in the state repository. By default it is derived from the trigger (ticket for
     * the New Ticket Record trigger, ticket.updated, action, client, ...), the HaloPSA host and the query filters
     * (the query.name options), never from route or context names, so it
     * survives restarts and changes when the filters do. Set it to keep a watermark when changing filters, or to run
     * two consumers with the same filters on one repository. It must not contain '=' or a line break.
     */
    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    /**
     * Turns push on: the path (starting with /) the trigger listens on for HaloPSA's webhook calls, served through
     * Camel's platform-http on whichever HTTP engine the application has (camel-platform-http-vertx with camel-main,
     * the platform-http starter with Spring Boot, Quarkus' own). A call answers at once (204) and makes the trigger
     * poll straight away, through the same watermark and de-duplication as a scheduled poll, so nothing depends on
     * the webhook's payload, and a lost or repeated call loses or repeats nothing. Calls arriving while a poll runs
     * make one more poll. The scheduled poll goes on as the safety net: with push on and no delay set, every 5
     * minutes. Only POST is accepted (405 otherwise).
     */
    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getWebhookUsername() {
        return webhookUsername;
    }

    /**
     * User name HaloPSA's webhook sends with Basic authentication (the webhook's "Basic Auth" option); set with
     * webhookPassword. A call without it, or with another one, is refused with 401 and makes no poll. Cannot be
     * combined with webhookToken.
     */
    public void setWebhookUsername(String webhookUsername) {
        this.webhookUsername = webhookUsername;
    }

    public String getWebhookPassword() {
        return webhookPassword;
    }

    /**
     * Password HaloPSA's webhook sends with Basic authentication; set with webhookUsername. Compared in constant
     * time and never logged. Use a property placeholder or RAW(...) rather than a plain value in a route.
     */
    public void setWebhookPassword(String webhookPassword) {
        this.webhookPassword = webhookPassword;
    }

    public String getWebhookToken() {
        return webhookToken;
    }

    /**
     * Bearer token HaloPSA's webhook sends (Authorization: Bearer ...), in place of Basic authentication. A call
     * without it, or with another one, is refused with 401 and makes no poll. Compared in constant time and never
     * logged. Without webhookToken or webhookUsername and webhookPassword, every call to webhookPath is accepted.
     */
    public void setWebhookToken(String webhookToken) {
        this.webhookToken = webhookToken;
    }

    public boolean isRegisterWebhook() {
        return registerWebhook;
    }

    /**
     * Whether the trigger creates or updates its webhook in HaloPSA when it starts (GET and POST /Webhook): an
     * outbound webhook named as webhookName says, calling webhookUrl on the events the trigger needs, with the
     * credential of webhookUsername and webhookPassword or webhookToken. The webhook is found by name, so restarts
     * and replicas update one webhook rather than adding more; none is ever deleted. Needs webhookPath and
     * webhookUrl, and an API application allowed to edit webhooks. Without it, set the webhook up in HaloPSA by hand
     * (Configuration / Integrations / Webhooks).
     */
    public void setRegisterWebhook(boolean registerWebhook) {
        this.registerWebhook = registerWebhook;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    /**
     * The public URL HaloPSA calls, which reaches webhookPath on this application (through whatever proxy or ingress
     * is in front of it), for example https://integrations.example.com/halo/hook. HTTPS unless http:// is written
     * out. Used by registerWebhook.
     */
    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public String getWebhookName() {
        return webhookName;
    }

    /**
     * The name of the webhook registerWebhook creates or updates in HaloPSA. By default camel-halopsa followed by the
     * trigger's state key (see stateKey), so it stays the same across restarts and replicas. A webhook of that name
     * is taken as this trigger's own and updated.
     */
    public void setWebhookName(String webhookName) {
        this.webhookName = webhookName;
    }

    public String getWebhookEvents() {
        return webhookEvents;
    }

    /**
     * The HaloPSA event numbers (comma separated, for example 3,76) registerWebhook subscribes the webhook to, in
     * place of the component's own list for the trigger. Needed where the component knows no event for a trigger;
     * the numbers are those of Halo's notification events (New Ticket Logged is 3).
     */
    public void setWebhookEvents(String webhookEvents) {
        this.webhookEvents = webhookEvents;
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
     * Milliseconds to wait for HaloPSA's answer once a request is sent (the longest silence between two packets of
     * the answer). A GET or DELETE that times out is repeated; a POST is not, as HaloPSA may have saved it.
     */
    public void setResponseTimeout(int responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times one call is repeated at most after HaloPSA's rate limit (429), a server error (5xx) or a network
     * fault; 0 turns retries off. 5xx and network faults repeat GET, DELETE and the token request only; a POST is
     * repeated only when it never reached HaloPSA (connection refused or timed out), so an add never creates twice.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryBackoff() {
        return retryBackoff;
    }

    /**
     * The wait before the first repeat of a call after a 5xx or a network fault; it doubles with each further repeat,
     * up to maxBackoff. A Retry-After header from HaloPSA takes its place.
     */
    public void setRetryBackoff(long retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public long getRateLimitBackoff() {
        return rateLimitBackoff;
    }

    /**
     * How long every call on the connection waits after HaloPSA answers 429 without a Retry-After header. It doubles
     * while HaloPSA keeps answering 429, up to maxBackoff. Halo-hosted instances allow 300 requests per rolling 5
     * minutes, so waits of a few seconds end before the window has room.
     */
    public void setRateLimitBackoff(long rateLimitBackoff) {
        this.rateLimitBackoff = rateLimitBackoff;
    }

    public long getMaxBackoff() {
        return maxBackoff;
    }

    /**
     * The longest single wait before repeating a call, Retry-After included. The default, 5 minutes, is Halo's whole
     * rate limit window.
     */
    public void setMaxBackoff(long maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public int getRateLimit() {
        return rateLimit;
    }

    /**
     * At most this many requests leave the connection per rateLimitPeriod (counted in a rolling window, token
     * requests included), so HaloPSA's limit is never reached; calls beyond it wait. For a Halo-hosted instance,
     * somewhat under 300 per 5 minutes leaves room for other integrations. 0 (the default) turns the limiter off.
     */
    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    public long getRateLimitPeriod() {
        return rateLimitPeriod;
    }

    /**
     * The rolling window that rateLimit counts requests in.
     */
    public void setRateLimitPeriod(long rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    public HaloPsaRequestLimiter getRequestLimiter() {
        return requestLimiter;
    }

    /**
     * A request limiter bean (#name or #bean:name) that decides when each request may leave, in place of rateLimit:
     * for a budget shared with other processes, such as the replicas of one application calling one HaloPSA tenant
     * (camel-halopsa-replicas has one on Bucket4j). Every request, token requests included, waits for it after the
     * 429 gate. Endpoints given the same limiter share one connection. Cannot be combined with rateLimit.
     */
    public void setRequestLimiter(HaloPsaRequestLimiter requestLimiter) {
        this.requestLimiter = requestLimiter;
    }

    /**
     * The connection these options describe, checked: endpoints whose settings are equal share one connection.
     *
     * @throws IllegalArgumentException naming the connection option that is missing or malformed
     */
    public ConnectionSettings connectionSettings() {
        return ConnectionSettings.builder()
                .credentials(clientId, clientSecret, scope)
                .hosts(resourceServer, authServer, tenant, onPremise)
                .timeouts(connectTimeout, responseTimeout)
                .retries(maxRetries, retryBackoff, rateLimitBackoff, maxBackoff)
                .rateLimit(rateLimit, rateLimitPeriod)
                .requestLimiter(requestLimiter)
                .build();
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
