package io.github.camelhalopsa.component.halopsa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/**
 * HaloPSA-shaped ticket JSON, prepared once as bytes: a ticket is the template's head, its id, and the template's
 * tail. The fields are those of a ticket in Halo's {@code GET /api/Tickets} list answer (the spec's Faults view), with
 * plausible values, about 1.1 KB a ticket.
 */
final class TicketJson {

    private static final byte[] HEAD = bytes("{\"id\":");
    private static final byte[] CLOSE = bytes("]}");
    private static final byte[] TAIL = bytes(",\"dateoccurred\":\"2024-05-14T08:31:07.503Z\",\"summary\":\"Outlook keeps "
            + "asking for the password after the mailbox move\",\"details\":\"Since this morning Outlook on the reception PC "
            + "prompts for the password every few minutes. Webmail works. User has restarted twice.\","
            + "\"status_id\":2,\"status_name\":\"In Progress\",\"tickettype_id\":1,\"tickettype_name\":\"Incident\","
            + "\"sla_id\":1,\"priority_id\":3,\"client_id\":42,\"client_name\":\"Northwind Dental Group\",\"site_id\":57,"
            + "\"site_name\":\"Head Office\",\"user_id\":318,\"user_name\":\"Maria Anders\",\"team_id\":4,"
            + "\"team\":\"Service Desk\",\"agent_id\":7,\"category_1\":\"Email>Outlook\",\"category_2\":\"\","
            + "\"estimate\":0.5,\"estimatedays\":0.0,\"timetaken\":0.25,\"inactive\":false,\"excludefromsla\":false,"
            + "\"slaholdtime\":0.0,\"onhold\":false,\"flagged\":false,\"read\":true,\"reviewed\":false,"
            + "\"deadlinedate\":\"2024-05-15T08:31:07.503Z\",\"fixbydate\":\"2024-05-15T16:31:07.503Z\","
            + "\"respondbydate\":\"2024-05-14T09:31:07.503Z\",\"lastactiondate\":\"2024-05-14T09:02:44.120Z\","
            + "\"lastincomingemail\":\"2024-05-14T08:31:07.503Z\",\"impact\":3,\"urgency\":2,\"source\":1,"
            + "\"project_id\":0,\"releasenote\":\"\",\"matched_kb_id\":0,\"itil_requesttype_id\":1,"
            + "\"organisation_id\":0,\"department_id\":0,\"reportedby\":\"maria.anders@northwind.example\","
            + "\"emailtolist\":\"\",\"emailcclist\":\"servicedesk@msp.example\",\"child_count\":0,\"attachment_count\":1,"
            + "\"is_vip\":false,\"useful_count\":0,\"notuseful_count\":0,\"workflow_id\":3,\"workflow_step\":2,"
            + "\"cost\":0.0,\"quantity\":0,\"starttimeslot\":0,\"endtimeslot\":0,\"ticket_tags\":\"email,outlook\"}");

    private TicketJson() {
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static int ticketLength(int id) {
        return HEAD.length + digits(id) + TAIL.length;
    }

    static void writeTicket(HttpExchange exchange, int id) throws IOException {
        byte[] ticket = new byte[ticketLength(id)];
        putTicket(ticket, 0, id);
        BenchServer.send(exchange, 200, ticket);
    }

    /**
     * A list page, {"page_no":..,"page_size":..,"record_count":..,"tickets":[first..last]}, copied together from the
     * prepared pieces into one array and written at once: written piece by piece, the page would reach the client in
     * many small segments, and the client would spend its time waking up for each.
     */
    static void writePage(HttpExchange exchange, int page, int size, int recordCount, int first, int last)
            throws IOException {
        byte[] head = bytes("{\"page_no\":" + page + ",\"page_size\":" + size + ",\"record_count\":" + recordCount
                            + ",\"tickets\":[");
        int length = head.length + CLOSE.length;
        for (int id = first; id <= last; id++) {
            length += ticketLength(id) + (id > first ? 1 : 0);
        }
        byte[] body = new byte[length];
        System.arraycopy(head, 0, body, 0, head.length);
        int at = head.length;
        for (int id = first; id <= last; id++) {
            if (id > first) {
                body[at++] = ',';
            }
            at = putTicket(body, at, id);
        }
        System.arraycopy(CLOSE, 0, body, at, CLOSE.length);
        BenchServer.send(exchange, 200, body);
    }

    private static int putTicket(byte[] target, int at, int id) {
        System.arraycopy(HEAD, 0, target, at, HEAD.length);
        at += HEAD.length;
        byte[] digits = bytes(Integer.toString(id));
        System.arraycopy(digits, 0, target, at, digits.length);
        at += digits.length;
        System.arraycopy(TAIL, 0, target, at, TAIL.length);
        return at + TAIL.length;
    }

    private static int digits(int id) {
        return Integer.toString(id).length();
    }
}
