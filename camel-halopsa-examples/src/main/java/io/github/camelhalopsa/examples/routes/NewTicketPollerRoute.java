package io.github.camelhalopsa.examples.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * Finds new tickets by asking HaloPSA for the newest and keeping an id watermark, and hands each one to the triage
 * route. It stands in for the component's New Ticket consumer, which is not released yet. Once it is, the switch is
 * one line in application.properties, {@code examples.triage.from = halopsa:ticket}: the triage routes (Java and
 * YAML) start from that property, and this poller is only added while it names a {@code direct:} endpoint.
 * <p>
 * One poll is one request: at the default 30 s that is 10 of a Halo-hosted tenant's 300 requests per 5 minutes. More
 * than 100 new tickets between two polls would not all be seen; the consumer will page through them.
 */
public class NewTicketPollerRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:new-tickets?period={{examples.triage.poll-period}}").routeId("new-ticket-poller")
                .to("halopsa:ticket?operation=list&pageNo=1&pageSize=100&query.order=id&query.orderdesc=true")
                .bean("watermark", "newTickets")
                .split(body())
                    .to("{{examples.triage.from}}");
    }
}
