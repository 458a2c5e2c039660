package cn.cppcc.proposals.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reports on a dataset of known outcomes, made through the API in the year 2029 and in a
 * session of its own ({@value #SESSION}), which no other test uses, so that the figures are exactly
 * those computed by hand below.
 *
 * <pre>
 * T0 2029-03-05 (Mon) 10:00 Beijing: P1..P10 submitted in session rpt29; deadline of what is assigned now: 2029-06-05
 *   P1  member1, JOINT with member2 (confirms); 城市交通;    SINGLE transport
 *   P2  member1;                               教科文卫;    LEAD_AND_CO edu (lead) + housing (co, sends its opinion)
 *   P3  member2;                               城市建设管理; SINGLE edu, objects; REASSIGNED to housing
 *   P4  member3;                               城市交通;    SEPARATE transport + housing
 *   P5  member1  REJECTED      P6 member2 CONVERTED to edu      P7 member3 MERGED into P1 (member3 joins P1)
 *   P8  member1;                               社区建设;    SINGLE edu: consults face to face, reply returned by the leader
 *   P9  member2  still under review            P10 member1; 经济发展; filed, not assigned
 *   P12 member2  WITHDRAWN (written to the table: the withdrawal feature comes later)
 * T1 2029-04-02 (Mon):
 *   P1  transport: FACE_TO_FACE, reply A, sent; SATISFIED
 *   P2  edu:       PHONE only, reply B, sent; BASICALLY_SATISFIED
 *   P3  housing:   FACE_TO_FACE, reply C, sent; no rating: NO_RESPONSE when the window closes on 04-23
 *   P4  transport: FACE_TO_FACE, reply A, sent; DISSATISFIED, waits for the office's coordination
 *   P11 member3;   群众生产生活; submitted, filed, SINGLE transport (deadline 2029-07-02)
 * T2 2029-06-06 00:30 Beijing (06-05 16:30 UTC), a day late for the deadline 06-05:
 *   P4  housing:   FACE_TO_FACE, reply B, sent late; DISSATISFIED; coordinated: round 2, deadline 07-06
 * T3 2029-06-08 (Fri):
 *   P4  housing:   round 2 reply A, sent; SATISFIED
 *   P11 transport: WRITTEN only, reply A, sent on time; not rated yet
 * Report day 2029-06-15 (Fri).
 * </pre>
 */
class ReportIntegrationTest extends IntegrationTestSupport {

    static final String SESSION = "rpt29";
    static final Instant T0 = Instant.parse("2029-03-05T02:00:00Z");
    static final Instant T1 = Instant.parse("2029-04-02T02:00:00Z");
    static final Instant NO_RESPONSE_DAY = Instant.parse("2029-04-24T02:00:00Z");
    static final Instant LATE = Instant.parse("2029-06-05T16:30:00Z");
    static final Instant T3 = Instant.parse("2029-06-08T02:00:00Z");
    static final Instant REPORT_DAY = Instant.parse("2029-06-15T02:00:00Z");

    /** The dataset is made once per test JVM (one per database) and read by every test. */
    static Map<String, Long> ids;

    @BeforeEach
    void dataset() {
        if (ids == null) {
            ids = build();
        }
        setClock(REPORT_DAY);
    }

    Map<String, Long> build() {
        Map<String, Long> p = new HashMap<>();
        setClock(T0);
        Answer session = api.post("admin", "/api/sessions", body("code", SESSION, "name", "报告测试届次", "year", 2029,
                "plenaryOpens", "2029-01-08", "submissionDeadline", "2029-01-20", "current", false));
        assertThat(session.status()).as("%s", session.body()).isEqualTo(201);

        Map<String, Object> joint = submission("关于优化公交线路的建议");
        joint.put("proposerType", "JOINT");
        joint.put("coProposers", List.of("member2"));
        p.put("P1", proposals.submit("member1", joint));
        proposals.step("member2", "/api/proposals/" + p.get("P1") + "/co-proposers/member2/confirmation", Map.of("confirm", true));
        file(p.get("P1"), "城市交通");
        proposals.assign(p.get("P1"), "SINGLE", List.of("transport"), null);
        proposals.accept(p.get("P1"), "transport");
        assertThat(proposals.unit(p.get("P1"), "transport").get("deadline").asText()).isEqualTo("2029-06-05");

        p.put("P2", submit("member1", "关于推进课后服务的建议"));
        file(p.get("P2"), "教科文卫");
        proposals.assign(p.get("P2"), "LEAD_AND_CO", List.of("edu", "housing"), "edu");
        proposals.accept(p.get("P2"), "edu");
        proposals.accept(p.get("P2"), "housing");
        proposals.step("housing1", "/api/proposals/" + p.get("P2") + "/units/housing/opinion", Map.of("text", "同意主办单位意见"));

        p.put("P3", submit("member2", "关于老旧小区加装电梯的建议"));
        file(p.get("P3"), "城市建设管理");
        proposals.assign(p.get("P3"), "SINGLE", List.of("edu"), null);
        proposals.step("edu1", "/api/proposals/" + p.get("P3") + "/units/edu/acceptance",
                Map.of("accept", false, "reason", "不属于本局职责", "suggestedUnit", "housing"));
        proposals.step("office1", "/api/proposals/" + p.get("P3") + "/units/edu/objection-resolution",
                Map.of("decision", "REASSIGN", "newUnit", "housing", "comment", "改由住建局办理"));
        proposals.accept(p.get("P3"), "housing");

        p.put("P4", submit("member3", "关于治理道路积水的建议"));
        file(p.get("P4"), "城市交通");
        proposals.assign(p.get("P4"), "SEPARATE", List.of("transport", "housing"), null);
        proposals.accept(p.get("P4"), "transport");
        proposals.accept(p.get("P4"), "housing");

        p.put("P5", submit("member1", "关于一件私事的建议"));
        proposals.review(p.get("P5"), Map.of("decision", "REJECT", "rejectGround", "PERSONAL", "comment", "属个人事务"));
        p.put("P6", submit("member2", "关于校服款式的建议"));
        proposals.review(p.get("P6"), Map.of("decision", "CONVERT", "convertTo", "edu", "comment", "转为意见建议"));
        p.put("P7", submit("member3", "关于增开公交线路的建议"));
        proposals.review(p.get("P7"), Map.of("decision", "MERGE", "mergeInto", p.get("P1"), "comment", "与P1并案"));

        p.put("P8", submit("member1", "关于社区养老服务的建议"));
        file(p.get("P8"), "社区建设");
        proposals.assign(p.get("P8"), "SINGLE", List.of("edu"), null);
        proposals.accept(p.get("P8"), "edu");
        proposals.consult(p.get("P8"), "edu", "FACE_TO_FACE");
        proposals.reply(p.get("P8"), "edu", "A");
        proposals.signOff(p.get("P8"), "edu", false);

        p.put("P9", submit("member2", "关于尚在审查的建议"));
        p.put("P10", submit("member1", "关于发展夜间经济的建议"));
        file(p.get("P10"), "经济发展");

        long sessionId = jdbc.sql("select id from sessions where code = ?").param(SESSION).query(Long.class).single();
        jdbc.sql("insert into proposals (session_id, serial_no, title, background, suggestions, proposer, proposer_type,"
                        + " kind, public_consent, status, registered_by, created_at, closed_at)"
                        + " values (?, 900, '关于已撤回事项的建议', '案据', '办法', 'member2', 'MEMBER', 'PLENARY', true,"
                        + " 'WITHDRAWN', 'member2', ?, ?)")
                .params(sessionId, OffsetDateTime.parse("2029-03-05T10:00:00+08:00"),
                        OffsetDateTime.parse("2029-03-06T10:00:00+08:00"))
                .update();

        setClock(T1);
        proposals.replied(p.get("P1"), "transport", "A");
        proposals.rate(p.get("P1"), "transport", "member1", "SATISFIED");
        proposals.consult(p.get("P2"), "edu", "PHONE");
        proposals.reply(p.get("P2"), "edu", "B");
        proposals.signOff(p.get("P2"), "edu", true);
        proposals.rate(p.get("P2"), "edu", "member1", "BASICALLY_SATISFIED");
        proposals.replied(p.get("P3"), "housing", "C");
        proposals.replied(p.get("P4"), "transport", "A");
        proposals.rate(p.get("P4"), "transport", "member3", "DISSATISFIED");
        p.put("P11", submit("member3", "关于便民菜市场的建议"));
        file(p.get("P11"), "群众生产生活");
        proposals.assign(p.get("P11"), "SINGLE", List.of("transport"), null);
        proposals.accept(p.get("P11"), "transport");

        setClock(NO_RESPONSE_DAY);
        assertThat(runDueJobsOf(p.get("P3"), "housing")).isEqualTo(1);
        assertThat(proposals.unit(p.get("P3"), "housing").get("feedback").get("rating").asText()).isEqualTo("NO_RESPONSE");

        setClock(LATE);
        proposals.replied(p.get("P4"), "housing", "B");
        proposals.rate(p.get("P4"), "housing", "member3", "DISSATISFIED");
        proposals.step("office1", "/api/proposals/" + p.get("P4") + "/units/housing/coordination",
                Map.of("note", "请再次协商"));
        assertThat(proposals.unit(p.get("P4"), "housing").get("deadline").asText()).isEqualTo("2029-07-06");

        setClock(T3);
        proposals.reply(p.get("P4"), "housing", "A");
        proposals.signOff(p.get("P4"), "housing", true);
        proposals.rate(p.get("P4"), "housing", "member3", "SATISFIED");
        proposals.consult(p.get("P11"), "transport", "WRITTEN");
        proposals.reply(p.get("P11"), "transport", "A");
        proposals.signOff(p.get("P11"), "transport", true);
        return p;
    }

    long submit(String member, String title) {
        return proposals.submit(member, submission(title));
    }

    static Map<String, Object> submission(String title) {
        Map<String, Object> body = Proposals.submission(title);
        body.put("session", SESSION);
        return body;
    }

    void file(long id, String category) {
        proposals.review(id, Map.of("decision", "FILE", "category", category, "comment", "同意立案"));
    }

    /** Runs the due jobs of one unit's handling only: other tests' timers are theirs. */
    int runDueJobsOf(long proposalId, String unit) {
        String instance = jdbc.sql("select process_instance_id from unit_assignments where proposal_id = ? and unit_code = ?"
                + " and status <> 'REASSIGNED'").params(proposalId, unit).query(String.class).single();
        List<Job> due = managementService.createJobQuery().processInstanceId(instance).executable().list();
        due.forEach(job -> managementService.executeJob(job.getId()));
        return due.size();
    }

    JsonNode summary(String query) {
        Answer answer = api.get("office1", "/api/reports/summary?" + query);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    static JsonNode unit(JsonNode summary, String code) {
        for (JsonNode unit : summary.get("byUnit")) {
            if (unit.get("code").asText().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code + " in " + summary);
    }

    static void assertCounts(JsonNode node, Map<String, Long> expected) {
        Map<String, Long> actual = new HashMap<>();
        expected.keySet().forEach(field -> actual.put(field, node.get(field).asLong()));
        assertThat(actual).isEqualTo(expected);
    }

    static void assertRate(JsonNode node, String field, double expected) {
        assertThat(node.get(field).asDouble()).as(field).isCloseTo(expected, within(1e-9));
    }

    static Map<String, Long> counts(Object... fieldsAndValues) {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            counts.put((String) fieldsAndValues[i], ((Number) fieldsAndValues[i + 1]).longValue());
        }
        return counts;
    }

    @Test
    void sessionSummaryCountsEveryFigureAsDomainDefinesIt() {
        JsonNode s = summary("session=" + SESSION);
        // P1..P11 and P12; filed P1 P2 P3 P4 P8 P10 P11; assigned: P1 P2 P3 P4 P8 P11
        assertCounts(s, counts("submitted", 12, "filed", 7, "rejected", 1, "converted", 1, "merged", 1, "withdrawn", 1,
                "assigned", 6, "handled", 5,
                // edu: P2 P8; housing: P2 (co) P3 P4; transport: P1 P4 P11. edu's P3 was reassigned away.
                "unitAssignments", 8, "replying", 7,
                // replied: all but P8 (returned draft); on time: all but P4 housing (00:30 on the day after);
                // face to face: not P2 edu (phone), not P11 (written)
                "replied", 6, "onTime", 5, "faceToFace", 4,
                // latest ratings: P1 S, P2 B, P3 NO_RESPONSE, P4 transport D, P4 housing S (after D), P11 none
                "satisfied", 2, "basicallySatisfied", 1, "dissatisfied", 1, "noResponse", 1, "rated", 4,
                // P8 edu: deadline 06-05, no reply sent on 06-15; P4 housing handled again
                "overdue", 1, "reHandled", 1));
        assertRate(s, "replyRate", 6.0 / 7);
        assertRate(s, "onTimeReplyRate", 5.0 / 6);
        assertRate(s, "faceToFaceRate", 4.0 / 6);
        assertRate(s, "satisfiedRate", 2.0 / 4);
        assertRate(s, "satisfiedOrBasicallyRate", 3.0 / 4);
        // classes by the latest sent reply: P1 A, P2 B, P3 C, P4 transport A, P4 housing A (B before), P11 A
        assertCounts(s.get("classes"), counts("A", 4, "B", 1, "C", 1));
        assertCounts(s.get("byCategory"), counts("城市交通", 2, "教科文卫", 1, "城市建设管理", 1, "社区建设", 1,
                "群众生产生活", 1, "经济发展", 0, "农业农村", 0, "社会法制", 0, "其它", 0));
        assertThat(s.get("period").get("session").asText()).isEqualTo(SESSION);

        assertThat(s.get("byUnit").findValuesAsText("code")).containsExactly("edu", "housing", "transport");
        JsonNode edu = unit(s, "edu");
        assertCounts(edu, counts("assigned", 2, "replying", 2, "replied", 1, "onTime", 1, "faceToFace", 0,
                "satisfied", 0, "basicallySatisfied", 1, "dissatisfied", 0, "noResponse", 0, "overdue", 1, "reHandled", 0));
        assertThat(edu.get("name").asText()).isEqualTo("区教育局");
        assertRate(edu, "replyRate", 0.5);
        assertRate(edu, "faceToFaceRate", 0);
        assertRate(edu, "satisfiedOrBasicallyRate", 1);
        // the co-unit of P2 counts as assigned, in no rate
        JsonNode housing = unit(s, "housing");
        assertCounts(housing, counts("assigned", 3, "replying", 2, "replied", 2, "onTime", 1, "faceToFace", 2,
                "satisfied", 1, "basicallySatisfied", 0, "dissatisfied", 0, "noResponse", 1, "overdue", 0, "reHandled", 1));
        assertRate(housing, "onTimeReplyRate", 0.5);
        assertRate(housing, "satisfiedRate", 1);
        JsonNode transport = unit(s, "transport");
        assertCounts(transport, counts("assigned", 3, "replying", 3, "replied", 3, "onTime", 3, "faceToFace", 2,
                "satisfied", 1, "basicallySatisfied", 0, "dissatisfied", 1, "noResponse", 0, "overdue", 0, "reHandled", 0));
        assertRate(transport, "faceToFaceRate", 2.0 / 3);
        assertRate(transport, "satisfiedOrBasicallyRate", 0.5);
    }

    /**
     * {@code GET /api/proposals} with the figures' filters lists exactly what each figure counts, by
     * session and by year: proposals, or for the unit figures one item per unit assignment.
     */
    @Test
    void everyFigureHasAListOfExactlyAsManyItems() {
        for (String[] period : List.of(new String[] {"session=" + SESSION, "session=" + SESSION,
                "session=" + SESSION + "&filed=true", "session=" + SESSION},
                new String[] {"year=2029", "submittedIn=2029", "filedIn=2029", "closedIn=2029"})) {
            JsonNode s = summary(period[0]);
            String submitted = period[1];
            String filed = period[2];
            String closed = period[3];
            Map<String, String> figures = new java.util.LinkedHashMap<>();
            figures.put("submitted", submitted);
            figures.put("filed", filed);
            figures.put("rejected", closed + "&status=REJECTED");
            figures.put("converted", closed + "&status=CONVERTED");
            figures.put("merged", closed + "&status=MERGED");
            figures.put("withdrawn", closed + "&status=WITHDRAWN");
            figures.put("assigned", filed + "&assigned=true");
            figures.put("replying", filed + "&replying=true");
            figures.put("replied", filed + "&replied=true");
            figures.put("onTime", filed + "&onTime=true");
            figures.put("faceToFace", filed + "&faceToFace=true");
            figures.put("overdue", filed + "&overdue=true");
            figures.put("reHandled", filed + "&reHandled=true");
            figures.put("satisfied", filed + "&rating=SATISFIED");
            figures.put("basicallySatisfied", filed + "&rating=BASICALLY_SATISFIED");
            figures.put("dissatisfied", filed + "&rating=DISSATISFIED");
            figures.put("noResponse", filed + "&rating=NO_RESPONSE");
            figures.put("rated", filed + "&rating=SATISFIED,BASICALLY_SATISFIED,DISSATISFIED");
            figures.forEach((figure, query) -> assertThat(listTotal(query)).as("%s: %s", figure, query)
                    .isEqualTo(s.get(figure).asLong()));
            assertThat(listTotal(filed + "&replying=false")).as("co-units").isEqualTo(
                    s.get("unitAssignments").asLong() - s.get("replying").asLong());
            s.get("classes").fields().forEachRemaining(c -> assertThat(listTotal(filed + "&replyClass=" + c.getKey()))
                    .as("class %s", c.getKey()).isEqualTo(c.getValue().asLong()));
            s.get("byCategory").fields().forEachRemaining(c -> assertThat(listTotal(filed + "&assigned=true&category="
                    + encode(c.getKey()))).as("category %s", c.getKey()).isEqualTo(c.getValue().asLong()));
            for (JsonNode unit : s.get("byUnit")) {
                String of = filed + "&unit=" + unit.get("code").asText();
                for (String figure : List.of("replied", "onTime", "faceToFace", "overdue", "reHandled")) {
                    assertThat(listTotal(of + "&" + figure + "=true")).as("%s of %s", figure, unit.get("code"))
                            .isEqualTo(unit.get(figure).asLong());
                }
                assertThat(listTotal(of + "&assigned=true")).isEqualTo(unit.get("assigned").asLong());
                assertThat(listTotal(of + "&replying=true")).isEqualTo(unit.get("replying").asLong());
                assertThat(listTotal(of + "&rating=SATISFIED,BASICALLY_SATISFIED")).isEqualTo(
                        unit.get("satisfied").asLong() + unit.get("basicallySatisfied").asLong());
            }
        }
        // the items of a unit figure are the units' parts: P4 appears once for each of its two units
        JsonNode replied = api.get("office1", "/api/proposals?size=100&session=" + SESSION + "&replied=true").body();
        assertThat(replied.get("items").findValuesAsText("unit")).containsExactlyInAnyOrder("transport", "edu", "housing",
                "transport", "housing", "transport");
        assertThat(api.get("office1", "/api/proposals?session=" + SESSION).body().get("items").get(0).has("unit")).isFalse();
        // a member sees the items of the proposals they may see: P4 and P11, and P1 that P7 was merged into
        assertThat(api.get("member3", "/api/proposals?session=" + SESSION + "&replied=true").body().get("items")
                .findValuesAsText("id")).containsOnly(String.valueOf(ids.get("P1")), String.valueOf(ids.get("P4")),
                String.valueOf(ids.get("P11")));
        assertProblem(api.get("office1", "/api/proposals?rating=GOOD"), 400, "rating");
        assertProblem(api.get("office1", "/api/proposals?filedIn=1800"), 400, "filedIn");
        assertProblem(api.get("office1", "/api/proposals?replyClass=Z"), 400, "replyClass");
        assertProblem(api.get("office1", "/api/proposals?overdue=maybe"), 400, "overdue");
    }

    long listTotal(String query) {
        Answer answer = api.get("office1", "/api/proposals?size=1&" + query);
        assertThat(answer.status()).as("%s: %s", query, answer.body()).isEqualTo(200);
        return answer.get("total").asLong();
    }

    @Test
    void proposerTypesCountSubmittedAndFiled() {
        // P1 is the only joint proposal; P12 (withdrawn) was a member's own
        Answer answer = api.get("office1", "/api/reports/proposer-types?session=" + SESSION);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().findValuesAsText("proposerType"))
                .containsExactly("MEMBER", "JOINT", "PARTY", "ORGANISATION", "COMMITTEE");
        assertCounts(answer.body().get(0), counts("submitted", 11, "filed", 6));
        assertCounts(answer.body().get(1), counts("submitted", 1, "filed", 1));
        assertCounts(answer.body().get(2), counts("submitted", 0, "filed", 0));
        assertThat(api.get("office1", "/api/reports/proposer-types?year=2029").body())
                .isEqualTo(answer.body());
        assertThat(api.get("member1", "/api/reports/proposer-types?year=2029").status()).isEqualTo(403);
    }

    @Test
    void yearCountsTheSameProposalsAsTheSession() {
        JsonNode bySession = summary("session=" + SESSION);
        JsonNode byYear = summary("year=2029");
        ((com.fasterxml.jackson.databind.node.ObjectNode) bySession).remove("period");
        ((com.fasterxml.jackson.databind.node.ObjectNode) byYear).remove("period");
        assertThat(byYear).isEqualTo(bySession);
    }

    @Test
    void dateRangeCountsEachFigureByTheDayOfItsEvent() {
        // March 2029: P11 was submitted, filed and assigned on 04-02, so it is out; all else is in
        JsonNode s = summary("from=2029-03-01&to=2029-03-31");
        assertCounts(s, counts("submitted", 11, "filed", 6, "rejected", 1, "converted", 1, "merged", 1, "withdrawn", 1,
                "assigned", 5, "handled", 4, "unitAssignments", 7, "replying", 6, "replied", 5, "onTime", 4,
                "faceToFace", 4, "satisfied", 2, "basicallySatisfied", 1, "dissatisfied", 1, "noResponse", 1,
                "overdue", 1, "reHandled", 1));
        assertRate(s, "replyRate", 5.0 / 6);
        assertRate(s, "onTimeReplyRate", 4.0 / 5);
        assertCounts(s.get("classes"), counts("A", 3, "B", 1, "C", 1));
        assertThat(unit(s, "transport").get("assigned").asLong()).isEqualTo(2);
        // the day before P12 was written and everything else happened
        JsonNode empty = summary("from=2029-03-04&to=2029-03-04");
        assertThat(empty.get("submitted").asLong()).isZero();
    }

    @Test
    void unitAndCategoryNarrowTheSummary() {
        // housing: P2 (co), P3, P4
        JsonNode housing = summary("session=" + SESSION + "&unit=housing");
        assertCounts(housing, counts("submitted", 3, "filed", 3, "rejected", 0, "assigned", 3, "unitAssignments", 3,
                "replying", 2, "replied", 2, "onTime", 1, "faceToFace", 2, "satisfied", 1, "noResponse", 1, "reHandled", 1));
        assertThat(housing.get("byUnit").findValuesAsText("code")).containsExactly("housing");
        assertCounts(housing.get("byCategory"), counts("教科文卫", 1, "城市建设管理", 1, "城市交通", 1));

        // 城市交通: P1 (transport), P4 (transport, housing)
        JsonNode traffic = summary("session=" + SESSION + "&category=" + encode("城市交通"));
        assertCounts(traffic, counts("submitted", 2, "filed", 2, "assigned", 2, "unitAssignments", 3, "replying", 3,
                "replied", 3, "onTime", 2, "faceToFace", 3, "satisfied", 2, "basicallySatisfied", 0, "dissatisfied", 1,
                "noResponse", 0, "overdue", 0, "reHandled", 1));
        assertRate(traffic, "satisfiedRate", 2.0 / 3);
        assertCounts(traffic.get("classes"), counts("A", 3, "B", 0, "C", 0));
        assertThat(traffic.get("byUnit").findValuesAsText("code")).containsExactly("housing", "transport");
    }

    @Test
    void ratesWithoutADenominatorAreNullAndStillThere() {
        JsonNode s = summary("from=2029-12-01&to=2029-12-31");
        for (String rate : List.of("replyRate", "onTimeReplyRate", "faceToFaceRate", "satisfiedRate", "satisfiedOrBasicallyRate")) {
            assertThat(s.has(rate)).as(rate).isTrue();
            assertThat(s.get(rate).isNull()).as(rate).isTrue();
        }
        assertThat(s.get("byUnit")).isEmpty();
        assertThat(s.get("assigned").asLong()).isZero();
    }

    @Test
    void membersRecordsCountLedJoinedAndFiled() {
        Answer answer = api.get("auditor1", "/api/reports/members?session=" + SESSION);
        assertThat(answer.status()).isEqualTo(200);
        Map<String, JsonNode> members = new HashMap<>();
        answer.body().forEach(m -> members.put(m.get("user").asText(), m));
        // member1 leads P1 P2 P5 P8 P10, four of them filed
        assertCounts(members.get("member1"), counts("led", 5, "joined", 0, "filed", 4));
        assertThat(members.get("member1").get("name").asText()).isEqualTo("李华");
        // member2 leads P3 P6 P9 P12 and joined P1; filed P3 and P1
        assertCounts(members.get("member2"), counts("led", 4, "joined", 1, "filed", 2));
        // member3 leads P4 P7 P11 and joined P1 when P7 was merged into it; filed P4 P11 P1
        assertCounts(members.get("member3"), counts("led", 3, "joined", 1, "filed", 3));
        assertThat(answer.body().get(0).get("user").asText()).isEqualTo("member1");
    }

    @Test
    void annualParagraphUsesTheCommitteesWording() {
        Answer answer = api.get("chair1", "/api/reports/annual?year=2029");
        assertThat(answer.status()).isEqualTo(200);
        // categories by count, the catalog's order among equals; 5 of 6 handled; 4/6 and 6/7 differ
        assertThat(answer.get("text").asText()).isEqualTo("2029年区政协共交办提案6件，其中涉及城市交通类2件，"
                + "城市建设管理类1件，群众生产生活类1件，教科文卫类1件，社区建设类1件。目前已办复5件，其余1件正在办理中，"
                + "见面率为66.7%，答复率为85.7%，满意率和基本满意率达到75%。全年共提交提案12件，立案7件。");
        assertThat(answer.get("summary").get("assigned").asLong()).isEqualTo(6);

        assertThat(api.get("office1", "/api/reports/annual?year=2031").get("text").asText())
                .isEqualTo("2031年区政协尚未交办提案。全年共提交提案0件，立案0件。");
    }

    @Test
    void rankingWeighsOnTimeFaceToFaceAndSatisfaction() {
        Answer answer = api.get("office1", "/api/reports/units/ranking?year=2029");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode weights = answer.get("weights");
        assertThat(List.of(weights.get("onTime").asDouble(), weights.get("faceToFace").asDouble(),
                weights.get("satisfaction").asDouble())).containsExactly(0.3, 0.3, 0.4);
        JsonNode units = answer.get("units");
        // housing 0.3×1/2 + 0.3×1 + 0.4×1 = 0.85; transport 0.3×1 + 0.3×2/3 + 0.4×1/2 = 0.7;
        // edu 0.3×1 + 0.3×0 + 0.4×1 = 0.7: equal, transport has more replies
        assertThat(units.findValuesAsText("code")).containsExactly("housing", "transport", "edu");
        assertThat(units.findValues("score").stream().map(JsonNode::asDouble).toList()).containsExactly(0.85, 0.7, 0.7);
        assertThat(units.findValues("rank").stream().map(JsonNode::asInt).toList()).containsExactly(1, 2, 2);
        assertRate(units.get(0), "onTimeReplyRate", 0.5);
        assertRate(units.get(1), "faceToFaceRate", 2.0 / 3);

        assertProblem(api.get("office1", "/api/reports/units/ranking"), 400, "year");
    }

    @Test
    void summarySpreadsheetHasOneSheetPerTable() throws Exception {
        HttpResponse<byte[]> download = api.download("office1", "/api/reports/summary.xlsx?session=" + SESSION);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(fileName(download)).isEqualTo("提案办理情况统计（报告测试届次）.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("总体情况", "按类别", "按承办单位", "答复类别");

            Sheet overview = workbook.getSheet("总体情况");
            assertThat(text(overview.getRow(0), 0)).isEqualTo("项目");
            assertThat(valueOf(overview, "统计范围").getStringCellValue()).isEqualTo("报告测试届次");
            assertThat(valueOf(overview, "提交提案（件）").getNumericCellValue()).isEqualTo(12);
            assertThat(valueOf(overview, "交办提案（件）").getNumericCellValue()).isEqualTo(6);
            Cell replyRate = valueOf(overview, "答复率");
            assertThat(replyRate.getNumericCellValue()).isCloseTo(6.0 / 7, within(1e-9));
            assertThat(replyRate.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(valueOf(overview, "满意率和基本满意率").getNumericCellValue()).isEqualTo(0.75);
            assertThat(valueOf(overview, "逾期未评价（件次）").getNumericCellValue()).isEqualTo(1);

            assertThat(valueOf(workbook.getSheet("按类别"), "城市交通").getNumericCellValue()).isEqualTo(2);
            assertThat(valueOf(workbook.getSheet("按类别"), "合计").getNumericCellValue()).isEqualTo(6);

            Sheet units = workbook.getSheet("按承办单位");
            assertThat(text(units.getRow(0), 1)).isEqualTo("交办件次");
            Row housing = rowOf(units, "区住房和城乡建设局");
            assertThat(numbers(housing, 1, 12)).containsExactly(3.0, 2.0, 2.0, 1.0, 2.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0);
            assertThat(housing.getCell(13).getNumericCellValue()).isEqualTo(0.5); // 按期答复率
            assertThat(numbers(rowOf(units, "合计"), 1, 4)).containsExactly(8.0, 7.0, 6.0);

            Sheet classes = workbook.getSheet("答复类别");
            assertThat(text(classes.getRow(1), 0)).isEqualTo("A类");
            assertThat(text(classes.getRow(1), 1)).isEqualTo("已解决或采纳");
            assertThat(classes.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(4);
            assertThat(valueOf(classes, "合计").getCellType()).isEqualTo(CellType.STRING); // 说明 column
        }
    }

    @Test
    void registerHasOneLinePerProposalAndUnit() throws Exception {
        HttpResponse<byte[]> download = api.download("auditor1", "/api/reports/register.xlsx?session=" + SESSION);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(fileName(download)).isEqualTo("提案办理情况汇总表（报告测试届次）.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(text(sheet.getRow(0), 0)).isEqualTo("提案办理情况汇总表（报告测试届次）");
            List<String> headers = new ArrayList<>();
            sheet.getRow(1).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("提案号", "案由", "提案者", "类别", "承办单位", "承办方式", "状态", "答复类别",
                    "答复日期", "是否按期", "是否见面", "评价");
            // 8 unit assignments (the reassigned one left out) and P5 P6 P7 P9 P10 P12 on their own
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(14);
            assertThat(line(sheet, 2)).containsExactly("0001", "关于优化公交线路的建议", "李华等3人", "城市交通", "区交通运输局",
                    "单独承办", "已办结", "A类（已解决或采纳）", "2029-04-02", "是", "是", "满意");

            List<List<String>> p4 = lines(sheet, "关于治理道路积水的建议");
            assertThat(p4).hasSize(2);
            assertThat(p4.get(1)).containsExactly("0004", "关于治理道路积水的建议", "刘芳", "城市交通", "区住房和城乡建设局",
                    "分办", "已办结", "A类（已解决或采纳）", "2029-06-08", "否", "是", "满意");
            assertThat(p4.get(0).subList(4, 12)).containsExactly("区交通运输局", "分办", "不满意待协调",
                    "A类（已解决或采纳）", "2029-04-02", "是", "是", "不满意");
            assertThat(lines(sheet, "关于推进课后服务的建议")).extracting(l -> l.subList(4, 12)).containsExactlyInAnyOrder(
                    List.of("区教育局", "主办", "已办结", "B类（正在解决或列入计划解决）", "2029-04-02", "是", "否", "基本满意"),
                    List.of("区住房和城乡建设局", "会办", "已提出会办意见", "", "", "", "", ""));
            assertThat(lines(sheet, "关于老旧小区加装电梯的建议")).singleElement()
                    .satisfies(l -> assertThat(l.subList(4, 12)).containsExactly("区住房和城乡建设局", "单独承办", "已办结",
                            "C类（因条件限制留作参考）", "2029-04-02", "是", "是", "逾期未评价"));
            assertThat(lines(sheet, "关于社区养老服务的建议").get(0).subList(6, 12))
                    .containsExactly("办理中", "", "", "", "是", "");
            assertThat(lines(sheet, "关于校服款式的建议").get(0).subList(0, 7))
                    .containsExactly("", "关于校服款式的建议", "张伟", "", "区教育局", "", "转为意见建议");
            assertThat(lines(sheet, "关于发展夜间经济的建议").get(0).get(6)).isEqualTo("已立案待交办");
            assertThat(lines(sheet, "关于已撤回事项的建议").get(0).get(6)).isEqualTo("已撤回");
        }
    }

    @Test
    void annualDocumentHasTheParagraphAndTheTables() throws Exception {
        HttpResponse<byte[]> download = api.download("office1", "/api/reports/annual.docx?year=2029");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(fileName(download)).isEqualTo("2029年度提案办理工作情况.docx");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(download.body()))) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("2029年度提案办理工作情况");
            assertThat(paragraphs.get(1)).startsWith("2029年区政协共交办提案6件，其中涉及城市交通类2件")
                    .endsWith("满意率和基本满意率达到75%。全年共提交提案12件，立案7件。");
            assertThat(paragraphs).contains("一、总体情况", "二、按类别", "三、按承办单位", "四、答复类别", "五、承办单位排名");
            List<XWPFTable> tables = document.getTables();
            assertThat(tables).hasSize(5);
            assertThat(tables.get(0).getRow(0).getCell(0).getText()).isEqualTo("项目");
            assertThat(tables.get(0).getRow(1).getCell(1).getText()).isEqualTo("2029年");
            assertThat(tables.get(0).getRow(2).getCell(1).getText()).isEqualTo("12");
            XWPFTable ranking = tables.get(4);
            assertThat(ranking.getRow(1).getCell(1).getText()).isEqualTo("区住房和城乡建设局");
            assertThat(ranking.getRow(1).getCell(6).getText()).isEqualTo("0.8500");
        }
    }

    @Test
    void onlyTheOfficeAuditorsAndSupervisorsReadReports() {
        for (String path : List.of("/api/reports/summary?year=2029", "/api/reports/summary.xlsx?year=2029",
                "/api/reports/members?year=2029", "/api/reports/register.xlsx?year=2029", "/api/reports/annual?year=2029",
                "/api/reports/annual.docx?year=2029", "/api/reports/units/ranking?year=2029")) {
            for (String user : List.of("member1", "edu1", "edu-lead", "admin")) {
                assertProblem(api.get(user, path), 403, null);
            }
            assertThat(api.get(null, path).status()).as(path).isEqualTo(401);
            for (String user : List.of("office1", "auditor1", "chair1")) {
                assertThat(api.get(user, path).status()).as("%s %s", user, path).isEqualTo(200);
            }
        }
    }

    @Test
    void badParametersAnswer400NamingTheField() {
        assertProblem(api.get("office1", "/api/reports/summary?year=abc"), 400, "year");
        assertProblem(api.get("office1", "/api/reports/summary?year=1800"), 400, "year");
        assertProblem(api.get("office1", "/api/reports/summary?from=2029-13-01"), 400, "from");
        assertProblem(api.get("office1", "/api/reports/summary?from=2029-06-01&to=2029-01-01"), 400, "to");
        assertProblem(api.get("office1", "/api/reports/summary?session=nope"), 400, "session");
        assertProblem(api.get("office1", "/api/reports/summary?session=" + SESSION + "&year=2029"), 400, "year");
        assertProblem(api.get("office1", "/api/reports/summary?year=2029&from=2029-01-01"), 400, "from");
        assertProblem(api.get("office1", "/api/reports/summary?unit=mars"), 400, "unit");
        assertProblem(api.get("office1", "/api/reports/summary?category=" + encode("火星")), 400, "category");
        assertProblem(api.get("office1", "/api/reports/summary.xlsx?to=yesterday"), 400, "to");
        assertProblem(api.get("office1", "/api/reports/register.xlsx?year=x"), 400, "year");
        assertProblem(api.get("office1", "/api/reports/members?session=nope"), 400, "session");
        assertProblem(api.get("office1", "/api/reports/annual"), 400, "year");
        assertProblem(api.get("office1", "/api/reports/annual.docx?year=twenty"), 400, "year");
        Answer answer = api.get("office1", "/api/reports/summary?year=abc");
        // people read the field by its label; the key is errors[].field's, for programs
        assertThat(answer.get("detail").asText()).isEqualTo("年份：必须是整数");
        assertThat(answer.get("errors").findValuesAsText("field")).containsExactly("year");
    }

    // --- reading the files ---------------------------------------------------------------------

    static String fileName(HttpResponse<?> download) {
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment; filename=\"");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }

    static Row rowOf(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
    }

    static Cell valueOf(Sheet sheet, String label) {
        return rowOf(sheet, label).getCell(1);
    }

    static List<Double> numbers(Row row, int from, int to) {
        List<Double> numbers = new ArrayList<>();
        for (int c = from; c < to; c++) {
            numbers.add(row.getCell(c).getNumericCellValue());
        }
        return numbers;
    }

    static List<String> line(Sheet sheet, int r) {
        List<String> line = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            line.add(text(sheet.getRow(r), c));
        }
        return line;
    }

    static List<List<String>> lines(Sheet sheet, String title) {
        List<List<String>> lines = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            if (text(sheet.getRow(r), 1).equals(title)) {
                lines.add(line(sheet, r));
            }
        }
        return lines;
    }
}
