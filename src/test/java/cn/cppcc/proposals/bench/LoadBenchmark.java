package cn.cppcc.proposals.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.IntUnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The load benchmark of issue 13: a main class to run by hand, not a test (README, "Load
 * benchmark"). It starts the application in this JVM (demo profile, job executor on) on H2 or on an
 * embedded PostgreSQL server, or drives one already running at {@code -Durl}, with N client threads
 * over HTTP with keep-alive, as the demo users with HTTP Basic. Every mode warms up first (not
 * measured), then prints proposals/s, requests/s, the database's transactions/s, p50/p95/p99 per
 * kind of request, the start-up time and the heap in use after a GC; any answer that is not 2xx is
 * printed with its body and fails the run (exit status 1).
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test \
 *   &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *        cn.cppcc.proposals.bench.LoadBenchmark compare postgres
 * </pre>
 *
 * Modes (first argument; the second is {@code h2}, the default, or {@code postgres}):
 * <ul>
 *   <li>{@code happy}: N proposals through the 8 requests of the happy path;</li>
 *   <li>{@code plenary}: N lives of the plenary mix ({@link Lifecycles#plenaryPlan});</li>
 *   <li>{@code baseline}: N proposals through the bare engine of {@code -Dbaseline} (13 requests each);</li>
 *   <li>{@code compare} (the default): happy, then baseline on the same kind of database, and the ratio;</li>
 *   <li>{@code populate}: fills a database with N lives in-process ({@link DataGenerator});</li>
 *   <li>{@code latency}: on that database (populated first if needed), the latency goal's reads and
 *       steps and the sequential scans of their statements ({@link LatencyProbe}).</li>
 * </ul>
 * Settings: {@code -Dproposals=N} (500; plenary 6,000; populate and latency 100,000),
 * {@code -Dthreads=4} (latency: 1), {@code -Dwarmup=40} lives (latency: 30 rounds),
 * {@code -Drounds=200} (latency), {@code -Dbaseline=../shared/bench-baseline},
 * {@code -Dpopulate.threads=4}, {@code -Durl=http://host:port} (happy and plenary against a running
 * application: no start-up, heap or transactions), {@code -Dpg.synchronous_commit=on}.
 */
public final class LoadBenchmark {

    static final Path WORK = Path.of("target", "bench");

    private final String mode;
    private final String databaseKind;
    private final int lives;
    private final int threads;
    private final int warmUp;
    private final Client.Failures failures = new Client.Failures();

    private LoadBenchmark(String mode, String databaseKind) {
        this.mode = mode;
        this.databaseKind = databaseKind;
        this.lives = Integer.getInteger("proposals", switch (mode) {
            case "plenary" -> 6_000;
            case "populate", "latency" -> 100_000;
            default -> 500;
        });
        this.threads = Integer.getInteger("threads", mode.equals("latency") ? 1 : 4);
        this.warmUp = Integer.getInteger("warmup", mode.equals("latency") ? 30 : 40);
    }

    public static void main(String[] args) throws Exception {
        LoadBenchmark benchmark = new LoadBenchmark(args.length > 0 ? args[0] : "compare", args.length > 1 ? args[1] : "h2");
        benchmark.printMachine("start");
        switch (benchmark.mode) {
            case "happy" -> benchmark.project("happy").print();
            case "plenary" -> benchmark.project("plenary").print();
            case "baseline" -> {
                try (BenchDatabase database = BenchDatabase.open(benchmark.databaseKind, WORK.resolve("baseline-" + benchmark.databaseKind), true)) {
                    benchmark.baseline(database).print();
                }
            }
            case "compare" -> benchmark.compare();
            case "populate" -> benchmark.populate();
            case "latency" -> benchmark.latency();
            default -> throw new IllegalArgumentException("happy, plenary, baseline, compare, populate or latency: " + benchmark.mode);
        }
        benchmark.printMachine("end");
        int failed = benchmark.failures.count();
        if (failed > 0) {
            System.out.println("FAILED: " + failed + " unexpected answer(s)");
            benchmark.failures.print(20);
        }
        // the application's and the HTTP client's threads would keep the JVM alive
        System.exit(failed == 0 ? 0 : 1);
    }

    /** The happy path or the plenary mix through the project's API, started here or at -Durl. */
    private Result project(String what) throws Exception {
        String url = System.getProperty("url");
        if (url != null) {
            return measure(what, url, new Client(url, failures), null);
        }
        try (BenchDatabase database = BenchDatabase.open(databaseKind, WORK.resolve(what + "-" + databaseKind), true)) {
            return project(what, database);
        }
    }

    private Result project(String what, BenchDatabase database) throws Exception {
        try (ProjectServer app = ProjectServer.start(database)) {
            Result result = measure(what, database.name(), new Client(app.baseUrl(), failures), database);
            return result.withServer(app.startupSeconds(), ProjectServer.heapUsedAfterGcMegabytes());
        }
    }

    private Result measure(String what, String databaseLabel, Client client, BenchDatabase database) {
        Steps steps = new HttpSteps(client);
        IntUnaryOperator life = what.equals("happy")
                ? index -> {
                    Lifecycles.happy(steps, index, true);
                    return 1;
                }
                : index -> Lifecycles.live(steps, Lifecycles.plenaryPlan(index, Lifecycles.Stage.DONE));
        return measure(what, databaseLabel, client, database, BenchDatabase.DATABASE, life);
    }

    /** The bare engine on this database: built if needed, started, driven, stopped. */
    private Result baseline(BenchDatabase database) throws Exception {
        Path jar = BaselineServer.jar(Path.of(System.getProperty("baseline", "../shared/bench-baseline")), WORK);
        try (BaselineServer bare = BaselineServer.start(jar, database, database.directory())) {
            Client client = new Client(bare.baseUrl(), failures);
            long run = System.currentTimeMillis();
            Result result = measure("baseline", database.name(), client, database, BenchDatabase.BASELINE, index -> {
                BaselineServer.lifecycle(client, "bench-" + run + "-" + index);
                return 1;
            });
            return result.withServer(bare.startupSeconds(), null);
        }
    }

    /**
     * Warms up with {@code warmUp} lives (indices after the measured ones), then measures
     * {@code lives} lives, reading the database's committed transactions before and after.
     */
    private Result measure(String what, String databaseLabel, Client client, BenchDatabase database, String countedDatabase,
            IntUnaryOperator life) {
        client.measureInto(new Timings());
        Workload.run(threads, warmUp, index -> life.applyAsInt(lives + index), failures, false);
        OptionalLong before = database == null ? OptionalLong.empty() : database.committedTransactions(countedDatabase);
        Timings timings = new Timings();
        client.measureInto(timings);
        Workload.Done done = Workload.run(threads, lives, life, failures, lives >= 2_000);
        OptionalLong after = database == null ? OptionalLong.empty() : database.committedTransactions(countedDatabase);
        OptionalLong transactions = before.isPresent() && after.isPresent()
                ? OptionalLong.of(after.getAsLong() - before.getAsLong()) : OptionalLong.empty();
        return new Result(what, databaseLabel, threads, warmUp, done, timings, transactions, null, null);
    }

    private void compare() throws Exception {
        try (BenchDatabase database = BenchDatabase.open(databaseKind, WORK.resolve("compare-" + databaseKind), true)) {
            Result project = project("happy", database);
            Result bare = baseline(database);
            project.print();
            bare.print();
            System.out.printf(Locale.ROOT, "%n== ratio on %s: project %.2f proposals/s / bare engine %.2f proposals/s = %.2f"
                            + " (goal: at least 1.2)%n", database.name(), project.proposalsPerSecond(), bare.proposalsPerSecond(),
                    project.proposalsPerSecond() / bare.proposalsPerSecond());
        }
    }

    private void populate() throws Exception {
        Path directory = WORK.resolve("populated-" + databaseKind + "-" + lives);
        try (BenchDatabase database = BenchDatabase.open(databaseKind, directory, true);
             ProjectServer app = ProjectServer.start(database)) {
            System.out.printf(Locale.ROOT, "   %s in %s; application started in %.1f s%n", database.name(), directory,
                    app.startupSeconds());
            DataGenerator.populate(app, directory, lives, populateThreads(), failures);
            System.out.printf(Locale.ROOT, "   heap used after GC: %,d MB%n", ProjectServer.heapUsedAfterGcMegabytes());
        }
    }

    private void latency() throws Exception {
        Path directory = WORK.resolve("populated-" + databaseKind + "-" + lives);
        boolean populated = DataGenerator.populated(directory, lives);
        try (BenchDatabase database = BenchDatabase.open(databaseKind, directory, !populated)) {
            if (!populated) {
                try (ProjectServer app = ProjectServer.start(database)) {
                    DataGenerator.populate(app, directory, lives, populateThreads(), failures);
                }
            }
            try (ProjectServer app = ProjectServer.start(database)) {
                System.out.printf(Locale.ROOT, "%n== latency on %s with %,d lives of the plenary mix (%s): application started in %.1f s%n",
                        database.name(), lives, directory, app.startupSeconds());
                DataGenerator.printRows(app.context().getBean(JdbcTemplate.class));
                new LatencyProbe(new Client(app.baseUrl(), failures), database, app).run(threads, warmUp,
                        Integer.getInteger("rounds", 200), failures);
                System.out.printf(Locale.ROOT, "   heap used after GC: %,d MB%n", ProjectServer.heapUsedAfterGcMegabytes());
            }
        }
    }

    /** The data generator's threads: -Dpopulate.threads, else -Dthreads in populate mode, else 4. */
    private int populateThreads() {
        return Integer.getInteger("populate.threads", mode.equals("populate") ? threads : 4);
    }

    private void printMachine(String when) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "[%s] %d cores, load average %.2f, max heap %,d MB, %s%n", when,
                os.getAvailableProcessors(), os.getSystemLoadAverage(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                LocalDateTime.now().withNano(0));
    }

    /** One measured run and how to print it. */
    record Result(String what, String database, int threads, int warmUp, Workload.Done done, Timings timings,
                  OptionalLong transactions, Double startupSeconds, Long heapMegabytes) {

        Result withServer(double startup, Long heap) {
            return new Result(what, database, threads, warmUp, done, timings, transactions, startup, heap);
        }

        double proposalsPerSecond() {
            return done.proposals() / done.seconds();
        }

        void print() {
            double seconds = done.seconds();
            System.out.printf(Locale.ROOT, "%n== %s on %s, %d client threads: %,d lives (%,d proposals), %,d requests in %.1f s"
                            + " (warm-up: %d lives, not measured)%n", what, database, threads, done.finished(), done.proposals(),
                    timings.requests(), seconds, warmUp);
            System.out.printf(Locale.ROOT, "   proposals/s          %8.2f%n", proposalsPerSecond());
            System.out.printf(Locale.ROOT, "   requests/s           %8.1f   (%.1f per proposal)%n", timings.requests() / seconds,
                    (double) timings.requests() / Math.max(1, done.proposals()));
            if (transactions.isPresent()) {
                System.out.printf(Locale.ROOT, "   db transactions/s    %8.1f   (%.1f per proposal; pg_stat_database.xact_commit)%n",
                        transactions.getAsLong() / seconds, (double) transactions.getAsLong() / Math.max(1, done.proposals()));
            } else {
                System.out.println("   db transactions/s         n/a   (counted on PostgreSQL only)");
            }
            System.out.printf(Locale.ROOT, "   failed lives         %8d%n", done.failed());
            System.out.printf(Locale.ROOT, "   start-up             %s   heap used after GC: %s%n",
                    startupSeconds == null ? "n/a" : String.format(Locale.ROOT, "%6.1f s", startupSeconds),
                    heapMegabytes == null ? "n/a" : String.format(Locale.ROOT, "%,d MB", heapMegabytes));
            timings.print("   ");
        }
    }
}
