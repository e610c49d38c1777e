package io.github.camelhalopsa.example.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Lists the HaloPSA agents once and logs how many there are. */
@Component
public class AgentRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:halopsa-agents?repeatCount=1").routeId("halopsa-agents")
                .to("halopsa:agent")
                .log("HaloPSA has ${header.CamelHaloPsaRecordCount} agents, the first is ${body[0][name]}");
    }
}
