package io.github.camelhalopsa.component.halopsa.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Lists longer than one page come back whole, in as many requests as Halo's page cap needs. */
class SandboxPagingTest extends SandboxTestSupport {

    @BeforeEach
    void add250Tickets() {
        for (int i = 1; i <= 250; i++) {
            sandbox().data().save(SandboxCollection.ticket, new LinkedHashMap<>(Map.of(
                    "summary", "Bulk ticket " + i, "user_id", 1 + i % 9)));
        }
    }

    @Test
    void readsAllPagesOf256Tickets() {
        Exchange result = template.request("halopsa:ticket", e -> {
        });

        List<?> tickets = result.getMessage().getBody(List.class);
        assertThat(tickets).hasSize(256);
        assertThat(tickets).extracting(t -> ((Map<?, ?>) t).get("id")).doesNotHaveDuplicates();
        assertThat(result.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT)).isEqualTo(256);
        List<LoggedRequest> pages = sandbox().wireMock().findAll(getRequestedFor(urlPathEqualTo("/api/Tickets")));
        assertThat(pages).hasSize(3);
        assertThat(pages).allSatisfy(page -> assertThat(page.queryParameter("pageinate").firstValue()).isEqualTo("true"));
    }

    @Test
    void followsTheShorterPagesHaloServesForAssets() {
        for (int i = 1; i <= 120; i++) {
            sandbox().data().save(SandboxCollection.asset, new LinkedHashMap<>(Map.of("inventory_number", "BULK-" + i)));
        }

        List<?> assets = template.requestBody("halopsa:asset", (Object) null, List.class);

        // 12 demo assets + 120; Halo serves assets 50 at a time whatever page_size says
        assertThat(assets).hasSize(132);
        assertThat(sandbox().wireMock().findAll(getRequestedFor(urlPathEqualTo("/api/Asset")))).hasSize(3);
    }

    @Test
    void onePageOrACappedNumber() {
        List<?> second = template.requestBody("halopsa:ticket?pageSize=100&pageNo=2&query.order=id", (Object) null,
                List.class);
        List<?> first120 = template.requestBody("halopsa:ticket?maxResults=120", (Object) null, List.class);

        assertThat(second).hasSize(100);
        // tickets 1-6, then 9 on (7 and 8 are an opportunity and a project, which share the tickets' ids)
        assertThat(((Map<?, ?>) second.get(0)).get("id")).isEqualTo(103);
        assertThat(first120).hasSize(120);
    }
}
