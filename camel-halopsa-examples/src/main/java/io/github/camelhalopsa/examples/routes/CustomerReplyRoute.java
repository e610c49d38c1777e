package io.github.camelhalopsa.examples.routes;

import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Workflow 4: a customer's reply on a closed ticket reopens it and tells the agent. The route starts from the
 * new-action trigger, narrowed to the conversation with the customer; a reply by an end user on a closed ticket sets
 * the ticket to an open status and adds a private note, flagged important, for its agent. The YAML twin is
 * {@code routes/customer-reply.yaml}.
 */
public class CustomerReplyRoute extends RouteBuilder {

    @Override
    public void configure() {
        // one exchange per new action on any ticket, its body the action as HaloPSA lists it
        from("{{examples.replies.from}}").routeId("customer-reply")
                // the conversation also holds agents' e-mails and workflow 1's acknowledgements
                .filter(method("replies", "isCustomerReply"))
                .setVariable("reply", body())
                .setHeader(HaloPsaConstants.ID, header(HaloPsaConstants.TICKET_ID))
                .to("halopsa:ticket?operation=get")
                .setVariable("ticket", body())
                .filter(method("replies", "isClosed"))
                .setBody(method("replies", "reopening"))
                .to("halopsa:ticket?operation=addOrUpdate")
                .setBody(method("replies", "agentNote"))
                .to("halopsa:action?operation=addOrUpdate")
                .bean("run", "ticketReopened");
    }
}
