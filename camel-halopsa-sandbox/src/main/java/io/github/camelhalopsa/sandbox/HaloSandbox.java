package io.github.camelhalopsa.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A HaloPSA on loopback: a WireMock server that issues OAuth tokens and answers Halo's REST API from an in-memory,
 * stateful copy of a small PSA. Start one, point the halopsa component at it, and inspect what a route did through
 * {@link #data()}:
 *
 * <pre>
 * try (HaloSandbox halo = HaloSandbox.start()) {
 *     component.getConfiguration().setResourceServer(halo.resourceServer());
 *     component.getConfiguration().setClientId(halo.clientId());
 *     ...
 *     halo.data().get(SandboxCollection.ticket, 9);
 * }
 * </pre>
 *
 * The same server takes extra stubs, request verification and injected faults through {@link #wireMock()}: stubs at
 * WireMock's default priority win over the sandbox's own answers. Use {@code wireMock().resetRequests()}, not
 * {@code resetAll()}, which would remove the sandbox's own stubs ({@link #reset()} restores everything).
 */
public final class HaloSandbox implements AutoCloseable {

    /** The internal client whose assets are stock; assigning one to a customer is a hand-over. */
    public static final String STOCK_CLIENT = DemoData.STOCK_CLIENT;

    /** Below WireMock's default stub priority (5), so that a test's own stubs answer first. */
    private static final int SANDBOX_PRIORITY = 100;

    private final SandboxOptions options;
    private final SandboxData data;
    private final AccessTokens tokens;
    private final RequestBudget budget;
    private final ActivityGenerator activity;
    private final WireMockServer server;
    private Thread specWarmUp;

    private HaloSandbox(SandboxOptions options) {
        this.options = options;
        this.data = new SandboxData(options.clock());
        this.tokens = new AccessTokens(options.tokenLifetime(), options.clock());
        this.budget = new RequestBudget(options.requestBudget(), options.budgetWindow(), options.clock());
        ApiGate gate = new ApiGate(budget, tokens, options.specCheck());
        WireMockConfiguration config = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                // a 2-core machine warns about more acceptors than cores
                .jettyAcceptors(1)
                .notifier(new Slf4jNotifier(false))
                // long runs with the generator must not grow the request journal without bound
                .maxRequestJournalEntries(10_000)
                .extensions(gate, new TokenEndpoint(options, tokens), new ApiHandler(data, gate, options));
        if (options.port() == 0) {
            config.dynamicPort();
        } else {
            config.port(options.port());
        }
        this.server = new WireMockServer(config);
        if (options.demoData()) {
            DemoData.seed(data);
        }
        this.activity = new ActivityGenerator(data, options);
    }

    /** Starts a sandbox with the default options: see {@link SandboxOptions}. */
    public static HaloSandbox start() {
        return start(SandboxOptions.defaults());
    }

    public static HaloSandbox start(SandboxOptions options) {
        HaloSandbox sandbox = new HaloSandbox(options);
        if (options.specCheck() && options.prepareSpecCheck()) {
            sandbox.specWarmUp = SpecWarmUp.startInBackground();
        }
        sandbox.server.start();
        sandbox.addOwnStubs();
        sandbox.activity.start();
        return sandbox;
    }

    private void addOwnStubs() {
        server.stubFor(post(urlPathEqualTo(options.authServerPath() + "/token")).atPriority(SANDBOX_PRIORITY)
                .willReturn(aResponse().withTransformers(TokenEndpoint.NAME)));
        server.stubFor(any(urlPathMatching("/api/.*")).atPriority(SANDBOX_PRIORITY)
                .willReturn(aResponse().withTransformers(ApiHandler.NAME)));
    }

    /** The server's root, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** What to configure as the component's resourceServer (it adds /api itself). */
    public String resourceServer() {
        return baseUrl();
    }

    /** The API's base, {@code <baseUrl>/api}. */
    public String apiUrl() {
        return baseUrl() + "/api";
    }

    /**
     * The authorisation server, {@code <baseUrl>/auth} unless {@link SandboxOptions#authServerPath} says otherwise;
     * its token endpoint is {@code <authServer>/token}. {@code GET /api/authinfo} names it as {@code auth_url}.
     */
    public String authServer() {
        return baseUrl() + options.authServerPath();
    }

    public int port() {
        return server.port();
    }

    public String clientId() {
        return options.clientId();
    }

    public String clientSecret() {
        return options.clientSecret();
    }

    /** The tenant the token endpoint checks; null for an on-premise sandbox. */
    public String tenant() {
        return options.tenant();
    }

    public boolean isOnPremise() {
        return options.tenant() == null;
    }

    public SandboxOptions options() {
        return options;
    }

    /**
     * The connection settings as Camel properties ({@code camel.component.halopsa.client-id} and the rest), ready for
     * camel-main's override properties or a test's {@code useOverridePropertiesWithPropertiesComponent()}.
     */
    public Map<String, String> componentProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.halopsa.client-id", clientId());
        properties.put("camel.component.halopsa.client-secret", clientSecret());
        properties.put("camel.component.halopsa.resource-server", resourceServer());
        if (isOnPremise()) {
            properties.put("camel.component.halopsa.on-premise", "true");
        } else {
            properties.put("camel.component.halopsa.tenant", tenant());
        }
        return properties;
    }

    /** The records, to seed a test's own data and check what a route changed. */
    public SandboxData data() {
        return data;
    }

    /** The underlying WireMock server: add stubs, verify requests, inject faults. */
    public WireMockServer wireMock() {
        return server;
    }

    /** Has a demo user open a new ticket now, as the generator does; returns it (null with no users). */
    public Map<String, Object> openTicket() {
        return activity.openTicket();
    }

    /** Has a technician hand a stock asset to a customer now, as the generator does. */
    public Optional<Map<String, Object>> assignStockAsset() {
        return activity.assignStockAsset();
    }

    /** Has a technician change an open ticket now, as the generator does; returns the ticket as changed. */
    public Optional<Map<String, Object>> changeTicket() {
        return activity.changeTicket();
    }

    /** Has the user of a closed ticket reply by e-mail now, as the generator does; returns the action. */
    public Optional<Map<String, Object>> customerReply() {
        return activity.customerReply();
    }

    /**
     * Every record version written since start or {@link #reset()}, oldest first: see
     * {@link SandboxData#changeLog()}. A test that runs a change trigger compares what it received with this.
     */
    public List<RecordVersion> changeLog() {
        return data.changeLog();
    }

    /** Invalidates every token issued so far: the next call with one gets 401, as after a token expired. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** API calls counted in the current rate-limit window. */
    public int requestsInWindow() {
        return budget.used();
    }

    public void resetRequestBudget() {
        budget.reset();
    }

    /**
     * Back to the state right after start: demo data (if chosen) and nothing else, a fresh rate budget, no tokens,
     * WireMock's journal and stubs cleared and the sandbox's own stubs back.
     */
    public void reset() {
        data.clear();
        if (options.demoData()) {
            DemoData.seed(data);
        }
        budget.reset();
        tokens.revokeAll();
        server.resetAll();
        addOwnStubs();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    public void stop() {
        if (specWarmUp != null) {
            specWarmUp.interrupt();
        }
        activity.close();
        if (server.isRunning()) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Names where the sandbox is; never the client secret. */
    @Override
    public String toString() {
        return "HaloSandbox[" + (server.isRunning() ? baseUrl() : "stopped") + ", tenant=" + tenant() + "]";
    }
}
