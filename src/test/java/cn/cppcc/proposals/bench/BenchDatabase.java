package cn.cppcc.proposals.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database of a run: an H2 file, or an embedded PostgreSQL server (the binaries of the
 * integration tests) with production's two users as in {@code support/TestDatabase}: the database
 * {@code proposals} belongs to {@value #OWNER}, who runs the migrations; the application connects
 * as {@value #APPLICATION}. The bare engine of the baseline gets a database of its own,
 * {@value #BASELINE}, on the same server (H2: a file of its own), so both count their transactions
 * apart.
 * <p>
 * PostgreSQL runs with {@code synchronous_commit = on} (PostgreSQL's default and production's; the
 * embedded server's builder turns it off for tests), {@code auto_explain} loaded but off until the
 * latency mode turns it on, and its log as JSON lines in {@code <directory>/log}.
 */
final class BenchDatabase implements AutoCloseable {

    static final String OWNER = "proposals_owner";
    static final String APPLICATION = "proposals_app";
    static final String DATABASE = "proposals";
    static final String BASELINE = "skeleton";
    /** PostgreSQL flushes an idle backend's statistics at most this late (PGSTAT_IDLE_INTERVAL, 10 s). */
    static final long STATISTICS_DELAY_MILLIS = 11_000;

    private final boolean postgres;
    private final Path directory;
    private final EmbeddedPostgres server;

    private BenchDatabase(boolean postgres, Path directory, EmbeddedPostgres server) {
        this.postgres = postgres;
        this.directory = directory;
        this.server = server;
    }

    /**
     * Opens the database in {@code directory}: emptied first when {@code fresh}, otherwise what an
     * earlier run left there (the data generator's proposals) is used again.
     */
    static BenchDatabase open(String kind, Path directory, boolean fresh) throws IOException {
        if (fresh) {
            deleteRecursively(directory);
        }
        Files.createDirectories(directory);
        switch (kind) {
            case "h2" -> {
                return new BenchDatabase(false, directory.toAbsolutePath(), null);
            }
            case "postgres" -> {
                Path log = directory.resolve("log").toAbsolutePath();
                Files.createDirectories(log);
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setDataDirectory(directory.resolve("pgdata"))
                        .setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", System.getProperty("pg.synchronous_commit", "on"))
                        .setServerConfig("shared_preload_libraries", "auto_explain")
                        .setServerConfig("auto_explain.log_min_duration", "-1")
                        .setServerConfig("logging_collector", "on")
                        .setServerConfig("log_destination", "jsonlog")
                        .setServerConfig("log_directory", log.toString())
                        .setServerConfig("log_filename", "postgresql.log")
                        .start();
                BenchDatabase database = new BenchDatabase(true, directory.toAbsolutePath(), server);
                database.createUsers();
                return database;
            }
            default -> throw new IllegalArgumentException("h2 or postgres: " + kind);
        }
    }

    boolean isPostgres() {
        return postgres;
    }

    String name() {
        return postgres ? "PostgreSQL " + new JdbcTemplate(superuser()).queryForObject("show server_version", String.class)
                : "H2 (file)";
    }

    /** As in docker/initdb: the owner owns the database (and so its schema public), the application only logs in. */
    private void createUsers() {
        JdbcTemplate sql = new JdbcTemplate(superuser());
        createUser(sql, OWNER);
        createUser(sql, APPLICATION);
        createUser(sql, BASELINE);
        createDatabase(sql, DATABASE, OWNER);
        createDatabase(sql, BASELINE, BASELINE);
    }

    private static void createUser(JdbcTemplate sql, String user) {
        if (sql.queryForList("select 1 from pg_roles where rolname = ?", user).isEmpty()) {
            sql.execute("create role " + user + " login password '" + user + "'");
        }
    }

    private static void createDatabase(JdbcTemplate sql, String database, String owner) {
        if (sql.queryForList("select 1 from pg_database where datname = ?", database).isEmpty()) {
            sql.execute("create database " + database + " owner " + owner);
        }
    }

    /** The project's settings for this database (Spring properties). */
    Map<String, Object> projectProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (postgres) {
            properties.put("spring.datasource.url", "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE);
            properties.put("spring.datasource.username", APPLICATION);
            properties.put("spring.datasource.password", APPLICATION);
            properties.put("spring.flyway.user", OWNER);
            properties.put("spring.flyway.password", OWNER);
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:file:" + directory.resolve(DATABASE)
                    + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        }
        return properties;
    }

    /** The bare engine's command-line arguments for this database. */
    List<String> baselineArguments() {
        if (postgres) {
            return List.of("--spring.datasource.url=jdbc:postgresql://localhost:" + server.getPort() + "/" + BASELINE,
                    "--spring.datasource.username=" + BASELINE, "--spring.datasource.password=" + BASELINE);
        }
        return List.of("--spring.datasource.url=jdbc:h2:file:" + directory.resolve(BASELINE) + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /**
     * The transactions committed in a database so far (PostgreSQL's pg_stat_database), after waiting
     * until idle connections have reported theirs; empty on H2, which does not count them.
     */
    OptionalLong committedTransactions(String database) {
        if (!postgres) {
            return OptionalLong.empty();
        }
        try {
            Thread.sleep(STATISTICS_DELAY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Long committed = new JdbcTemplate(superuser()).queryForObject(
                "select xact_commit from pg_stat_database where datname = ?", Long.class, database);
        return OptionalLong.of(committed);
    }

    /** The server's superuser, in the database {@code postgres}. */
    DataSource superuser() {
        return server.getPostgresDatabase();
    }

    /** The server's superuser in the project's database. */
    DataSource superuserInProjectDatabase() {
        return server.getDatabase("postgres", DATABASE);
    }

    /** Where PostgreSQL writes its log as JSON lines. */
    Path jsonLog() {
        return directory.resolve("log").resolve("postgresql.json");
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
