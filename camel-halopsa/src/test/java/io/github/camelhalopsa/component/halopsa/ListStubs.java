package io.github.camelhalopsa.component.halopsa;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Pages of a Halo list, the way Halo wraps them, stubbed on the test server by page_no. */
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
}
