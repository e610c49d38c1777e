package io.github.camelhalopsa.builder.component;

import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.builder.component.dsl.HalopsaComponentBuilderFactory;
import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import io.github.camelhalopsa.component.halopsa.HaloPsaOperation;
import io.github.camelhalopsa.component.halopsa.loopback.LoopbackHalo;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated component builder configures the halopsa component in Java, with the options' types checked by the
 * compiler, as Camel's ComponentsBuilderFactory does for its own components: the routes then name only the entity.
 */
class HaloPsaComponentDslTest {

    @Test
    void registeredComponentCarriesTheConnectionForEveryEndpoint() throws Exception {
        try (LoopbackHalo halo = LoopbackHalo.start("id-1", "s3+cr&t")
                .list("Agent", "[{\"id\":1,\"name\":\"Alice\"},{\"id\":2,\"name\":\"Bob\"}]");
             CamelContext context = new DefaultCamelContext()) {
            HalopsaComponentBuilderFactory.halopsa()
                    .clientId("id-1").clientSecret("s3+cr&t").resourceServer(halo.baseUrl()).tenant("acme")
                    .operation(HaloPsaOperation.list).maxRetries(0)
                    .register(context, "halopsa");
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:agents").to("halopsa:agent");
                }
            });
            context.start();

            List<Map<String, Object>> agents = context.createProducerTemplate()
                    .requestBody("direct:agents", (Object) null, List.class);

            assertThat(agents).extracting(agent -> agent.get("name")).containsExactly("Alice", "Bob");
            // the secret, with + and &, reached the token request as it was set
            assertThat(halo.requests()).containsExactly("POST /auth/token?tenant=acme",
                    "GET /api/Agent?pageinate=true&page_size=100&page_no=1");
            assertThat(context.getComponent("halopsa", HaloPsaComponent.class).getConfiguration().getMaxRetries())
                    .isZero();
        }
    }

    @Test
    void twoNamesGiveTwoConnectionsInOneContext() throws Exception {
        try (LoopbackHalo europe = LoopbackHalo.start("eu-id", "eu-secret").list("Team", "[{\"id\":1,\"name\":\"EU\"}]");
             LoopbackHalo america = LoopbackHalo.start("us-id", "us-secret").list("Team", "[{\"id\":2,\"name\":\"US\"}]");
             CamelContext context = new DefaultCamelContext()) {
            HalopsaComponentBuilderFactory.halopsa()
                    .clientId("eu-id").clientSecret("eu-secret").resourceServer(europe.baseUrl()).onPremise(true)
                    .register(context, "haloEu");
            HalopsaComponentBuilderFactory.halopsa()
                    .clientId("us-id").clientSecret("us-secret").resourceServer(america.baseUrl()).onPremise(true)
                    .register(context, "haloUs");
            context.start();

            List<Map<String, Object>> eu = context.createProducerTemplate().requestBody("haloEu:team", (Object) null, List.class);
            List<Map<String, Object>> us = context.createProducerTemplate().requestBody("haloUs:team", (Object) null, List.class);

            assertThat(eu).extracting(team -> team.get("name")).containsExactly("EU");
            assertThat(us).extracting(team -> team.get("name")).containsExactly("US");
            // on-premise: no tenant on the token request
            assertThat(europe.requests()).containsExactly("POST /auth/token", "GET /api/Team");
            assertThat(america.requests()).containsExactly("POST /auth/token", "GET /api/Team");
        }
    }
}
