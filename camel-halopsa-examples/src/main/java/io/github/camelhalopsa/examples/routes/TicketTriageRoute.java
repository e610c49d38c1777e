package io.github.camelhalopsa.examples.routes;

import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Workflow 1: a new ticket is classified by keywords into a category and a team, assigned to that team, and the
 * customer gets an acknowledgement action. The YAML twin is {@code routes/ticket-triage.yaml}.
 */
public class TicketTriageRoute extends RouteBuilder {

    @Override
    public void configure() {
        // one exchange per new ticket, its body the ticket as HaloPSA lists it
        from("{{examples.triage.from}}").routeId("ticket-triage")
                // a ticket that already has a team (an onboarding ticket, say) is left as it is
                .filter(method("classifier", "needsTriage"))
                // a list row carries no details (Halo's list rows are not full records), so read the ticket itself
                .setHeader(HaloPsaConstants.ID, simple("${body[id]}"))
                .to("halopsa:ticket?operation=get")
                .setVariable("ticket", body())
                .setVariable("triage", method("classifier", "classify"))
                .setBody(method("classifier", "assignment"))
                .to("halopsa:ticket?operation=addOrUpdate")
                .setBody(method("classifier", "acknowledgement"))
                .to("halopsa:action?operation=addOrUpdate")
                .bean("run", "ticketTriaged");
    }
}
