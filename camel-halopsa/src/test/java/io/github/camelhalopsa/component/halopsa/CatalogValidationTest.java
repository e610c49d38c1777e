package io.github.camelhalopsa.component.halopsa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.impl.AbstractCamelCatalog;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel's tooling (IDE plugins, camel-jbang, the report plugin's route validation) judges URIs with camel-catalog and
 * the component JSON. This loads our generated halopsa.json into camel-catalog's DefaultCamelCatalog, the way tooling
 * adds a third-party component, and checks that it accepts the URIs users write and reports their mistakes.
 */
class CatalogValidationTest {

    private static final String COMPONENT_JSON = "/META-INF/io/github/camelhalopsa/component/halopsa/halopsa.json";

    private static AbstractCamelCatalog catalog;

    @BeforeAll
    static void loadComponentIntoCatalog() throws Exception {
        // camel-catalog is on the test runtime classpath only (see the pom), so its two entry points are reached by
        // name; everything else goes through camel-core-catalog's types
        Class<?> type = Class.forName("org.apache.camel.catalog.DefaultCamelCatalog");
        catalog = (AbstractCamelCatalog) type.getConstructor().newInstance();
        type.getMethod("addComponent", String.class, String.class, String.class)
                .invoke(catalog, "halopsa", HaloPsaComponent.class.getName(), componentJson());
    }

    @Test
    void catalogDescribesTheComponentFromOurJson() {
        assertThat(catalog.componentModel("halopsa").getTitle()).isEqualTo("HaloPSA");
        assertThat(catalog.componentModel("halopsa").getArtifactId()).isEqualTo("camel-halopsa");
        assertThat(catalog.componentModel("halopsa").getEndpointOptions())
                .anySatisfy(option -> {
                    assertThat(option.getName()).isEqualTo("clientSecret");
                    assertThat(option.isSecret()).isTrue();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "halopsa:ticket",
            "halopsa:ticket?operation=get&id=42",
            "halopsa:action?operation=get&id=3&ticketId=1001",
            "halopsa:client?query.search=acme&pageSize=50&maxResults=200",
            "halopsa:ticket?operation=addOrUpdate",
            "halopsa:report?operation=preview&sql=select 1",
            "halopsa:api?path=/Agent/me&method=POST",
            "halopsa:agent?clientId={{halo.id}}&clientSecret={{halo.secret}}&resourceServer=example.halopsa.com",
            "halopsa:ticket?clientSecret=RAW(a+b%c)&tenant=acme&onPremise=false&responseTimeout=30000",
            "halopsa:ticketType",
            "halopsa:kbArticle?pageNo=2"
    })
    void urisUsersWriteAreValid(String uri) {
        EndpointValidationResult result = catalog.validateEndpointProperties(uri);

        assertThat(result.isSuccess()).as(() -> result.summaryErrorMessage(false)).isTrue();
    }

    @Test
    void misspelledOptionIsReportedByName() {
        EndpointValidationResult result = catalog.validateEndpointProperties("halopsa:ticket?opertion=get&id=42");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getUnknown()).containsExactly("opertion");
    }

    @Test
    void unknownOperationIsReportedWithTheValidChoices() {
        EndpointValidationResult result = catalog.validateEndpointProperties("halopsa:ticket?operation=update");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidEnum()).containsEntry("operation", "update");
        assertThat(result.getEnumChoices("operation"))
                .containsExactly("list", "get", "addOrUpdate", "delete", "preview", "request");
    }

    @Test
    void unknownEntityIsReportedWithTheValidChoices() {
        EndpointValidationResult result = catalog.validateEndpointProperties("halopsa:tickets?operation=list");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidEnum()).containsEntry("entity", "tickets");
        assertThat(result.getEnumChoices("entity")).contains("ticket", "client", "kbArticle", "api");
    }

    @Test
    void wronglyTypedValuesAreReported() {
        EndpointValidationResult result = catalog.validateEndpointProperties(
                "halopsa:ticket?pageSize=many&onPremise=yes&connectTimeout=soon");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidInteger()).containsEntry("pageSize", "many").containsEntry("connectTimeout", "soon");
        assertThat(result.getInvalidBoolean()).containsEntry("onPremise", "yes");
    }

    @Test
    void toolingThatBuildsAUriKeepsTheSecretIntactAndLogsMaskIt() throws Exception {
        String uri = catalog.asEndpointUri("halopsa",
                Map.of("entity", "ticket", "clientSecret", "s3+cr&t", "operation", "get"), false);

        // secret: true in our JSON makes the catalog wrap the value in RAW(), so + and & survive URI parsing
        assertThat(uri).isEqualTo("halopsa:ticket?clientSecret=RAW(s3+cr&t)&operation=get");
        assertThat(URISupport.sanitizeUri(uri)).doesNotContain("s3+cr&t");
    }

    private static String componentJson() throws IOException {
        try (InputStream in = CatalogValidationTest.class.getResourceAsStream(COMPONENT_JSON)) {
            assertThat(in).as("generated " + COMPONENT_JSON).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
