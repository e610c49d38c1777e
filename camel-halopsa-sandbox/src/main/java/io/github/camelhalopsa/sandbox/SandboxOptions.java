package io.github.camelhalopsa.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link HaloSandbox} starts. Every setter returns this, so options read as one expression:
 *
 * <pre>
 * HaloSandbox.start(SandboxOptions.defaults().tenant("acme").newTicketEvery(Duration.ofSeconds(5)));
 * </pre>
 *
 * The defaults give a Halo-hosted instance (tenant {@code sandbox}) on a free loopback port, with demo data, Halo's
 * rate limit of 300 requests per rolling 5 minutes, one-hour tokens, requests checked against Halo's OpenAPI
 * document, and no generated activity.
 */
public final class SandboxOptions {

    /** The client id the sandbox accepts unless told otherwise. */
    public static final String DEFAULT_CLIENT_ID = "sandbox-client";
    /** The client secret the sandbox accepts unless told otherwise: a published value, not a secret. */
    public static final String DEFAULT_CLIENT_SECRET = "sandbox-secret";
    public static final String DEFAULT_TENANT = "sandbox";

    private int port;
    private String clientId = DEFAULT_CLIENT_ID;
    private String clientSecret = DEFAULT_CLIENT_SECRET;
    private String tenant = DEFAULT_TENANT;
    private String grantedScopes = "all";
    private int requestBudget = 300;
    private Duration budgetWindow = Duration.ofMinutes(5);
    private Duration tokenLifetime = Duration.ofHours(1);
    private boolean demoData = true;
    private boolean specCheck = true;
    private boolean prepareSpecCheck;
    private Duration newTicketEvery;
    private Duration assetAssignmentEvery;
    private long randomSeed = 42;
    private Clock clock = Clock.systemUTC();
    private String authServerPath = "/auth";
    private String authInfoTenant;
    private boolean ticketsIgnoreOrder;
    private boolean ignoreDateFilters;
    private Duration ticketChangeEvery;
    private Duration customerReplyEvery;
    private boolean emptyAttachmentsAsNull;
    private List<String> attachmentFolders = List.of();

    private SandboxOptions() {
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions();
    }

    /** The loopback port; 0 (the default) picks a free one. */
    public SandboxOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1 to 65535, not " + port);
        }
        this.port = port;
        return this;
    }

    public SandboxOptions clientId(String clientId) {
        this.clientId = requireText(clientId, "clientId");
        return this;
    }

    public SandboxOptions clientSecret(String clientSecret) {
        this.clientSecret = requireText(clientSecret, "clientSecret");
        return this;
    }

    /** The tenant a Halo-hosted instance checks on the token endpoint's {@code ?tenant=}. */
    public SandboxOptions tenant(String tenant) {
        this.tenant = requireText(tenant, "tenant");
        return this;
    }

    /** Behave as an on-premise install: the token endpoint takes no tenant and ignores one that is sent. */
    public SandboxOptions onPremise() {
        this.tenant = null;
        return this;
    }

    /**
     * The scopes the API application is granted, space separated (default {@code all}); a token carries what it asks
     * for within these, and a call outside them gets 403. E.g. {@code read:tickets} for a read-only application.
     */
    public SandboxOptions grantedScopes(String scopes) {
        this.grantedScopes = requireText(scopes, "grantedScopes");
        return this;
    }

    /** The rate limit: at most {@code requests} API calls in any rolling {@code window}; more get 429. */
    public SandboxOptions requestBudget(int requests, Duration window) {
        if (requests < 1) {
            throw new IllegalArgumentException("requestBudget must allow at least 1 request, not " + requests);
        }
        this.requestBudget = requests;
        this.budgetWindow = requirePositive(window, "budget window");
        return this;
    }

    /** The {@code expires_in} of the tokens the sandbox issues; an expired token gets 401. */
    public SandboxOptions tokenLifetime(Duration lifetime) {
        this.tokenLifetime = requirePositive(lifetime, "tokenLifetime");
        return this;
    }

    /** Whether to start with the demo clients, sites, users, agents, teams, tickets and the rest (default true). */
    public SandboxOptions demoData(boolean demoData) {
        this.demoData = demoData;
        return this;
    }

    /** Whether to answer 400 to requests Halo's OpenAPI document does not allow (default true). */
    public SandboxOptions specCheck(boolean specCheck) {
        this.specCheck = specCheck;
        return this;
    }

    /**
     * Whether to prepare the spec check of the most used collections (tickets, actions, clients, sites, contracts,
     * assets, items, teams, agents) in the background at start (default false). The first
     * check of an operation takes up to a couple of seconds of CPU; an application that starts once and should answer
     * quickly from its first call (the examples) turns this on, a test suite that starts many sandboxes leaves it off.
     */
    public SandboxOptions prepareSpecCheck(boolean prepare) {
        this.prepareSpecCheck = prepare;
        return this;
    }

    /** Have a demo user open a new ticket at this interval (default none). */
    public SandboxOptions newTicketEvery(Duration interval) {
        this.newTicketEvery = interval == null ? null : requirePositive(interval, "newTicketEvery");
        return this;
    }

    /** Have a technician assign a stock asset to a customer at this interval (default none). */
    public SandboxOptions assetAssignmentEvery(Duration interval) {
        this.assetAssignmentEvery = interval == null ? null : requirePositive(interval, "assetAssignmentEvery");
        return this;
    }

    /**
     * Have a technician change an open ticket (its status, priority or agent, through a private note or a field
     * update) at this interval (default none).
     */
    public SandboxOptions ticketChangeEvery(Duration interval) {
        this.ticketChangeEvery = interval == null ? null : requirePositive(interval, "ticketChangeEvery");
        return this;
    }

    /**
     * Have a customer reply by e-mail on a closed ticket at this interval (default none): an action by the ticket's
     * user, visible to the user, that leaves the ticket closed, as a Halo that does not reopen on reply does.
     */
    public SandboxOptions customerReplyEvery(Duration interval) {
        this.customerReplyEvery = interval == null ? null : requirePositive(interval, "customerReplyEvery");
        return this;
    }

    /** Seed of the generated activity's choices, so a run can be repeated (default 42). */
    public SandboxOptions randomSeed(long seed) {
        this.randomSeed = seed;
        return this;
    }

    /** The clock behind token expiry, the rate-limit window and record dates (tests can move it). */
    public SandboxOptions clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Where the authorisation server sits on the sandbox (default {@code /auth}): its token endpoint is
     * {@code <path>/token} and nowhere else, and {@code GET /api/authinfo} names {@code <base><path>} as
     * {@code auth_url}. An empty path serves the token endpoint at {@code /token}, as Halo's trial instances do
     * ({@code https://uk-trial.halopsa.com/token?tenant=...}), so that a client that does not ask
     * {@code /api/authinfo} gets 404 from {@code /auth/token}.
     */
    public SandboxOptions authServerPath(String path) {
        Objects.requireNonNull(path, "authServerPath");
        String trimmed = path.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.isEmpty() && (!trimmed.startsWith("/") || trimmed.startsWith("/api/") || trimmed.equals("/api")
                                   || trimmed.contains("?"))) {
            throw new IllegalArgumentException("authServerPath must be empty or a path such as /auth outside /api, not '"
                                               + path + "'");
        }
        this.authServerPath = trimmed;
        return this;
    }

    /**
     * The {@code tenant_id} that {@code GET /api/authinfo} reports (default: the tenant the token endpoint checks;
     * none on-premise). Another value lets a test check that a tenant the user configured wins over the discovered
     * one.
     */
    public SandboxOptions authInfoTenant(String tenantId) {
        this.authInfoTenant = requireText(tenantId, "authInfoTenant");
        return this;
    }

    /**
     * Whether {@code GET /Tickets} ignores {@code order} and {@code orderdesc} and serves the oldest first (id
     * ascending), as a Halo that does not honour {@code order=id} might: nobody has recorded whether it does
     * (default false, the order is honoured).
     */
    public SandboxOptions ticketsIgnoreOrder(boolean ignore) {
        this.ticketsIgnoreOrder = ignore;
        return this;
    }

    /**
     * Whether the lists ignore their date windows, {@code lastupdatefromdate}/{@code lastupdatetodate} and
     * {@code startdate}/{@code enddate} (default false, they are honoured). Halo's document types
     * {@code lastupdatefromdate} as a bool "to include in the response", so a real tenant may ignore a date there;
     * this lets a client's own de-duplication be tested against that. An action list without {@code ticket_id} then
     * spans every ticket whatever its dates.
     */
    public SandboxOptions ignoreDateFilters(boolean ignore) {
        this.ignoreDateFilters = ignore;
        return this;
    }

    /**
     * Whether an attachment list with no attachments answers {@code "attachments": null} instead of an empty array
     * (default false). Halo's answer to an empty list is an "empty envelope" whose exact shape nobody has recorded.
     */
    public SandboxOptions emptyAttachmentsAsNull(boolean asNull) {
        this.emptyAttachmentsAsNull = asNull;
        return this;
    }

    /**
     * Folders every attachment list carries in its {@code folders} sidecar, as {@code {"id": n, "name": "..."}}
     * (default none: an empty array). Halo always sends the sidecar; what a folder holds is not recorded.
     */
    public SandboxOptions attachmentFolders(String... names) {
        for (String name : names) {
            requireText(name, "attachment folder name");
        }
        this.attachmentFolders = List.of(names);
        return this;
    }

    public int port() {
        return port;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The tenant, or null on-premise. */
    public String tenant() {
        return tenant;
    }

    public String grantedScopes() {
        return grantedScopes;
    }

    public int requestBudget() {
        return requestBudget;
    }

    public Duration budgetWindow() {
        return budgetWindow;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public boolean demoData() {
        return demoData;
    }

    public boolean specCheck() {
        return specCheck;
    }

    public boolean prepareSpecCheck() {
        return prepareSpecCheck;
    }

    public Duration newTicketEvery() {
        return newTicketEvery;
    }

    public Duration assetAssignmentEvery() {
        return assetAssignmentEvery;
    }

    public long randomSeed() {
        return randomSeed;
    }

    public Clock clock() {
        return clock;
    }

    /** The authorisation server's path on the sandbox: {@code /auth}, or empty for a trial-style {@code /token}. */
    public String authServerPath() {
        return authServerPath;
    }

    /** The tenant_id {@code /api/authinfo} reports: the tenant unless set otherwise; null on-premise. */
    public String authInfoTenant() {
        return authInfoTenant != null ? authInfoTenant : tenant;
    }

    public boolean ticketsIgnoreOrder() {
        return ticketsIgnoreOrder;
    }

    public boolean ignoreDateFilters() {
        return ignoreDateFilters;
    }

    public Duration ticketChangeEvery() {
        return ticketChangeEvery;
    }

    public Duration customerReplyEvery() {
        return customerReplyEvery;
    }

    public boolean emptyAttachmentsAsNull() {
        return emptyAttachmentsAsNull;
    }

    public List<String> attachmentFolders() {
        return attachmentFolders;
    }

    private static String requireText(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        return value.trim();
    }

    private static Duration requirePositive(Duration value, String option) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(option + " must be a positive duration, not " + value);
        }
        return value;
    }
}
