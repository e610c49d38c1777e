package io.github.camelhalopsa.replicas;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.consumer.ChangeWatermark;
import io.github.camelhalopsa.component.halopsa.consumer.IdWatermark;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.ObjectHelper;

/**
 * A {@link StateRepository} in a database table, for New Ticket Record triggers whose replicas take turns (one leader
 * at a time) and must go on from where the last one stopped. Works with any JDBC {@link DataSource}; tested on
 * PostgreSQL. The table is created at start when it does not exist:
 *
 * <pre>
 * CREATE TABLE camel_halopsa_state (
 *     state_key   VARCHAR(500) NOT NULL PRIMARY KEY,
 *     state_value VARCHAR(1000000) NOT NULL,
 *     watermark   BIGINT)
 * </pre>
 *
 * <b>A watermark never moves backwards.</b> When a value is a trigger's state (a new-record trigger's id watermark, a
 * bare id, or a change trigger's floor in epoch milliseconds), that watermark is stored beside it, and a write whose
 * watermark is lower than the stored one changes nothing. The database decides, in the statement itself ({@code UPDATE ... WHERE watermark <= ?}), so two writers that race (a
 * leader that lost its lease but has not noticed yet, and the new leader) cannot move it back, whatever the order in
 * which their writes arrive. A write with the same watermark replaces the value (the set of late records handled in
 * the look-back window, or of changes delivered within the overlap, may have grown). Other values are stored as they come, last write wins.
 * <p>
 * Every {@link #getState} reads the table, never a cache: a replica that becomes leader sees what the last one wrote.
 * To move a watermark back on purpose (deliver tickets again), change or delete the row with SQL while no replica runs
 * the trigger.
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    public static final String DEFAULT_TABLE = "camel_halopsa_state";
    static final int MAX_KEY_LENGTH = 500;
    // a change trigger's state holds the keys it delivered within its changeOverlap: room for a busy tenant's bursts
    static final int MAX_VALUE_LENGTH = 1_000_000;
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final ObjectMapper mapper = new ObjectMapper();
    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE;

    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** Where the table lives; a pooled DataSource (HikariCP, the application server's) is best. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table, {@value #DEFAULT_TABLE} unless set; may be qualified with a schema ({@code app.halopsa_state}). */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    @Override
    protected void doStart() throws Exception {
        ObjectHelper.notNull(dataSource, "dataSource", this);
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("Invalid tableName '" + tableName + "' of the JdbcStateRepository: use "
                                               + "letters, digits and underscores, optionally schema.table");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!tableExists(connection)) {
                createTable(connection);
            }
        }
    }

    private boolean tableExists(Connection connection) throws SQLException {
        String schema = tableName.contains(".") ? tableName.substring(0, tableName.indexOf('.')) : null;
        String table = tableName.contains(".") ? tableName.substring(tableName.indexOf('.') + 1) : tableName;
        DatabaseMetaData metadata = connection.getMetaData();
        // databases fold unquoted names differently (PostgreSQL to lower case, H2 and Oracle to upper case)
        for (String name : new String[] { table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT) }) {
            try (ResultSet tables = metadata.getTables(null, fold(schema, name), name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String fold(String schema, String like) {
        if (schema == null) {
            return null;
        }
        return like.equals(like.toUpperCase(Locale.ROOT)) ? schema.toUpperCase(Locale.ROOT)
                : like.equals(like.toLowerCase(Locale.ROOT)) ? schema.toLowerCase(Locale.ROOT) : schema;
    }

    private void createTable(Connection connection) throws SQLException {
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE " + tableName + " (state_key VARCHAR(" + MAX_KEY_LENGTH + ") NOT NULL PRIMARY "
                           + "KEY, state_value VARCHAR(" + MAX_VALUE_LENGTH + ") NOT NULL, watermark BIGINT)");
            commitIfNeeded(connection);
        } catch (SQLException e) {
            // another replica starting at the same moment may have created it first
            rollbackIfNeeded(connection);
            if (!tableExists(connection)) {
                throw e;
            }
        }
    }

    @Override
    public String getState(String key) {
        ObjectHelper.notNull(key, "key");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT state_value FROM " + tableName + " WHERE state_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the state '" + key + "' from the table " + tableName + ": "
                                            + e.getMessage(), e);
        }
    }

    /**
     * Stores the value, unless it is a watermark lower than the stored one: then the stored one stays, since a
     * higher watermark was written by a replica that handled more tickets.
     */
    @Override
    public void setState(String key, String value) {
        ObjectHelper.notNull(key, "key");
        ObjectHelper.notNull(value, "value");
        if (key.length() > MAX_KEY_LENGTH || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("The state '" + key + "' does not fit the table " + tableName + ": keys "
                                               + "hold up to " + MAX_KEY_LENGTH + " characters and values up to "
                                               + MAX_VALUE_LENGTH);
        }
        Long watermark = watermarkOf(value);
        try (Connection connection = dataSource.getConnection()) {
            // a few rounds at most: each one that does not end lost a race to a write that has just completed
            for (int round = 0; round < 5; round++) {
                // update first: after the first write of a key, every write is an update
                if (update(connection, key, value, watermark) > 0) {
                    return;
                }
                Stored stored = stored(connection, key);
                if (stored != null) {
                    if (watermark != null && stored.watermark() != null && stored.watermark() > watermark) {
                        // a replica that handled more tickets wrote after this state was taken: keep its watermark
                        return;
                    }
                    // the row appeared after the update looked for it: compare with it now
                    continue;
                }
                if (insert(connection, key, value, watermark)) {
                    return;
                }
            }
            throw new IllegalStateException("Could not save the state '" + key + "' to the table " + tableName
                                            + ": other writers kept changing it");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save the state '" + key + "' to the table " + tableName + ": "
                                            + e.getMessage(), e);
        }
    }

    private record Stored(Long watermark) {
    }

    /** The key's row as it is now, or null when there is none. */
    private Stored stored(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT watermark FROM " + tableName + " WHERE state_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                long watermark = row.getLong(1);
                return new Stored(row.wasNull() ? null : watermark);
            }
        }
    }

    /**
     * How far a trigger state has got: the id watermark of a new-record state (or a bare id), the floor of a change
     * trigger's state in epoch milliseconds, or null for any other value.
     */
    private Long watermarkOf(String value) {
        try {
            return IdWatermark.parse(value, mapper).watermark();
        } catch (IllegalArgumentException notIds) {
            return ChangeWatermark.progressOf(value, mapper);
        }
    }

    /** @return the number of rows changed: 0 when there is no row, or its watermark is higher */
    private int update(Connection connection, String key, String value, Long watermark) throws SQLException {
        // the comparison is part of the statement, so the database settles a race between two writers: the row is
        // locked while it is compared and changed, and the second writer compares with what the first one wrote
        String sql = "UPDATE " + tableName + " SET state_value = ?, watermark = ? WHERE state_key = ?"
                     + (watermark == null ? "" : " AND (watermark IS NULL OR watermark <= ?)");
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, value);
            setWatermark(update, 2, watermark);
            update.setString(3, key);
            if (watermark != null) {
                update.setLong(4, watermark);
            }
            int changed = update.executeUpdate();
            commitIfNeeded(connection);
            return changed;
        }
    }

    /** @return false when another writer inserted the key first */
    private boolean insert(Connection connection, String key, String value, Long watermark) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + tableName + " (state_key, state_value, watermark) VALUES (?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, value);
            setWatermark(insert, 3, watermark);
            insert.executeUpdate();
            commitIfNeeded(connection);
            return true;
        } catch (SQLException e) {
            rollbackIfNeeded(connection);
            // SQLSTATE class 23: integrity constraint violation, here the primary key
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    private static void setWatermark(PreparedStatement statement, int index, Long watermark) throws SQLException {
        if (watermark == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, watermark);
        }
    }

    private static void commitIfNeeded(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static void rollbackIfNeeded(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    @Override
    protected void doStop() {
        // every write is in the database already; the DataSource belongs to the application
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + tableName + "]";
    }
}
