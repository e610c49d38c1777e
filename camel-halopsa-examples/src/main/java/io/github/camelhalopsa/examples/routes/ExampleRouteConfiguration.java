package io.github.camelhalopsa.examples.routes;

import org.apache.camel.builder.RouteConfigurationBuilder;

/** For every route, Java or YAML: a failure is told in one line and counted, and the run goes on. */
public class ExampleRouteConfiguration extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration()
                .onException(Exception.class).handled(true)
                .bean("run", "failed");
    }
}
