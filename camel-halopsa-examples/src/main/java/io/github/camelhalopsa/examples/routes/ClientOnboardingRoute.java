package io.github.camelhalopsa.examples.routes;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

/**
 * Workflow 3: a client signs a contract. Each signed contract (a JSON file dropped into
 * {@code examples.onboarding.inbox}) creates the client, its site and the contract, and opens the onboarding tickets.
 * The YAML twin is {@code routes/client-onboarding.yaml}.
 */
public class ClientOnboardingRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{examples.onboarding.inbox}}?include=.*[.]json&sortBy=file:name&move=.processed&delay=1000")
                .routeId("client-onboarding")
                .unmarshal().json()
                .setVariable("signed", body())
                .setBody(method("onboarding", "client"))
                .to("halopsa:client?operation=addOrUpdate")
                .setVariable("client", body())
                .setBody(method("onboarding", "site"))
                .to("halopsa:site?operation=addOrUpdate")
                .setVariable("site", body())
                .setBody(method("onboarding", "mainSite"))
                .to("halopsa:client?operation=addOrUpdate")
                .setVariable("client", body())
                .setBody(method("onboarding", "contract"))
                .to("halopsa:contract?operation=addOrUpdate")
                .setVariable("contract", body())
                .setBody(method("onboarding", "tickets"))
                // one POST per ticket: Halo answers a POST with the last record saved only
                .split(body(), new GroupedBodyAggregationStrategy())
                    .to("halopsa:ticket?operation=addOrUpdate")
                .end()
                .bean("run", "clientOnboarded");
    }
}
