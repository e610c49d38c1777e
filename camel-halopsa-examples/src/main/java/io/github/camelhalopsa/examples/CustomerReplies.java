package io.github.camelhalopsa.examples;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * Workflow 4's rules: a customer who replies on a closed ticket has not had their problem solved, so the ticket is
 * opened again and its agent gets a private note flagged important. Replies on open tickets, and anything an agent
 * writes, change nothing.
 */
public class CustomerReplies {

    private int closedStatusId = 9;
    private int reopenStatusId = 2;
    private String noteOutcome = "Private Note";

    /** The status id of closed tickets (9 in the sandbox's demo data). */
    public void setClosedStatusId(int closedStatusId) {
        this.closedStatusId = closedStatusId;
    }

    /** The open status a reopened ticket gets (2, In Progress, in the sandbox's demo data). */
    public void setReopenStatusId(int reopenStatusId) {
        this.reopenStatusId = reopenStatusId;
    }

    /** The outcome of the note to the agent; it must exist in your HaloPSA. */
    public void setNoteOutcome(String noteOutcome) {
        this.noteOutcome = noteOutcome;
    }

    /**
     * Whether an action is a customer's reply: written by an end user (Halo sets {@code actionby_user_id} on those)
     * and visible to them. An agent's note or e-mail, the acknowledgements of workflow 1 and this workflow's own notes
     * carry no end user.
     */
    public boolean isCustomerReply(@Body Map<String, Object> action) {
        return action.get("actionby_user_id") instanceof Number user && user.intValue() > 0
               && !Boolean.TRUE.equals(action.get("hiddenfromuser"));
    }

    public boolean isClosed(@Variable("ticket") Map<String, Object> ticket) {
        return ticket.get("status_id") instanceof Number status && status.intValue() == closedStatusId;
    }

    /** The ticket's update: its status only (Halo keeps the fields a POST leaves out). */
    public Map<String, Object> reopening(@Variable("ticket") Map<String, Object> ticket) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("id", ticket.get("id"));
        update.put("status_id", reopenStatusId);
        return update;
    }

    /** A private note for the ticket's agent, hidden from the customer and flagged important. */
    public Map<String, Object> agentNote(@Variable("ticket") Map<String, Object> ticket,
                                         @Variable("reply") Map<String, Object> reply) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("ticket_id", ticket.get("id"));
        note.put("outcome", noteOutcome);
        note.put("note", customer(ticket, reply) + " replied after this ticket was closed, so it is open again: \""
                         + reply.get("note") + "\"");
        note.put("hiddenfromuser", true);
        note.put("important", true);
        note.put("sendemail", false);
        return note;
    }

    /** Who replied: the action's author as Halo names it, or else the ticket's user. */
    static String customer(Map<String, Object> ticket, Map<String, Object> reply) {
        Object who = reply.get("who");
        if (who != null && !String.valueOf(who).isBlank()) {
            return String.valueOf(who);
        }
        Object user = ticket.get("user_name");
        return user == null ? "The customer" : String.valueOf(user);
    }
}
