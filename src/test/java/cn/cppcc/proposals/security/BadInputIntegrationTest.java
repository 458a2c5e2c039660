package cn.cppcc.proposals.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.OpenSteps;
import cn.cppcc.proposals.support.Proposals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of bad requests against every step of API.md: missing, oversize and wrongly typed
 * fields, invalid codes and dates, unknown ids, script and SQL metacharacters, path traversal,
 * malformed JSON, wrong media types, huge bodies and steps in the wrong state. Each must answer a
 * 4xx problem+json (a 400 naming the field) and leave the database exactly as it was.
 */
class BadInputIntegrationTest extends IntegrationTestSupport {

    static final Object ABSENT = new Object();
    static final String SQL = "edu'; drop table units;--";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String TRAVERSAL = "../../etc/passwd";

    record Case(String user, String path, Object body, int status, String field) {}

    final List<Case> cases = new ArrayList<>();

    // --- mutations by kind of field --------------------------------------------------------------------

    /** Text with a limit; required ones also may not be missing or blank. */
    void text(String user, String path, Map<String, Object> base, String field, int max, boolean required) {
        List<Object> bad = new ArrayList<>(List.of("x".repeat(max + 1), 123, true, Map.of("a", 1), List.of("a")));
        if (required) {
            bad.addAll(List.of(ABSENT, "", "   "));
        }
        bad.forEach(value -> add(user, path, base, field, value));
    }

    /** A code, enum or id-like value: unknown values, metacharacters, traversal, wrong types. */
    void code(String user, String path, Map<String, Object> base, String field, boolean required) {
        List<Object> bad = new ArrayList<>(List.of("BOGUS", SQL, SCRIPT, TRAVERSAL, "x".repeat(300), 42, List.of(1)));
        if (required) {
            bad.add(ABSENT);
        }
        bad.forEach(value -> add(user, path, base, field, value));
    }

    void bool(String user, String path, Map<String, Object> base, String field) {
        for (Object value : List.of(ABSENT, "yes", "TRUE", 1, Map.of(), List.of(true))) {
            add(user, path, base, field, value);
        }
    }

    void date(String user, String path, Map<String, Object> base, String field, boolean required) {
        List<Object> bad = new ArrayList<>(List.of("2026-13-45", "tomorrow", "2026/01/01", 20260101, "1 OR 1=1", Map.of()));
        if (required) {
            bad.add(ABSENT);
        }
        bad.forEach(value -> add(user, path, base, field, value));
    }

    void add(String user, String path, Map<String, Object> base, String field, Object value) {
        Map<String, Object> body = new HashMap<>(base);
        if (value == ABSENT) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        cases.add(new Case(user, path, body, 400, field));
    }

    /** The same request as raw text, as a client with a bug would send it. */
    void raw(String user, String path) {
        cases.add(new Case(user, path, "{\"title\": ", 400, "body"));
        cases.add(new Case(user, path, "[1, 2, 3]", 400, "body"));
        cases.add(new Case(user, path, "", 400, "body"));
        cases.add(new Case(user, path, "{\"a\": \"\\ud800\"", 400, "body"));
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // --- the suite -----------------------------------------------------------------------------------

    @Test
    void badRequestsAreRefusedNamingTheFieldAndChangeNothing() {
        OpenSteps f = new OpenSteps(this);

        String submit = "/api/proposals";
        Map<String, Object> submission = Proposals.submission("关于规范共享单车停放的建议");
        text("member1", submit, submission, "title", 100, true);
        text("member1", submit, submission, "background", 20000, true);
        text("member1", submit, submission, "suggestions", 20000, true);
        code("member1", submit, submission, "proposerType", true);
        code("member1", submit, submission, "suggestedCategory", false);
        code("member1", submit, submission, "session", false);
        bool("member1", submit, submission, "publicConsent");
        Map<String, Object> joint = new HashMap<>(submission);
        joint.put("proposerType", "JOINT");
        for (Object value : List.of(ABSENT, List.of(), List.of(SQL), List.of("member1"), List.of(1), List.of("edu1"),
                List.of(TRAVERSAL), "x".repeat(70))) {
            add("member1", submit, joint, "coProposers", value);
        }
        Map<String, Object> paper = new HashMap<>(submission);
        code("office1", submit, paper, "onBehalfOf", true);
        raw("member1", submit);

        String review = "/api/proposals/" + f.underReview + "/review";
        Map<String, Object> file = map("decision", "FILE", "category", "城市交通", "comment", "同意");
        code("office1", review, file, "decision", true);
        code("office1", review, file, "category", true);
        text("office1", review, file, "comment", 2000, false);
        Map<String, Object> key = map("decision", "FILE", "category", "城市交通", "key", true, "supervisor", "chair1");
        code("office1", review, key, "supervisor", true);
        Map<String, Object> reject = map("decision", "REJECT", "rejectGround", "PERSONAL", "comment", "个人事务");
        code("office1", review, reject, "rejectGround", true);
        text("office1", review, reject, "comment", 2000, true);
        Map<String, Object> convert = map("decision", "CONVERT", "convertTo", "edu");
        code("office1", review, convert, "convertTo", true);
        Map<String, Object> merge = map("decision", "MERGE", "mergeInto", f.filed);
        for (Object value : List.of(ABSENT, 987654321, -1, "abc", 1.5, "1 OR 1=1", f.underReview, f.underReview2, List.of(1))) {
            add("office1", review, merge, "mergeInto", value);
        }
        raw("office1", review);

        String revision = "/api/proposals/" + f.returned + "/revision";
        Map<String, Object> revised = map("title", "新标题", "background", "新案据", "suggestions", "新办法");
        text("member1", revision, revised, "title", 100, true);
        text("member1", revision, revised, "background", 20000, true);
        text("member1", revision, revised, "suggestions", 20000, true);
        raw("member1", revision);

        String confirmation = "/api/proposals/" + f.joint + "/co-proposers/member2/confirmation";
        bool("member2", confirmation, map("confirm", true), "confirm");
        raw("member2", confirmation);

        String assignment = "/api/proposals/" + f.filed + "/assignment";
        Map<String, Object> single = map("mode", "SINGLE", "units", List.of("edu"));
        code("office1", assignment, single, "mode", true);
        for (Object value : List.of(ABSENT, List.of(), List.of("edu", "housing"), List.of(SQL), List.of(TRAVERSAL),
                List.of(SCRIPT), List.of(1), "mars", Map.of("a", "b"))) {
            add("office1", assignment, single, "units", value);
        }
        date("office1", assignment, single, "deadline", false);
        add("office1", assignment, single, "deadline", "2020-01-01");
        add("office1", assignment, single, "deadline", Proposals.today().plusYears(1).toString());
        Map<String, Object> lead = map("mode", "LEAD_AND_CO", "units", List.of("edu", "transport"), "lead", "edu");
        code("office1", assignment, lead, "lead", true);
        raw("office1", assignment);

        String acceptance = "/api/proposals/" + f.assignedToEdu + "/units/edu/acceptance";
        bool("edu1", acceptance, map("accept", true), "accept");
        Map<String, Object> objection = map("accept", false, "reason", "不属于本局职责", "suggestedUnit", "housing");
        text("edu1", acceptance, objection, "reason", 2000, true);
        code("edu1", acceptance, objection, "suggestedUnit", false);
        raw("edu1", acceptance);

        String resolution = "/api/proposals/" + f.objected + "/units/edu/objection-resolution";
        Map<String, Object> reassign = map("decision", "REASSIGN", "newUnit", "housing");
        code("office1", resolution, reassign, "decision", true);
        code("office1", resolution, reassign, "newUnit", true);
        add("office1", resolution, reassign, "newUnit", "edu");
        text("office1", resolution, reassign, "comment", 2000, false);
        raw("office1", resolution);

        String opinion = "/api/proposals/" + f.withCoUnit + "/units/edu/opinion";
        text("edu1", opinion, map("text", "会办意见"), "text", 10000, true);
        raw("edu1", opinion);

        String consultations = "/api/proposals/" + f.handling + "/units/edu/consultations";
        Map<String, Object> consultation = map("method", "PHONE", "date", Proposals.today().toString(),
                "participants", "提案者、经办人", "summary", "交换意见");
        code("edu1", consultations, consultation, "method", true);
        date("edu1", consultations, consultation, "date", true);
        add("edu1", consultations, consultation, "date", Proposals.today().plusDays(3).toString());
        text("edu1", consultations, consultation, "participants", 1000, true);
        text("edu1", consultations, consultation, "summary", 10000, true);
        raw("edu1", consultations);

        String reply = "/api/proposals/" + f.handling + "/units/edu/reply";
        Map<String, Object> replyA = map("classification", "A", "text", "已采纳");
        code("edu1", reply, replyA, "classification", true);
        text("edu1", reply, replyA, "text", 10000, true);
        text("edu1", reply, replyA, "responsibleLeader", 50, false);
        for (String phone : List.of("leaderPhone", "handlerPhone")) {
            for (Object value : List.of("call me", SQL, SCRIPT, "1".repeat(31), 12345678)) {
                add("edu1", reply, replyA, phone, value);
            }
        }
        Map<String, Object> replyB = map("classification", "B", "text", "正在解决", "committedDate",
                Proposals.today().plusMonths(3).toString());
        date("edu1", reply, replyB, "committedDate", true);
        add("edu1", reply, replyB, "committedDate", "2020-01-01");
        Map<String, Object> replyC = map("classification", "C", "text", "留作参考", "reason", "条件限制");
        text("edu1", reply, replyC, "reason", 2000, true);
        raw("edu1", reply);

        String signOff = "/api/proposals/" + f.awaitingSignOff + "/units/transport/sign-off";
        bool("transport-lead", signOff, map("approve", true), "approve");
        text("transport-lead", signOff, map("approve", false, "comment", "请补充"), "comment", 2000, true);
        raw("transport-lead", signOff);

        String feedback = "/api/proposals/" + f.replied + "/units/housing/feedback";
        Map<String, Object> rating = map("rating", "SATISFIED", "faceToFace", true);
        code("member1", feedback, rating, "rating", true);
        add("member1", feedback, rating, "rating", "NO_RESPONSE");
        bool("member1", feedback, rating, "faceToFace");
        text("member1", feedback, map("rating", "DISSATISFIED", "faceToFace", true, "comment", "没有措施"), "comment", 2000, true);
        raw("member1", feedback);

        String coordination = "/api/proposals/" + f.reHandling + "/units/housing/coordination";
        Map<String, Object> note = map("note", "请再次协商");
        text("office1", coordination, note, "note", 2000, true);
        date("office1", coordination, note, "deadline", false);
        add("office1", coordination, note, "deadline", "2020-01-01");
        raw("office1", coordination);

        // key proposals, withdrawal, follow-up, publication
        String supervision = "/api/proposals/" + f.keyProposal + "/supervision";
        text("chair1", supervision, map("note", "请加快办理"), "note", 4000, true);
        raw("chair1", supervision);
        String withdrawal = "/api/proposals/" + f.underReview + "/withdrawal";
        text("member1", withdrawal, map("reason", "情况已变化"), "reason", 2000, true);
        raw("member1", withdrawal);
        String approval = "/api/proposals/" + f.withdrawing + "/withdrawal/approval";
        bool("office1", approval, map("approve", true), "approve");
        text("office1", approval, map("approve", false, "comment", "已进入办理"), "comment", 2000, true);
        raw("office1", approval);
        String followUp = "/api/proposals/" + f.followUpDue + "/follow-up";
        text("office1", followUp, map("result", "已落实"), "result", 4000, true);
        add("office1", followUp, map("result", "已落实"), "unit", "x".repeat(33));
        raw("office1", followUp);
        String publication = "/api/proposals/" + f.filed + "/publication";
        bool("office1", publication, map("publish", true), "publish");
        raw("office1", publication);
        String template = "PUT /api/admin/mail-templates/PROPOSAL_FILED";
        Map<String, Object> mail = map("subject", "提案已立案：{title}", "body", "{recipientName}：已立案。");
        text("admin", template, mail, "subject", 300, true);
        text("admin", template, mail, "body", 10000, true);
        for (Object value : List.of("{password}", "{recipientName}{nope}", "{T}")) {
            add("admin", template, mail, "body", value);
        }
        add("admin", template, mail, "subject", "{secret}");
        cases.add(new Case("admin", "PUT /api/admin/mail-templates/NO_SUCH_EVENT", mail, 400, "event"));

        // similar proposals while writing
        Map<String, Object> draft = map("title", "学校周边交通", "background", "拥堵", "suggestions", "限时停车");
        text("member1", "/api/proposals/similar", draft, "title", 100, true);
        text("member1", "/api/proposals/similar", draft, "background", 20000, false);
        text("member1", "/api/proposals/similar", draft, "suggestions", 20000, false);
        raw("member1", "/api/proposals/similar");

        // admins' reference data
        text("admin", "/api/units", map("code", "newunit", "name", "新单位"), "name", 100, true);
        for (Object value : List.of(ABSENT, "New Unit", SQL, TRAVERSAL, SCRIPT, "edu", "a", 5)) {
            add("admin", "/api/units", map("code", "newunit", "name", "新单位"), "code", value);
        }
        text("admin", "/api/categories", map("name", "新类别"), "name", 50, true);
        add("admin", "/api/categories", map("name", "新类别"), "name", "教科文卫");
        Map<String, Object> session = map("code", "11-1", "name", "第十一届第一次会议", "year", 2028,
                "plenaryOpens", "2028-01-08", "submissionDeadline", "2028-01-10");
        text("admin", "/api/sessions", session, "code", 32, true);
        date("admin", "/api/sessions", session, "plenaryOpens", true);
        date("admin", "/api/sessions", session, "submissionDeadline", true);
        add("admin", "/api/sessions", session, "submissionDeadline", "2028-01-01");
        for (Object value : List.of(ABSENT, 1800, 99999, "2028x", List.of(2028))) {
            add("admin", "/api/sessions", session, "year", value);
        }
        add("admin", "/api/sessions", session, "code", "10-6");
        Map<String, Object> user = map("id", "newuser1", "name", "新用户", "password", "a-long-password", "groups", List.of("members"));
        code("admin", "/api/admin/users", user, "id", true);
        text("admin", "/api/admin/users", user, "password", 128, true);
        add("admin", "/api/admin/users", user, "password", "short");
        for (Object value : List.of("no-at-sign", SCRIPT, SQL, 42)) {
            add("admin", "/api/admin/users", user, "email", value);
        }
        for (Object value : List.of(List.of("no-such-group"), List.of(SQL), List.of(1))) {
            add("admin", "/api/admin/users", user, "groups", value);
        }

        int changed = 0;
        List<String> failures = new ArrayList<>();
        String before = f.fingerprint();
        for (Case c : cases) {
            Answer answer = c.path().startsWith("PUT ") ? api.put(c.user(), c.path().substring(4), c.body())
                    : c.body() instanceof String raw ? api.postRaw(c.user(), c.path(), "application/json", raw)
                    : api.post(c.user(), c.path(), c.body());
            check(c, answer, failures);
            String now = f.fingerprint();
            if (!now.equals(before)) {
                changed++;
                failures.add("changed the database: " + c + " → " + answer.body());
                before = now;
            }
        }
        assertThat(cases.size()).isGreaterThanOrEqualTo(300);
        assertThat(failures).as("%d requests, %d changed the database", cases.size(), changed).isEmpty();
    }

    @Test
    void wrongMediaTypesHugeBodiesUnknownIdsAndWrongStatesAreRefused() {
        OpenSteps f = new OpenSteps(this);
        String before = f.fingerprint();
        List<String> failures = new ArrayList<>();
        String review = "/api/proposals/" + f.underReview + "/review";
        List<Case> requests = new ArrayList<>();
        Consumer<Case> run = c -> {
            Answer answer;
            if (c.body() instanceof Map<?, ?> typed && typed.containsKey("contentType")) {
                answer = api.postRaw(c.user(), c.path(), (String) typed.get("contentType"), (String) typed.get("raw"));
            } else if (c.body() == null) {
                answer = api.get(c.user(), c.path());
            } else {
                answer = api.post(c.user(), c.path(), c.body());
            }
            check(c, answer, failures);
        };
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/html")) {
            requests.add(new Case("office1", review, Map.of("contentType", type, "raw", "decision=FILE"), 415, null));
        }
        String huge = "{\"decision\": \"FILE\", \"comment\": \"" + "大".repeat(700_000) + "\"}";
        requests.add(new Case("office1", review, Map.of("contentType", "application/json", "raw", huge), 413, null));
        requests.add(new Case("member1", "/api/proposals", Map.of("contentType", "application/json", "raw", huge), 413, null));
        for (String id : List.of("abc", "1.5", "-1%27%20OR%20%271%27%3D%271", "99999999999999999999")) {
            requests.add(new Case("office1", "/api/proposals/" + id + "/review", Map.of("decision", "FILE"), 400, "id"));
            requests.add(new Case("office1", "/api/proposals/" + id, null, 400, "id"));
        }
        for (String id : List.of("987654321", "0")) {
            requests.add(new Case("office1", "/api/proposals/" + id + "/review", Map.of("decision", "FILE"), 404, null));
            requests.add(new Case("office1", "/api/proposals/" + id, null, 404, null));
            requests.add(new Case("office1", "/api/proposals/" + id + "/attachments", null, 404, null));
        }
        for (String unit : List.of("mars", "%3Cscript%3E", "edu%27%20or%201")) {
            requests.add(new Case("edu1", "/api/proposals/" + f.assignedToEdu + "/units/" + unit + "/acceptance",
                    Map.of("accept", true), 404, null));
        }
        for (String unit : List.of("..%2F..%2Fetc", "edu%3B--", "..%252F", "edu%2F..%2Fhousing")) {
            requests.add(new Case("edu1", "/api/proposals/" + f.assignedToEdu + "/units/" + unit + "/acceptance",
                    Map.of("accept", true), 400, "path"));
        }
        // steps that are not open now
        requests.add(new Case("office1", "/api/proposals/" + f.filed + "/review", Map.of("decision", "FILE", "category", "城市交通"), 409, null));
        requests.add(new Case("edu1", "/api/proposals/" + f.handling + "/units/edu/acceptance", Map.of("accept", true), 409, null));
        requests.add(new Case("member1", "/api/proposals/" + f.handling + "/units/edu/feedback",
                Map.of("rating", "SATISFIED", "faceToFace", true), 409, null));
        requests.add(new Case("office1", "/api/proposals/" + f.underReview + "/assignment", Map.of("mode", "SINGLE", "units", List.of("edu")), 409, null));
        requests.add(new Case("member1", "/api/proposals/" + f.underReview + "/revision", Map.of("title", "t", "background", "b", "suggestions", "s"), 409, null));
        requests.add(new Case("transport-lead", "/api/proposals/" + f.replied + "/units/housing/sign-off", Map.of("approve", true), 404, null));
        // list parameters
        for (String query : List.of("status=OPEN", "page=-1", "size=0", "size=1000", "page=abc", "q=" + "x".repeat(101),
                "status=%27%20OR%201%3D1--")) {
            requests.add(new Case("office1", "/api/proposals?" + query, null, 400, query.substring(0, query.indexOf('='))));
        }
        for (String query : List.of("q=" + "x".repeat(101), "q=", "page=-1&q=a", "size=0&q=a", "size=abc&q=a")) {
            requests.add(new Case("office1", "/api/search?" + query, null, 400, null));
        }
        for (String query : List.of("limit=0", "limit=51", "limit=abc")) {
            requests.add(new Case("office1", "/api/proposals/" + f.underReview + "/similar?" + query, null, 400, "limit"));
        }
        for (String query : List.of("state=LOST", "event=NOPE", "proposal=abc", "page=-1", "size=0", "size=201")) {
            requests.add(new Case("office1", "/api/notifications?" + query, null, 400, query.substring(0, query.indexOf('='))));
        }
        // the audit trail's search and export (issue 5)
        for (String query : List.of("from=2026-13-01", "to=yesterday", "from=2026-05-01&to=2026-04-01", "proposal=abc",
                "page=-1", "size=0", "size=201", "action=NOPE", "action=%27%20OR%201%3D1--", "actor=" + "x".repeat(65),
                "page=100&size=200")) {
            String field = query.contains("&to=") ? "to" : query.substring(0, query.indexOf('='));
            requests.add(new Case("auditor1", "/api/audit/events?" + query, null, 400, field));
        }
        requests.add(new Case("auditor1", "/api/audit/events.csv?from=2026-02-30", null, 400, "from"));
        requests.add(new Case("auditor1", "/api/audit/events.csv?proposal=1.5", null, 400, "proposal"));
        requests.add(new Case("office1", "/api/proposals/987654321/history", null, 404, null));
        requests.add(new Case("office1", "/api/proposals/987654321/dossier.pdf", null, 404, null));
        // steps of issue 4 that are not open now
        requests.add(new Case("office1", "/api/proposals/" + f.handling + "/supervision", Map.of("note", "督办"), 409, null));
        requests.add(new Case("office1", "/api/proposals/" + f.filed + "/follow-up", Map.of("result", "已落实"), 409, null));
        requests.add(new Case("office1", "/api/proposals/" + f.handling + "/withdrawal/approval", Map.of("approve", true), 409, null));
        requests.add(new Case("member1", "/api/proposals/" + f.replied + "/withdrawal", Map.of("reason", "晚了"), 409, null));
        requests.add(new Case("office1", "/api/proposals/" + f.underReview + "/publication", Map.of("publish", true), 409, null));
        requests.add(new Case("office1", "/api/calendar/1999", null, 400, "year"));
        requests.add(new Case("office1", "/api/calendar/abc", null, 400, "year"));
        requests.forEach(run);
        assertThat(f.fingerprint()).isEqualTo(before);
        assertThat(failures).as("%d requests", requests.size()).isEmpty();
    }

    void check(Case c, Answer answer, List<String> failures) {
        String what = c.user() + " " + c.path() + " " + abbreviate(String.valueOf(c.body())) + " → " + answer.status()
                + " " + abbreviate(String.valueOf(answer.body()));
        if (answer.status() >= 500) {
            failures.add("5xx: " + what);
        } else if (answer.status() != c.status()) {
            failures.add("expected " + c.status() + ": " + what);
        } else if (!answer.contentType().startsWith("application/problem+json")) {
            failures.add("not problem+json: " + what);
        } else if (c.field() != null && c.status() == 400
                && !answer.body().path("errors").findValuesAsText("field").contains(c.field())) {
            failures.add("does not name " + c.field() + ": " + what);
        }
    }

    static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
