package io.github.camelhalopsa.replicas;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.consumer.IdWatermark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDBC state repository on a real PostgreSQL: it creates its table, every replica reads what the others wrote,
 * and no write, however two writers race, moves a New Ticket Record watermark backwards.
 */
class JdbcStateRepositoryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    @RegisterExtension
    static final TestDatabase.PerClass DATABASE = new TestDatabase.PerClass();


    private static JdbcStateRepository started(String table) {
        JdbcStateRepository repository = new JdbcStateRepository(DATABASE.database().dataSource());
        repository.setTableName(table);
        repository.start();
        return repository;
    }

    private static String state(long watermark) {
        return IdWatermark.after(watermark).format(MAPPER);
    }

    private static long watermarkIn(JdbcStateRepository repository, String key) {
        return IdWatermark.parse(repository.getState(key), MAPPER).watermark();
    }

    @Test
    void createsItsTableWhenAbsentAndAnotherReplicaReadsWhatOneWrote() throws Exception {
        assertThat(tableExists("created_here")).isFalse();

        JdbcStateRepository first = started("created_here");
        assertThat(tableExists("created_here")).isTrue();
        first.setState("ticket@halo", state(41));
        // a second replica starting on the existing table: no error, and it sees the first one's state
        JdbcStateRepository second = started("created_here");

        assertThat(watermarkIn(second, "ticket@halo")).isEqualTo(41);
        assertThat(second.getState("no such key")).isNull();
    }

    @Test
    void aLowerWatermarkNeverReplacesAHigherOneAndAnEqualOneDoes() {
        JdbcStateRepository repository = started("ordering");
        repository.setState("k", state(100));

        repository.setState("k", state(90));
        assertThat(watermarkIn(repository, "k")).isEqualTo(100);
        // a bare ticket id, as a user writes by hand, is a watermark too
        repository.setState("k", "50");
        assertThat(watermarkIn(repository, "k")).isEqualTo(100);

        IdWatermark later = IdWatermark.after(100);
        later.handled(101);
        repository.setState("k", later.format(MAPPER));
        assertThat(watermarkIn(repository, "k")).isEqualTo(101);
        IdWatermark sameWithLateTicket = IdWatermark.parse(later.format(MAPPER), MAPPER);
        sameWithLateTicket.handled(99);
        repository.setState("k", sameWithLateTicket.format(MAPPER));
        assertThat(repository.getState("k")).isEqualTo(sameWithLateTicket.format(MAPPER));
    }

    @Test
    void aChangeTriggersStateNeverMovesBackToAnEarlierFloorAndCanBeLargerThanAnIdState() {
        JdbcStateRepository repository = started("changes");
        String later = changeState("2026-12-01T08:10:00Z", 2000);
        repository.setState("ticket.updated@halo", later);

        repository.setState("ticket.updated@halo", changeState("2026-12-01T08:05:00Z", 1));

        assertThat(repository.getState("ticket.updated@halo")).isEqualTo(later);
        assertThat(later.length()).isGreaterThan(4000);
    }

    /** A change trigger's state remembering {@code keys} delivered versions, as its consumer writes it. */
    private static String changeState(String floor, int keys) {
        StringBuilder delivered = new StringBuilder();
        for (int i = 1; i <= keys; i++) {
            delivered.append(i == 1 ? "" : ",").append("\"").append(i).append('@').append(floor).append("\":\"")
                    .append(floor).append('"');
        }
        return "{\"floor\":\"" + floor + "\",\"newest\":\"" + floor + "\",\"delivered\":{" + delivered + "}}";
    }

    @Test
    void valuesThatAreNoWatermarkAreStoredAsTheyCome() {
        JdbcStateRepository repository = started("other_values");
        repository.setState("offset", "b");
        repository.setState("offset", "a");

        assertThat(repository.getState("offset")).isEqualTo("a");
    }

    @Test
    void twoRacingWritersNeverMoveTheWatermarkBack() throws Exception {
        JdbcStateRepository leader = started("race");
        // a replica that lost its lease and writes what it handled a moment ago
        JdbcStateRepository stale = started("race");
        int rounds = 300;
        CyclicBarrier together = new CyclicBarrier(2);
        List<Long> seenBelowWhatWasWritten = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> current = writers.submit(() -> {
                for (int round = 1; round <= rounds; round++) {
                    long watermark = round * 10L;
                    together.await(10, TimeUnit.SECONDS);
                    leader.setState("ticket@race", state(watermark));
                    long stored = watermarkIn(leader, "ticket@race");
                    if (stored < watermark) {
                        seenBelowWhatWasWritten.add(stored);
                    }
                }
                return null;
            });
            Future<?> behind = writers.submit(() -> {
                for (int round = 1; round <= rounds; round++) {
                    together.await(10, TimeUnit.SECONDS);
                    stale.setState("ticket@race", state(round * 10L - 7));
                }
                return null;
            });
            current.get(60, TimeUnit.SECONDS);
            behind.get(60, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }

        assertThat(seenBelowWhatWasWritten).as("watermarks read back lower than the one just written").isEmpty();
        assertThat(watermarkIn(leader, "ticket@race")).isEqualTo(rounds * 10L);
    }

    @Test
    void twoFirstWritesOfOneKeyKeepTheHigherWatermark() throws Exception {
        JdbcStateRepository one = started("first_writes");
        JdbcStateRepository two = started("first_writes");
        int keys = 100;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> high = writers.submit(() -> {
                for (int key = 0; key < keys; key++) {
                    together.await(10, TimeUnit.SECONDS);
                    one.setState("key-" + key, state(1000));
                }
                return null;
            });
            Future<?> low = writers.submit(() -> {
                for (int key = 0; key < keys; key++) {
                    together.await(10, TimeUnit.SECONDS);
                    two.setState("key-" + key, state(5));
                }
                return null;
            });
            high.get(60, TimeUnit.SECONDS);
            low.get(60, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }

        for (int key = 0; key < keys; key++) {
            assertThat(watermarkIn(one, "key-" + key)).as("key-" + key).isEqualTo(1000);
        }
    }

    @Test
    void aTableNameThatIsNoIdentifierIsRefusedAtStart() {
        JdbcStateRepository repository = new JdbcStateRepository(DATABASE.database().dataSource());
        repository.setTableName("states; DROP TABLE x");

        assertThatThrownBy(repository::start).hasStackTraceContaining("Invalid tableName 'states; DROP TABLE x'");
    }

    private static boolean tableExists(String table) throws Exception {
        try (Connection connection = DATABASE.database().dataSource().getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }
}
