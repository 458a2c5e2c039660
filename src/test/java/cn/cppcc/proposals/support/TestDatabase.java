package cn.cppcc.proposals.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of the integration tests: H2 (the default) or a real PostgreSQL server, started
 * once per test JVM from the binaries on Maven Central ({@code -Dtest.database=postgres}).
 * <p>
 * On PostgreSQL the two users of production (README, Security): the database {@code proposals}
 * belongs to {@link #OWNER}, who runs the migrations and so owns the project's tables; the
 * application connects as {@link #APPLICATION}, with only what R__application_user grants it, so
 * that the whole suite shows those grants are enough. Tests that tamper with the audit trail do it
 * through {@link #owner}, as someone with the owner's credentials would.
 */
public final class TestDatabase {

    public static final String OWNER = "proposals_owner";
    public static final String APPLICATION = "proposals_app";
    static final String DATABASE = "proposals";

    private static EmbeddedPostgres postgres;
    private static int contexts;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("test.database", "h2"));
    }

    static void register(DynamicPropertyRegistry registry) {
        if (!isPostgres()) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:proposals-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            return;
        }
        EmbeddedPostgres server = start();
        registry.add("spring.datasource.url", () -> url(server));
        registry.add("spring.datasource.username", () -> APPLICATION);
        registry.add("spring.datasource.password", () -> APPLICATION);
        registry.add("spring.flyway.user", () -> OWNER);
        registry.add("spring.flyway.password", () -> OWNER);
    }

    /**
     * SQL as the owner of the project's tables on PostgreSQL (who may disable audit_events' triggers);
     * on H2, which has one user, through the application's own data source.
     */
    public static JdbcTemplate owner(JdbcTemplate application) {
        if (!isPostgres()) {
            return application;
        }
        EmbeddedPostgres server = postgres;
        if (server == null) {
            throw new IllegalStateException("The embedded PostgreSQL server is not running");
        }
        return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), url(server), OWNER, OWNER));
    }

    private static String url(EmbeddedPostgres server) {
        return url(server.getPort());
    }

    /** The project's database on a server's port (not getJdbcUrl(): its user in the URL would override the data source's). */
    public static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    private static synchronized EmbeddedPostgres start() {
        if (postgres == null) {
            try {
                // Stopped by the last application context to close, after its data source: the
                // engine still writes (its metrics) while it closes.
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
            createUsers(postgres.getPostgresDatabase());
        }
        contexts++;
        return postgres;
    }

    /** As in docker/initdb: the owner owns the database (and so its schema public), the application only logs in. */
    public static void createUsers(DataSource superuser) {
        JdbcTemplate sql = new JdbcTemplate(superuser);
        sql.execute("create role " + OWNER + " login password '" + OWNER + "'");
        sql.execute("create role " + APPLICATION + " login password '" + APPLICATION + "'");
        sql.execute("create database " + DATABASE + " owner " + OWNER);
    }

    private static synchronized void release() throws IOException {
        if (postgres != null && --contexts == 0) {
            postgres.close();
            postgres = null;
        }
    }

    /** Closes the data source before the server it connects to. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Lifecycle {

        @Bean
        static BeanFactoryPostProcessor dataSourceBeforePostgres() {
            return beanFactory -> {
                if (isPostgres() && beanFactory.containsBeanDefinition("dataSource")) {
                    beanFactory.getBeanDefinition("dataSource").setDependsOn("embeddedPostgresRelease");
                }
            };
        }

        @Bean
        DisposableBean embeddedPostgresRelease() {
            return TestDatabase::release;
        }
    }
}
