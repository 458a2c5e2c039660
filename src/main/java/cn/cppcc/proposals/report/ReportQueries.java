package cn.cppcc.proposals.report;

import cn.cppcc.proposals.unithandling.ConsultationMethod;
import cn.cppcc.proposals.unithandling.ReplyStatus;
import cn.cppcc.proposals.unithandling.UnitRole;
import cn.cppcc.proposals.unithandling.UnitStatus;
import cn.cppcc.proposals.proposal.CoProposerState;
import cn.cppcc.proposals.proposal.ProposalStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the reports: a few grouped queries, each one pass over its tables, the same on H2 and
 * PostgreSQL (no functions of one database only; {@code AT TIME ZONE} and {@code EXTRACT} are
 * standard SQL and both have them). They read the {@code report_} views of V25__read_views.sql,
 * one per table of another module with the columns used here, never those tables themselves.
 *
 * <p>A <em>unit assignment</em> counts once, unless it was reassigned away (REASSIGNED); a co-unit
 * (CO) counts as assigned to its unit and nowhere else, because it replies to nobody.
 */
@Repository
class ReportQueries {

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What became of the proposals: submitted, filed, rejected, converted, merged, withdrawn. */
    record ProposalCounts(long submitted, long filed, long rejected, long converted, long merged, long withdrawn) {}

    /** Proposals assigned to at least one unit, per category, and how many of them every replying unit has answered. */
    record CategoryCount(String category, long assigned, long handled) {}

    /**
     * Unit assignments of one unit grouped by whether they owe a reply, by the class of their latest
     * sent reply and by their latest rating.
     */
    record AssignmentCount(String unit, boolean replying, String classification, String rating, long assignments,
                           long replied, long onTime, long faceToFace, long overdue, long reHandled) {}

    /** One member's proposals: led 领衔, joined 联名 (confirmed), and of either those filed 立案. */
    record MemberCount(String user, long led, long joined, long filed) {}

    /** One line of the register: a proposal with one of its (not reassigned) units, or alone. */
    record RegisterRow(long proposalId, String number, int serialNo, String title, String proposer, long coProposers,
                       String category, String status, String convertedTo, String unit, String role, String unitStatus,
                       LocalDate firstDeadline, Instant firstSentAt, Instant latestSentAt, String classification,
                       boolean faceToFace, String rating) {}

    ProposalCounts proposalCounts(ReportPeriod period) {
        Sql sql = new Sql(period);
        String closed = "coalesce(p.closed_at, p.created_at)";
        return jdbc.sql("select"
                        + " sum(case when " + sql.within("p.created_at") + " then 1 else 0 end) as submitted,"
                        + " sum(case when p.filed_at is not null and " + sql.within("p.filed_at") + " then 1 else 0 end) as filed,"
                        + " sum(case when p.status = :rejected and " + sql.within(closed) + " then 1 else 0 end) as rejected,"
                        + " sum(case when p.status = :converted and " + sql.within(closed) + " then 1 else 0 end) as converted,"
                        + " sum(case when p.status = :merged and " + sql.within(closed) + " then 1 else 0 end) as merged,"
                        + " sum(case when p.status = :withdrawn and " + sql.within(closed) + " then 1 else 0 end) as withdrawn"
                        + " from report_proposals p where " + sql.scope())
                .params(sql.params)
                .param("rejected", ProposalStatus.REJECTED.name())
                .param("converted", ProposalStatus.CONVERTED.name())
                .param("merged", ProposalStatus.MERGED.name())
                .param("withdrawn", ProposalStatus.WITHDRAWN.name())
                .query((rs, n) -> new ProposalCounts(rs.getLong("submitted"), rs.getLong("filed"), rs.getLong("rejected"),
                        rs.getLong("converted"), rs.getLong("merged"), rs.getLong("withdrawn")))
                .single();
    }

    List<CategoryCount> assignedByCategory(ReportPeriod period) {
        Sql sql = new Sql(period);
        return jdbc.sql("select x.category, count(*) as assigned, sum(x.handled) as handled from ("
                        + "   select a.proposal_id, p.category,"
                        + "     min(case when a.role <> :co and s.assignment_id is null then 0 else 1 end) as handled"
                        + "   from report_unit_assignments a join report_proposals p on p.id = a.proposal_id"
                        + "   left join (" + sql.sentReplies() + ") s on s.assignment_id = a.id"
                        + "   where " + sql.assignments()
                        + "   group by a.proposal_id, p.category) x"
                        + " group by x.category")
                .params(sql.params)
                .params(constants())
                .query((rs, n) -> new CategoryCount(rs.getString("category"), rs.getLong("assigned"), rs.getLong("handled")))
                .list();
    }

    /**
     * The unit assignments' figures. {@code today} decides what is overdue; {@code zone} the day a
     * reply was sent, which is on time when it is no later than the deadline set at assignment.
     */
    List<AssignmentCount> assignmentCounts(ReportPeriod period, LocalDate today, ZoneId zone) {
        Sql sql = new Sql(period);
        String sentOn = day("(f.first_sent at time zone :zone)");
        String dueOn = day("f.first_deadline");
        return jdbc.sql("select f.unit_code, f.replying, ls.classification, lr.rating, count(*) as assignments,"
                        + " sum(case when f.first_sent is not null then 1 else 0 end) as replied,"
                        + " sum(case when f.first_sent is not null and " + sentOn + " <= " + dueOn + " then 1 else 0 end) as on_time,"
                        + " sum(case when f.first_sent is not null then f.face_to_face else 0 end) as face_to_face,"
                        + " sum(f.overdue) as overdue,"
                        + " sum(f.re_handled) as re_handled"
                        + " from (select a.id, a.unit_code,"
                        + "   case when a.role = :co then 0 else 1 end as replying,"
                        + "   coalesce(a.initial_deadline, a.deadline) as first_deadline,"
                        + "   s.first_sent, s.latest_sent, s.latest_rated,"
                        + "   case when m.assignment_id is null then 0 else 1 end as face_to_face,"
                        + "   case when a.role <> :co and a.deadline < :today and coalesce(s.last_round, 0) < a.round"
                        + "     then 1 else 0 end as overdue,"
                        + "   case when a.round > 1 then 1 else 0 end as re_handled"
                        + "   from report_unit_assignments a join report_proposals p on p.id = a.proposal_id"
                        + "   left join (" + sql.sentReplies() + ") s on s.assignment_id = a.id"
                        + "   left join (" + sql.metFaceToFace() + ") m on m.assignment_id = a.id"
                        + "   where " + sql.assignments() + ") f"
                        + " left join report_replies ls on ls.id = f.latest_sent"
                        + " left join report_replies lr on lr.id = f.latest_rated"
                        + " group by f.unit_code, f.replying, ls.classification, lr.rating")
                .params(sql.params)
                .params(constants())
                .param("today", today)
                .param("zone", zone.getId())
                .query((rs, n) -> new AssignmentCount(rs.getString("unit_code"), rs.getInt("replying") == 1,
                        rs.getString("classification"), rs.getString("rating"), rs.getLong("assignments"),
                        rs.getLong("replied"), rs.getLong("on_time"), rs.getLong("face_to_face"), rs.getLong("overdue"),
                        rs.getLong("re_handled")))
                .list();
    }

    /** Proposals submitted in the period (or of the session) by their status now. */
    Map<String, Long> byStatus(ReportPeriod period) {
        Sql sql = new Sql(period);
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select p.status, count(*) as n from report_proposals p where " + sql.scope() + " and "
                        + sql.within("p.created_at") + " group by p.status")
                .params(sql.params)
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Proposals of one proposer type 提案者类型: submitted and filed, each by the day of its event. */
    record ProposerTypeCount(String proposerType, long submitted, long filed) {}

    List<ProposerTypeCount> byProposerType(ReportPeriod period) {
        Sql sql = new Sql(period);
        return jdbc.sql("select p.proposer_type,"
                        + " sum(case when " + sql.within("p.created_at") + " then 1 else 0 end) as submitted,"
                        + " sum(case when p.filed_at is not null and " + sql.within("p.filed_at") + " then 1 else 0 end) as filed"
                        + " from report_proposals p where " + sql.scope() + " group by p.proposer_type")
                .params(sql.params)
                .query((rs, n) -> new ProposerTypeCount(rs.getString("proposer_type"), rs.getLong("submitted"),
                        rs.getLong("filed")))
                .list();
    }

    /** Per member, by the day each proposal was submitted (led, joined) and filed (filed). */
    List<MemberCount> memberCounts(ReportPeriod period) {
        Sql sql = new Sql(period);
        String led = "case when " + sql.within("p.created_at") + " then 1 else 0 end";
        String filed = "case when p.filed_at is not null and " + sql.within("p.filed_at") + " then 1 else 0 end";
        return jdbc.sql("select m.user_id, sum(m.led) as led, sum(m.joined) as joined, sum(m.filed) as filed from ("
                        + " select p.proposer as user_id, " + led + " as led, 0 as joined, " + filed + " as filed"
                        + "   from report_proposals p where " + sql.scope()
                        + " union all"
                        + " select c.user_id, 0, " + led + ", " + filed
                        + "   from report_co_proposers c join report_proposals p on p.id = c.proposal_id"
                        + "   where c.state = :confirmed and " + sql.scope()
                        + ") m group by m.user_id")
                .params(sql.params)
                .params(constants())
                .param("confirmed", CoProposerState.CONFIRMED.name())
                .query((rs, n) -> new MemberCount(rs.getString("user_id"), rs.getLong("led"), rs.getLong("joined"),
                        rs.getLong("filed")))
                .list()
                .stream()
                .filter(m -> m.led() + m.joined() + m.filed() > 0)
                .toList();
    }

    /** Every proposal submitted in the period (or of the session), once per unit it is assigned to. */
    List<RegisterRow> register(ReportPeriod period) {
        Sql sql = new Sql(period);
        String ofUnit = period.unit() == null ? "" : " and a.unit_code = :unit";
        return jdbc.sql("select x.*, ls.classification, ls.sent_at as latest_sent_at, lr.rating from ("
                        + " select p.id, p.number, p.serial_no, p.title, p.proposer, p.category, p.status, p.converted_to,"
                        + "   p.session_id,"
                        + "   (select count(*) from report_co_proposers c where c.proposal_id = p.id"
                        + "     and c.state = :confirmed) as co_proposer_count,"
                        + "   a.id as assignment_id, a.unit_code, a.role, a.status as unit_status,"
                        + "   coalesce(a.initial_deadline, a.deadline) as first_deadline,"
                        + "   (select min(r.sent_at) from report_replies r where r.assignment_id = a.id"
                        + "     and r.status = :sent) as first_sent,"
                        + "   (select max(r.id) from report_replies r where r.assignment_id = a.id"
                        + "     and r.status = :sent) as latest_sent,"
                        + "   (select max(r.id) from report_replies r where r.assignment_id = a.id and r.status = :sent"
                        + "     and r.rating is not null) as latest_rated,"
                        + "   case when exists (select 1 from report_consultations c where c.assignment_id = a.id"
                        + "     and c.method = :faceToFace) then 1 else 0 end as face_to_face"
                        + " from report_proposals p"
                        + " left join report_unit_assignments a on a.proposal_id = p.id and a.status <> :reassigned"
                        + ofUnit
                        + " where " + sql.scope() + " and " + sql.within("p.created_at") + ") x"
                        + " left join report_replies ls on ls.id = x.latest_sent"
                        + " left join report_replies lr on lr.id = x.latest_rated"
                        + " order by x.session_id, case when x.number is null then 1 else 0 end, x.number, x.serial_no,"
                        + " x.assignment_id")
                .params(sql.params)
                .params(constants())
                .param("confirmed", CoProposerState.CONFIRMED.name())
                .query(ReportQueries::registerRow)
                .list();
    }

    private static RegisterRow registerRow(ResultSet rs, int n) throws SQLException {
        return new RegisterRow(rs.getLong("id"), rs.getString("number"), rs.getInt("serial_no"), rs.getString("title"),
                rs.getString("proposer"), rs.getLong("co_proposer_count"), rs.getString("category"), rs.getString("status"),
                rs.getString("converted_to"), rs.getString("unit_code"), rs.getString("role"), rs.getString("unit_status"),
                rs.getObject("first_deadline", LocalDate.class), instant(rs, "first_sent"), instant(rs, "latest_sent_at"),
                rs.getString("classification"), rs.getInt("face_to_face") == 1, rs.getString("rating"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A day as a number yyyymmdd, comparable on both databases whatever their session time zone. */
    private static String day(String expression) {
        return "(extract(year from " + expression + ") * 10000 + extract(month from " + expression + ") * 100"
                + " + extract(day from " + expression + "))";
    }

    private static Map<String, Object> constants() {
        return Map.of("reassigned", UnitStatus.REASSIGNED.name(), "co", UnitRole.CO.name(),
                "sent", ReplyStatus.SENT.name(), "faceToFace", ConsultationMethod.FACE_TO_FACE.name());
    }

    /** The conditions of one period on a proposal {@code p}, with their parameters. */
    private static final class Sql {

        final Map<String, Object> params = new HashMap<>();
        private final ReportPeriod period;

        Sql(ReportPeriod period) {
            this.period = period;
            if (period.sessionId() != null) {
                params.put("sessionId", period.sessionId());
            }
            if (period.start() != null) {
                params.put("periodStart", period.start());
            }
            if (period.end() != null) {
                params.put("periodEnd", period.end());
            }
            if (period.unit() != null) {
                params.put("unit", period.unit());
            }
            if (period.category() != null) {
                params.put("category", period.category());
            }
        }

        /** Which proposals: of the session, of the category, assigned to the unit. */
        String scope() {
            List<String> conditions = new ArrayList<>();
            conditions.add("1 = 1");
            if (period.sessionId() != null) {
                conditions.add("p.session_id = :sessionId");
            }
            if (period.category() != null) {
                conditions.add("p.category = :category");
            }
            if (period.unit() != null) {
                conditions.add("exists (select 1 from report_unit_assignments u where u.proposal_id = p.id"
                        + " and u.unit_code = :unit and u.status <> :reassigned)");
                params.put("reassigned", UnitStatus.REASSIGNED.name());
            }
            return String.join(" and ", conditions);
        }

        /** The instant {@code column} falls within the dates of the period (always true for a session). */
        String within(String column) {
            List<String> conditions = new ArrayList<>();
            conditions.add("1 = 1");
            if (period.start() != null) {
                conditions.add(column + " >= :periodStart");
            }
            if (period.end() != null) {
                conditions.add(column + " < :periodEnd");
            }
            return "(" + String.join(" and ", conditions) + ")";
        }

        /**
         * The unit assignments {@code a} (of proposal {@code p}) a report counts, once each: not
         * reassigned away, of the proposals in scope, filed within the period, of the unit asked for.
         */
        String assignments() {
            params.put("reassigned", UnitStatus.REASSIGNED.name());
            return "a.status <> :reassigned and " + scope() + (period.unit() == null ? "" : " and a.unit_code = :unit")
                    + " and p.filed_at is not null and " + within("p.filed_at");
        }

        /**
         * Per assignment in scope, its sent replies: the first one's time, the latest one, the latest
         * one with a rating, and the latest round replied to (an assignment handled again owes a
         * reply in its new round). The scope is repeated inside, so that a session's report reads
         * only that session's replies. (Not window functions: H2 evaluates a derived table with them
         * once per joined row.)
         */
        String sentReplies() {
            return "select r.assignment_id, min(r.sent_at) as first_sent, max(r.id) as latest_sent,"
                    + " max(case when r.rating is not null then r.id end) as latest_rated, max(r.round) as last_round"
                    + " from report_replies r" + inScope("r.assignment_id")
                    + " and r.status = :sent group by r.assignment_id";
        }

        /** The assignments in scope that met the proposer face to face 见面. */
        String metFaceToFace() {
            return "select distinct c.assignment_id from report_consultations c" + inScope("c.assignment_id")
                    + " and c.method = :faceToFace";
        }

        /** Joins and a where clause that keep the rows of the assignments in scope; none for everything. */
        private String inScope(String assignmentId) {
            boolean everything = period.sessionId() == null && period.category() == null && period.unit() == null
                    && !period.isDated();
            if (everything) {
                return " where 1 = 1";
            }
            return " join report_unit_assignments a on a.id = " + assignmentId
                    + " join report_proposals p on p.id = a.proposal_id where " + assignments();
        }
    }
}
