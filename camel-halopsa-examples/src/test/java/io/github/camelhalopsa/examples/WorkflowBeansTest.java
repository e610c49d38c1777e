package io.github.camelhalopsa.examples;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workflows' rules on their own: keyword triage, stock hand-overs, contract dates, customer replies. */
class WorkflowBeansTest {

    @Test
    void firstRuleWithAWholeWordKeywordWins() {
        TicketClassifier classifier = new TicketClassifier();
        classifier.setRules("Printing -> Service Desk: printer, print; Network -> Network: vpn, wi-fi");
        classifier.setFallback("General -> Triage Team");

        assertThat(classifier.classify(Map.of("summary", "Cannot print", "details", "and the VPN is down")))
                .extracting(Triage::getCategory, Triage::getTeam, Triage::getKeyword)
                .containsExactly("Printing", "Service Desk", "print");
        assertThat(classifier.classify(Map.of("summary", "New blueprint viewer", "details", "Wi-Fi is fine")))
                .extracting(Triage::getCategory, Triage::getKeyword).containsExactly("Network", "wi-fi");
        assertThat(classifier.classify(Map.of("summary", "Coffee machine"))).extracting(Triage::getTeam,
                Triage::getKeyword).containsExactly("Triage Team", null);
    }

    @Test
    void badlyWrittenRuleIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new TicketClassifier().setRules("Printing: printer"))
                .hasMessageContaining("examples.triage.rules").hasMessageContaining("Category -> Team");
    }

    @Test
    void onlyTicketsWithoutATeamNeedTriage() {
        TicketClassifier classifier = new TicketClassifier();

        assertThat(classifier.needsTriage(Map.of("id", 1))).isTrue();
        assertThat(classifier.needsTriage(Map.of("id", 1, "team", " "))).isTrue();
        assertThat(classifier.needsTriage(Map.of("id", 1, "team", "Network"))).isFalse();
    }

    @Test
    void assetsThatLeaveTheStockAreHandOvers() {
        StockWatch stock = new StockWatch();
        stock.setStockClient("Stock Room");
        assertThat(stock.useStockClient(List.of(Map.of("id", 4, "name", "Stock Roomers"),
                Map.of("id", 5, "name", "stock room")))).isTrue();

        assertThat(stock.handedOver(List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3)))).isEmpty();
        assertThat(stock.handedOver(List.of(Map.of("id", 2), Map.of("id", 4)))).containsExactly(1L, 3L);
        assertThat(stock.isWithACustomer(Map.of("id", 1, "client_id", 5))).isFalse();
        assertThat(stock.isWithACustomer(Map.of("id", 1, "client_id", 9))).isTrue();
        assertThat(stock.stockTaken(Map.of("id", 3, "quantity_in_stock", 0))).containsEntry("quantity_in_stock", 0.0);
    }

    @Test
    void contractRunsForItsMonthsToTheDayBefore() {
        ClientOnboarding onboarding = new ClientOnboarding();
        Map<String, Object> signed = Map.of("client", "Orchard Dental",
                "contract", Map.of("ref", "ORD-1", "start", "2024-01-31", "months", 1));

        Map<String, Object> contract = onboarding.contract(signed, Map.of("id", 6), Map.of("id", 7));

        assertThat(contract).containsEntry("start_date", "2024-01-31T00:00:00Z")
                .containsEntry("end_date", "2024-02-28T00:00:00Z").containsEntry("client_id", 6);
        assertThatThrownBy(() -> onboarding.contract(Map.of("contract", Map.of("ref", "X", "start", "31/01/2024")),
                Map.of("id", 6), Map.of("id", 7))).hasMessageContaining("is not a date like 2025-04-01");
        assertThatThrownBy(() -> onboarding.client(Map.of())).hasMessageContaining("'client'");
    }

    @Test
    void onlyAnEndUsersVisibleActionIsACustomerReply() {
        CustomerReplies replies = new CustomerReplies();

        assertThat(replies.isCustomerReply(Map.of("actionby_user_id", 3, "hiddenfromuser", false))).isTrue();
        assertThat(replies.isCustomerReply(Map.of("actionby_agent_id", 2, "hiddenfromuser", false))).isFalse();
        assertThat(replies.isCustomerReply(Map.of("actionby_user_id", 0, "actionby_agent_id", 1))).isFalse();
        assertThat(replies.isCustomerReply(Map.of("actionby_user_id", 3, "hiddenfromuser", true))).isFalse();
        assertThat(replies.isClosed(Map.of("status_id", 9))).isTrue();
        assertThat(replies.isClosed(Map.of("status_id", 2))).isFalse();
        assertThat(replies.reopening(Map.of("id", 7, "status_id", 9, "summary", "x")))
                .containsExactly(Map.entry("id", 7), Map.entry("status_id", 2));
    }
}
