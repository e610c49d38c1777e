package io.github.camelhalopsa.component.halopsa.loopback;

import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaAuthenticationException;
import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The runtime checks trust LoopbackHalo to behave like Halo for the component: this runs the component against it.
 */
class LoopbackHaloTest {

    @Test
    void componentListsAgentsWithTheTokenItIssues() throws Exception {
        try (LoopbackHalo halo = LoopbackHalo.start("id-1", "secret-1")
                .list("Agent", "[{\"id\":1,\"name\":\"Alice\"},{\"id\":2,\"name\":\"Bob\"}]");
             CamelContext context = contextFor(halo, "secret-1")) {
            ProducerTemplate template = context.createProducerTemplate();

            List<Map<String, Object>> agents = template.requestBody("halopsa:agent", (Object) null, List.class);

            assertThat(agents).extracting(agent -> agent.get("name")).containsExactly("Alice", "Bob");
            assertThat(halo.requests()).containsExactly("POST /auth/token?tenant=acme",
                        "GET /api/Agent?pageinate=true&page_size=100&page_no=1");
            assertThat(halo.tokensIssued()).isEqualTo(1);
        }
    }

    @Test
    void wrongSecretGetsHalosRefusal() throws Exception {
        try (LoopbackHalo halo = LoopbackHalo.start("id-1", "secret-1").list("Agent", "[]");
             CamelContext context = contextFor(halo, "not-the-secret")) {
            ProducerTemplate template = context.createProducerTemplate();

            assertThatThrownBy(() -> template.requestBody("halopsa:agent", (Object) null))
                    .isInstanceOf(CamelExecutionException.class)
                    .hasCauseInstanceOf(HaloPsaAuthenticationException.class);
            assertThat(halo.tokensIssued()).isZero();
        }
    }

    private static CamelContext contextFor(LoopbackHalo halo, String secret) {
        HaloPsaComponent component = new HaloPsaComponent();
        component.getConfiguration().setClientId("id-1");
        component.getConfiguration().setClientSecret(secret);
        component.getConfiguration().setResourceServer(halo.baseUrl());
        component.getConfiguration().setTenant("acme");
        CamelContext context = new DefaultCamelContext();
        context.addComponent("halopsa", component);
        context.start();
        return context;
    }
}
