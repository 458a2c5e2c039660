package cn.cppcc.proposals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code latency}: on a populated database, the latency of the reads and steps of the latency goal
 * (p50/p95 after a warm-up), and which of the statements they issue scan a growing table
 * sequentially.
 * <p>
 * Each round reads as the office (its task list, a dossier, its workbench page with a page login,
 * Tasklist's list query), the task lists of a handler and a member, and takes one proposal through
 * the happy path (8 steps; without consent to publication, so nothing is left open). On PostgreSQL,
 * the seq_scan counters of pg_stat_user_tables are read before and after the measured rounds, and
 * afterwards each kind of request is sent once more with {@code auto_explain} on for the
 * application's database user: the plan of every statement it runs, with its real parameters, is
 * written to the server's log, which is read back for {@code Seq Scan} nodes.
 */
final class LatencyProbe {

    static final String TASKS_OFFICE = "GET /api/tasks (office1)";
    static final String TASKS_HANDLER = "GET /api/tasks (edu1)";
    static final String TASKS_MEMBER = "GET /api/tasks (member1)";
    static final String DOSSIER = "GET /api/proposals/{id} (office1)";
    static final String WORKBENCH = "GET /office (page, office1)";
    static final String TASKLIST = "GET /engine-rest/task?candidateGroup=proposal-office&maxResults=50";
    static final String HAPPY_PATH = "the 8 steps of one happy path";
    /** Tables that do not grow with proposals: a sequential scan of them is cheap at any size. */
    static final Set<String> FIXED_SIZE = Set.of("sessions", "session_counters", "categories", "units",
            "audit_chain_head", "calendar_days", "disabled_users", "mail_templates", "flyway_schema_history",
            "act_ge_property", "act_ge_schema_log", "act_ru_filter", "act_id_user", "act_id_group",
            "act_id_membership", "act_id_info", "act_id_tenant", "act_id_tenant_member", "act_re_procdef",
            "act_re_deployment", "act_re_decision_def", "act_re_decision_req_def", "act_re_camformdef",
            "act_re_case_def");
    static final long BIG_TABLE_ROWS = 1_000;
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

    private final Client client;
    private final BenchDatabase database;
    private final ProjectServer app;
    private final List<Long> proposalIds;
    private final Random random = new Random(42);
    private final Map<String, Long> rowCounts = new HashMap<>();
    private Client.PageSession officePages;

    LatencyProbe(Client client, BenchDatabase database, ProjectServer app) {
        this.client = client;
        this.database = database;
        this.app = app;
        this.proposalIds = app.context().getBean(JdbcTemplate.class).queryForList("select id from proposals", Long.class);
    }

    /** One round: the reads, then one happy path. */
    private int round(Steps steps, int index) {
        officeReads();
        client.get(TASKS_HANDLER, "edu1", Client.DEMO_PASSWORD, "/api/tasks");
        client.get(TASKS_MEMBER, "member1", Client.DEMO_PASSWORD, "/api/tasks");
        Lifecycles.happy(steps, index, false);
        return 1;
    }

    private void officeReads() {
        client.get(TASKS_OFFICE, "office1", Client.DEMO_PASSWORD, "/api/tasks");
        client.get(DOSSIER, "office1", Client.DEMO_PASSWORD, "/api/proposals/" + randomProposal());
        workbench().get(WORKBENCH, "/office");
        client.get(TASKLIST, "office1", Client.DEMO_PASSWORD, "/engine-rest/task?candidateGroup=proposal-office&maxResults=50");
    }

    private synchronized long randomProposal() {
        return proposalIds.get(random.nextInt(proposalIds.size()));
    }

    /** The office's browser session, logged in once (the login is not measured). */
    private synchronized Client.PageSession workbench() {
        if (officePages == null) {
            officePages = client.pageSession("office1", Client.DEMO_PASSWORD);
        }
        return officePages;
    }

    void run(int threads, int warmUpRounds, int rounds, Client.Failures failures) throws IOException, InterruptedException {
        Steps steps = new HttpSteps(client);
        client.measureInto(new Timings());
        Workload.run(threads, warmUpRounds, index -> round(steps, 1_000_000 + index), failures, false);

        Map<String, long[]> before = database.isPostgres() ? scansOfGrowingTables() : Map.of();
        Timings timings = new Timings();
        client.measureInto(timings);
        Workload.Done done = Workload.run(threads, rounds, index -> round(steps, index), failures, false);
        System.out.printf(Locale.ROOT, "   %d rounds with %d client thread(s) in %.1f s (warm-up: %d rounds, not measured)%n",
                done.finished(), threads, done.seconds(), warmUpRounds);
        timings.print("   ");
        if (!database.isPostgres()) {
            System.out.println("   (sequential scans and plans: PostgreSQL only)");
            return;
        }
        printScanCounters(before, scansOfGrowingTables());
        explainEachRequest(steps);
    }

    /** Per growing table: {seq_scan, idx_scan, n_live_tup}, once idle connections have reported theirs. */
    private Map<String, long[]> scansOfGrowingTables() throws InterruptedException {
        Thread.sleep(BenchDatabase.STATISTICS_DELAY_MILLIS);
        Map<String, long[]> scans = new LinkedHashMap<>();
        new JdbcTemplate(database.superuserInProjectDatabase()).query(
                "select relname, seq_scan, coalesce(idx_scan, 0), n_live_tup from pg_stat_user_tables order by n_live_tup desc",
                (ResultSet rs) -> {
                    if (!FIXED_SIZE.contains(rs.getString(1))) {
                        scans.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    }
                });
        return scans;
    }

    private void printScanCounters(Map<String, long[]> before, Map<String, long[]> after) throws InterruptedException {
        System.out.println("   pg_stat_user_tables during the measured rounds (tables that grow with proposals;"
                + " all connections, the job executor's too):");
        System.out.printf(Locale.ROOT, "   %-28s %12s %10s %12s%n", "table", "rows", "seq scans", "index scans");
        after.forEach((table, now) -> {
            long[] then = before.getOrDefault(table, new long[3]);
            if (now[0] - then[0] > 0 || now[2] >= 1000) {
                System.out.printf(Locale.ROOT, "   %-28s %,12d %,10d %,12d%n", table, now[2], now[0] - then[0], now[1] - then[1]);
            }
        });
    }

    /**
     * Sends each kind of request once with auto_explain on for the application's user (a role
     * setting, so the pool's connections are renewed to pick it up) and reports the sequential
     * scans of growing tables in the plans logged meanwhile.
     */
    private void explainEachRequest(Steps steps) throws IOException, InterruptedException {
        JdbcTemplate superuser = new JdbcTemplate(database.superuser());
        superuser.execute("alter role " + BenchDatabase.APPLICATION + " in database " + BenchDatabase.DATABASE
                + " set auto_explain.log_min_duration = 0");
        HikariDataSource pool = app.context().getBean(HikariDataSource.class);
        pool.getHikariPoolMXBean().softEvictConnections();
        Thread.sleep(500);
        System.out.println("   plans of the statements each request issued (auto_explain; statements of the job"
                + " executor that ran meanwhile included):");
        Map<String, Runnable> requests = new LinkedHashMap<>();
        requests.put(TASKS_OFFICE, () -> client.get(TASKS_OFFICE, "office1", Client.DEMO_PASSWORD, "/api/tasks"));
        requests.put(TASKS_HANDLER, () -> client.get(TASKS_HANDLER, "edu1", Client.DEMO_PASSWORD, "/api/tasks"));
        requests.put(DOSSIER, () -> client.get(DOSSIER, "office1", Client.DEMO_PASSWORD, "/api/proposals/" + randomProposal()));
        requests.put(WORKBENCH, () -> workbench().get(WORKBENCH, "/office"));
        requests.put(TASKLIST, () -> client.get(TASKLIST, "office1", Client.DEMO_PASSWORD,
                "/engine-rest/task?candidateGroup=proposal-office&maxResults=50"));
        requests.put(HAPPY_PATH, () -> Lifecycles.happy(steps, 2_000_000, false));
        try {
            for (Map.Entry<String, Runnable> request : requests.entrySet()) {
                long from = Files.exists(database.jsonLog()) ? Files.size(database.jsonLog()) : 0;
                request.getValue().run();
                Thread.sleep(700);   // the logging collector writes a moment later
                report(request.getKey(), plansSince(from));
            }
        } finally {
            superuser.execute("alter role " + BenchDatabase.APPLICATION + " in database " + BenchDatabase.DATABASE
                    + " reset auto_explain.log_min_duration");
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /**
     * Prints how many statements a request issued and its sequential scans of growing tables that
     * hold at least {@value #BIG_TABLE_ROWS} rows; smaller ones are only named, since the planner
     * rightly reads a small table whole (the finding that matters is whether that remains so at size).
     */
    private void report(String request, List<String> plans) {
        Set<String> findings = new LinkedHashSet<>();
        Set<String> smallTables = new TreeSet<>();
        Map<String, Integer> statements = new HashMap<>();
        for (String plan : plans) {
            statements.merge(queryText(plan), 1, Integer::sum);
            Matcher scan = SEQ_SCAN.matcher(plan);
            while (scan.find()) {
                String table = scan.group(1).toLowerCase(Locale.ROOT);
                if (FIXED_SIZE.contains(table)) {
                    continue;
                }
                long rows = rows(table);
                if (rows >= BIG_TABLE_ROWS) {
                    findings.add(String.format(Locale.ROOT, "Seq Scan on %s (%,d rows) in: %s", table, rows, queryText(plan)));
                } else {
                    smallTables.add(table + " (" + rows + ")");
                }
            }
        }
        System.out.printf(Locale.ROOT, "   %-68s %4d statements; %s%n", request, plans.size(), findings.isEmpty()
                ? "no sequential scan of a growing table of 1,000 rows or more"
                : findings.size() + " sequential scan(s) of a growing table of 1,000 rows or more:");
        findings.forEach(finding -> System.out.println("        " + finding));
        if (!smallTables.isEmpty()) {
            System.out.println("        (also read whole, still small here: " + String.join(", ", smallTables) + ")");
        }
        if (request.equals(HAPPY_PATH)) {
            System.out.println("        the statements it repeats most:");
            statements.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                    .forEach(e -> System.out.printf(Locale.ROOT, "        %4d x %s%n", e.getValue(), e.getKey()));
        }
    }

    /** A table's rows now (exactly: the statistics' estimate lags behind). */
    private long rows(String table) {
        return rowCounts.computeIfAbsent(table, t -> new JdbcTemplate(database.superuserInProjectDatabase())
                .queryForObject("select count(*) from " + t, Long.class));
    }

    /** The statement of an auto_explain entry, on one line and cut short. */
    private static String queryText(String plan) {
        int start = plan.indexOf("Query Text:");
        String text = start < 0 ? plan : plan.substring(start + "Query Text:".length());
        // the plan follows the statement from the line of its first node, the first with a cost
        int cost = text.indexOf("(cost=");
        int planStart = cost < 0 ? -1 : text.lastIndexOf('\n', cost);
        text = planStart < 0 ? text : text.substring(0, planStart);
        int parameters = text.indexOf("Query Parameters:");
        text = (parameters < 0 ? text : text.substring(0, parameters)).strip().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** The plans auto_explain logged for the application's user since {@code offset} of the JSON log. */
    private List<String> plansSince(long offset) throws IOException {
        List<String> plans = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (RandomAccessFile log = new RandomAccessFile(database.jsonLog().toFile(), "r")) {
            log.seek(offset);
            byte[] rest = new byte[(int) (log.length() - offset)];
            log.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = json.readTree(line);
                String message = entry.path("message").asText();
                if (BenchDatabase.APPLICATION.equals(entry.path("user").asText()) && message.startsWith("duration:")
                        && message.contains("plan:")) {
                    plans.add(message);
                }
            }
        }
        return plans;
    }
}
