package io.github.camelhalopsa.component.halopsa.customfields;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelhalopsa.sandbox.MutableClock;
import org.apache.camel.CamelException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The definitions cache and name resolution, on a clock the test moves. */
class CustomFieldResolverTest {

    private static final Map<String, Object> APPROVER = Map.of("id", 12, "name", "CFApprover", "label", "Approver");
    private static final Map<String, Object> NEW_FIELD = Map.of("id", 40, "name", "CFLaptopModel", "label", "Laptop");

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile List<Map<String, Object>> halosFields = List.of(APPROVER);
    private final FieldDefinitionsCache cache = new FieldDefinitionsCache(() -> {
        reads.incrementAndGet();
        return halosFields;
    }, clock);
    private final CustomFieldResolver resolver = new CustomFieldResolver(cache, Duration.ofHours(1));

    @Test
    void definitionsAreReadOncePerRefreshInterval() throws Exception {
        resolver.id("CFApprover", "test");
        clock.advance(Duration.ofMinutes(59));
        resolver.id("approver", "test");
        assertThat(reads).hasValue(1);

        clock.advance(Duration.ofMinutes(2));
        resolver.id("CFApprover", "test");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFieldAddedInHaloIsFoundOnceTheDefinitionsAreAMinuteOld() throws Exception {
        resolver.id("CFApprover", "test");
        halosFields = List.of(APPROVER, NEW_FIELD);

        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> resolver.id("CFLaptopModel", "test")).hasMessageContaining("Unknown custom field");
        assertThat(reads).as("young definitions are trusted: no read per misspelt name").hasValue(1);

        clock.advance(Duration.ofSeconds(31));
        assertThat(resolver.id("CFLaptopModel", "test")).isEqualTo(40);
        assertThat(reads).hasValue(2);
    }

    @Test
    void idsNeedNoDefinitions() throws Exception {
        FieldDefinitionsCache failing = new FieldDefinitionsCache(() -> {
            throw new CamelException("403");
        }, clock);

        assertThat(new CustomFieldResolver(failing, Duration.ofHours(1)).ids(List.of("12", "7"), "test"))
                .containsExactly(12, 7);
    }

    @Test
    void concurrentLookupsShareOneRead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FieldDefinitionsCache slow = new FieldDefinitionsCache(() -> {
            reads.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new CamelException(e);
            }
            return List.of(APPROVER);
        }, clock);
        CustomFieldResolver shared = new CustomFieldResolver(slow, Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(pool.submit(() -> shared.id("CFApprover", "test")));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<Integer> id : ids) {
                assertThat(id.get(5, TimeUnit.SECONDS)).isEqualTo(12);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void explainingAnErrorNeverFailsOnAnUnreadableDefinitionList() {
        FieldDefinitionsCache failing = new FieldDefinitionsCache(() -> {
            throw new CamelException("403");
        }, clock);

        assertThat(new CustomFieldResolver(failing, Duration.ofHours(1)).describeCustomFields(List.of("Approver")))
                .isEmpty();
        assertThat(resolver.describeCustomFields(List.of("Approver", "Email")))
                .containsExactly("Approver is the custom field CFApprover (\"Approver\", id 12)");
    }

    @Test
    void editDistanceCountsSingleCharacterEdits() {
        assertThat(FieldDefinitions.editDistance("cfaprover", "cfapprover")).isEqualTo(1);
        assertThat(FieldDefinitions.editDistance("", "abc")).isEqualTo(3);
        assertThat(FieldDefinitions.editDistance("kitten", "sitting")).isEqualTo(3);
    }
}
