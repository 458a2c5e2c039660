package cn.cppcc.proposals.report;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the summary's queries on 100,000 proposals, on H2 and on PostgreSQL: a benchmark to run
 * by hand, not a test. It starts nothing but a data source, runs the Flyway migrations, inserts the
 * proposals with their unit assignments, consultations, replies and ratings by batched SQL, then
 * runs the summary 5 times to warm up and 20 times timed, and prints the median and the 95th
 * percentile with the figures.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test \
 *   &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) cn.cppcc.proposals.report.SummaryBenchmark
 * </pre>
 *
 * Arguments: {@code h2}, {@code postgres} or both (the default); {@code -Dproposals=N} for another size.
 */
public final class SummaryBenchmark {

    static final int WARM_UP = 5;
    static final int RUNS = 20;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> CATEGORIES = List.of("经济发展", "城市建设管理", "城市交通", "群众生产生活", "教科文卫",
            "社区建设", "农业农村", "社会法制", "其它");
    static final List<String> CLASSES = List.of("A", "B", "C");
    static final int UNITS = 60;
    static final int MEMBERS = 600;
    /** 20 sessions, one a year from 2007 to 2026, each with a twentieth of the proposals: 5,000 a year, as many as the national committee gets. */
    static final int FIRST_YEAR = 2007;
    static final int YEARS = 20;

    private SummaryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int proposals = Integer.getInteger("proposals", 100_000);
        List<String> databases = args.length == 0 ? List.of("h2", "postgres") : List.of(args);
        for (String database : databases) {
            if (database.equals("h2")) {
                JdbcDataSource h2 = new JdbcDataSource();
                // H2 would answer a repeated query on unchanged tables from the last result
                h2.setURL("jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
                h2.setUser("sa");
                run("H2", h2, proposals);
            } else if (database.equals("postgres")) {
                try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
                    run("PostgreSQL", postgres.getPostgresDatabase(Map.of("reWriteBatchedInserts", "true")), proposals);
                }
            } else {
                throw new IllegalArgumentException("h2 or postgres: " + database);
            }
        }
    }

    /** Through a connection pool, as the application reads: a new PostgreSQL connection per query would cost more than most queries. */
    static void run(String name, DataSource database, int proposals) throws SQLException {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(database);
        pool.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            run(name, proposals, dataSource);
        }
    }

    static void run(String name, int proposals, DataSource dataSource) throws SQLException {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        long started = System.nanoTime();
        Counts counts = new Seeder(dataSource, proposals).seed();
        System.out.printf(Locale.ROOT, "%n== %s: %,d proposals, %,d unit assignments, %,d consultations, %,d replies"
                + " inserted in %.1f s%n", name, proposals, counts.assignments, counts.consultations, counts.replies,
                (System.nanoTime() - started) / 1e9);

        ReportQueries queries = new ReportQueries(JdbcClient.create(dataSource));
        LocalDate today = LocalDate.of(2026, 11, 22);
        ReportPeriod everything = ReportPeriod.everything();
        ReportPeriod year = ReportPeriod.ofYear(2026, ZONE);
        ReportPeriod session = everything.ofSession("s2026", YEARS, "2026年会议");
        ReportPeriod unitOfYear = year.narrowedTo("u01", null);
        time(name, "summary, all " + proposals, () -> summary(queries, everything, today));
        time(name, "summary, one session", () -> summary(queries, session, today));
        time(name, "summary, one year", () -> summary(queries, year, today));
        time(name, "summary, year 2026, one unit", () -> summary(queries, unitOfYear, today));
        time(name, "members, year 2026", () -> queries.memberCounts(year));
        time(name, "register rows, session", () -> queries.register(session));
    }

    static Summary summary(ReportQueries queries, ReportPeriod period, LocalDate today) {
        Map<String, String> units = new java.util.LinkedHashMap<>();
        for (int u = 1; u <= UNITS; u++) {
            units.put(unit(u), "单位" + u);
        }
        return Summary.assemble(period, queries.proposalCounts(period), queries.assignedByCategory(period),
                queries.assignmentCounts(period, today, ZONE), CATEGORIES, CLASSES, units);
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
        System.out.printf(Locale.ROOT, "%-10s %-32s median %7.1f ms   p95 %7.1f ms%n", database, what, median, p95);
        if (result instanceof Summary s) {
            System.out.printf(Locale.ROOT, "           submitted %d, filed %d, rejected %d, converted %d, merged %d,"
                            + " withdrawn %d, assigned %d (handled %d), unit assignments %d, replying %d, replied %d%n"
                            + "           reply %.4f, on time %.4f, face to face %.4f, satisfied %.4f,"
                            + " satisfied or basically %.4f, no response %d, classes %s, overdue %d, re-handled %d%n",
                    s.submitted(), s.filed(), s.rejected(), s.converted(), s.merged(), s.withdrawn(), s.assigned(),
                    s.handled(), s.unitAssignments(), s.replying(), s.replied(), s.replyRate(), s.onTimeReplyRate(),
                    s.faceToFaceRate(), s.satisfiedRate(), s.satisfiedOrBasicallyRate(), s.noResponse(), s.classes(),
                    s.overdue(), s.reHandled());
        } else if (result instanceof List<?> list) {
            System.out.printf(Locale.ROOT, "           %,d rows%n", list.size());
        }
    }

    static String unit(int u) {
        return String.format(Locale.ROOT, "u%02d", u);
    }

    record Counts(long assignments, long consultations, long replies) {}

    /**
     * Realistic shares: of the proposals 85% are filed, 5% rejected, 4% converted, 3% merged, 1%
     * withdrawn, 2% still in review; a fifth are joint. Of the filed ones 97% are assigned: 70% to
     * one unit, 15% to a lead unit with one or two co-units, 15% separately to two or three units;
     * 3% of the assignments were first given to a unit that was reassigned away. Every replying
     * unit of earlier years has replied, 85% of this year's (some after a returned draft), 92% on
     * time, 80% after meeting the proposer; ratings: 70% satisfied, 20% basically, 4% dissatisfied
     * (most handled again), 4% no response, this year's last replies not yet rated.
     */
    static final class Seeder {
        private final DataSource dataSource;
        private final int proposals;
        private final Random random = new Random(20261122);
        private long assignmentId;
        private long consultationId;
        private long replyId;
        private long coProposerId;

        Seeder(DataSource dataSource, int proposals) {
            this.dataSource = dataSource;
            this.proposals = proposals;
        }

        Counts seed() throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (int i = 1; i <= YEARS; i++) {
                        int year = FIRST_YEAR + i - 1;
                        s.executeUpdate("insert into sessions (id, code, name, session_year, plenary_opens, submission_deadline,"
                                + " is_current) values (" + i + ", 's" + year + "', '" + year + "年会议', " + year
                                + ", date '" + year + "-01-10', date '" + year + "-01-20', false)");
                    }
                    for (int u = 1; u <= UNITS; u++) {
                        s.executeUpdate("insert into units (code, name) values ('" + unit(u) + "', '单位" + u + "')");
                    }
                }
                Batches batches = new Batches(c);
                for (int p = 1; p <= proposals; p++) {
                    proposal(batches, p);
                }
                batches.flush();
                c.commit();
                try (Statement s = c.createStatement()) {
                    s.execute("analyze");
                }
                c.commit();
            }
            return new Counts(assignmentId, consultationId, replyId);
        }

        private void proposal(Batches b, int id) throws SQLException {
            int session = 1 + (int) ((long) (id - 1) * YEARS / proposals);
            int year = FIRST_YEAR + session - 1;
            OffsetDateTime created = OffsetDateTime.of(year, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8))
                    .plusMinutes(random.nextInt(300 * 24 * 60));
            String proposer = "m" + random.nextInt(MEMBERS);
            int outcome = random.nextInt(100);
            String status;
            OffsetDateTime filed = null;
            OffsetDateTime closed = null;
            String category = null;
            String number = null;
            OffsetDateTime decided = created.plusDays(3 + random.nextInt(15));
            if (outcome < 85) {
                status = "IN_HANDLING";
                filed = decided;
                category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
                number = String.format(Locale.ROOT, "%06d", id);
            } else if (outcome < 90) {
                status = "REJECTED";
                closed = decided;
            } else if (outcome < 94) {
                status = "CONVERTED";
                closed = decided;
            } else if (outcome < 97) {
                status = "MERGED";
                closed = decided;
            } else if (outcome < 98) {
                status = "WITHDRAWN";
                closed = decided;
            } else {
                status = "UNDER_REVIEW";
            }
            PreparedStatement ps = b.proposals;
            ps.setLong(1, id);
            ps.setLong(2, session);
            ps.setInt(3, id);
            ps.setString(4, number);
            ps.setString(5, "关于第" + id + "号事项的建议");
            ps.setString(6, proposer);
            ps.setString(7, category);
            ps.setString(8, status);
            ps.setObject(9, created);
            ps.setObject(10, filed);
            ps.setObject(11, closed);
            b.add(ps);

            if (random.nextInt(5) == 0) {
                int joined = 1 + random.nextInt(5);
                for (int j = 0; j < joined; j++) {
                    PreparedStatement cp = b.coProposers;
                    cp.setLong(1, ++coProposerId);
                    cp.setLong(2, id);
                    cp.setInt(3, j + 1);
                    cp.setString(4, "m" + ((Integer.parseInt(proposer.substring(1)) + 1 + j) % MEMBERS));
                    cp.setString(5, random.nextInt(10) == 0 ? "DECLINED" : "CONFIRMED");
                    b.add(cp);
                }
            }
            if (filed != null && random.nextInt(100) < 97) {
                assign(b, id, filed.plusDays(1 + random.nextInt(10)), year == FIRST_YEAR + YEARS - 1);
            }
        }

        private void assign(Batches b, long proposalId, OffsetDateTime assigned, boolean thisYear) throws SQLException {
            int mode = random.nextInt(100);
            List<String> roles = new ArrayList<>();
            if (mode < 70) {
                roles.add("SINGLE");
            } else if (mode < 85) {
                roles.add("LEAD");
                for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                    roles.add("CO");
                }
            } else {
                for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
                    roles.add("SEPARATE");
                }
            }
            int firstUnit = random.nextInt(UNITS);
            for (int i = 0; i < roles.size(); i++) {
                String unit = unit(1 + (firstUnit + i) % UNITS);
                LocalDate deadline = assigned.atZoneSameInstant(ZONE).toLocalDate().plusMonths(3);
                if (random.nextInt(100) < 3) {
                    assignment(b, proposalId, unit(1 + (firstUnit + 30 + i) % UNITS), roles.get(i), "REASSIGNED", 1,
                            assigned, deadline, deadline);
                }
                unitPart(b, proposalId, unit, roles.get(i), assigned, deadline, thisYear);
            }
        }

        private void unitPart(Batches b, long proposalId, String unit, String role, OffsetDateTime assigned,
                LocalDate deadline, boolean thisYear) throws SQLException {
            if (role.equals("CO")) {
                assignment(b, proposalId, unit, role, random.nextInt(10) < 9 ? "DONE" : "HANDLING", 1, assigned,
                        deadline, deadline);
                return;
            }
            boolean replied = !thisYear || random.nextInt(100) < 85;
            if (!replied) {
                long a = assignment(b, proposalId, unit, role, "HANDLING", 1, assigned, deadline, deadline);
                if (random.nextBoolean()) {
                    consultation(b, a, random.nextInt(100) < 80 ? "FACE_TO_FACE" : "PHONE", assigned.plusDays(10));
                }
                return;
            }
            boolean late = random.nextInt(100) < 8;
            OffsetDateTime sent = late ? assigned.plusMonths(3).plusDays(1 + random.nextInt(20))
                    : assigned.plusDays(20 + random.nextInt(60));
            int r = random.nextInt(100);
            String rating = r < 70 ? "SATISFIED" : r < 90 ? "BASICALLY_SATISFIED" : r < 94 ? "DISSATISFIED"
                    : r < 98 || !thisYear ? "NO_RESPONSE" : null;
            boolean again = "DISSATISFIED".equals(rating) && random.nextInt(100) < 80;
            LocalDate current = again ? sent.atZoneSameInstant(ZONE).toLocalDate().plusMonths(1) : deadline;
            String status = rating == null ? "REPLIED" : "DONE";
            long a = assignment(b, proposalId, unit, role, status, again ? 2 : 1, assigned, current, deadline);
            consultation(b, a, random.nextInt(100) < 80 ? "FACE_TO_FACE" : "PHONE", sent.minusDays(5));
            if (random.nextInt(3) == 0) {
                consultation(b, a, "WRITTEN", sent.minusDays(8));
            }
            if (random.nextInt(10) == 0) {
                reply(b, a, 1, "RETURNED", sent.minusDays(2), null);
            }
            reply(b, a, 1, "SENT", sent, rating);
            if (again) {
                consultation(b, a, "FACE_TO_FACE", sent.plusDays(10));
                int r2 = random.nextInt(100);
                reply(b, a, 2, "SENT", sent.plusDays(20), r2 < 50 ? "SATISFIED" : r2 < 85 ? "BASICALLY_SATISFIED"
                        : "DISSATISFIED");
            }
        }

        private long assignment(Batches b, long proposalId, String unit, String role, String status, int round,
                OffsetDateTime assigned, LocalDate deadline, LocalDate initialDeadline) throws SQLException {
            PreparedStatement ps = b.assignments;
            ps.setLong(1, ++assignmentId);
            ps.setLong(2, proposalId);
            ps.setString(3, unit);
            ps.setString(4, role);
            ps.setString(5, status);
            ps.setInt(6, round);
            ps.setObject(7, assigned);
            ps.setObject(8, deadline);
            ps.setObject(9, initialDeadline);
            b.add(ps);
            return assignmentId;
        }

        private void consultation(Batches b, long assignment, String method, OffsetDateTime at) throws SQLException {
            PreparedStatement ps = b.consultations;
            ps.setLong(1, ++consultationId);
            ps.setLong(2, assignment);
            ps.setString(3, method);
            ps.setObject(4, at.atZoneSameInstant(ZONE).toLocalDate());
            ps.setObject(5, at);
            b.add(ps);
        }

        private void reply(Batches b, long assignment, int round, String status, OffsetDateTime at, String rating)
                throws SQLException {
            PreparedStatement ps = b.replies;
            ps.setLong(1, ++replyId);
            ps.setLong(2, assignment);
            ps.setInt(3, round);
            ps.setString(4, CLASSES.get(random.nextInt(100) < 60 ? 0 : random.nextInt(100) < 70 ? 1 : 2));
            ps.setString(5, status);
            ps.setObject(6, at.minusDays(3));
            ps.setObject(7, status.equals("SENT") ? at : null);
            ps.setString(8, rating);
            b.add(ps);
        }
    }

    /** Prepared inserts, executed every 1,000 rows. */
    static final class Batches {
        static final int SIZE = 1000;
        final PreparedStatement proposals;
        final PreparedStatement coProposers;
        final PreparedStatement assignments;
        final PreparedStatement consultations;
        final PreparedStatement replies;
        private final List<PreparedStatement> order;
        private final Map<PreparedStatement, int[]> pending = new java.util.HashMap<>();

        Batches(Connection c) throws SQLException {
            proposals = c.prepareStatement("insert into proposals (id, session_id, serial_no, number, title, background,"
                    + " suggestions, proposer, proposer_type, kind, category, public_consent, status, registered_by,"
                    + " created_at, filed_at, closed_at) values (?, ?, ?, ?, ?, '案据', '办法', ?, 'MEMBER', 'PLENARY', ?,"
                    + " true, ?, 'bench', ?, ?, ?)");
            coProposers = c.prepareStatement("insert into co_proposers (id, proposal_id, position, user_id, state)"
                    + " values (?, ?, ?, ?, ?)");
            assignments = c.prepareStatement("insert into unit_assignments (id, proposal_id, unit_code, role, status,"
                    + " round, assigned_at, assigned_by, deadline, initial_deadline) values (?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?)");
            consultations = c.prepareStatement("insert into consultations (id, assignment_id, method, held_on,"
                    + " participants, summary, recorded_by, recorded_at) values (?, ?, ?, ?, '提案者、经办人', '协商', 'bench', ?)");
            replies = c.prepareStatement("insert into replies (id, assignment_id, round, classification, text, status,"
                    + " drafted_by, drafted_at, sent_at, rating) values (?, ?, ?, ?, '答复', ?, 'bench', ?, ?, ?)");
            // parents before children, so that foreign keys hold at every flush
            order = List.of(proposals, coProposers, assignments, consultations, replies);
            order.forEach(ps -> pending.put(ps, new int[1]));
        }

        void add(PreparedStatement ps) throws SQLException {
            ps.addBatch();
            if (++pending.get(ps)[0] >= SIZE) {
                flush();
            }
        }

        void flush() throws SQLException {
            for (PreparedStatement ps : order) {
                if (pending.get(ps)[0] > 0) {
                    ps.executeBatch();
                    pending.get(ps)[0] = 0;
                }
            }
        }
    }
}
