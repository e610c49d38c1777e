package io.github.camelhalopsa.component.halopsa;

import org.apache.camel.spi.Metadata;

/** Message headers of the halopsa component. */
public final class HaloPsaConstants {

    @Metadata(label = "producer", description = "The operation to perform, overriding the endpoint's operation option: "
                                                + "list, get, addOrUpdate, delete, preview or request.",
              javaType = "io.github.camelhalopsa.component.halopsa.HaloPsaOperation")
    public static final String OPERATION = "CamelHaloPsaOperation";

    @Metadata(description = "Id of the record for get, delete and report preview (overrides the id option). "
                            + "Set on every exchange of a trigger (splitResult=true) to the record's id.",
              javaType = "String")
    public static final String ID = "CamelHaloPsaId";

    @Metadata(description = "Ticket id for action get, delete and addOrUpdate: Halo numbers actions per ticket "
                            + "(overrides the ticketId option). Set by the new-action trigger (from halopsa:action) to the "
                            + "action's ticket.",
              javaType = "String")
    public static final String TICKET_ID = "CamelHaloPsaTicketId";

    @Metadata(label = "producer", description = "HaloPSA query parameters by name, merged over the query.* options.",
              javaType = "java.util.Map<String, Object>")
    public static final String QUERY = "CamelHaloPsaQuery";

    @Metadata(description = "Records in the whole list as HaloPSA counted them (record_count), or the number of records "
                            + "or rows returned where Halo gives no count (with streamList, set only where Halo gives a "
                            + "count). On a trigger with splitResult=false: the number of records in the exchange.",
              javaType = "Integer")
    public static final String RECORD_COUNT = "CamelHaloPsaRecordCount";

    @Metadata(label = "consumer", description = "What the trigger that made the exchange fires on: the entity and the "
                                                + "kind, for example ticket.new, ticket.updated, action.new or "
                                                + "client.updated.",
              javaType = "String")
    public static final String TRIGGER = "CamelHaloPsaTrigger";

    @Metadata(label = "producer", description = "HTTP method of a generic api request: GET, POST or DELETE.",
              javaType = "String")
    public static final String METHOD = "CamelHaloPsaMethod";

    @Metadata(label = "producer", description = "Path of a generic api request under /api, for example /Agent/me.",
              javaType = "String")
    public static final String PATH = "CamelHaloPsaPath";

    @Metadata(label = "producer", description = "SQL run by a report preview through Halo's report engine.",
              javaType = "String")
    public static final String SQL = "CamelHaloPsaSql";

    @Metadata(label = "producer", description = "File name of an attachment fetched with get, from Halo's "
                                                + "Content-Disposition.",
              javaType = "String")
    public static final String FILE_NAME = "CamelHaloPsaFileName";

    @Metadata(label = "producer", description = "HTTP status of HaloPSA's answer to a generic api request.",
              javaType = "Integer")
    public static final String RESPONSE_CODE = "CamelHaloPsaResponseCode";

    @Metadata(label = "producer", description = "Custom fields to include on list and get, by name (CFApprover), label "
                                                + "or id: a comma separated String or a Collection. Overrides the "
                                                + "customFields option.",
              javaType = "String")
    public static final String CUSTOM_FIELDS = "CamelHaloPsaCustomFields";

    @Metadata(label = "producer", description = "Whether addOrUpdate reads an existing record first and posts its other "
                                                + "custom fields along with the changed ones (one extra GET per record). "
                                                + "Overrides the mergeCustomFields option.",
              javaType = "Boolean")
    public static final String MERGE_CUSTOM_FIELDS = "CamelHaloPsaMergeCustomFields";

    private HaloPsaConstants() {
    }
}
