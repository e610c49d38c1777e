package io.github.camelhalopsa.component.halopsa;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListPagingTest extends HaloPsaTestSupport {

    private static String records(int fromId, int toId) {
        return ListStubs.records(fromId, toId);
    }

    private static void stubPage(String path, String key, int pageNo, Integer recordCount, int fromId, int toId) {
        ListStubs.stubPage(halo, path, key, pageNo, recordCount, fromId, toId);
    }

    private Exchange list(String uri) {
        return ListStubs.listOk(template, uri);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> body(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }

    private static List<Integer> ids(Exchange exchange) {
        return body(exchange).stream().map(r -> (Integer) r.get("id")).toList();
    }

    @Test
    void followsPagesUntilRecordCountIsReached() {
        stubPage("/Tickets", "tickets", 1, 250, 1, 100);
        stubPage("/Tickets", "tickets", 2, 250, 101, 200);
        stubPage("/Tickets", "tickets", 3, 250, 201, 250);

        Exchange result = list("halopsa:ticket");

        assertThat(ids(result)).containsExactlyElementsOf(IntStream.rangeClosed(1, 250).boxed().toList());
        assertThat(result.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT)).isEqualTo(250);
        List<LoggedRequest> sent = apiRequests();
        assertThat(sent).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(sent.get(i).queryParameter("pageinate").firstValue()).isEqualTo("true");
            assertThat(sent.get(i).queryParameter("page_size").firstValue()).isEqualTo("100");
            assertThat(sent.get(i).queryParameter("page_no").firstValue()).isEqualTo(String.valueOf(i + 1));
        }
    }

    @Test
    void doesNotTrustTheRequestedPageSizeWhenHaloServesFewer() {
        // Halo serves /Asset 50 at a time whatever page_size asks for
        stubPage("/Asset", "assets", 1, 120, 1, 50);
        stubPage("/Asset", "assets", 2, 120, 51, 100);
        stubPage("/Asset", "assets", 3, 120, 101, 120);

        Exchange result = list("halopsa:asset");

        assertThat(ids(result)).hasSize(120).doesNotHaveDuplicates();
        assertThat(apiRequests()).hasSize(3);
    }

    @Test
    void withoutRecordCountStopsAtTheFirstShortPage() {
        stubPage("/Client", "clients", 1, null, 1, 100);
        stubPage("/Client", "clients", 2, null, 101, 200);
        stubPage("/Client", "clients", 3, null, 201, 230);

        Exchange result = list("halopsa:client");

        assertThat(ids(result)).hasSize(230);
        assertThat(result.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT)).isEqualTo(230);
        assertThat(apiRequests()).hasSize(3);
    }

    @Test
    void anEmptyListIsAnEmptyBodyWithCountZero() {
        stubPage("/Site", "sites", 1, 0, 1, 0);

        Exchange result = list("halopsa:site");

        assertThat(body(result)).isEmpty();
        assertThat(result.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT)).isEqualTo(0);
        assertThat(apiRequests()).hasSize(1);
    }

    @Test
    void maxResultsStopsPagingEarly() {
        stubPage("/Tickets", "tickets", 1, 250, 1, 100);
        stubPage("/Tickets", "tickets", 2, 250, 101, 200);

        Exchange result = list("halopsa:ticket?maxResults=150");

        assertThat(ids(result)).hasSize(150).endsWith(150);
        assertThat(result.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT)).isEqualTo(250);
        assertThat(apiRequests()).hasSize(2);
    }

    @Test
    void aSmallMaxResultsAsksForASmallPage() {
        stubPage("/Tickets", "tickets", 1, 250, 1, 30);

        assertThat(ids(list("halopsa:ticket?maxResults=30"))).hasSize(30);

        assertThat(apiRequests()).singleElement()
                .satisfies(r -> assertThat(r.queryParameter("page_size").firstValue()).isEqualTo("30"));
    }

    @Test
    void pageNoFetchesThatPageOnly() {
        stubPage("/Tickets", "tickets", 2, 250, 26, 50);

        Exchange result = list("halopsa:ticket?pageNo=2&pageSize=25");

        assertThat(ids(result)).hasSize(25).startsWith(26);
        assertThat(apiRequests()).singleElement()
                .satisfies(r -> assertThat(r.queryParameter("page_size").firstValue()).isEqualTo("25"));
    }

    @Test
    void unpagedListsGetNoPagingParameters() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Status")).willReturn(json(200, records(1, 140))));

        Exchange result = list("halopsa:status");

        assertThat(ids(result)).hasSize(140);
        LoggedRequest sent = apiRequests().get(0);
        assertThat(sent.getQueryParams()).doesNotContainKeys("pageinate", "page_size", "page_no");
    }

    @Test
    void queryOptionsAndTheQueryHeaderReachHalo() {
        stubPage("/Tickets", "tickets", 1, 1, 1, 1);

        template.requestBodyAndHeader("halopsa:ticket?query.client_id=12&query.open_only=true", null,
                HaloPsaConstants.QUERY, Map.of("status", List.of(1, 2), "open_only", false));

        LoggedRequest sent = apiRequests().get(0);
        assertThat(sent.queryParameter("client_id").firstValue()).isEqualTo("12");
        assertThat(sent.queryParameter("open_only").firstValue()).isEqualTo("false");
        assertThat(sent.queryParameter("status").firstValue()).isEqualTo("1,2");
    }

    @Test
    void aPageSizeHaloWouldCapIsRefusedAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("halopsa:ticket?pageSize=500"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("pageSize 500").hasMessageContaining("1 to 100");
    }
}
