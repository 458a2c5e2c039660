package cn.cppcc.proposals.audit;

import cn.cppcc.proposals.shared.AuditAction;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times the audit trail's search and verification over one million records, on H2 and on
 * PostgreSQL: a benchmark to run by hand, not a test. It runs the Flyway migrations (PostgreSQL's
 * append-only triggers included), appends the records through {@link AuditChain#append} in
 * transactions of 1,000 as the application does (each hashed with the demo key and linked to the
 * one before), then runs each search 5 times to warm up and 20 times timed and prints the median
 * and the 95th percentile; the verification of the whole chain is timed 3 times.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test \
 *   &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) cn.cppcc.proposals.audit.AuditBenchmark
 * </pre>
 *
 * Arguments: {@code h2}, {@code postgres} or both (the default); {@code -Drecords=N} for another size.
 */
public final class AuditBenchmark {

    static final int WARM_UP = 5;
    static final int RUNS = 20;
    static final int BATCH = 1_000;
    /** Five years of a national committee: 25,000 proposals, 60 units, 800 people who act. */
    static final int PROPOSALS = 25_000;
    static final int UNITS = 60;
    static final int ACTORS = 800;
    static final Instant FIRST = OffsetDateTime.of(2022, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    static final long SPAN_SECONDS = 5L * 365 * 24 * 3600;

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("records", 1_000_000);
        List<String> databases = args.length == 0 ? List.of("h2", "postgres") : List.of(args);
        for (String database : databases) {
            if (database.equals("h2")) {
                JdbcDataSource h2 = new JdbcDataSource();
                // H2 would answer a repeated query on unchanged tables from the last result
                h2.setURL("jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
                h2.setUser("sa");
                run("H2", h2, "h2", records);
            } else if (database.equals("postgres")) {
                try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
                    run("PostgreSQL", postgres.getPostgresDatabase(Map.of("reWriteBatchedInserts", "true")),
                            "postgresql", records);
                }
            } else {
                throw new IllegalArgumentException("h2 or postgres: " + database);
            }
        }
    }

    static void run(String name, DataSource database, String vendor, int records) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(database);
        pool.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            // one user, the tables' owner, also appends: R__application_user has nothing to grant
            String user = vendor.equals("h2") ? "sa" : "postgres";
            Flyway.configure().dataSource(dataSource).placeholders(Map.of("app-user", user))
                    .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
            AuditChain chain = new AuditChain(jdbc, transactions, new AuditKey(AuditKey.DEMO));
            AuditEvents events = new AuditEvents(jdbc);

            long started = System.nanoTime();
            append(chain, new TransactionTemplate(transactions), records);
            System.out.printf(Locale.ROOT, "%n== %s: %,d audit records appended (hashed, chained, in transactions of %,d)"
                    + " in %.1f s%n", name, records, BATCH, (System.nanoTime() - started) / 1e9);

            Instant month = FIRST.plusSeconds(SPAN_SECONDS / 2);
            Instant day = month.plusSeconds(9 * 86_400);
            AuditEvents.Filter all = new AuditEvents.Filter(null, null, null, null, null, null);
            time(name, "newest page, no filter", () -> events.search(all, 0, 50));
            time(name, "page 200 (offset 10,000)", () -> events.search(all, 10_000, 50));
            time(name, "one proposal", () -> events.search(filter(null, null, null, 12_345L, null, null), 0, 50));
            time(name, "one actor", () -> events.search(filter(null, null, "user417", null, null, null), 0, 50));
            time(name, "one unit", () -> events.search(filter(null, null, null, null, "u17", null), 0, 50));
            time(name, "one action in a month", () -> events.search(
                    filter(month, month.plusSeconds(30 * 86_400), null, null, null, "REPLY_RATED"), 0, 50));
            time(name, "one day", () -> events.search(filter(day, day.plusSeconds(86_400), null, null, null, null), 0, 50));
            time(name, "one actor in a month", () -> events.search(
                    filter(month, month.plusSeconds(30 * 86_400), "user417", null, null, null), 0, 50));
            time(name, "export of one unit (all rows)", () -> {
                long[] rows = {0};
                events.each(filter(null, null, null, null, "u17", null), r -> rows[0]++);
                return rows[0] + " rows";
            });
            AuditChain.Verification[] last = new AuditChain.Verification[1];
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                last[0] = chain.verify();
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            System.out.printf(Locale.ROOT, "%-10s %-32s median %7.1f ms   (%s, %,d records checked)%n", name,
                    "verify the whole chain", millis.get(1), last[0].ok() ? "intact" : "BROKEN", last[0].checked());
            if (!last[0].ok() || last[0].checked() != records) {
                throw new IllegalStateException("the chain should be intact with every record: " + last[0]);
            }
        }
    }

    static AuditEvents.Filter filter(Instant from, Instant to, String actor, Long proposal, String unit, String action) {
        return new AuditEvents.Filter(from, to, actor, proposal, unit, action);
    }

    /** Records in time order, as the application appends them: most about a proposal and a unit, some admin changes. */
    static void append(AuditChain chain, TransactionTemplate transaction, int records) {
        Random random = new Random(20261122);
        AuditAction[] actions = AuditAction.values();
        long step = SPAN_SECONDS * 1_000 / records;
        for (int from = 0; from < records; from += BATCH) {
            int first = from;
            int to = Math.min(records, from + BATCH);
            transaction.executeWithoutResult(status -> {
                List<AuditRecord> batch = new ArrayList<>(to - first);
                for (int i = first; i < to; i++) {
                    AuditAction action = actions[random.nextInt(actions.length)];
                    boolean aboutProposal = random.nextInt(10) > 0;
                    Long proposal = aboutProposal ? (long) (1 + random.nextInt(PROPOSALS)) : null;
                    String unit = aboutProposal && random.nextBoolean() ? "u" + (1 + random.nextInt(UNITS)) : null;
                    String actor = random.nextInt(20) == 0 ? AuditTrail.SYSTEM : "user" + (1 + random.nextInt(ACTORS));
                    batch.add(new AuditRecord(0, FIRST.plusMillis(i * step), actor, "proposal-office", action.name(),
                            action.label(), proposal, unit, proposal == null ? "User:user" + random.nextInt(ACTORS) : null,
                            "10.0." + random.nextInt(256) + "." + random.nextInt(256),
                            "意见：" + "同意按期办理并答复提案者".repeat(1 + random.nextInt(4)), null, null));
                }
                chain.append(batch);
            });
        }
    }

    static <T> void time(String database, String what, Supplier<T> query) {
        T result = null;
        for (int i = 0; i < WARM_UP; i++) {
            result = query.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            result = query.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        double median = (millis.get(RUNS / 2 - 1) + millis.get(RUNS / 2)) / 2;
        double p95 = millis.get((int) Math.ceil(RUNS * 0.95) - 1);
        String outcome = result instanceof AuditEvents.Page page
                ? page.items().size() + " rows of " + (page.totalCapped() ? "more than " : "") + page.total()
                : String.valueOf(result);
        System.out.printf(Locale.ROOT, "%-10s %-32s median %7.1f ms   p95 %7.1f ms   (%s)%n", database, what, median,
                p95, outcome);
    }
}
