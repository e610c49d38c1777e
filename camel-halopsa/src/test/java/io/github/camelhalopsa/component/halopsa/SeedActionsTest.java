package io.github.camelhalopsa.component.halopsa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action of the reference integration (seed-actions.tsv, 58 rows), run through a halopsa: endpoint against a
 * loopback server answering in Halo's shapes; each request is also checked against Halo's spec. What Halo answers per
 * collection (list shape, a field of its POST schema) comes from the sandbox's table, the tests' one witness of Halo.
 */
class SeedActionsTest extends HaloPsaTestSupport {

    static Stream<Arguments> seedRows() {
        return seedActions().stream()
                .map(row -> Arguments.of(row[0], row.length > 1 ? row[1] : ""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedRows")
    void runsSeedAction(String action, String haloPath) {
        if (action.startsWith("Add or Update ")) {
            checkAddOrUpdate(byPath(haloPath));
        } else if (action.startsWith("Delete ")) {
            checkDelete(byPath(haloPath));
        } else if (action.startsWith("Get ")) {
            checkGet(byPath(haloPath));
        } else if (action.startsWith("List ")) {
            checkList(byPath(haloPath));
        } else if (action.equals("Preview Report")) {
            previewReport();
        } else if (action.equals("Halo PSA API Request")) {
            apiRequest();
        } else {
            throw new AssertionError("The test does not know the seed action " + action);
        }
    }

    static Stream<Arguments> everyVerbOfEveryEntity() {
        return Arrays.stream(HaloPsaEntity.values()).filter(entity -> entity != HaloPsaEntity.api)
                .map(entity -> SandboxCollection.valueOf(entity.name()))
                .flatMap(collection -> Stream.of("list", "get", "addOrUpdate", "delete")
                        .map(verb -> Arguments.of(collection.name(), verb, collection)));
    }

    /** Beyond the seed: Halo's spec has list, get, POST and delete on each of the 23 collections. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyVerbOfEveryEntity")
    void runsEveryVerbOfEveryEntity(String entity, String verb, SandboxCollection collection) {
        switch (verb) {
            case "list" -> checkList(collection);
            case "get" -> checkGet(collection);
            case "addOrUpdate" -> checkAddOrUpdate(collection);
            default -> checkDelete(collection);
        }
    }

    private void checkList(SandboxCollection collection) {
        String records = "[{\"id\":1,\"name\":\"one\"},{\"id\":2,\"name\":\"two\"},{\"id\":3,\"name\":\"three\"}]";
        String answer = collection.listKey() == null ? records
                : "{\"record_count\":3,\"" + stubbedListKey(collection) + "\":" + records + "}";
        halo.stubFor(WireMock.get(urlPathEqualTo("/api" + collection.path())).willReturn(json(200, answer)));
        String uri = "halopsa:" + collection.name() + (collection.name().equals("action") ? "?query.ticket_id=77" : "");

        Exchange result = template.request(uri, exchange -> {
        });

        assertThat(result.getException()).isNull();
        List<?> body = result.getMessage().getBody(List.class);
        assertThat(body).hasSize(3);
        assertThat(((Map<?, ?>) body.get(2)).get("name")).isEqualTo("three");
        assertThat(result.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT)).isEqualTo(3);
        List<LoggedRequest> sent = apiRequests();
        assertThat(sent).as(describe(sent)).hasSize(1);
        assertThat(sent.get(0).getMethod().getName()).isEqualTo("GET");
        assertThat(sent.get(0).getUrl()).startsWith("/api" + collection.path());
    }

    private void checkGet(SandboxCollection collection) {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api" + collection.path() + "/7"))
                .willReturn(json(200, "{\"id\":7,\"" + collection.textField() + "\":\"seven\"}")));
        String uri = "halopsa:" + collection.name() + "?operation=get&id=7"
                     + (collection.name().equals("action") ? "&ticketId=77" : "");

        Map<?, ?> record = template.requestBody(uri, null, Map.class);

        assertThat(record.get("id")).isEqualTo(7);
        assertThat(record.get(collection.textField())).isEqualTo("seven");
        halo.verify(1, WireMock.getRequestedFor(urlPathEqualTo("/api" + collection.path() + "/7")));
        if (collection.name().equals("action")) {
            halo.verify(WireMock.getRequestedFor(urlPathEqualTo("/api/Actions/7")).withQueryParam("ticket_id", equalTo("77")));
        }
    }

    private void checkAddOrUpdate(SandboxCollection collection) {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api" + collection.path()))
                .willReturn(json(201, "{\"id\":501,\"" + collection.textField() + "\":\"created by Camel\"}")));
        Map<String, Object> record = collection.name().equals("action")
                ? Map.of(collection.textField(), "created by Camel", "ticket_id", 77)
                : Map.of(collection.textField(), "created by Camel");

        Map<?, ?> saved = template.requestBody("halopsa:" + collection.name() + "?operation=addOrUpdate", record, Map.class);

        assertThat(saved.get("id")).isEqualTo(501);
        String expectedBody = collection.name().equals("action")
                ? "[{\"note\":\"created by Camel\",\"ticket_id\":77}]"
                : "[{\"" + collection.textField() + "\":\"created by Camel\"}]";
        halo.verify(1, WireMock.postRequestedFor(urlPathEqualTo("/api" + collection.path()))
                .withRequestBody(equalToJson(expectedBody)));
    }

    private void checkDelete(SandboxCollection collection) {
        halo.stubFor(WireMock.delete(urlPathEqualTo("/api" + collection.path() + "/9"))
                .willReturn(json(200, "{\"id\":9}")));
        String uri = "halopsa:" + collection.name() + "?operation=delete"
                     + (collection.name().equals("action") ? "&ticketId=77" : "");

        Exchange result = template.request(uri, exchange -> exchange.getIn().setHeader(HaloPsaConstants.ID, 9));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(HaloPsaConstants.ID)).isEqualTo("9");
        halo.verify(1, WireMock.deleteRequestedFor(urlPathEqualTo("/api" + collection.path() + "/9")));
        if (collection.name().equals("action")) {
            halo.verify(WireMock.deleteRequestedFor(urlPathEqualTo("/api/Actions/9")).withQueryParam("ticket_id", equalTo("77")));
        }
    }

    private void previewReport() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Report")).willReturn(json(200,
                "{\"id\":0,\"report\":{\"loaded\":true,\"rows\":[{\"client\":\"Acme\",\"open\":4},{\"client\":\"Globex\",\"open\":1}]}}")));

        List<?> rows = template.requestBodyAndHeader("halopsa:report?operation=preview", null, HaloPsaConstants.SQL,
                "SELECT aareadesc AS client, COUNT(*) AS open FROM faults GROUP BY aareadesc", List.class);

        assertThat(rows).hasSize(2);
        assertThat(((Map<?, ?>) rows.get(0)).get("client")).isEqualTo("Acme");
        halo.verify(WireMock.postRequestedFor(urlPathEqualTo("/api/Report")).withRequestBody(equalToJson(
                "[{\"sql\":\"SELECT aareadesc AS client, COUNT(*) AS open FROM faults GROUP BY aareadesc\","
                + "\"_loadreportonly\":true}]")));
    }

    private void apiRequest() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent/me")).willReturn(json(200, "{\"id\":12,\"name\":\"API Agent\"}")));

        Map<?, ?> me = template.requestBodyAndHeader("halopsa:api", null, HaloPsaConstants.PATH, "/Agent/me", Map.class);

        assertThat(me.get("name")).isEqualTo("API Agent");
        halo.verify(WireMock.getRequestedFor(urlPathEqualTo("/api/Agent/me"))
                .withHeader("Authorization", WireMock.matching("Bearer token-[A-Za-z0-9]{24}")));
    }

    /**
     * TopLevel's list key is the one fact of the table no recording confirms, so its stub uses another key: the
     * component must then find the records as the first array of the wrapper.
     */
    private static String stubbedListKey(SandboxCollection collection) {
        return collection == SandboxCollection.topLevel ? "toplevel_tree" : collection.listKey();
    }

    private static SandboxCollection byPath(String haloPath) {
        return SandboxCollection.byPath(haloPath.split("/")[1])
                .orElseThrow(() -> new AssertionError("The sandbox has no collection " + haloPath));
    }

    private static List<String[]> seedActions() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                SeedActionsTest.class.getResourceAsStream("/seed-actions.tsv"), "seed-actions.tsv"),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
