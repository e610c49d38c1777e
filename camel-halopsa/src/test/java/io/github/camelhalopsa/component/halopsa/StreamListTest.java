package io.github.camelhalopsa.component.halopsa;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelhalopsa.component.halopsa.ListStubs.stubPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamListTest extends HaloPsaTestSupport {

    private static final List<Integer> ALL_250 = IntStream.rangeClosed(1, 250).boxed().toList();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:each-ticket").to("halopsa:ticket?streamList=true")
                        .split(body()).streaming().to("mock:ticket");
            }
        };
    }

    private void stubThreePages() {
        stubPage(halo, "/Tickets", "tickets", 1, 250, 1, 100);
        stubPage(halo, "/Tickets", "tickets", 2, 250, 101, 200);
        stubPage(halo, "/Tickets", "tickets", 3, 250, 201, 250);
    }

    private Exchange list(String uri) {
        return ListStubs.listOk(template, uri);
    }

    @SuppressWarnings("unchecked")
    private static Iterator<Map<String, Object>> iterator(Exchange exchange) {
        assertThat(exchange.getMessage().getBody()).isInstanceOf(Iterator.class);
        return exchange.getMessage().getBody(Iterator.class);
    }

    private static List<Integer> idsOf(Iterator<Map<String, Object>> records) {
        List<Integer> ids = new ArrayList<>();
        records.forEachRemaining(record -> ids.add((Integer) record.get("id")));
        return ids;
    }

    @Test
    void readsTheNextPageOnlyWhenTheIteratorReachesIt() {
        stubThreePages();

        Exchange result = list("halopsa:ticket?streamList=true");
        Iterator<Map<String, Object>> records = iterator(result);

        assertThat(apiRequests()).as("the producer reads the first page only").hasSize(1);
        assertThat(result.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT)).isEqualTo(250);
        for (int i = 0; i < 100; i++) {
            records.next();
        }
        assertThat(apiRequests()).as("the first page consumed, the second not yet needed").hasSize(1);
        assertThat(records.next().get("id")).isEqualTo(101);
        assertThat(apiRequests()).hasSize(2);
        assertThat(idsOf(records)).hasSize(149).endsWith(250);
        assertThat(records.hasNext()).isFalse();
        assertThat(apiRequests()).as("record_count reached: no fourth request").hasSize(3)
                .allSatisfy(r -> assertThat(r.queryParameter("pageinate").firstValue()).isEqualTo("true"));
    }

    @Test
    void streamsTheSameRecordsInTheSameOrderAsTheEagerList() {
        stubThreePages();

        List<?> eager = list("halopsa:ticket").getMessage().getBody(List.class);
        List<Object> streamed = new ArrayList<>();
        iterator(list("halopsa:ticket?streamList=true")).forEachRemaining(streamed::add);

        assertThat(streamed).hasSize(250).isEqualTo(eager);
    }

    @Test
    void splitStreamingHandsEachRecordOnInOrder() throws Exception {
        stubThreePages();
        MockEndpoint each = getMockEndpoint("mock:ticket");
        each.expectedMessageCount(250);

        template.sendBody("direct:each-ticket", null);

        each.assertIsSatisfied();
        assertThat(each.getExchanges()).extracting(e -> e.getMessage().getBody(Map.class).get("id"))
                .containsExactlyElementsOf(ALL_250);
    }

    @Test
    void maxResultsEndsTheStreamWithoutReadingFurtherPages() {
        stubThreePages();

        List<Integer> ids = idsOf(iterator(list("halopsa:ticket?streamList=true&maxResults=150")));

        assertThat(ids).hasSize(150).endsWith(150);
        assertThat(apiRequests()).hasSize(2);
    }

    @Test
    void withoutRecordCountTheStreamEndsAtTheShortPageAndSetsNoCount() {
        stubPage(halo, "/Client", "clients", 1, null, 1, 100);
        stubPage(halo, "/Client", "clients", 2, null, 101, 130);

        Exchange result = list("halopsa:client?streamList=true");

        assertThat(result.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT)).isNull();
        assertThat(idsOf(iterator(result))).hasSize(130);
        assertThat(apiRequests()).hasSize(2);
    }

    @Test
    void anErrorOnTheFirstPageFailsTheExchange() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets"))
                .willReturn(json(403, "{\"message\":\"No permission to view tickets\"}")));

        Exchange result = template.request("halopsa:ticket?streamList=true", e -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class)
                .hasMessageContaining("403").hasMessageContaining("No permission to view tickets");
    }

    @Test
    void anErrorOnALaterPageSurfacesWhileIterating() {
        stubPage(halo, "/Tickets", "tickets", 1, 250, 1, 100);
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets")).withQueryParam("page_no", equalTo("2"))
                .willReturn(json(500, "{\"message\":\"Timeout expired\"}")));
        Iterator<Map<String, Object>> records = iterator(list("halopsa:ticket?streamList=true"));
        for (int i = 0; i < 100; i++) {
            records.next();
        }

        assertThatThrownBy(records::hasNext).isInstanceOf(RuntimeCamelException.class)
                .cause().isInstanceOf(HaloPsaException.class).hasMessageContaining("500")
                .hasMessageContaining("Timeout expired");
    }

    @Test
    void streamListOnAnEntityWithoutListIsRefusedAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("halopsa:api?streamList=true&path=/Agent/me"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("streamList").hasMessageContaining("halopsa:api");
    }
}
