package io.github.camelhalopsa.component.halopsa;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * List answers as real tenants were recorded giving them: the attachment list's {"attachments", "folders"} envelope
 * with no record_count (Servosity msp-skills issue 265), side arrays beside the records, and a server that ignores
 * page_no. Side arrays are never taken for records, and a repeated page ends the walk.
 */
class ListAnswerShapesTest extends HaloPsaTestSupport {

    private static final String FOLDERS = "\"folders\":[{\"id\":3,\"name\":\"Contracts\"}]";

    @Test
    void theAttachmentEnvelopeGivesItsAttachmentsNotItsFolders() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Attachment")).willReturn(json(200,
                "{\"attachments\":[{\"id\":1727,\"filename\":\"invoice.pdf\"}]," + FOLDERS + "}")));

        Exchange result = list("halopsa:attachment?query.ticket_id=42");

        assertThat(result.getMessage().getBody(List.class)).singleElement()
                .satisfies(record -> assertThat(((Map<?, ?>) record).get("id")).isEqualTo(1727));
        assertThat(result.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT)).isEqualTo(1);
    }

    @Test
    void aNullOrEmptyRecordsKeyIsAnEmptyListNeverTheFolders() {
        for (String attachments : List.of("null", "[]")) {
            halo.resetRequests();
            halo.stubFor(WireMock.get(urlPathEqualTo("/api/Attachment")).willReturn(json(200,
                    "{\"attachments\":" + attachments + "," + FOLDERS + "}")));

            Exchange result = list("halopsa:attachment?query.ticket_id=42");

            assertThat(result.getException()).as(attachments).isNull();
            assertThat(result.getMessage().getBody(List.class)).as(attachments).isEmpty();
            assertThat(result.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT)).isEqualTo(0);
        }
    }

    @Test
    void withTheKeyAbsentTheRecordsAreTheFirstArrayThatIsNoSideArray() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Attachment")).willReturn(json(200,
                "{" + FOLDERS + ",\"columns\":[{\"id\":1}],\"files\":[{\"id\":9}]}")));

        Exchange result = list("halopsa:attachment?query.ticket_id=42");

        assertThat(result.getMessage().getBody(List.class)).singleElement()
                .satisfies(record -> assertThat(((Map<?, ?>) record).get("id")).isEqualTo(9));
    }

    @Test
    void aServerThatIgnoresPageNumbersIsReadOnceNotTenThousandTimes() {
        String page = IntStream.rangeClosed(1, 100).mapToObj(id -> "{\"id\":" + id + "}")
                .collect(Collectors.joining(",", "[", "]"));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Client"))
                .willReturn(json(200, "{\"record_count\":5000,\"clients\":" + page + "}")));

        Exchange result = list("halopsa:client");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(List.class)).hasSize(100);
        halo.verify(2, WireMock.getRequestedFor(urlPathEqualTo("/api/Client")));
    }

    private Exchange list(String uri) {
        return template.request(uri, exchange -> {
        });
    }
}
