package io.github.camelhalopsa.docs;

import java.util.List;

import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTableRendererTest {

    private final String table = EntityTableRenderer.render();

    @Test
    void everyEntityHasOneRowWithItsFacts() {
        List<String> rows = table.lines().filter(line -> line.startsWith("| `")).toList();

        assertThat(rows).hasSize(HaloPsaEntity.values().length);
        assertThat(table).contains("| `asset` | `/Asset` | `assets` | yes | 50 | yes | `list`, `get`, `addOrUpdate`, "
                                   + "`delete`\n");
        assertThat(table).contains("| `agent` | `/Agent` | bare array | yes | 100 | no |");
        assertThat(table).contains("| `action` | `/Actions` | `actions` | no | - | no |");
        assertThat(table).contains("| `report` | `/Report` | `reports` | yes | 100 | no | `list`, `get`, `addOrUpdate`, "
                                   + "`delete`, `preview`\n");
        assertThat(table).contains("| `api` | any path under `/api` | - | - | - | - | `request`\n");
    }

    @Test
    void opensWithTheGeneratedCommentAndClosesTheTable() {
        assertThat(table.lines().findFirst()).hasValueSatisfying(first -> assertThat(first)
                .startsWith("// Generated from HaloPsaEntity by EntityTableRenderer"));
        assertThat(table).endsWith("|===\n").doesNotContain("\r");
    }
}
