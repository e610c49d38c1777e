package io.github.camelhalopsa.component.halopsa.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entity of the component's catalogue, through the component, against the sandbox: addOrUpdate creates, get
 * reads it back, addOrUpdate with its id changes it, list finds it, delete removes it; each effect is checked in the
 * sandbox's records, not only in what the component returned.
 */
class SandboxContractTest extends SandboxTestSupport {

    static Stream<HaloPsaEntity> entities() {
        return Arrays.stream(HaloPsaEntity.values()).filter(entity -> entity != HaloPsaEntity.api);
    }

    @Test
    void theSandboxServesEveryEntityOfTheCatalogueAsTheCatalogueDescribesIt() {
        entities().forEach(entity -> {
            SandboxCollection collection = SandboxCollection.byPath(entity.path().substring(1)).orElseThrow(
                    () -> new AssertionError("The sandbox has no " + entity.path()));
            assertThat(collection.path()).as(entity.name()).isEqualTo(entity.path());
            assertThat(collection.listKey()).as(entity.name()).isEqualTo(entity.listKey());
            assertThat(collection.isPaged()).as(entity.name()).isEqualTo(entity.isPaged());
            assertThat(collection.maxPageSize()).as(entity.name()).isEqualTo(entity.maxPageSize());
            assertThat(collection.isKeyedByTicket()).as(entity.name())
                    .isEqualTo(entity.has(HaloPsaEntity.Trait.KEYED_BY_TICKET));
            assertThat(collection.name()).as(entity.path()).isEqualTo(entity.name());
        });
    }

    @ParameterizedTest
    @MethodSource("entities")
    void addGetUpdateListDelete(HaloPsaEntity entity) {
        SandboxCollection collection = SandboxCollection.byPath(entity.path().substring(1)).orElseThrow();
        String field = collection.textField();
        String ticketOption = entity == HaloPsaEntity.action ? "&ticketId=2" : "";

        Map<String, Object> created = template.requestBody("halopsa:" + entity + "?operation=addOrUpdate",
                newRecord(entity, field), Map.class);
        Object id = created.get("id");
        assertThat(id).as("id of the new " + entity).isNotNull();
        assertThat(stored(collection, id)).get().extracting(r -> r.get(field)).isEqualTo("Made by Camel");

        Exchange got = template.request("halopsa:" + entity + "?operation=get" + ticketOption,
                e -> e.getIn().setHeader(HaloPsaConstants.ID, id));
        assertThat(got.getException()).isNull();
        if (entity == HaloPsaEntity.attachment) {
            assertThat(got.getMessage().getBody(String.class)).isEqualTo("file content");
            assertThat(got.getMessage().getHeader(HaloPsaConstants.FILE_NAME)).isEqualTo("camel.txt");
        } else {
            assertThat(got.getMessage().getBody(Map.class)).containsEntry(field, "Made by Camel");
        }

        Map<String, Object> change = new LinkedHashMap<>();
        change.put("id", id);
        change.put(field, "Changed by Camel");
        if (entity == HaloPsaEntity.action) {
            change.put("ticket_id", 2);
        }
        template.requestBody("halopsa:" + entity + "?operation=addOrUpdate", change);
        assertThat(stored(collection, id)).get().extracting(r -> r.get(field)).isEqualTo("Changed by Camel");

        Exchange listed = template.request("halopsa:" + entity + (entity == HaloPsaEntity.action
                ? "?query.ticket_id=2" : ""), e -> {
        });
        assertThat(listed.getException()).isNull();
        List<Map<String, Object>> records = listed.getMessage().getBody(List.class);
        assertThat(records).extracting(r -> String.valueOf(r.get("id"))).contains(String.valueOf(id));
        assertThat(listed.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT, Integer.class))
                .isEqualTo(records.size());

        Exchange deleted = template.request("halopsa:" + entity + "?operation=delete" + ticketOption,
                e -> e.getIn().setHeader(HaloPsaConstants.ID, id));
        assertThat(deleted.getException()).isNull();
        if (entity == HaloPsaEntity.ticket || entity == HaloPsaEntity.opportunity || entity == HaloPsaEntity.project) {
            assertThat(stored(collection, id)).get().extracting(r -> r.get("deleted")).isEqualTo(true);
        } else {
            assertThat(stored(collection, id)).isEmpty();
        }
    }

    private static Map<String, Object> newRecord(HaloPsaEntity entity, String field) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put(field, "Made by Camel");
        switch (entity) {
            case action -> {
                record.put("ticket_id", 2);
                record.put("outcome", "Private Note");
            }
            case attachment -> {
                record.put("ticket_id", 2);
                record.put("filename", "camel.txt");
                record.put("data_base64", Base64.getEncoder().encodeToString(
                        "file content".getBytes(StandardCharsets.UTF_8)));
            }
            case site, user, contract, asset -> record.put("client_id", 2);
            default -> {
            }
        }
        return record;
    }

    private static Optional<Map<String, Object>> stored(SandboxCollection collection, Object id) {
        if (collection == SandboxCollection.action) {
            return sandbox().data().action(2, ((Number) id).intValue());
        }
        return sandbox().data().get(collection, id);
    }
}
