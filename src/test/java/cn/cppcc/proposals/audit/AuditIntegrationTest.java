package cn.cppcc.proposals.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.ForeignText;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5: every step of the lifecycle leaves its record with the right actor, a refused step
 * none; the chain verifies and shows an edited or deleted row at that row, also one re-hashed
 * without the key; PostgreSQL refuses the change, and the application's database user can neither
 * change a record nor disable the triggers; the timeline, the search, the CSV and the PDF.
 */
class AuditIntegrationTest extends IntegrationTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    AuditVerification verification;
    @Autowired
    AuditKey key;

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
        assertThat(reviewed.get("detail").asText()).contains("处理结果：立案", "类别：城市交通", "意见：同意立案").doesNotContain("FILE");
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
        JdbcTemplate owner = TestDatabase.owner(jdbcTemplate);
        String detail = jdbcTemplate.queryForObject("select detail from audit_events where seq = ?", String.class, seq);
        try {
            allowChanges(owner, true);
            owner.update("update audit_events set detail = ? where seq = ?", detail + "（改）", seq);
            JsonNode broken = api.get("auditor1", "/api/audit/verify").body();
            assertThat(broken.get("ok").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
            // the scheduled check tells the office and the auditors
            assertThat(verification.run().firstBrokenSeq()).isEqualTo(seq);
            owner.update("update audit_events set detail = ? where seq = ?", detail, seq);
            assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();

            Map<String, Object> row = owner.queryForMap("select * from audit_events where seq = ?", seq);
            owner.update("delete from audit_events where seq = ?", seq);
            assertThat(api.get("auditor1", "/api/audit/verify").body().get("firstBrokenSeq").asLong()).isEqualTo(seq);
            reinsert(owner, row);
        } finally {
            allowChanges(owner, false);
        }
        assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();
        assertThat(jdbcTemplate.queryForObject("select count(*) from notifications where event = 'AUDIT_CHAIN_BROKEN'"
                + " and recipient in ('office1', 'auditor1')", Long.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRowReHashedWithoutTheKeyIsFoundAtThatRow() {
        long id = proposals.submitted();
        proposals.submitted();   // records after the changed one, re-hashed too
        long seq = jdbcTemplate.queryForObject("select max(seq) from audit_events where proposal_id = ?", Long.class, id);
        JdbcTemplate owner = TestDatabase.owner(jdbcTemplate);
        AuditKey wrongKey = new AuditKey(HexFormat.of().formatHex(new byte[32]));
        List<AuditRecord> original = owner.query("select " + AuditChain.COLUMNS + " from audit_events where seq >= ? order by seq",
                (rs, n) -> AuditChain.read(rs), seq);
        assertThat(original).hasSizeGreaterThan(1);
        try {
            allowChanges(owner, true);
            // plain SHA-256, as the chain was before the key, and HMAC with another key: both found at the changed row
            for (Function<AuditRecord, String> hash : List.<Function<AuditRecord, String>>of(AuditHash::plain,
                    r -> AuditHash.keyed(r, wrongKey.mac()))) {
                rewrite(owner, original, original.get(0).detail() + "（改）", hash);
                JsonNode broken = api.get("auditor1", "/api/audit/verify").body();
                assertThat(broken.get("ok").asBoolean()).as("%s", broken).isFalse();
                assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
            }
            // the same forgery with the application's key would pass: what tells them apart is the key
            rewrite(owner, original, original.get(0).detail() + "（改）", r -> AuditHash.keyed(r, key.mac()));
            assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();
        } finally {
            for (AuditRecord r : original) {
                owner.update("update audit_events set detail = ?, prev_hash = ?, hash = ? where seq = ?", r.detail(),
                        r.prevHash(), r.hash(), r.seq());
            }
            owner.update("update audit_chain_head set last_hash = ? where id = 1", original.get(original.size() - 1).hash());
            allowChanges(owner, false);
        }
        assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();
    }

    /** Changes the first record's detail and re-hashes it and every later one with {@code hash}, as a forger would. */
    private static void rewrite(JdbcTemplate owner, List<AuditRecord> records, String detail, Function<AuditRecord, String> hash) {
        String prev = records.get(0).prevHash();
        for (AuditRecord r : records) {
            AuditRecord changed = new AuditRecord(r.seq(), r.at(), r.actor(), r.actorRoles(), r.action(), r.actionName(),
                    r.proposalId(), r.unitCode(), r.subject(), r.clientIp(), r == records.get(0) ? detail : r.detail(),
                    prev, null);
            prev = hash.apply(changed);
            owner.update("update audit_events set detail = ?, prev_hash = ?, hash = ? where seq = ?", changed.detail(),
                    changed.prevHash(), prev, r.seq());
        }
        assertThat(owner.update("update audit_chain_head set last_hash = ? where id = 1 and last_seq = ?", prev,
                records.get(records.size() - 1).seq())).as("nothing appended meanwhile").isEqualTo(1);
    }

    @Test
    void postgresRefusesToChangeOrDeleteARecord() {
        proposals.submitted();
        if (!TestDatabase.isPostgres()) {
            return; // H2: the application has no update or delete path; verify shows a change (test above)
        }
        long seq = jdbcTemplate.queryForObject("select max(seq) from audit_events", Long.class);
        // even the owner of the table: only by disabling the triggers first
        JdbcTemplate owner = TestDatabase.owner(jdbcTemplate);
        assertThatThrownBy(() -> owner.update("update audit_events set detail = 'x' where seq = ?", seq))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from audit_events where seq = ?", seq))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> owner.execute("truncate audit_events")).hasStackTraceContaining("append-only");
        assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();
    }

    @Test
    void theApplicationsDatabaseUserCanOnlyReadAndAppendTheTrail() {
        proposals.submitted();
        if (!TestDatabase.isPostgres()) {
            return; // H2 has one user
        }
        assertThat(jdbcTemplate.queryForObject("select current_user", String.class)).isEqualTo(TestDatabase.APPLICATION);
        assertThat(jdbcTemplate.queryForObject("select pg_get_userbyid(relowner) from pg_class where relname = 'audit_events'",
                String.class)).isEqualTo(TestDatabase.OWNER);
        long seq = jdbcTemplate.queryForObject("select max(seq) from audit_events", Long.class);
        for (String sql : List.of("alter table audit_events disable trigger audit_events_no_update_or_delete",
                "alter table audit_events disable trigger all", "drop trigger audit_events_no_truncate on audit_events")) {
            assertThatThrownBy(() -> jdbcTemplate.execute(sql)).as(sql).hasStackTraceContaining("must be owner");
        }
        for (String sql : List.of("update audit_events set detail = 'x' where seq = " + seq,
                "delete from audit_events where seq = " + seq, "truncate audit_events",
                "update audit_chain_head set plain_until_seq = 999999999 where id = 1")) {
            assertThatThrownBy(() -> jdbcTemplate.execute(sql)).as(sql).hasStackTraceContaining("permission denied");
        }
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

        // the office sees the business events, not the engine's variables and activities
        JsonNode office = api.get("office1", "/api/proposals/" + id + "/history").body();
        assertThat(office.findValuesAsText("action")).contains("提交提案", "审查立案：立案", "交办：单独承办", "签收",
                "答复：A类", "签发：退回修改")
                .noneMatch(a -> a.startsWith("变量：") || a.startsWith("流程：") || a.startsWith("流程引擎操作"));
        List<String> times = office.findValuesAsText("at");
        assertThat(times).extracting(java.time.Instant::parse).isSorted();
        // the engine's detail (技术明细) is the auditors' only, on request
        assertThat(api.get("office1", "/api/proposals/" + id + "/history?technical=true").status()).isEqualTo(403);
        JsonNode technical = api.get("auditor1", "/api/proposals/" + id + "/history?technical=true").body();
        assertThat(technical.findValuesAsText("action")).contains("提交提案", "签发：退回修改")
                .anyMatch(a -> a.startsWith("变量：")).contains("流程：提案提交");
        assertThat(technical.findValuesAsText("detail")).anyMatch(d -> d.contains("用时："));
        assertThat(api.get("auditor1", "/api/proposals/" + id + "/history").body().findValuesAsText("action"))
                .contains("提交提案").noneMatch(a -> a.startsWith("变量："));

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
        proposals.replied(id, "transport", "B");
        proposals.rate(id, "transport", "member1", "DISSATISFIED");
        HttpResponse<byte[]> pdf = download("office1", "/api/proposals/" + id + "/dossier.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("提案档案", "关于改善学校周边交通秩序的建议", "办理过程", "提交提案", "审查立案：立案", "签收");
            // issue 14: the business events in Chinese, names and Beijing times; no engine detail
            assertThat(ForeignText.in(text)).isEmpty();
            assertThat(text).doesNotContain("变量：", "nrOfInstances", "流程引擎操作");
            assertThat(document.getNumberOfPages()).isLessThanOrEqualTo(3);
        }
        // the engine's detail only when asked for, and only for auditors
        assertThat(download("office1", "/api/proposals/" + id + "/dossier.pdf?technical=true").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> technical = download("auditor1", "/api/proposals/" + id + "/dossier.pdf?technical=true");
        assertThat(technical.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(technical.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("变量：");
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

    /** On PostgreSQL only the table's owner (or a superuser) who disables the triggers can change the trail, as here. */
    private static void allowChanges(JdbcTemplate owner, boolean allow) {
        if (TestDatabase.isPostgres()) {
            owner.execute("alter table audit_events " + (allow ? "disable" : "enable") + " trigger audit_events_no_update_or_delete");
        }
    }

    private static void reinsert(JdbcTemplate owner, Map<String, Object> row) {
        owner.update("insert into audit_events (" + AuditChain.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("seq"), row.get("occurred_at"), row.get("actor"), row.get("actor_roles"), row.get("action"),
                row.get("action_name"), row.get("proposal_id"), row.get("unit_code"), row.get("subject"),
                row.get("client_ip"), row.get("detail"), row.get("prev_hash"), row.get("hash"));
    }
}
