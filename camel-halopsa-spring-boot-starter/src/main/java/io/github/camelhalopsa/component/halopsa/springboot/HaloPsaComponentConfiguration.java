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
     * Milliseconds to wait for HaloPSA's answer once a request is sent (the longest silence between two packets of
     * the answer). A GET or DELETE that times out is repeated; a POST is not, as HaloPSA may have saved it.
     */
    private Integer responseTimeout;
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
    /**
     * What the consumer fires on. new (the default): each record created, once, oldest first: on ticket the New Ticket
     * Record trigger, and on client, site, asset and user the same by id; on action, each new action (notes, e-mails,
     * customer replies) across all tickets, by the action's time. updated (ticket, client, site, asset, user): each
     * change of a record once, oldest change first, by its last-change time (last_update, alastupdate, slastupdate,
     * dlastupdate, ulastupdate). Every exchange carries the CamelHaloPsaTrigger header, for example ticket.updated.
     */
    private String trigger;

    /**
     * Where a trigger starts when its state repository holds nothing for it yet: now (records created or changed from
     * its first poll on), beginning (everything HaloPSA lists, oldest first), or, for the new-record triggers on
     * ticket, client, site, asset and user, an id (that record and every later one, for example since=1200), and for
     * the triggers that read by time (trigger=updated, action), an ISO-8601 date-time (for example
     * since=2026-12-01T08:00:00Z). Once a state is stored, it wins.
     */
    private String since;
    /**
     * Whether a trigger sends one exchange per record (the record as a Map, its id in the CamelHaloPsaId header). False
     * sends one exchange per poll that found records, shaped like the reference New Ticket Record trigger's result: a
     * Map with count (the number of records) and the records under the list's key (tickets, clients, sites, assets,
     * users or actions), in delivery order.
     */
    private Boolean splitResult;
    /**
     * Where a trigger keeps its state (watermark) across restarts, for example a Camel FileStateRepository or this
     * component's DurableFileStateRepository bound as a bean (#myRepository). The consumer starts and stops it. Without
     * one the watermark lives in memory: a restart of the CamelContext starts again as the since option says, and
     * tickets created while it was down are not delivered. A reference to a bean, written #name or #bean:name.
     */
    private String stateRepository;
    /**
     * The key of a trigger's state in the state repository. By default it is derived from the trigger (ticket for the
     * New Ticket Record trigger, ticket.updated, action, client, ...), the HaloPSA host and the query filters (the
     * query.name options), never from route or context names, so it survives restarts and changes when the filters do.
     * Set it to keep a watermark when changing filters, or to run two consumers with the same filters on one
     * repository. It must not contain '=' or a line break.
     */
    private String stateKey;
    /**
     * Turns push on: the path (starting with /) the trigger listens on for HaloPSA's webhook calls, served through
     * Camel's platform-http on whichever HTTP engine the application has (camel-platform-http-vertx with camel-main,
     * the platform-http starter with Spring Boot, Quarkus' own). A call answers at once (204) and makes the trigger
     * poll straight away, through the same watermark and de-duplication as a scheduled poll, so nothing depends on the
     * webhook's payload, and a lost or repeated call loses or repeats nothing. Calls arriving while a poll runs make
     * one more poll. The scheduled poll goes on as the safety net: with push on and no delay set, every 5 minutes. Only
     * POST is accepted (405 otherwise).
     */
    private String webhookPath;
    /**
     * User name HaloPSA's webhook sends with Basic authentication (the webhook's Basic Auth option); set with
     * webhookPassword. A call without it, or with another one, is refused with 401 and makes no poll. Cannot be
     * combined with webhookToken.
     */
    private String webhookUsername;
    /**
     * Password HaloPSA's webhook sends with Basic authentication; set with webhookUsername. Compared in constant time
     * and never logged. Use a property placeholder or RAW(...) rather than a plain value in a route.
     */
    private String webhookPassword;
    /**
     * Bearer token HaloPSA's webhook sends (Authorization: Bearer ...), in place of Basic authentication. A call
     * without it, or with another one, is refused with 401 and makes no poll. Compared in constant time and never
     * logged. Without webhookToken or webhookUsername and webhookPassword, every call to webhookPath is accepted.
     */
    private String webhookToken;
    /**
     * Whether the trigger creates or updates its webhook in HaloPSA when it starts (GET and POST /Webhook): an outbound
     * webhook named as webhookName says, calling webhookUrl on the events the trigger needs, with the credential of
     * webhookUsername and webhookPassword or webhookToken. The webhook is found by name, so restarts and replicas
     * update one webhook rather than adding more; none is ever deleted. Needs webhookPath and webhookUrl, and an API
     * application allowed to edit webhooks. Without it, set the webhook up in HaloPSA by hand (Configuration /
     * Integrations / Webhooks).
     */
    private Boolean registerWebhook;
    /**
     * The public URL HaloPSA calls, which reaches webhookPath on this application (through whatever proxy or ingress is
     * in front of it), for example https://integrations.example.com/halo/hook. HTTPS unless http:// is written out.
     * Used by registerWebhook.
     */
    private String webhookUrl;
    /**
     * The name of the webhook registerWebhook creates or updates in HaloPSA. By default camel-halopsa followed by the
     * trigger's state key (see stateKey), so it stays the same across restarts and replicas. A webhook of that name is
     * taken as this trigger's own and updated.
     */
    private String webhookName;
    /**
     * The HaloPSA event numbers (comma separated, for example 3,76) registerWebhook subscribes the webhook to, in place
     * of the component's own list for the trigger. Needed where the component knows no event for a trigger; the numbers
     * are those of Halo's notification events (New Ticket Logged is 3).
     */
    private String webhookEvents;
    /**
     * For the triggers that read by time (trigger=updated, and new actions): how far before the newest change delivered
     * each poll asks again, so that a change stamped earlier but shown later by HaloPSA (or a filter that is exclusive
     * or a little off) is still delivered. What was delivered in that span is remembered and not delivered again. Wider
     * costs nothing on an idle system; it only keeps more keys in the state. A duration such as 30s, 5m or 1h, or
     * milliseconds.
     */
    private String changeOverlap;
    /**
     * Custom fields to include, comma separated, each by name (CFApprover), label (Approver) or id (12). Halo leaves
     * custom fields out of lists unless asked for them by id: list sends their ids as include_custom_fields (on
     * ticket, opportunity, project, client, site, asset, item and user, the lists Halo documents it for), resolving
     * names through Halo's /FieldInfo. get
     * returns every custom field, so there only these are kept in the record's customfields. The header
     * CamelHaloPsaCustomFields overrides it.
     */
    private String customFields;
    /**
     * Keep the other custom fields when addOrUpdate changes some of an existing record's: HaloPSA replaces the whole
     * customfields array (on assets also fields) with what is posted, so posting one field clears the rest. When
     * set, each posted record that has an id and carries such an array is first read (one extra GET per record,
     * counting against Halo's rate limit), and its current fields are posted along with the changed ones. The header
     * CamelHaloPsaMergeCustomFields overrides it.
     */
    private Boolean mergeCustomFields;
    /**
     * For list: deliver the records as a java.util.Iterator that reads the next page from HaloPSA only once the
     * previous page has been consumed, instead of a List of the whole list read up front. With
     * split(body()).streaming() a list of any length is then processed in the memory of one page. The first page is
     * read by the producer, so its errors fail the exchange and CamelHaloPsaRecordCount is set from Halo's
     * record_count (not set where Halo gives no count); errors of later pages surface while iterating. Paging,
     * pageNo and maxResults work as for an ordinary list.
     */
    private Boolean streamList;
    /**
     * How long custom field definitions read from Halo's /FieldInfo are used before they are read again (for example
     * 1h or 10m). They are read once per connection and shared by every endpoint with the same connection settings.
     * A name not found in definitions older than a minute makes them be read again at once, so a field just added in
     * HaloPSA is found. A duration such as 30s, 5m or 1h, or milliseconds.
     */
    private String customFieldsRefreshInterval;
    /**
     * The longest single wait before repeating a call, Retry-After included. The default, 5 minutes, is Halo's whole
     * rate limit window. A duration such as 30s, 5m or 1h, or milliseconds.
     */
    private String maxBackoff;
    /**
     * How many times one call is repeated at most after HaloPSA's rate limit (429), a server error (5xx) or a
     * network fault; 0 turns retries off. 5xx and network faults repeat GET, DELETE and the token request only; a
     * POST is repeated only when it never reached HaloPSA (connection refused or timed out), so an add never creates
     * twice.
     */
    private Integer maxRetries;
    /**
     * At most this many requests leave the connection per rateLimitPeriod (counted in a rolling window, token
     * requests included), so HaloPSA's limit is never reached; calls beyond it wait. For a Halo-hosted instance,
     * somewhat under 300 per 5 minutes leaves room for other integrations. 0 (the default) turns the limiter off.
     */
    private Integer rateLimit;
    /**
     * How long every call on the connection waits after HaloPSA answers 429 without a Retry-After header. It doubles
     * while HaloPSA keeps answering 429, up to maxBackoff. Halo-hosted instances allow 300 requests per rolling 5
     * minutes, so waits of a few seconds end before the window has room. A duration such as 30s, 5m or 1h, or
     * milliseconds.
     */
    private String rateLimitBackoff;
    /**
     * The rolling window that rateLimit counts requests in. A duration such as 30s, 5m or 1h, or milliseconds.
     */
    private String rateLimitPeriod;
    /**
     * A request limiter bean (#name or #bean:name) that decides when each request may leave, in place of rateLimit:
     * for a budget shared with other processes, such as the replicas of one application calling one HaloPSA tenant
     * (camel-halopsa-replicas has one on Bucket4j). Every request, token requests included, waits for it after the
     * 429 gate. Endpoints given the same limiter share one connection. Cannot be combined with rateLimit. A
     * reference to a bean, written #name or #bean:name.
     */
    private String requestLimiter;
    /**
     * The wait before the first repeat of a call after a 5xx or a network fault; it doubles with each further
     * repeat, up to maxBackoff. A Retry-After header from HaloPSA takes its place. A duration such as 30s, 5m or 1h,
     * or milliseconds.
     */
    private String retryBackoff;

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

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public Boolean getSplitResult() {
        return splitResult;
    }

    public void setSplitResult(Boolean splitResult) {
        this.splitResult = splitResult;
    }

    public String getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(String stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getWebhookUsername() {
        return webhookUsername;
    }

    public void setWebhookUsername(String webhookUsername) {
        this.webhookUsername = webhookUsername;
    }

    public String getWebhookPassword() {
        return webhookPassword;
    }

    public void setWebhookPassword(String webhookPassword) {
        this.webhookPassword = webhookPassword;
    }

    public String getWebhookToken() {
        return webhookToken;
    }

    public void setWebhookToken(String webhookToken) {
        this.webhookToken = webhookToken;
    }

    public Boolean getRegisterWebhook() {
        return registerWebhook;
    }

    public void setRegisterWebhook(Boolean registerWebhook) {
        this.registerWebhook = registerWebhook;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public String getWebhookName() {
        return webhookName;
    }

    public void setWebhookName(String webhookName) {
        this.webhookName = webhookName;
    }

    public String getWebhookEvents() {
        return webhookEvents;
    }

    public void setWebhookEvents(String webhookEvents) {
        this.webhookEvents = webhookEvents;
    }

    public String getCustomFields() {
        return customFields;
    }

    public void setCustomFields(String customFields) {
        this.customFields = customFields;
    }

    public Boolean getMergeCustomFields() {
        return mergeCustomFields;
    }

    public void setMergeCustomFields(Boolean mergeCustomFields) {
        this.mergeCustomFields = mergeCustomFields;
    }

    public Boolean getStreamList() {
        return streamList;
    }

    public void setStreamList(Boolean streamList) {
        this.streamList = streamList;
    }

    public String getCustomFieldsRefreshInterval() {
        return customFieldsRefreshInterval;
    }

    public void setCustomFieldsRefreshInterval(String customFieldsRefreshInterval) {
        this.customFieldsRefreshInterval = customFieldsRefreshInterval;
    }

    public String getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(String maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public String getRateLimitBackoff() {
        return rateLimitBackoff;
    }

    public void setRateLimitBackoff(String rateLimitBackoff) {
        this.rateLimitBackoff = rateLimitBackoff;
    }

    public String getRateLimitPeriod() {
        return rateLimitPeriod;
    }

    public void setRateLimitPeriod(String rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    public String getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(String retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public String getRequestLimiter() {
        return requestLimiter;
    }

    public void setRequestLimiter(String requestLimiter) {
        this.requestLimiter = requestLimiter;
    }

    public String getTrigger() {
        return trigger;
    }

    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public String getChangeOverlap() {
        return changeOverlap;
    }

    public void setChangeOverlap(String changeOverlap) {
        this.changeOverlap = changeOverlap;
    }
}
