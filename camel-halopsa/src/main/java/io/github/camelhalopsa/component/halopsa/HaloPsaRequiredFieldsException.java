package io.github.camelhalopsa.component.halopsa;

import java.util.List;

/**
 * HaloPSA refused a record (400) because fields it requires were not filled, such as mandatory custom fields of the
 * ticket type, or because the ticket type's approval process needs CAB members. The message names what Halo asked
 * for and the two ways out: pass the fields, or make them optional in HaloPSA.
 */
public class HaloPsaRequiredFieldsException extends HaloPsaException {

    private static final long serialVersionUID = 1L;

    private final List<String> requiredFields;
    private final boolean approvalRequired;

    public HaloPsaRequiredFieldsException(String message, int statusCode, String statusText, String call,
                                          String haloMessage, List<String> requiredFields, boolean approvalRequired) {
        super(message, statusCode, statusText, call, haloMessage);
        this.requiredFields = List.copyOf(requiredFields);
        this.approvalRequired = approvalRequired;
    }

    /** The fields Halo's message names, as it names them (labels or field names); empty if it names none. */
    public List<String> getRequiredFields() {
        return requiredFields;
    }

    /** Whether Halo asked for an approval setting (CAB members) rather than, or as well as, plain fields. */
    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    /** The same error with more explanation appended to its message. */
    public HaloPsaRequiredFieldsException withDetail(String detail) {
        String message = getMessage();
        String separator = message.endsWith(".") ? " " : ". ";
        HaloPsaRequiredFieldsException copy = new HaloPsaRequiredFieldsException(message + separator + detail,
                getHttpResponseCode(), getHttpResponseStatus(), getCall(), getHaloMessage(), requiredFields,
                approvalRequired);
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
