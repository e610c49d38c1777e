package io.github.camelhalopsa.component.halopsa;

import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelhalopsa.sandbox.spec.HaloOpenApi;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A CamelContext whose halopsa component points at a WireMock server on loopback that issues tokens the way Halo's
 * authorisation server does. After every test, each API request the test sent is checked against Halo's own
 * OpenAPI document: a request Halo's spec does not know fails the test.
 */
public abstract class HaloPsaTestSupport extends CamelTestSupport {

    protected static final String CLIENT_ID = "camel-test-client";
    protected static final String CLIENT_SECRET = "s3cr3t-Value+With&Chars";
    protected static final String TOKEN_PATH = "/auth/token";

    @RegisterExtension
    protected static WireMockExtension halo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)
                    .extensions(new ScriptedAnswers()))
            .build();

    @BeforeEach
    void stubTokenEndpoint() {
        halo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(10)
                .willReturn(okJson("{\"access_token\":\"token-{{randomValue length=24 type='ALPHANUMERIC'}}\","
                                   + "\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"all\"}")
                        .withTransformers("response-template")));
    }

    @AfterEach
    void everyRequestMatchesHalosSpec() {
        ScriptedAnswers.clear();
        if (!checksRequestsAgainstSpec()) {
            return;
        }
        List<ServeEvent> events = halo.getAllServeEvents();
        HaloOpenApi.get().assertValid(events);
    }

    /** Whether the requests of each test are checked against Halo's spec; a test that sends no new shape may skip it. */
    protected boolean checksRequestsAgainstSpec() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HaloPsaComponent component = new HaloPsaComponent();
        configureConnection(component.getConfiguration());
        context.addComponent("halopsa", component);
        return context;
    }

    /** The connection every test starts with: a hosted instance on the WireMock server, over plain http. */
    protected void configureConnection(HaloPsaConfiguration configuration) {
        configuration.setClientId(CLIENT_ID);
        configuration.setClientSecret(CLIENT_SECRET);
        configuration.setResourceServer(halo.baseUrl());
        configuration.setTenant("acme");
    }

    protected static List<LoggedRequest> apiRequests() {
        return halo.findAll(WireMock.anyRequestedFor(WireMock.urlPathMatching("/api/.*")));
    }

    protected static List<LoggedRequest> tokenRequests() {
        return halo.findAll(WireMock.postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    protected static String describe(List<LoggedRequest> requests) {
        return requests.stream().map(r -> r.getMethod() + " " + r.getUrl()).collect(Collectors.joining("\n"));
    }

    protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    /** Answers the first call to {@code path} (any method) with {@code first} and every later one with {@code then}. */
    protected static void stubOnceThen(String path, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        halo.stubFor(WireMock.any(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("answered once"));
        halo.stubFor(WireMock.any(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("answered once")
                .willReturn(then));
    }
}
