package io.github.camelhalopsa.component.halopsa.customfields;

/**
 * One custom field as HaloPSA's {@code /FieldInfo} describes it.
 *
 * @param id    the id Halo's records use in {@code customfields[].id}
 * @param name  the field's name, which Halo prefixes with CF (for example CFApprover)
 * @param label what HaloPSA's screens show (for example Approver); may be null
 */
public record FieldDefinition(int id, String name, String label) {

    /** How errors name a field: {@code CFApprover ("Approver", id 12)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(name == null ? "(no name)" : name).append(" (");
        if (label != null && !label.isBlank() && !label.equals(name)) {
            text.append('"').append(label).append("\", ");
        }
        return text.append("id ").append(id).append(')').toString();
    }
}
