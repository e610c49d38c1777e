package io.github.camelhalopsa.component.halopsa;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.addOrUpdate;
import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.delete;
import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.get;
import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.list;
import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.preview;
import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.request;

/**
 * The entity catalogue: one row per HaloPSA entity, naming its API path, the key its list answer
 * wraps the records in (null for a bare JSON array), whether Halo's spec documents paging on its
 * list, and the operations it supports.
 * <p>
 * Paging and list keys: Halo's OpenAPI document (paging parameters on 16 of these lists) and the
 * list shapes collected in the project's API notes (Halo's {@code *_View} schemas and peers).
 */
public enum HaloPsaEntity {

    action("/Actions", "actions", false, Ops.CRUD),
    agent("/Agent", null, false, Ops.CRUD),
    appointment("/Appointment", "appointments", true, Ops.CRUD),
    asset("/Asset", "assets", true, Ops.CRUD),
    attachment("/Attachment", "attachments", false, Ops.CRUD),
    client("/Client", "clients", true, Ops.CRUD),
    contract("/ClientContract", "contracts", true, Ops.CRUD),
    invoice("/Invoice", "invoices", true, Ops.CRUD),
    item("/Item", "items", true, Ops.CRUD),
    kbArticle("/KBArticle", "articles", true, Ops.CRUD),
    opportunity("/Opportunities", "tickets", true, Ops.CRUD),
    organisation("/Organisation", null, false, Ops.CRUD),
    project("/Projects", "tickets", true, Ops.CRUD),
    quote("/Quotation", "quotes", true, Ops.CRUD),
    report("/Report", "reports", true, Ops.REPORT),
    site("/Site", "sites", true, Ops.CRUD),
    status("/Status", null, false, Ops.CRUD),
    supplier("/Supplier", "suppliers", true, Ops.CRUD),
    team("/Team", null, false, Ops.CRUD),
    ticket("/Tickets", "tickets", true, Ops.CRUD),
    ticketType("/TicketType", null, false, Ops.CRUD),
    topLevel("/TopLevel", "tree", true, Ops.CRUD),
    user("/Users", "users", true, Ops.CRUD),
    /** Not an entity: the generic authenticated request to any path under /api. */
    api(null, null, false, EnumSet.of(request));

    private final String path;
    private final String listKey;
    private final boolean paged;
    private final Set<HaloPsaOperation> operations;

    HaloPsaEntity(String path, String listKey, boolean paged, Set<HaloPsaOperation> operations) {
        this.path = path;
        this.listKey = listKey;
        this.paged = paged;
        this.operations = operations;
    }

    /** The collection path under /api, e.g. {@code /Tickets}; null for {@link #api}. */
    public String path() {
        return path;
    }

    /** The property that holds the records in a wrapped list answer; null where Halo answers a bare array. */
    public String listKey() {
        return listKey;
    }

    /** Whether Halo's spec documents {@code pageinate}, {@code page_size} and {@code page_no} on the list. */
    public boolean isPaged() {
        return paged;
    }

    public Set<HaloPsaOperation> operations() {
        return operations;
    }

    public boolean supports(HaloPsaOperation operation) {
        return operations.contains(operation);
    }

    public HaloPsaOperation defaultOperation() {
        return this == api ? request : list;
    }

    /** Resolves a URI path segment, ignoring case, with an error listing the valid names. */
    public static HaloPsaEntity fromUri(String name) {
        for (HaloPsaEntity entity : values()) {
            if (entity.name().equalsIgnoreCase(name)) {
                return entity;
            }
        }
        throw new IllegalArgumentException("Unknown HaloPSA entity '" + name + "' in halopsa:" + name
                + ". Valid entities: " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static final class Ops {
        static final Set<HaloPsaOperation> CRUD = EnumSet.of(list, get, addOrUpdate, delete);
        static final Set<HaloPsaOperation> REPORT = EnumSet.of(list, get, addOrUpdate, delete, preview);
    }
}
