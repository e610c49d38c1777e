package io.github.camelhalopsa.component.halopsa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The client secret as users write it (RAW() in a URI), and where it must not show up. */
class SecretOptionsTest extends HaloPsaTestSupport {

    private static final String URI_SECRET = "an+other&secret%20";

    @Test
    void rawSecretInTheUriReachesTheTokenEndpointIntactAndIsMaskedWhenPrinted() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent/me")).willReturn(json(200, "{\"id\":1}")));
        String uri = "halopsa:api?path=/Agent/me&clientId=other-client&clientSecret=RAW(" + URI_SECRET + ")";

        template.requestBody(uri, (Object) null, Map.class);

        halo.verify(WireMock.postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(WireMock.containing(
                "client_secret=" + URLEncoder.encode(URI_SECRET, StandardCharsets.UTF_8))));
        Endpoint endpoint = context.getEndpoint(uri);
        assertThat(endpoint.toString()).contains("clientSecret=xxxxxx", "clientId=xxxxxx").doesNotContain("secret%20",
                "an+other", "other-client");
    }

    @Test
    void secretEchoedByTheAuthorisationServerIsMaskedInTheError() {
        halo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).willReturn(aResponse().withStatus(400)
                .withBody("invalid request: client_secret=" + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8)
                          + " (" + CLIENT_SECRET + ")")));

        Exchange result = template.request("halopsa:client", exchange -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaAuthenticationException.class);
        assertThat(result.getException().getMessage()).contains("refused a token (400", "client_secret=xxxxxx (xxxxxx)")
                .doesNotContain(CLIENT_SECRET).doesNotContain(URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8));
    }

    @Test
    void halfATokenAnswerIsDescribedNotQuoted() {
        halo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(json(200, "{\"access_token\":\"tok-cut-off-31c9\",\"expires_in\":36")));

        Exchange result = template.request("halopsa:client", exchange -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaAuthenticationException.class);
        assertThat(result.getException().getMessage()).contains("without a readable access_token", "bytes of application/json")
                .doesNotContain("tok-cut-off-31c9");
    }
}
