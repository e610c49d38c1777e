package io.github.camelhalopsa.sandbox;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.camelhalopsa.sandbox.HaloHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Attachment lists as Halo's Attachment_View: {attachments, folders}, no record_count (R2 #265). */
class AttachmentListTest {

    @Test
    void attachmentsComeWithTheFoldersSidecarAndNoRecordCount() {
        try (HaloSandbox sandbox = HaloSandbox.start()) {
            Map<String, Object> answer = json(new HaloHttp(sandbox).get("/Attachment?ticket_id=1"));

            assertThat(answer).containsOnlyKeys("attachments", "folders");
            assertThat((List<?>) answer.get("attachments")).hasSize(1);
            assertThat((List<?>) answer.get("folders")).isEmpty();
        }
    }

    @Test
    void aTicketWithoutAttachmentsHasAnEmptyArray() {
        try (HaloSandbox sandbox = HaloSandbox.start()) {
            Map<String, Object> answer = json(new HaloHttp(sandbox).get("/Attachment?ticket_id=5"));

            assertThat(answer).containsEntry("attachments", List.of()).containsEntry("folders", List.of());
        }
    }

    @Test
    void anEmptyListCanBeNullAndFoldersCanBeThere() {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().emptyAttachmentsAsNull(true)
                .attachmentFolders("Invoices", "Photos"))) {
            HaloHttp http = new HaloHttp(sandbox);
            Map<String, Object> empty = json(http.get("/Attachment?ticket_id=5"));
            Map<String, Object> one = json(http.get("/Attachment?ticket_id=1"));

            assertThat(empty).containsKey("attachments").containsEntry("attachments", null);
            assertThat(empty.get("folders")).isEqualTo(List.of(Map.of("id", 1, "name", "Invoices"),
                    Map.of("id", 2, "name", "Photos")));
            assertThat((List<?>) one.get("attachments")).hasSize(1);
        }
    }
}
