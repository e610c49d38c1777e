package io.github.camelhalopsa.component.halopsa.springboot;

import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.HaloPsaOperation;
import io.github.camelhalopsa.component.halopsa.loopback.LoopbackHalo;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel.component.halopsa.* must reach the component as Camel's own starters' properties reach theirs: without this
 * starter Spring Boot leaves them unbound.
 */
@ExtendWith(OutputCaptureExtension.class)
class HaloPsaComponentAutoConfigurationTest {

    private static final String SECRET = "Spring-Secret+42&x";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    HaloPsaComponentAutoConfiguration.class))
            .withPropertyValues("camel.main.name=starter-test");

    @Test
    void propertiesBindToTheComponentIncludingTheNestedConnectionSettings() {
        runner.withPropertyValues(
                "camel.component.halopsa.client-id=spring-client",
                "camel.component.halopsa.client-secret=" + SECRET,
                "camel.component.halopsa.resource-server=example.halopsa.com",
                "camel.component.halopsa.tenant=acme",
                "camel.component.halopsa.scope=read:tickets",
                "camel.component.halopsa.page-size=25",
                "camel.component.halopsa.operation=addOrUpdate",
                "camel.component.halopsa.query.open_only=true",
                "camel.component.halopsa.response-timeout=5000",
                "camel.component.halopsa.lazy-start-producer=true")
                .run(spring -> {
                    HaloPsaComponent component = halopsa(spring.getBean(CamelContext.class));
                    HaloPsaConfiguration configuration = component.getConfiguration();

                    assertThat(configuration.getClientId()).isEqualTo("spring-client");
                    assertThat(configuration.getClientSecret()).isEqualTo(SECRET);
                    assertThat(configuration.getResourceServer()).isEqualTo("example.halopsa.com");
                    assertThat(configuration.getTenant()).isEqualTo("acme");
                    assertThat(configuration.getScope()).isEqualTo("read:tickets");
                    assertThat(configuration.getPageSize()).isEqualTo(25);
                    assertThat(configuration.getOperation()).isEqualTo(HaloPsaOperation.addOrUpdate);
                    assertThat(configuration.getQuery()).containsEntry("open_only", "true");
                    assertThat(configuration.getResponseTimeout()).isEqualTo(5000);
                    assertThat(component.isLazyStartProducer()).isTrue();
                });
    }

    @Test
    void optionsTheApplicationLeavesOutKeepTheComponentsDefaults() {
        runner.withPropertyValues("camel.component.halopsa.client-id=spring-client").run(spring -> {
            HaloPsaConfiguration configuration = halopsa(spring.getBean(CamelContext.class)).getConfiguration();

            assertThat(configuration.getClientId()).isEqualTo("spring-client");
            assertThat(configuration.getPageSize()).isEqualTo(HaloPsaEntity.MAX_PAGE_SIZE);
            assertThat(configuration.getScope()).isEqualTo("all");
            assertThat(configuration.getMethod()).isNull();
            assertThat(configuration.getOperation()).isNull();
        });
    }

    @Test
    void customizerCanBeSwitchedOffForThisComponent() {
        runner.withPropertyValues("camel.component.halopsa.client-id=spring-client",
                "camel.component.halopsa.customizer.enabled=false").run(spring -> {
                    assertThat(halopsa(spring.getBean(CamelContext.class)).getConfiguration().getClientId()).isNull();
                });
    }

    @Test
    void wholeAutoConfigurationCanBeSwitchedOff() {
        runner.withPropertyValues("camel.component.halopsa.enabled=false").run(spring -> {
            assertThat(spring).doesNotHaveBean(HaloPsaComponentAutoConfiguration.class);
            assertThat(spring).doesNotHaveBean(HaloPsaComponentConfiguration.class);
        });
    }

    @Test
    void configurationOptionTakesABeanReference() {
        runner.withBean("sharedHalo", HaloPsaConfiguration.class, () -> {
            HaloPsaConfiguration shared = new HaloPsaConfiguration();
            shared.setResourceServer("shared.halopsa.com");
            shared.setTenant("shared");
            return shared;
        }).withPropertyValues("camel.component.halopsa.configuration=#bean:sharedHalo").run(spring -> {
            HaloPsaConfiguration configuration = halopsa(spring.getBean(CamelContext.class)).getConfiguration();

            assertThat(configuration.getResourceServer()).isEqualTo("shared.halopsa.com");
            assertThat(configuration.getTenant()).isEqualTo("shared");
        });
    }

    @Test
    void configurationOptionRefusesAValueThatIsNoReference() {
        runner.withPropertyValues("camel.component.halopsa.configuration=sharedHalo").run(spring -> {
            assertThat(spring).hasFailed();
            assertThat(spring.getStartupFailure()).rootCause()
                    .hasMessageContaining("camel.component.halopsa.configuration takes a reference")
                    .hasMessageContaining("#bean:name");
        });
    }

    @Test
    void routeRunsAgainstHaloWithTheBoundCredentialsAndNeverPrintsTheSecret(CapturedOutput output) throws Exception {
        try (LoopbackHalo halo = LoopbackHalo.start("spring-client", SECRET)
                .list("Agent", "[{\"id\":7,\"name\":\"Grace\"}]")) {
            runner.withPropertyValues(
                    "camel.component.halopsa.client-id=spring-client",
                    "camel.component.halopsa.client-secret=" + SECRET,
                    "camel.component.halopsa.resource-server=" + halo.baseUrl(),
                    "camel.component.halopsa.tenant=acme").run(spring -> {
                        CamelContext camel = spring.getBean(CamelContext.class);

                        List<Map<String, Object>> agents = camel.createProducerTemplate()
                                .requestBody("halopsa:agent", (Object) null, List.class);

                        assertThat(agents).extracting(agent -> agent.get("name")).containsExactly("Grace");
                    });
            assertThat(halo.requests()).containsExactly("POST /auth/token?tenant=acme",
                    "GET /api/Agent?pageinate=true&page_size=100&page_no=1");
        }
        assertThat(output.getAll()).contains("Apache Camel").doesNotContain(SECRET);
    }

    private static HaloPsaComponent halopsa(CamelContext camel) {
        return camel.getComponent("halopsa", HaloPsaComponent.class);
    }
}
