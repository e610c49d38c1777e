package io.github.camelhalopsa.component.halopsa.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDEs complete camel.component.halopsa.* from the Spring configuration metadata this module generates. The
 * configuration class is written by hand (Camel's starter generator is not published), so this holds it to the
 * component's own metadata: every component option is a Spring property of the same name, with the component's
 * description and default.
 */
class HaloPsaStarterMetadataTest {

    private static final String PREFIX = HaloPsaComponentConfiguration.PREFIX + ".";
    /** The starter's own switches, which the component does not have. */
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer.enabled");

    private static JsonNode component;
    private static Map<String, JsonNode> spring;

    @BeforeAll
    static void load() throws IOException {
        component = read("/META-INF/io/github/camelhalopsa/component/halopsa/halopsa.json").get("componentProperties");
        spring = new HashMap<>();
        for (JsonNode property : read("/META-INF/spring-configuration-metadata.json").get("properties")) {
            String name = property.get("name").asText();
            assertThat(name).startsWith(PREFIX);
            spring.put(name.substring(PREFIX.length()), property);
        }
    }

    @Test
    void everyComponentOptionIsAPropertyAndNothingElseIs() {
        Set<String> expected = new TreeSet<>(STARTER_ONLY);
        component.fieldNames().forEachRemaining(option -> expected.add(StringHelper.camelCaseToDash(option)));

        assertThat(new TreeSet<>(spring.keySet())).isEqualTo(expected);
    }

    @Test
    void componentOwnOptionsCarryTheComponentsDescription() {
        component.fields().forEachRemaining(option -> {
            // Camel's inherited options (lazyStartProducer, ...) are described in the starter's own words
            boolean ours = option.getValue().has("configurationClass") || option.getKey().equals("configuration");
            if (ours) {
                String description = spring.get(StringHelper.camelCaseToDash(option.getKey()))
                        .path("description").asText();
                assertThat(description).as(option.getKey())
                        .startsWith(option.getValue().get("description").asText());
            }
        });
    }

    @Test
    void everyPropertyIsDocumentedAndDefaultsMatchTheComponent() {
        spring.forEach((name, property) -> assertThat(property.path("description").asText()).as(name).isNotBlank());
        component.fields().forEachRemaining(option -> {
            JsonNode property = spring.get(StringHelper.camelCaseToDash(option.getKey()));
            JsonNode expected = option.getValue().get("defaultValue");
            if (expected == null) {
                assertThat(property.has("defaultValue")).as(option.getKey() + " has no default").isFalse();
            } else {
                assertThat(property.path("defaultValue").asText()).as(option.getKey()).isEqualTo(expected.asText());
            }
        });
    }

    @Test
    void secretsAreTypedAsPlainStringsSoSpringMasksThemByName() {
        // Spring Boot's actuator sanitises values whose key ends in secret, password, key or token
        assertThat(spring.get("client-secret").get("type").asText()).isEqualTo("java.lang.String");
        assertThat(component.get("clientSecret").get("secret").asBoolean()).isTrue();
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = HaloPsaStarterMetadataTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
