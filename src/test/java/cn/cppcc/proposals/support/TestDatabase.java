package cn.cppcc.proposals.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of the integration tests: H2 (the default) or a real PostgreSQL server, started
 * once per test JVM from the binaries on Maven Central ({@code -Dtest.database=postgres}).
 */
public final class TestDatabase {

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
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
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
        }
        contexts++;
        return postgres;
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
