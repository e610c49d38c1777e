package io.github.camelhalopsa.component.halopsa;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Pages of a Halo list, the way Halo wraps them, stubbed on the test server by page_no; and listing them. */
final class ListStubs {

    private ListStubs() {
    }

    static String records(int fromId, int toId) {
        return IntStream.rangeClosed(fromId, toId).mapToObj(id -> "{\"id\":" + id + ",\"summary\":\"Ticket " + id + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Page pageNo holds records fromId to toId (none where toId < fromId), with record_count unless it is null. */
    static void stubPage(WireMockExtension halo, String path, String key, int pageNo, Integer recordCount, int fromId,
                         int toId) {
        String body = "{" + (recordCount == null ? "" : "\"record_count\":" + recordCount + ",") + "\"" + key + "\":"
                      + (toId < fromId ? "[]" : records(fromId, toId)) + "}";
        halo.stubFor(WireMock.get(urlPathEqualTo("/api" + path)).withQueryParam("page_no", equalTo(String.valueOf(pageNo)))
                .willReturn(HaloPsaTestSupport.json(200, body)));
    }

    /** Sends an exchange to a list endpoint and requires it to succeed. */
    static Exchange listOk(ProducerTemplate template, String uri) {
        Exchange exchange = template.request(uri, e -> {
        });
        assertThat(exchange.getException()).isNull();
        return exchange;
    }
}
