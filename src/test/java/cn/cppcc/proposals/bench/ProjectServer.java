package cn.cppcc.proposals.bench;

import cn.cppcc.proposals.ProposalsApplication;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application itself, started in the benchmark's JVM as {@code mvn spring-boot:run} starts it:
 * the default (demo) profile with its demo users, the job executor on as in production, on the
 * run's database and a free port. Its start-up time is measured from the call to a context that
 * answers requests.
 */
final class ProjectServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final double startupSeconds;

    private ProjectServer(ConfigurableApplicationContext context, double startupSeconds) {
        this.context = context;
        this.startupSeconds = startupSeconds;
    }

    static ProjectServer start(BenchDatabase database) {
        Map<String, Object> properties = new LinkedHashMap<>(database.projectProperties());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        // as command-line arguments: they win over application.yml (default properties would not)
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        long start = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ProposalsApplication.class).run(arguments);
        return new ProjectServer(context, (System.nanoTime() - start) / 1e9);
    }

    String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    double startupSeconds() {
        return startupSeconds;
    }

    /**
     * The heap in use after a full collection, in MB: the application's live data (and the
     * benchmark's, which is small: the latencies it keeps).
     */
    static long heapUsedAfterGcMegabytes() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    @Override
    public void close() {
        context.close();
    }
}
