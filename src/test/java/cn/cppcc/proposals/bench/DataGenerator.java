package cn.cppcc.proposals.bench;

import cn.cppcc.proposals.bench.Lifecycles.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code populate}: the state of a large committee after years of use, made the fast way the
 * README documents. Through the API a full life costs about ten requests, each authenticated, so
 * 100,000 would take hours; here the same lives of the plenary mix are driven in-process through
 * the services the API's controllers call ({@link EngineSteps}), in several threads, as the users who
 * take them. The project's steps therefore write exactly the rows the API would: proposals, unit
 * assignments, replies, consultations, audit records, notifications, the engine's runtime and full
 * history, its task authorizations.
 * <p>
 * 94 % of the proposals end (closed, rejected, converted, merged), 1 % each wait at review,
 * assignment, acceptance, handling, sign-off and rating. Everything happens today: deadlines and
 * timers lie ahead, so the job executor has nothing due (the engine's clock is global, so the years
 * cannot be replayed with several threads).
 */
final class DataGenerator {

    /** Written when the generator has finished; a later {@code latency} run uses the database again. */
    static final String MARKER = "populated.txt";

    private DataGenerator() {
    }

    static Stage stageOf(int index) {
        double draw = new SplittableRandom(0xDA7A_0000L + index).nextDouble();
        Stage[] open = {Stage.UNDER_REVIEW, Stage.AWAITING_ASSIGNMENT, Stage.AWAITING_ACCEPTANCE, Stage.HANDLING,
                Stage.AWAITING_SIGN_OFF, Stage.AWAITING_FEEDBACK};
        int slot = (int) (draw / 0.01);
        return slot < open.length ? open[slot] : Stage.DONE;
    }

    static boolean populated(Path directory, int lives) throws IOException {
        Path marker = directory.resolve(MARKER);
        return Files.exists(marker) && Files.readString(marker).startsWith("lives=" + lives + "\n");
    }

    static void populate(ProjectServer app, Path directory, int lives, int threads, Client.Failures failures)
            throws IOException {
        System.out.printf(Locale.ROOT, "%n== populate: %,d lives of the plenary mix in-process with %d threads%n", lives, threads);
        EngineSteps steps = new EngineSteps(app.context());
        Workload.Done done = Workload.run(threads, lives,
                index -> Lifecycles.live(steps, Lifecycles.plenaryPlan(index, stageOf(index))), failures, true);
        System.out.printf(Locale.ROOT, "   %,d lives (%,d proposals) in %.0f s: %.1f lives/s; %d failed%n", done.finished(),
                done.proposals(), done.seconds(), done.finished() / done.seconds(), done.failed());
        printRows(app.context().getBean(JdbcTemplate.class));
        if (done.failed() == 0) {
            Files.writeString(directory.resolve(MARKER), "lives=" + lives + "\nproposals=" + done.proposals()
                    + "\nseconds=" + Math.round(done.seconds()) + "\n");
        }
    }

    /** The tables that grow with proposals, and the proposals by status. */
    static void printRows(JdbcTemplate sql) {
        StringBuilder statuses = new StringBuilder();
        for (Map<String, Object> row : sql.queryForList("select status, count(*) as n from proposals group by status order by 2 desc")) {
            statuses.append(row.get("status")).append(' ').append(String.format(Locale.ROOT, "%,d", ((Number) row.get("n")).longValue())).append("; ");
        }
        System.out.println("   proposals by status: " + statuses);
        StringBuilder rows = new StringBuilder();
        for (String table : List.of("unit_assignments", "replies", "consultations", "audit_events", "notifications",
                "act_ru_task", "act_ru_execution", "act_ru_variable", "act_ru_job", "act_ru_authorization",
                "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail",
                "act_hi_identitylink", "act_ge_bytearray")) {
            Long count = sql.queryForObject("select count(*) from " + table, Long.class);
            rows.append(table).append(' ').append(String.format(Locale.ROOT, "%,d", count)).append("; ");
        }
        System.out.println("   rows: " + rows);
    }
}
