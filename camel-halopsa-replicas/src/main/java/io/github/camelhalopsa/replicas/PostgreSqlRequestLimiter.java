package io.github.camelhalopsa.replicas;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.camelhalopsa.component.halopsa.HaloPsaRequestLimiter;
import org.apache.camel.util.TimeUtils;

/**
 * The request budget of all replicas in one PostgreSQL table, for binding as a bean from properties:
 *
 * <pre>
 * camel.beans.haloBudget = #class:io.github.camelhalopsa.replicas.PostgreSqlRequestLimiter
 * camel.beans.haloBudget.dataSource = #bean:appDataSource
 * camel.beans.haloBudget.requests = 280
 * camel.beans.haloBudget.period = 5m
 * camel.component.halopsa.request-limiter = #bean:haloBudget
 * </pre>
 *
 * On first use it creates its table when absent ({@code camel_halopsa_budget}: {@code id VARCHAR(200) PRIMARY KEY,
 * state BYTEA}) and the bucket {@code bucketKey} in it, shaped by {@link Bucket4jRequestLimiter#rollingWindow}. Each
 * request then costs one short transaction in which Bucket4j locks the bucket's row ({@code SELECT ... FOR UPDATE}),
 * so replicas take tokens one after another. Replicas must agree on requests and period: the bucket keeps the
 * configuration it was created with (delete its row to change it).
 */
public class PostgreSqlRequestLimiter implements HaloPsaRequestLimiter {

    public static final String DEFAULT_TABLE = "camel_halopsa_budget";
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE;
    private String bucketKey = "halopsa";
    private int requests;
    private Duration period = Duration.ofMinutes(5);
    private volatile Bucket4jRequestLimiter limiter;

    public PostgreSqlRequestLimiter() {
    }

    public PostgreSqlRequestLimiter(DataSource dataSource, int requests, Duration period) {
        this.dataSource = dataSource;
        this.requests = requests;
        this.period = period;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The table, {@value #DEFAULT_TABLE} unless set. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public String getTableName() {
        return tableName;
    }

    /** The bucket's id in the table, {@code halopsa} unless set: one per HaloPSA tenant. */
    public void setBucketKey(String bucketKey) {
        this.bucketKey = bucketKey;
    }

    public String getBucketKey() {
        return bucketKey;
    }

    /** Requests allowed per period, for all replicas together: for a Halo-hosted tenant somewhat under 300. */
    public void setRequests(int requests) {
        this.requests = requests;
    }

    public int getRequests() {
        return requests;
    }

    /** The rolling window requests are counted in: milliseconds or a duration such as 5m (the default) or 10s. */
    public void setPeriod(String period) {
        this.period = Duration.ofMillis(TimeUtils.toMilliSeconds(period));
    }

    public Duration getPeriod() {
        return period;
    }

    @Override
    public void acquire() throws InterruptedException {
        limiter().acquire();
    }

    @Override
    public boolean hasRoom() {
        return limiter().hasRoom();
    }

    private Bucket4jRequestLimiter limiter() {
        Bucket4jRequestLimiter current = limiter;
        if (current == null) {
            synchronized (this) {
                current = limiter;
                if (current == null) {
                    current = limiter = open();
                }
            }
        }
        return current;
    }

    private Bucket4jRequestLimiter open() {
        if (dataSource == null) {
            throw new IllegalStateException("The PostgreSqlRequestLimiter has no dataSource: set one");
        }
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("Invalid tableName '" + tableName + "' of the PostgreSqlRequestLimiter: "
                                               + "use letters, digits and underscores, optionally schema.table");
        }
        if (bucketKey == null || bucketKey.isBlank() || bucketKey.length() > 200) {
            throw new IllegalArgumentException("Invalid bucketKey '" + bucketKey + "' of the PostgreSqlRequestLimiter: "
                                               + "use 1 to 200 characters");
        }
        // checked before the table is touched: a wrong budget must not create anything
        Bucket4jRequestLimiter.rollingWindow(requests, period);
        try (Connection connection = dataSource.getConnection(); Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE IF NOT EXISTS " + tableName + " (id VARCHAR(200) PRIMARY KEY, state BYTEA)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the request budget table " + tableName + ": "
                                            + e.getMessage(), e);
        }
        return new Bucket4jRequestLimiter(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING).table(tableName).idColumn("id").stateColumn("state").build(),
                bucketKey, requests, period);
    }

    @Override
    public String toString() {
        return "PostgreSqlRequestLimiter[" + tableName + "/" + bucketKey + ": " + requests + " per " + period + "]";
    }
}
