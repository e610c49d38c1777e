package io.github.camelhalopsa.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The sandbox's records, in memory, with the rules HaloPSA applies when they are written: POST is an upsert (an
 * {@code id} updates, none or 0 creates), tickets are deleted softly, actions are numbered per ticket and need an
 * outcome, attachments arrive as base64, and records carry the names of what they reference ({@code client_name}
 * beside {@code client_id}). The HTTP side and the test API both go through here, so a test sees what a route wrote.
 * <p>
 * Every method returns copies; one lock guards the whole store, which is plenty for a loopback server.
 */
public final class SandboxData {

    /** The demo data's closed status; {@code open_only} and {@code closed_only} lists go by it. */
    public static final int CLOSED_STATUS = 9;

    /** Where a name field comes from: {@code client_id} -> the client's {@code name} as {@code client_name}. */
    private static final Map<String, Reference> REFERENCES = Map.of(
            "client_id", new Reference(SandboxCollection.client, "client_name"),
            "site_id", new Reference(SandboxCollection.site, "site_name"),
            "user_id", new Reference(SandboxCollection.user, "user_name"),
            "toplevel_id", new Reference(SandboxCollection.topLevel, "toplevel_name"),
            "assettype_id", new Reference(SandboxCollection.assetType, "assettype_name"),
            "main_site_id", new Reference(SandboxCollection.site, "main_site_name"));

    private record Reference(SandboxCollection collection, String nameField) {
    }

    /** Told of every logged change, inside the store's lock: it must only hand the change on, never block. */
    interface ChangeListener {
        void changed(Change change);
    }

    /**
     * One logged write: the record as saved; for a ticket, its status before the write (0 when it is new) and, when
     * the write was an action added to it, that action (else null). Actions are told as the change of their ticket,
     * since that is how Halo's ticket events see them.
     */
    record Change(SandboxCollection collection, boolean created, Map<String, Object> record, int statusBefore,
                  Map<String, Object> action) {
    }

    private final Clock clock;
    private final Map<SandboxCollection, Map<String, Map<String, Object>>> tables = new EnumMap<>(SandboxCollection.class);
    private final Map<String, Integer> lastIds = new HashMap<>();
    private final Map<Integer, byte[]> attachmentContent = new HashMap<>();
    private final List<RecordVersion> changeLog = new ArrayList<>();
    private volatile ChangeListener listener = change -> {
    };

    SandboxData(Clock clock) {
        this.clock = clock;
        for (SandboxCollection collection : SandboxCollection.values()) {
            tables.put(collection, new LinkedHashMap<>());
        }
    }

    /** Every record of a collection in the order they were created, soft-deleted tickets included. */
    public synchronized List<Map<String, Object>> list(SandboxCollection collection) {
        List<Map<String, Object>> copies = new ArrayList<>();
        tables.get(collection).values().forEach(record -> copies.add(copy(record)));
        return copies;
    }

    public synchronized int size(SandboxCollection collection) {
        return tables.get(collection).size();
    }

    /** One record by id; for actions use {@link #action(int, int)}. */
    public synchronized Optional<Map<String, Object>> get(SandboxCollection collection, Object id) {
        requireNotAction(collection);
        return Optional.ofNullable(tables.get(collection).get(key(id))).map(SandboxData::copy);
    }

    public synchronized Optional<Map<String, Object>> action(int ticketId, int actionId) {
        return Optional.ofNullable(tables.get(SandboxCollection.action).get(actionKey(ticketId, actionId)))
                .map(SandboxData::copy);
    }

    /** The actions of one ticket, oldest first. */
    public synchronized List<Map<String, Object>> actions(int ticketId) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> action : tables.get(SandboxCollection.action).values()) {
            if (intValue(action.get("ticket_id")) == ticketId) {
                result.add(copy(action));
            }
        }
        return result;
    }

    /** The file content of an attachment, as it was posted in base64. */
    public synchronized Optional<byte[]> attachmentContent(int attachmentId) {
        return Optional.ofNullable(attachmentContent.get(attachmentId)).map(byte[]::clone);
    }

    /**
     * Adds or updates one record as a POST to Halo does, and returns it as saved.
     *
     * @throws SandboxRejection for a record Halo would refuse: an update of an id that does not exist (404), an
     *                          action without a ticket or an outcome, an attachment whose data is not base64 (400)
     */
    public synchronized Map<String, Object> save(SandboxCollection collection, Map<String, Object> record) {
        return write(collection, record, false);
    }

    /** Like {@link #save}, but a record with an id the table lacks is created with that id (for demo data). */
    synchronized Map<String, Object> seed(SandboxCollection collection, Map<String, Object> record) {
        return write(collection, record, true);
    }

    private Map<String, Object> write(SandboxCollection collection, Map<String, Object> record, boolean seeding) {
        Map<String, Object> incoming = new LinkedHashMap<>(record);
        if (collection == SandboxCollection.action) {
            return copy(saveAction(incoming, seeding));
        }
        Map<String, Map<String, Object>> table = tables.get(collection);
        boolean recover = Boolean.TRUE.equals(incoming.get("_recover"));
        byte[] content = collection == SandboxCollection.attachment ? attachmentData(incoming) : null;
        dropFlags(incoming);

        Object givenId = incoming.remove("id");
        Map<String, Object> saved = isNew(givenId) ? null : table.get(key(givenId));
        boolean created = saved == null;
        int statusBefore = created ? 0 : intValue(saved.get("status_id"));
        if (saved == null && !isNew(givenId) && !seeding) {
            throw SandboxRejection.notFound("There is no " + collection.name() + " with id " + givenId);
        }
        if (saved == null) {
            Object id;
            if (collection.hasUuidIds()) {
                id = isNew(givenId) ? UUID.randomUUID().toString() : String.valueOf(givenId);
            } else if (isNew(givenId)) {
                id = nextId(collection.idSequence());
            } else {
                id = intValue(givenId);
                lastIds.merge(collection.idSequence(), (Integer) id, Math::max);
            }
            saved = new LinkedHashMap<>();
            saved.put("id", id);
            saved.putAll(defaults(collection));
            table.put(String.valueOf(id), saved);
        }
        saved.putAll(incoming);
        inheritFromUser(saved, incoming);
        if (recover && collection.isSoftDeleted()) {
            saved.put("deleted", false);
        }
        if (content != null) {
            attachmentContent.put(intValue(saved.get("id")), content);
            saved.put("filesize", content.length);
        }
        addNames(saved);
        stampChange(collection, saved, seeding, created, statusBefore, null);
        return copy(saved);
    }

    /**
     * Moves the record's last-change time, as Halo does on every write, strictly past the one it had: a test that
     * counts versions by (id, time) sees every write. Seeded demo data is not logged, and keeps the time of its
     * own dates (a demo ticket last changed when it was opened or last acted on), or now when it has none.
     */
    private void stampChange(SandboxCollection collection, Map<String, Object> saved, boolean seeding,
                             boolean created, int statusBefore, Map<String, Object> action) {
        String field = collection.lastChangeField();
        if (field == null) {
            return;
        }
        if (seeding) {
            saved.put(field, HaloTimes.format(latestOwnDate(saved, field).orElseGet(() -> Instant.now(clock))));
            return;
        }
        String changedAt = HaloTimes.format(HaloTimes.after(Instant.now(clock), saved.get(field)));
        saved.put(field, changedAt);
        changeLog.add(new RecordVersion(collection, key(saved.get("id")), changedAt));
        listener.changed(new Change(collection, created, copy(saved), statusBefore,
                action == null ? null : copy(action)));
    }

    void onChange(ChangeListener listener) {
        this.listener = listener;
    }

    private static Optional<Instant> latestOwnDate(Map<String, Object> record, String lastChangeField) {
        return Stream.of(lastChangeField, "datecreated", "dateoccurred", "lastactiondate").map(record::get)
                .filter(HaloTimes::looksLikeDateTime).map(value -> HaloTimes.parseOrNull((String) value))
                .filter(Objects::nonNull).max(Instant::compareTo);
    }

    /**
     * Every version written since start or the last {@link #clear()}, oldest first: creates, updates (through the API,
     * the test API or the generated activity) and tickets touched by their actions; not the seeded demo data.
     */
    public synchronized List<RecordVersion> changeLog() {
        return List.copyOf(changeLog);
    }

    /**
     * Deletes a record as Halo's DELETE does: tickets, opportunities and projects are only marked {@code deleted}.
     * For actions use {@link #deleteAction(int, int)}.
     *
     * @return the record as it was, or empty when there is none
     */
    public synchronized Optional<Map<String, Object>> delete(SandboxCollection collection, Object id) {
        requireNotAction(collection);
        String key = key(id);
        Map<String, Object> record = tables.get(collection).get(key);
        if (record == null || (collection.isSoftDeleted() && Boolean.TRUE.equals(record.get("deleted")))) {
            return Optional.empty();
        }
        if (collection.isSoftDeleted()) {
            record.put("deleted", true);
        } else {
            tables.get(collection).remove(key);
            if (collection == SandboxCollection.attachment) {
                attachmentContent.remove(intValue(id));
            }
        }
        return Optional.of(copy(record));
    }

    public synchronized Optional<Map<String, Object>> deleteAction(int ticketId, int actionId) {
        return Optional.ofNullable(tables.get(SandboxCollection.action).remove(actionKey(ticketId, actionId)))
                .map(SandboxData::copy);
    }

    /** Empties every collection (the id sequences go on, as in a database). */
    public synchronized void clear() {
        tables.values().forEach(Map::clear);
        attachmentContent.clear();
        changeLog.clear();
    }

    /** Now, to the millisecond, in UTC with a Z: see {@link HaloTimes}. */
    String now() {
        return HaloTimes.format(Instant.now(clock));
    }

    private Map<String, Object> saveAction(Map<String, Object> incoming, boolean seeding) {
        int ticketId = intValue(incoming.get("ticket_id"));
        if (ticketId <= 0) {
            // Halo answers 400 with no message a client can read (HaloAPI end-to-end tests, R4)
            throw SandboxRejection.badRequestWithoutMessage("An action needs the ticket_id of its ticket");
        }
        Map<String, Object> ticket = tables.get(SandboxCollection.ticket).get(String.valueOf(ticketId));
        if (ticket == null) {
            throw SandboxRejection.notFound("Ticket " + ticketId + " does not exist");
        }
        dropFlags(incoming);
        Map<String, Map<String, Object>> table = tables.get(SandboxCollection.action);
        Map<String, Object> saved;
        if (isNew(incoming.get("id"))) {
            Object outcome = incoming.get("outcome");
            boolean hasOutcome = (outcome != null && !String.valueOf(outcome).isBlank())
                                 || intValue(incoming.get("outcome_id")) > 0;
            if (!hasOutcome) {
                // Halo's own message, as a real tenant answers it (HaloAPI end-to-end tests, R4; CIPP-API handles it)
                throw SandboxRejection.badRequest("An Outcome must be entered for this Action");
            }
            int id = 1;
            for (Map<String, Object> action : table.values()) {
                if (intValue(action.get("ticket_id")) == ticketId) {
                    id = Math.max(id, intValue(action.get("id")) + 1);
                }
            }
            incoming.remove("id");
            saved = new LinkedHashMap<>();
            saved.put("id", id);
            saved.put("ticket_id", ticketId);
            // after the ticket's previous action, so that a ticket's actions stay in order even within a millisecond
            String now = HaloTimes.format(HaloTimes.after(Instant.now(clock), ticket.get("lastactiondate")));
            saved.put("datetime", now);
            saved.put("actiondatecreated", now);
            saved.put("who", "API Agent");
            saved.put("hiddenfromuser", false);
            saved.putAll(incoming);
            saved.put("ticket_id", ticketId);
            table.put(actionKey(ticketId, id), saved);
            if (!seeding) {
                changeLog.add(new RecordVersion(SandboxCollection.action, actionKey(ticketId, id),
                        String.valueOf(saved.get("datetime"))));
            }
        } else {
            saved = table.get(actionKey(ticketId, intValue(incoming.get("id"))));
            if (saved == null) {
                throw SandboxRejection.notFound("Ticket " + ticketId + " has no action " + incoming.get("id"));
            }
            incoming.remove("id");
            saved.putAll(incoming);
        }
        int statusBefore = intValue(ticket.get("status_id"));
        Object newStatus = incoming.get("new_status");
        if (newStatus != null && intValue(newStatus) > 0) {
            ticket.put("status_id", intValue(newStatus));
        }
        ticket.put("lastactiondate", saved.get("datetime"));
        // an action is a change of its ticket in Halo: the ticket's last_update moves with it
        stampChange(SandboxCollection.ticket, ticket, seeding, false, statusBefore, saved);
        return saved;
    }

    private Map<String, Object> defaults(SandboxCollection collection) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        String now = now();
        switch (collection) {
            case ticket, opportunity, project -> {
                defaults.put("dateoccurred", now);
                defaults.put("datecreated", now);
                defaults.put("status_id", 1);
                defaults.put("tickettype_id", 1);
                defaults.put("priority_id", 3);
                defaults.put("deleted", false);
            }
            case attachment -> defaults.put("datecreated", now);
            case client, site, user, asset, item, supplier -> defaults.put("inactive", false);
            default -> {
            }
        }
        return defaults;
    }

    /** As in Halo, a ticket or asset given only a user belongs to that user's client and site. */
    private void inheritFromUser(Map<String, Object> saved, Map<String, Object> incoming) {
        if (!incoming.containsKey("user_id") || incoming.containsKey("client_id")) {
            return;
        }
        Map<String, Object> user = tables.get(SandboxCollection.user).get(key(incoming.get("user_id")));
        if (user != null) {
            saved.put("client_id", user.get("client_id"));
            if (!incoming.containsKey("site_id")) {
                saved.put("site_id", user.get("site_id"));
            }
        }
    }

    private void addNames(Map<String, Object> record) {
        REFERENCES.forEach((idField, reference) -> {
            if (!record.containsKey(idField)) {
                return;
            }
            Map<String, Object> target = tables.get(reference.collection()).get(key(record.get(idField)));
            if (target != null && target.get("name") != null) {
                record.put(reference.nameField(), target.get("name"));
            }
        });
        if (!record.containsKey("name") && (record.containsKey("firstname") || record.containsKey("surname"))) {
            String name = (String.valueOf(record.getOrDefault("firstname", "")) + " "
                           + record.getOrDefault("surname", "")).trim();
            record.put("name", name);
        }
    }

    private static String key(Object id) {
        // ids from JSON may be 12 or 12.0 (Halo types some client_id fields as double)
        return id instanceof Number number ? String.valueOf(number.intValue()) : String.valueOf(id);
    }

    private byte[] attachmentData(Map<String, Object> incoming) {
        Object base64 = incoming.containsKey("data_base64") ? incoming.get("data_base64") : incoming.get("data");
        incoming.remove("data_base64");
        incoming.remove("data");
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(String.valueOf(base64));
        } catch (IllegalArgumentException e) {
            throw SandboxRejection.badRequest("The attachment's data_base64 is not base64: " + e.getMessage());
        }
    }

    /** Halo's write-time flags start with an underscore; they steer the save and are not stored. */
    private static void dropFlags(Map<String, Object> record) {
        for (Iterator<String> it = record.keySet().iterator(); it.hasNext();) {
            if (it.next().startsWith("_")) {
                it.remove();
            }
        }
    }

    private int nextId(String sequence) {
        return lastIds.merge(sequence, 1, Integer::sum);
    }

    /** Sets the name fields again once every collection is seeded (a client may be seeded before its site). */
    synchronized void refreshNames() {
        tables.values().forEach(table -> table.values().forEach(this::addNames));
    }

    private static boolean isNew(Object id) {
        return id == null || (id instanceof Number number && number.intValue() == 0)
               || String.valueOf(id).isBlank() || "0".equals(String.valueOf(id));
    }

    private static String actionKey(int ticketId, int actionId) {
        return ticketId + "/" + actionId;
    }

    private static void requireNotAction(SandboxCollection collection) {
        if (collection.isKeyedByTicket()) {
            throw new IllegalArgumentException("Actions are numbered per ticket: use action(ticketId, actionId) or "
                                               + "deleteAction(ticketId, actionId)");
        }
    }

    static int intValue(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value == null) {
            return 0;
        }
        try {
            return (int) Double.parseDouble(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(copy(element)));
            return (T) copy;
        }
        return value;
    }
}
