package io.github.camelhalopsa.component.halopsa;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.PropertyConfigurer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build must compile what camel-package-maven-plugin generates: without the configurer classes Camel silently
 * falls back to reflection, and without the JSON tooling sees nothing.
 */
class GeneratedMetadataTest extends HaloPsaTestSupport {

    @Test
    void generatedConfigurersAreCompiledAndFoundByCamel() throws Exception {
        Class.forName("io.github.camelhalopsa.component.halopsa.HaloPsaComponentConfigurer");
        Class.forName("io.github.camelhalopsa.component.halopsa.HaloPsaEndpointConfigurer");

        PropertyConfigurer configurer = org.apache.camel.support.PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("halopsa-endpoint", context);
        assertThat(configurer).isNotNull();
        assertThat(configurer.getClass().getSimpleName()).isEqualTo("HaloPsaEndpointConfigurer");
    }

    @Test
    void uriFactoryKnowsTheOptionsAndWhichAreSecret() throws Exception {
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("halopsa");

        assertThat(factory.secretPropertyNames()).contains("clientSecret", "clientId");
        assertThat(factory.propertyNames()).contains("entity", "operation", "pageSize", "resourceServer", "tenant");
        assertThat(factory.buildUri("halopsa", Map.of("entity", "ticket", "operation", "get", "id", "5"), false))
                .isEqualTo("halopsa:ticket?id=5&operation=get");
    }

    @Test
    void componentJsonDescribesOptionsAndHeaders() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/io/github/camelhalopsa/component/halopsa/halopsa.json")) {
            assertThat(in).as("generated component JSON").isNotNull();
            json = new ObjectMapper().readTree(in);
        }

        assertThat(json.at("/component/scheme").asText()).isEqualTo("halopsa");
        assertThat(json.at("/componentProperties/clientSecret/secret").asBoolean()).isTrue();
        assertThat(json.at("/componentProperties/scope/defaultValue").asText()).isEqualTo("all");
        assertThat(json.at("/properties/operation/enum").toString()).contains("addOrUpdate", "preview", "request");
        assertThat(json.at("/headers/CamelHaloPsaRecordCount/description").asText()).isNotBlank();
    }

    @Test
    void catalogListsTheTriggerOptionWithItsValuesAndTheTriggerHeader() throws Exception {
        JsonNode json = componentJson();

        assertThat(json.at("/properties/trigger/enum").toString()).isEqualTo("[\"new\",\"updated\"]");
        assertThat(json.at("/properties/trigger/defaultValue").asText()).isEqualTo("new");
        assertThat(json.at("/properties/changeOverlap/type").asText()).isEqualTo("duration");
        assertThat(json.at("/headers/CamelHaloPsaTrigger/description").asText()).contains("ticket.updated");
    }

    @Test
    void catalogListsExactlyTheEntitiesOfTheTable() throws Exception {
        JsonNode entities = componentJson().at("/properties/entity/enum");

        List<String> listed = new ArrayList<>();
        entities.forEach(name -> listed.add(name.asText()));
        assertThat(listed).containsExactly(Arrays.stream(HaloPsaEntity.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void catalogShowsTheTriggersRealPollDelayAndNoInertOptions() throws Exception {
        JsonNode json = componentJson();

        assertThat(json.at("/properties/delay/defaultValue").asText()).isEqualTo("30000");
        assertThat(json.at("/properties/delay/label").asText()).contains("consumer");
        assertThat(json.at("/componentProperties").has("healthCheckConsumerEnabled")).isFalse();
        assertThat(json.at("/componentProperties").has("healthCheckProducerEnabled")).isFalse();
    }

    private JsonNode componentJson() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/io/github/camelhalopsa/component/halopsa/halopsa.json")) {
            assertThat(in).as("generated component JSON").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
