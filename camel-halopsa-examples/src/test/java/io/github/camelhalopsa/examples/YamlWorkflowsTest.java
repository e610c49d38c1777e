package io.github.camelhalopsa.examples;

import org.junit.jupiter.api.BeforeAll;

/** The four workflows as YAML routes (routes/*.yaml). */
class YamlWorkflowsTest extends WorkflowsTestSupport {

    @BeforeAll
    static void startYamlRoutes() throws Exception {
        start("yaml");
    }
}
