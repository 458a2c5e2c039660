package cn.cppcc.proposals.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import cn.cppcc.proposals.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5: every step of the lifecycle leaves its record with the right actor, a refused step
 * none; the chain verifies and shows an edited or deleted row at that row; PostgreSQL refuses the
 * change; the timeline, the search, the CSV and the PDF.
 */
class AuditIntegrationTest extends IntegrationTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    AuditVerification verification;

    JsonNode events(String query) {
        Answer answer = api.get("auditor1", "/api/audit/events?size=200&" + query);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** The proposal's records, oldest first, as "ACTION actor". */
    List<String> trail(long id) {
        List<String> lines = new ArrayList<>();
        events("proposal=" + id).get("items").forEach(item -> lines.add(0, item.get("action").asText() + " " + item.get("actor").asText()));
        return lines;
    }

    long count() {
        return jdbcTemplate.queryForObject("select count(*) from audit_events", Long.class);
    }

    @Test
    void everyStepOfTheLifecycleIsRecordedWithItsActor() {
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "FILE", "category", "城市交通", "comment", "同意立案"));
        proposals.assign(id, "SINGLE", List.of("edu"), null);
        proposals.accept(id, "edu");
        proposals.replied(id, "edu", "A");
        proposals.rate(id, "edu", "member1", "SATISFIED");

        List<String> trail = trail(id).stream().filter(line -> !line.startsWith("NOTIFICATION")).toList();
        assertThat(trail).containsSubsequence("PROPOSAL_SUBMITTED member1", "REVIEW_OPENED member1",
                "PROPOSAL_REVIEWED office1", "PROPOSAL_ASSIGNED office1", "UNIT_ASSIGNMENT_OPENED office1",
                "ASSIGNMENT_ACCEPTED edu1", "CONSULTATION_RECORDED edu1", "REPLY_DRAFTED edu1",
                "REPLY_SIGNED_OFF edu-lead", "REPLY_SENT edu-lead", "REPLY_RATED member1");
        assertThat(trail).anyMatch(line -> line.startsWith("PROPOSAL_CLOSED "));
        assertThat(trail(id)).contains("NOTIFICATION_RECORDED office1");   // the proposer told of the filing

        JsonNode reviewed = find(events("proposal=" + id + "&action=PROPOSAL_REVIEWED"), "PROPOSAL_REVIEWED");
        assertThat(reviewed.get("actionName").asText()).isEqualTo("审查立案：立案");
        assertThat(reviewed.get("detail").asText()).contains("处理结果：立案（FILE）", "类别：城市交通", "意见：同意立案");
        assertThat(reviewed.get("actorRoles").asText()).contains("proposal-office");
        assertThat(reviewed.get("clientIp").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(reviewed.get("hash").asText()).hasSize(64);
        assertThat(find(events("proposal=" + id + "&action=REPLY_RATED"), "REPLY_RATED").get("actionName").asText())
                .isEqualTo("评价：满意");
        JsonNode signed = find(events("proposal=" + id + "&actor=edu-lead"), "REPLY_SIGNED_OFF");
        assertThat(signed.get("unit").asText()).isEqualTo("edu");
        assertThat(events("unit=edu&proposal=" + id).get("total").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();
    }

    @Test
    void deadlinesAreRecordedAsTheSystemsFromNoAddress() {
        setClock(Instant.parse("2026-11-23T02:00:00Z"));
        long id = proposals.assigned("SINGLE", List.of("housing"), null);
        setClock(Instant.parse("2026-11-30T16:00:01Z"));
        runDueJobs(id);
        JsonNode silence = find(events("proposal=" + id + "&action=ACCEPTED_BY_SILENCE"), "ACCEPTED_BY_SILENCE");
        assertThat(silence.get("actor").asText()).isEqualTo("system");
        assertThat(silence.get("clientIp").asText()).isEqualTo("system");
        assertThat(silence.get("detail").asText()).contains("区住房和城乡建设局");
        assertThat(silence.get("at").asText()).startsWith("2026-11-30T16:00:01");
    }

    @Test
    void aRefusedStepLeavesNoRecord() {
        long id = proposals.submitted();
        long before = count();
        Answer refused = api.post("office1", "/api/proposals/" + id + "/review", Map.of("decision", "REJECT"));
        assertProblem(refused, 400, "rejectGround");
        assertProblem(api.post("member1", "/api/proposals", Map.of("title", "")), 400, "title");
        assertThat(api.post("edu1", "/api/proposals/" + id + "/review", Map.of("decision", "FILE")).status()).isEqualTo(404);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anEditedOrDeletedRowIsFoundAtThatRow() {
        long id = proposals.submitted();
        long seq = jdbcTemplate.queryForObject("select max(seq) from audit_events where proposal_id = ?", Long.class, id);
        assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();
        String detail = jdbcTemplate.queryForObject("select detail from audit_events where seq = ?", String.class, seq);
        try {
            allowChanges(true);
            jdbcTemplate.update("update audit_events set detail = ? where seq = ?", detail + "（改）", seq);
            JsonNode broken = api.get("auditor1", "/api/audit/verify").body();
            assertThat(broken.get("ok").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
            // the scheduled check tells the office and the auditors
            assertThat(verification.run().firstBrokenSeq()).isEqualTo(seq);
            jdbcTemplate.update("update audit_events set detail = ? where seq = ?", detail, seq);
            assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();

            Map<String, Object> row = jdbcTemplate.queryForMap("select * from audit_events where seq = ?", seq);
            jdbcTemplate.update("delete from audit_events where seq = ?", seq);
            assertThat(api.get("auditor1", "/api/audit/verify").body().get("firstBrokenSeq").asLong()).isEqualTo(seq);
            reinsert(row);
        } finally {
            allowChanges(false);
        }
        assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();
        assertThat(jdbcTemplate.queryForObject("select count(*) from notifications where event = 'AUDIT_CHAIN_BROKEN'"
                + " and recipient in ('office1', 'auditor1')", Long.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void postgresRefusesToChangeOrDeleteARecord() {
        proposals.submitted();
        if (!TestDatabase.isPostgres()) {
            return; // H2: the application has no update or delete path; verify shows a change (test above)
        }
        long seq = jdbcTemplate.queryForObject("select max(seq) from audit_events", Long.class);
        assertThatThrownBy(() -> jdbcTemplate.update("update audit_events set detail = 'x' where seq = ?", seq))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbcTemplate.update("delete from audit_events where seq = ?", seq))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbcTemplate.execute("truncate audit_events")).hasMessageContaining("append-only");
        assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();
    }

    @Test
    void concurrentAppendsFormOneChain() throws Exception {
        long first = jdbcTemplate.queryForObject("select last_seq from audit_chain_head", Long.class);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Long>> submitted = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            String member = "member" + (1 + i % 3);
            submitted.add(pool.submit(() -> proposals.submit(member, Proposals.submission("并发提交的提案"))));
        }
        for (Future<Long> f : submitted) {
            f.get();
        }
        pool.shutdown();
        long last = jdbcTemplate.queryForObject("select last_seq from audit_chain_head", Long.class);
        assertThat(jdbcTemplate.queryForObject("select count(*) from audit_events where seq > ? and seq <= ?", Long.class,
                first, last)).isEqualTo(last - first);
        assertThat(last - first).isGreaterThanOrEqualTo(18 * 2);
        JsonNode verified = api.get("auditor1", "/api/audit/verify").body();
        assertThat(verified.get("ok").asBoolean()).as("%s", verified).isTrue();
        assertThat(verified.get("checked").asLong()).isGreaterThanOrEqualTo(last);
    }

    @Test
    void theTimelineShowsEachWhatTheDossierShowsThem() {
        long id = proposals.handledBy("edu");
        proposals.consult(id, "edu", "FACE_TO_FACE");
        proposals.reply(id, "edu", "A");
        proposals.signOff(id, "edu", false);

        JsonNode office = api.get("office1", "/api/proposals/" + id + "/history").body();
        assertThat(office.findValuesAsText("action")).contains("提交提案", "审查立案：立案", "交办：单独承办", "签收",
                "答复：A类", "签发：退回修改", "流程：提案提交");
        assertThat(office.findValuesAsText("action")).anyMatch(a -> a.startsWith("变量："));
        assertThat(office.findValuesAsText("detail")).anyMatch(d -> d.contains("用时："));
        List<String> times = office.findValuesAsText("at");
        assertThat(times.stream().map(java.time.Instant::parse).toList()).isSorted();   // "…35Z" is after "…35.001Z" as text

        JsonNode member = api.get("member1", "/api/proposals/" + id + "/history").body();
        List<String> actions = member.findValuesAsText("action");
        assertThat(actions).contains("提交提案", "审查立案：立案", "签收", "记录协商：见面协商")
                .doesNotContain("答复：A类", "签发：退回修改").noneMatch(a -> a.startsWith("变量："));
        assertThat(api.get("edu1", "/api/proposals/" + id + "/history").body().findValuesAsText("action"))
                .contains("答复：A类", "签发：退回修改").noneMatch(a -> a.startsWith("变量："));
        assertThat(api.get("member2", "/api/proposals/" + id + "/history").status()).isEqualTo(404);
        assertThat(api.get("transport1", "/api/proposals/" + id + "/history").status()).isEqualTo(404);
    }

    @Test
    void identityChangesThroughTheEngineRestApiAreRecorded() {
        Answer created = api.post("admin", "/engine-rest/user/create", Map.of("profile",
                Map.of("id", "auditcheck1", "firstName", "审计", "lastName", "测试", "email", "a@example.org"),
                "credentials", Map.of("password", "a-long-password-1")));
        assertThat(created.status()).isIn(200, 204);
        JsonNode items = events("actor=admin&action=IDENTITY_CHANGED").get("items");
        assertThat(items.findValuesAsText("subject")).contains("User:auditcheck1");
        assertThat(items.findValuesAsText("actionName")).contains("用户和用户组变更：创建用户");
        api.delete("admin", "/engine-rest/user/auditcheck1");
        assertThat(events("actor=admin&action=IDENTITY_CHANGED").get("items").findValuesAsText("actionName"))
                .contains("用户和用户组变更：删除用户");
    }

    @Test
    void searchExportsCsvThatExcelOpens() throws Exception {
        long id = proposals.submitted();
        HttpResponse<byte[]> csv = download("auditor1", "/api/audit/events.csv?proposal=" + id);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] body = csv.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"序号\",\"时间\"").contains("\r\n").contains("\"提交提案\"");
        assertThat(text.split("\r\n")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events("proposal=" + id).get("items").get(0).get("action").asText()).isNotBlank();
        assertThat(events("action=AUDIT_EXPORTED&actor=auditor1").get("total").asLong()).isPositive();
        assertThat(download("office1", "/api/audit/events.csv").statusCode()).isEqualTo(403);
        assertProblem(api.get("auditor1", "/api/audit/events?page=1000&size=200"), 400, "page");
    }

    @Test
    void theDossierIsAPdfWithItsTimelineInChinese() throws Exception {
        long id = proposals.handledBy("transport");
        HttpResponse<byte[]> pdf = download("office1", "/api/proposals/" + id + "/dossier.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("提案档案", "关于改善学校周边交通秩序的建议", "办理过程", "提交提案", "审查立案：立案", "签收");
        }
        assertThat(download("member1", "/api/proposals/" + id + "/dossier.pdf").statusCode()).isEqualTo(403);
        assertThat(download("member2", "/api/proposals/" + id + "/dossier.pdf").statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode find(JsonNode page, String action) {
        for (JsonNode item : page.get("items")) {
            if (item.get("action").asText().equals(action)) {
                return item;
            }
        }
        throw new AssertionError("no " + action + " in " + page);
    }

    /** On PostgreSQL only a superuser who disables the triggers can change the trail, as here. */
    private void allowChanges(boolean allow) {
        if (TestDatabase.isPostgres()) {
            jdbcTemplate.execute("alter table audit_events " + (allow ? "disable" : "enable") + " trigger audit_events_no_update_or_delete");
        }
    }

    private void reinsert(Map<String, Object> row) {
        jdbcTemplate.update("insert into audit_events (" + AuditChain.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("seq"), row.get("occurred_at"), row.get("actor"), row.get("actor_roles"), row.get("action"),
                row.get("action_name"), row.get("proposal_id"), row.get("unit_code"), row.get("subject"),
                row.get("client_ip"), row.get("detail"), row.get("prev_hash"), row.get("hash"));
    }
}
