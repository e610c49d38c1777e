package io.github.camelhalopsa.example.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * Lists the HaloPSA agents: once at startup, and whenever a message is sent to direct:agents (whose reply is the
 * list).
 */
public class AgentRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:halopsa-agents?repeatCount=1").routeId("halopsa-agents-at-startup")
                .to("direct:agents");

        from("direct:agents").routeId("halopsa-agents")
                .to("halopsa:agent")
                .log("HaloPSA has ${header.CamelHaloPsaRecordCount} agents, the first is ${body[0][name]}");
    }
}
