package io.github.camelhalopsa.builder.endpoint;

import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.builder.endpoint.dsl.HaloPsaEndpointBuilderFactory;
import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaEndpoint;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.HaloPsaOperation;
import io.github.camelhalopsa.component.halopsa.loopback.LoopbackHalo;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static io.github.camelhalopsa.builder.endpoint.StaticEndpointBuilders.halopsa;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated builders give Java DSL users the options, their types and the operation enum at compile time; the
 * endpoint they build must be the one the equivalent string URI gives.
 */
class HaloPsaEndpointDslTest {

    @Test
    void builderConfiguresTheEndpointLikeTheStringUri() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();

            HaloPsaEndpoint endpoint = (HaloPsaEndpoint) halopsa("ticket")
                    .operation(HaloPsaOperation.get).id("42")
                    .clientId("id-1").clientSecret("s3+cr&t").resourceServer("example.halopsa.com")
                    .query("client_id", 12).pageSize(50)
                    .resolve(context);

            HaloPsaConfiguration configuration = endpoint.getConfiguration();
            assertThat(endpoint.getEntity()).isEqualTo(HaloPsaEntity.ticket);
            assertThat(configuration.getOperation()).isEqualTo(HaloPsaOperation.get);
            assertThat(configuration.getId()).isEqualTo("42");
            assertThat(configuration.getPageSize()).isEqualTo(50);
            assertThat(configuration.getQuery()).containsEntry("client_id", "12");
            // the builder marks secrets RAW, so + and & reach the component intact
            assertThat(configuration.getClientSecret()).isEqualTo("s3+cr&t");
            assertThat(endpoint.toString()).doesNotContain("s3+cr&t");
        }
    }

    @Test
    void endpointRouteBuilderRoutesUseTheBuildersAgainstHalo() throws Exception {
        try (LoopbackHalo halo = LoopbackHalo.start("id-1", "secret-1")
                .list("Agent", "[{\"id\":1,\"name\":\"Alice\"},{\"id\":2,\"name\":\"Bob\"}]");
             CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new AgentRoutes(halo.baseUrl()));
            context.start();

            List<Map<String, Object>> agents = context.createProducerTemplate()
                    .requestBody("direct:agents", (Object) null, List.class);

            assertThat(agents).extracting(agent -> agent.get("name")).containsExactly("Alice", "Bob");
            assertThat(halo.requests()).containsExactly("POST /auth/token?tenant=acme",
                    "GET /api/Agent?pageinate=true&page_size=100&page_no=1");
        }
    }

    /** How a user writes it: an EndpointRouteBuilder that also implements the generated HaloPsaBuilders. */
    private static final class AgentRoutes extends EndpointRouteBuilder
            implements HaloPsaEndpointBuilderFactory.HaloPsaBuilders {

        private final String resourceServer;

        AgentRoutes(String resourceServer) {
            this.resourceServer = resourceServer;
        }

        @Override
        public void configure() {
            from(direct("agents"))
                    .to(halopsa("agent").operation(HaloPsaOperation.list)
                            .clientId("id-1").clientSecret("secret-1").resourceServer(resourceServer).tenant("acme"));
        }
    }
}
