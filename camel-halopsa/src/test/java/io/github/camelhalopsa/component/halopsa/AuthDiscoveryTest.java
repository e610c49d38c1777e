package io.github.camelhalopsa.component.halopsa;

import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With only resourceServer, clientId and clientSecret, the connection asks Halo's unauthenticated /api/AuthInfo once
 * where tokens come from, as the HaloAPI PowerShell module does; explicit authServer or tenant win.
 */
class AuthDiscoveryTest extends HaloPsaTestSupport {

    private static final String AGENTS = "[{\"id\":1,\"name\":\"API Agent\"}]";

    @Override
    protected void configureConnection(HaloPsaConfiguration configuration) {
        super.configureConnection(configuration);
        configuration.setTenant(null);
    }

    @Test
    void aTrialTenantsTokenEndpointAndTenantAreDiscoveredOnce() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/AuthInfo")).willReturn(okJson(
                "{\"auth_url\":\"" + halo.baseUrl() + "\",\"tenant_id\":\"acme-trial\"}")));
        halo.stubFor(WireMock.post(urlPathEqualTo("/token")).withQueryParam("tenant", equalTo("acme-trial"))
                .willReturn(okJson("{\"access_token\":\"trial-token\",\"expires_in\":3600}")));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent")).willReturn(okJson(AGENTS)));

        template.requestBody("halopsa:agent", (Object) null, List.class);
        template.requestBody("halopsa:agent", (Object) null, List.class);

        halo.verify(1, WireMock.getRequestedFor(urlPathEqualTo("/api/AuthInfo"))
                .withoutHeader("Authorization"));
        halo.verify(1, WireMock.postRequestedFor(urlPathEqualTo("/token")));
        assertThat(tokenRequests()).as("the default /auth/token is not asked").isEmpty();
        halo.verify(2, WireMock.getRequestedFor(urlPathEqualTo("/api/Agent"))
                .withHeader("Authorization", equalTo("Bearer trial-token")));
        assertThat(context.getEndpoint("halopsa:agent", HaloPsaEndpoint.class).getConnection().tokenEndpoint())
                .contains(halo.baseUrl() + "/token?tenant=acme-trial", "discovered from GET /api/AuthInfo");
    }

    @Test
    void withoutAnAnswerTheDefaultIsUsedAndARefusalSaysWhatWasTried() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/AuthInfo")).willReturn(WireMock.aResponse().withStatus(404)));
        halo.stubFor(WireMock.post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(json(401, "{\"error\":\"invalid_client\"}")));

        Exchange result = template.request("halopsa:agent", exchange -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaAuthenticationException.class)
                .hasMessageContaining(halo.baseUrl() + "/auth/token")
                .hasMessageContaining("GET /api/AuthInfo answered 404")
                .hasMessageContaining("set authServer");
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void anExplicitTenantOrAuthServerIsUsedWithoutAsking() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent")).willReturn(okJson(AGENTS)));

        template.requestBody("halopsa:agent?tenant=acme", (Object) null, List.class);
        template.requestBody("halopsa:agent?authServer=" + halo.baseUrl() + "/auth", (Object) null, List.class);

        halo.verify(0, WireMock.getRequestedFor(urlPathEqualTo("/api/AuthInfo")));
        assertThat(tokenRequests()).hasSize(2);
    }
}
