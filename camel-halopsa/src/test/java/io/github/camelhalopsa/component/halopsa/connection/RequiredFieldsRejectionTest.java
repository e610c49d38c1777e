package io.github.camelhalopsa.component.halopsa.connection;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which fields Halo's 400 messages ask for, in the wordings seen from Halo and its peers. */
class RequiredFieldsRejectionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The client_id field is required.                                  | client_id
            [0].client_id: The client_id field is required.                   | client_id
            Email, Name, Department is missing                                | Email;Name;Department
            Details and Category are required                                 | Details;Category
            Missing mandatory fields: Approver, Cost Centre                   | Approver;Cost Centre
            [0].CFEmail: This field is required; [0].CFCostCentre: It is mandatory | CFEmail;CFCostCentre
            An Outcome must be entered for this Action                        | Outcome
            'Department' is mandatory. 'Cost Centre' is mandatory.            | Department;Cost Centre
            """)
    void namesTheFieldsHaloAsksFor(String message, String expected) {
        RequiredFieldsRejection rejection = RequiredFieldsRejection.in(message);

        assertThat(rejection).isNotNull();
        assertThat(rejection.fields()).containsExactlyElementsOf(List.of(expected.split(";")));
        assertThat(rejection.approval()).isFalse();
        assertThat(rejection.hint()).startsWith("HaloPSA asks for: " + String.join(", ", expected.split(";")) + ".")
                .contains("make them optional");
    }

    @ParameterizedTest
    @ValueSource(strings = { "CODE:APP03/2 Please select the CAB members to approve", "The CAB ID is invalid" })
    void recognisesCabApprovals(String message) {
        RequiredFieldsRejection rejection = RequiredFieldsRejection.in(message);

        assertThat(rejection.approval()).isTrue();
        assertThat(rejection.hint()).contains("new_approvalprocess_cab_id").contains("ticket type");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "Invalid date", "You do not have access to this Action at the moment", "Ticket not found" })
    void leavesOtherMessagesAlone(String message) {
        assertThat(RequiredFieldsRejection.in(message)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Required", "This field is required", "Please enter" })
    void asksWithoutNamesStillExplainsTheWayOut(String message) {
        RequiredFieldsRejection rejection = RequiredFieldsRejection.in(message);

        assertThat(rejection.fields()).isEmpty();
        assertThat(rejection.hint()).startsWith("Either pass these fields");
    }
}
