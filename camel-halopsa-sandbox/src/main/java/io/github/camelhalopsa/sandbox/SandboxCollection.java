package io.github.camelhalopsa.sandbox;

import java.util.Locale;
import java.util.Optional;

/**
 * The HaloPSA collections the sandbox serves: API path, the key a list answer wraps its records in (null for a bare
 * JSON array), whether Halo's spec documents {@code pageinate} paging on the list, the largest page Halo serves, and
 * the OAuth scope area that guards it.
 * <p>
 * Paths, list keys and paging are the facts of the component's entity catalogue ({@code HaloPsaEntity}; a test in
 * camel-halopsa keeps the two in step), taken from Halo's OpenAPI document and the project's API notes (§2.4, §2.6).
 * The sandbox is the server side, so it keeps its own copy rather than depending on the component. Priority, Category
 * and AssetType are reference lists beyond the component's catalogue; their list shape is not documented anywhere the
 * project could read, so the sandbox answers them as bare arrays like the other reference lists.
 */
public enum SandboxCollection {

    action("/Actions", "actions", false, "tickets"),
    // paged in Halo's newer description (S2: pageinate, page_no, page_size on GET /Agent), still a bare array
    agent("/Agent", null, true, null),
    appointment("/Appointment", "appointments", true, "calendar"),
    // "/Asset serves 50 however large the page size" (API notes §2.6: I-HaloAPI#90, I-Servosity#209)
    asset("/Asset", "assets", true, "assets", 50),
    assetType("/AssetType", null, false, null),
    attachment("/Attachment", "attachments", false, "tickets"),
    category("/Category", null, false, null),
    client("/Client", "clients", true, "customers"),
    contract("/ClientContract", "contracts", true, "contracts"),
    invoice("/Invoice", "invoices", true, "invoices"),
    item("/Item", "items", true, "items"),
    kbArticle("/KBArticle", "articles", true, "kb"),
    opportunity("/Opportunities", "tickets", true, "crm"),
    organisation("/Organisation", null, false, null),
    priority("/Priority", null, false, null),
    project("/Projects", "tickets", true, "projects"),
    quote("/Quotation", "quotes", true, "quotes"),
    report("/Report", "reports", true, "reporting"),
    site("/Site", "sites", true, "customers"),
    status("/Status", null, false, null),
    supplier("/Supplier", "suppliers", true, "suppliers"),
    team("/Team", null, false, null),
    ticket("/Tickets", "tickets", true, "tickets"),
    ticketType("/TicketType", null, false, null),
    topLevel("/TopLevel", "tree", true, "customers"),
    user("/Users", "users", true, "customers");

    /** Halo's page-size cap ("Maximum size: 100" in its spec; I-HaloAPI#90). */
    public static final int MAX_PAGE_SIZE = 100;

    private final String path;
    private final String listKey;
    private final boolean paged;
    private final String scopeArea;
    private final int maxPageSize;

    SandboxCollection(String path, String listKey, boolean paged, String scopeArea) {
        this(path, listKey, paged, scopeArea, MAX_PAGE_SIZE);
    }

    SandboxCollection(String path, String listKey, boolean paged, String scopeArea, int maxPageSize) {
        this.path = path;
        this.listKey = listKey;
        this.paged = paged;
        this.scopeArea = scopeArea;
        this.maxPageSize = maxPageSize;
    }

    /** The path under /api, e.g. {@code /Tickets}. */
    public String path() {
        return path;
    }

    /** The key of a wrapped list answer; null where Halo answers a bare JSON array. */
    public String listKey() {
        return listKey;
    }

    /** Whether the list honours {@code pageinate}, {@code page_no} and {@code page_size}. */
    public boolean isPaged() {
        return paged;
    }

    /** The largest page Halo serves for this list. */
    public int maxPageSize() {
        return maxPageSize;
    }

    /**
     * The scope area guarding the collection, as in {@code read:tickets} / {@code edit:tickets}; null for reference
     * lists (agents, teams, statuses, ...) that any token may read and only {@code all} or {@code admin} may change.
     */
    String scopeArea() {
        return scopeArea;
    }

    /** Tickets, opportunities and projects are one table in Halo ({@code Faults}), so they share one id sequence. */
    String idSequence() {
        return this == opportunity || this == project ? ticket.name() : name();
    }

    /** Halo numbers actions per ticket; their key is (ticket_id, id). */
    public boolean isKeyedByTicket() {
        return this == action;
    }

    /**
     * A text field of the collection's POST schema in Halo's spec ({@code InvoiceHeader.invoicenumber},
     * {@code Faults.summary}, ...), for a test that writes a record and reads it back.
     */
    public String textField() {
        return switch (this) {
            case action, attachment -> "note";
            case category -> "category_name";
            case appointment -> "subject";
            case asset -> "inventory_number";
            case contract -> "ref";
            case invoice -> "invoicenumber";
            case opportunity, project, ticket -> "summary";
            case quote -> "title";
            default -> "name";
        };
    }

    /**
     * The field in which Halo records when a record last changed, as its spec's schemas name it ({@code Faults},
     * {@code Area}, {@code Site}, {@code Device}, {@code Users}); null for collections the sandbox keeps no such time
     * for. Actions carry their {@code datetime} instead.
     */
    public String lastChangeField() {
        return switch (this) {
            case ticket, opportunity, project -> "last_update";
            case client -> "alastupdate";
            case site -> "slastupdate";
            case asset -> "dlastupdate";
            case user -> "ulastupdate";
            default -> null;
        };
    }

    /** Halo's priorities ({@code Policy}) have UUIDs for ids and the priority number in {@code priorityid}. */
    boolean hasUuidIds() {
        return this == priority;
    }

    /** Tickets are deleted softly: they leave the lists and come back with {@code deleted=true}. */
    boolean isSoftDeleted() {
        return this == ticket || this == opportunity || this == project;
    }

    /** Halo matches paths without regard to case ({@code /tickets} and {@code /Tickets} alike). */
    public static Optional<SandboxCollection> byPath(String segment) {
        String wanted = "/" + segment.toLowerCase(Locale.ROOT);
        for (SandboxCollection collection : values()) {
            if (collection.path.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(collection);
            }
        }
        return Optional.empty();
    }
}
