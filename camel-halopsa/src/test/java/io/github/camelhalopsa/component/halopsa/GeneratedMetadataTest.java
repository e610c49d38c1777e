package io.github.camelhalopsa.component.halopsa;

import java.io.InputStream;
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
}
