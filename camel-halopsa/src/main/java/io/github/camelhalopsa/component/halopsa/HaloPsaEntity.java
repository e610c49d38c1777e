package io.github.camelhalopsa.component.halopsa;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.addOrUpdate;
import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.delete;
import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.get;
import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.list;
import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.preview;
import static io.github.camelhalopsa.component.halopsa.HaloPsaOperation.request;

/**
 * The entity table: every fact the component knows about one HaloPSA entity, in one row. Nothing elsewhere asks
 * "which entity is this"; it asks the row.
 * <ul>
 * <li>the collection path under /api;</li>
 * <li>the key a wrapped list answer holds the records under (null for a bare JSON array);</li>
 * <li>the most records Halo serves per page (100; {@code /Asset} serves 50 whatever is asked);</li>
 * <li>the operations it supports;</li>
 * <li>its {@link Trait}s: paged list, custom fields on the list, records keyed by ticket, file answers, and which
 * triggers it starts a route with;</li>
 * <li>for the triggers, its {@link Changes}: the last-change time field and the list's "changed from" parameter.</li>
 * </ul>
 * Sources: Halo's OpenAPI documents (the published one: paging on 16 of these lists; Halo's newer generated one, as
 * read in covenanttechnologysolutions/halopsa-rest: paging on {@code /Agent} as well, and include_custom_fields on the
 * ticket, opportunity, project, client, site, asset, item and user lists), the list shapes and page caps recorded
 * from real tenants in the project's notes (Servosity msp-skills issue 203 and its changelog for the 50-row
 * {@code /Asset} cap), and peers for the rest. The last-change fields are the published spec's (Faults
 * {@code last_update}, Area {@code alastupdate}, Site {@code slastupdate}, Device {@code dlastupdate}, Users
 * {@code ulastupdate}, Actions {@code datetime}), as are the list parameters {@code lastupdatefromdate} and
 * {@code startdate}; what Halo does with them is not recorded, so the triggers stay right if it ignores them.
 */
public enum HaloPsaEntity {

    action("/Actions", "actions", Ops.CRUD, Changes.of("datetime", "startdate"), Trait.KEYED_BY_TICKET,
            Trait.NEW_RECORD_TRIGGER),
    agent("/Agent", null, Ops.CRUD, Trait.PAGED),
    appointment("/Appointment", "appointments", Ops.CRUD, Trait.PAGED),
    asset("/Asset", "assets", 50, Ops.CRUD, Changes.of("dlastupdate", "lastupdatefromdate"), Trait.PAGED,
            Trait.CUSTOM_FIELDS_ON_LIST, Trait.ASSET_FIELDS, Trait.NEW_RECORD_TRIGGER, Trait.CHANGE_TRIGGER),
    attachment("/Attachment", "attachments", Ops.CRUD, Trait.FILES),
    client("/Client", "clients", Ops.CRUD, Changes.of("alastupdate", "lastupdatefromdate"), Trait.PAGED,
            Trait.CUSTOM_FIELDS_ON_LIST, Trait.NEW_RECORD_TRIGGER, Trait.CHANGE_TRIGGER),
    contract("/ClientContract", "contracts", Ops.CRUD, Trait.PAGED),
    invoice("/Invoice", "invoices", Ops.CRUD, Trait.PAGED),
    item("/Item", "items", Ops.CRUD, Trait.PAGED, Trait.CUSTOM_FIELDS_ON_LIST),
    kbArticle("/KBArticle", "articles", Ops.CRUD, Trait.PAGED),
    opportunity("/Opportunities", "tickets", Ops.CRUD, Trait.PAGED, Trait.CUSTOM_FIELDS_ON_LIST),
    organisation("/Organisation", null, Ops.CRUD),
    project("/Projects", "tickets", Ops.CRUD, Trait.PAGED, Trait.CUSTOM_FIELDS_ON_LIST),
    quote("/Quotation", "quotes", Ops.CRUD, Trait.PAGED),
    report("/Report", "reports", Ops.REPORT, Trait.PAGED),
    site("/Site", "sites", Ops.CRUD, Changes.of("slastupdate", "lastupdatefromdate"), Trait.PAGED,
            Trait.CUSTOM_FIELDS_ON_LIST, Trait.NEW_RECORD_TRIGGER, Trait.CHANGE_TRIGGER),
    status("/Status", null, Ops.CRUD),
    supplier("/Supplier", "suppliers", Ops.CRUD, Trait.PAGED),
    team("/Team", null, Ops.CRUD),
    ticket("/Tickets", "tickets", Ops.CRUD, Changes.of("last_update", "lastupdatefromdate"), Trait.PAGED,
            Trait.CUSTOM_FIELDS_ON_LIST, Trait.NEW_RECORD_TRIGGER, Trait.CHANGE_TRIGGER),
    ticketType("/TicketType", null, Ops.CRUD),
    topLevel("/TopLevel", "tree", Ops.CRUD, Trait.PAGED),
    user("/Users", "users", Ops.CRUD, Changes.of("ulastupdate", "lastupdatefromdate"), Trait.PAGED,
            Trait.CUSTOM_FIELDS_ON_LIST, Trait.NEW_RECORD_TRIGGER, Trait.CHANGE_TRIGGER),
    /** Not an entity: the generic authenticated request to any path under /api. */
    api(null, null, EnumSet.of(request));

    /** The most records Halo serves in one page of any list, whatever page_size asks for. */
    public static final int MAX_PAGE_SIZE = 100;

    /** What sets an entity apart from the plain collection. */
    public enum Trait {
        /** Halo's spec documents {@code pageinate}, {@code page_size} and {@code page_no} on the list. */
        PAGED,
        /** The list takes {@code include_custom_fields}; other lists leave custom fields out. */
        CUSTOM_FIELDS_ON_LIST,
        /** Records carry custom fields in {@code fields} as well as {@code customfields}. */
        ASSET_FIELDS,
        /** Halo numbers the records per ticket: one record is addressed by its id and {@code ticket_id}. */
        KEYED_BY_TICKET,
        /** {@code GET /X/{id}} answers the file itself rather than JSON. */
        FILES,
        /** {@code from("halopsa:X")} starts a route that fires for each new record ({@code trigger=new}). */
        NEW_RECORD_TRIGGER,
        /** {@code from("halopsa:X?trigger=updated")} fires for each change of a record. */
        CHANGE_TRIGGER
    }

    /**
     * How a list tells what changed: the field holding a record's last-change time (for actions, the time of the
     * action) and the list's query parameter that asks for records changed from a time on.
     */
    public record Changes(String timeField, String sinceParameter) {
        static Changes of(String timeField, String sinceParameter) {
            return new Changes(timeField, sinceParameter);
        }
    }

    private final String path;
    private final String listKey;
    private final int maxPageSize;
    private final Set<HaloPsaOperation> operations;
    private final Set<Trait> traits;
    private final Changes changes;

    HaloPsaEntity(String path, String listKey, Set<HaloPsaOperation> operations, Trait... traits) {
        this(path, listKey, MAX_PAGE_SIZE, operations, null, traits);
    }

    HaloPsaEntity(String path, String listKey, Set<HaloPsaOperation> operations, Changes changes, Trait... traits) {
        this(path, listKey, MAX_PAGE_SIZE, operations, changes, traits);
    }

    HaloPsaEntity(String path, String listKey, int maxPageSize, Set<HaloPsaOperation> operations, Changes changes,
                  Trait... traits) {
        this.path = path;
        this.listKey = listKey;
        this.maxPageSize = maxPageSize;
        this.operations = operations;
        this.changes = changes;
        this.traits = traits.length == 0 ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(Arrays.asList(traits));
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
        return has(Trait.PAGED);
    }

    /** The most records one page of this list holds, whatever page_size asks for. */
    public int maxPageSize() {
        return maxPageSize;
    }

    /** How the list tells what changed; null for entities no trigger reads by time. */
    public Changes changes() {
        return changes;
    }

    public boolean has(Trait trait) {
        return traits.contains(trait);
    }

    /** The entities with a trait, in table order, for error messages that say what would be valid. */
    public static List<HaloPsaEntity> with(Trait trait) {
        return Arrays.stream(values()).filter(entity -> entity.has(trait)).toList();
    }

    public Set<HaloPsaOperation> operations() {
        return operations;
    }

    public boolean supports(HaloPsaOperation operation) {
        return operations.contains(operation);
    }

    public HaloPsaOperation defaultOperation() {
        return operations.contains(list) ? list : request;
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
