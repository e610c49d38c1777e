package io.github.camelhalopsa.examples.newtickets;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Reacts to each new HaloPSA ticket: logs it and files a private note on it saying it was received. The same route
 * in YAML is {@code new-tickets/new-tickets.yaml}.
 * <p>
 * The trigger keeps its watermark in the bean {@code ticketState} (a DurableFileStateRepository, see
 * {@code new-tickets/application.properties}), so a restart delivers the tickets created while it was down, and none
 * twice. If the note cannot be saved, the exchange fails and the ticket comes again on the next poll.
 */
public class NewTicketRoutes extends RouteBuilder {

    @Override
    public void configure() {
        String outcome = getCamelContext().resolvePropertyPlaceholders("{{newTickets.outcome}}");
        from("halopsa:ticket?stateRepository=#ticketState&delay={{newTickets.delay:30000}}")
                .routeId("new-tickets")
                .log("New ticket #${header." + HaloPsaConstants.ID + "} from ${body[client_name]}: ${body[summary]}")
                .process(exchange -> {
                    Map<String, Object> note = new LinkedHashMap<>();
                    note.put("ticket_id", Long.valueOf(exchange.getIn().getHeader(HaloPsaConstants.ID, String.class)));
                    note.put("outcome", outcome);
                    note.put("note", "Received by the intake route; an agent will pick it up shortly.");
                    note.put("hiddenfromuser", true);
                    exchange.getIn().setBody(note);
                })
                .to("halopsa:action?operation=addOrUpdate")
                .log("Acknowledged ticket #${header." + HaloPsaConstants.ID + "} with action ${body[id]}");
    }
}
