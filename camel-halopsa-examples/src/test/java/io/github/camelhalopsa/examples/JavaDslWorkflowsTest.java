package io.github.camelhalopsa.examples;

import org.junit.jupiter.api.BeforeAll;

/** The four workflows as Java DSL routes (io.github.camelhalopsa.examples.routes). */
class JavaDslWorkflowsTest extends WorkflowsTestSupport {

    @BeforeAll
    static void startJavaRoutes() throws Exception {
        start("java");
    }
}
