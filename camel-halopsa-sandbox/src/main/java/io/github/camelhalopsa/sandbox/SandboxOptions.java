package io.github.camelhalopsa.sandbox;

import java.time.Clock;
import java.time.Duration;
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
