package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import cn.cppcc.proposals.web.PageSession.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages as people use them, over HTTP with a session: login, CSRF, the steps of the lifecycle
 * through their forms (the same services as the API), field messages, escaping, both languages.
 */
class PagesIntegrationTest extends IntegrationTestSupport {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    PageSession as(String user) {
        PageSession session = new PageSession(port);
        Page home = session.login(user);
        assertThat(home.status()).as("login of %s", user).isEqualTo(200);
        assertThat(home.path()).isEqualTo("/");
        return session;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void pagesNeedALoginWithTheEnginesUsers() {
        PageSession anonymous = new PageSession(port);
        assertThat(anonymous.get("/proposals").path()).isEqualTo("/login");
        // an unknown user: a wrong password of a demo user would hold its logins back (login throttling)
        assertThat(anonymous.login("nobody-here", "wrong").path()).isEqualTo("/login?error");
        assertThat(anonymous.get("/office").path()).isEqualTo("/login");
        Page home = anonymous.login("member1", "demo");
        assertThat(home.path()).startsWith("/office"); // back where the user wanted to go ...
        assertThat(home.status()).isEqualTo(403); // ... which is the office's
        assertThat(anonymous.get("/").body()).contains("李华");
        Page loggedOut = anonymous.post("/logout", Map.of());
        assertThat(loggedOut.path()).isEqualTo("/login?logout");
        assertThat(anonymous.get("/").path()).isEqualTo("/login");
    }

    @Test
    void theCommitteesIconIsServedToEveryPage() {
        Page icon = new PageSession(port).get("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).isIn("image/x-icon", "image/vnd.microsoft.icon");
        assertThat(as("member1").get("/").body()).contains("<link rel=\"icon\" href=\"/favicon.ico\"");
    }

    @Test
    void pagesSendTheirSecurityHeadersAndRefuseFormsWithoutTheToken() {
        PageSession member = as("member1");
        Page page = member.get("/proposals/new");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=\"");
        Page forged = member.post("/proposals", Proposals.submission("没有令牌的提案"), false);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(api.get("member1", "/api/proposals?q=" + encode("没有令牌的提案")).get("total").asInt()).isZero();
    }

    @Test
    void chineseFirstEnglishOnRequestKeptInACookie() {
        PageSession member = as("member1");
        assertThat(member.get("/proposals").body()).contains("我的提案").contains("lang=\"zh-CN\"");
        Page english = member.get("/proposals?lang=en");
        assertThat(english.body()).contains("My proposals").contains("lang=\"en\"");
        assertThat(english.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("lang=en"));
        assertThat(member.get("/").body()).contains("My tasks");
        assertThat(member.get("/?lang=zh_CN").body()).contains("我的待办");
    }

    @Test
    void memberSubmitsWithAttachmentsAfterTheFieldsAreFixed() {
        PageSession member = as("member1");
        member.get("/proposals/new");
        Page refused = member.postMultipart("/proposals", Map.of("title", "", "background", "情况", "suggestions", "",
                "proposerType", "JOINT", "publicConsent", "true"), Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"title\">必须填写", "data-field=\"suggestions\">必须填写",
                "data-field=\"coProposers\">联名提案须至少有一位联名人");
        assertThat(refused.body()).contains(">情况</textarea>"); // what was typed stays
        // no file was chosen: nothing to choose again
        assertThat(refused.body()).doesNotContain("id=\"files-again\"", "请重新选择附件");

        String title = "关于<script>alert(1)</script>校车安全管理的建议";
        Page submitted = member.postMultipart("/proposals", Map.of("title", title, "background", "部分学校校车超载。",
                "suggestions", "加强校车检查。", "proposerType", "JOINT", "coProposers", List.of("member2", "member3"),
                "suggestedCategory", "教科文卫", "publicConsent", "false"), Map.of("files", Map.entry("证明材料.pdf", PDF)));
        assertThat(submitted.path()).matches("/proposals/\\d+");
        assertThat(submitted.body()).contains("提案已提交").contains("证明材料.pdf").contains("待联名确认")
                .contains("关于&lt;script&gt;alert(1)&lt;/script&gt;校车安全管理的建议").doesNotContain("<script>alert(1)");
        long id = Long.parseLong(submitted.path().substring("/proposals/".length()));
        assertThat(proposals.dossier(id).get("attachments").get(0).get("fileName").asText()).isEqualTo("证明材料.pdf");

        // the co-proposers confirm on their page, reached from their start page
        for (String co : List.of("member2", "member3")) {
            PageSession coProposer = as(co);
            assertThat(coProposer.get("/").body()).contains("/proposals/" + id + "/confirmation");
            coProposer.get("/proposals/" + id + "/confirmation");
            Page confirmed = coProposer.post("/proposals/" + id + "/confirmation", Map.of("confirm", "true"));
            assertThat(confirmed.body()).contains("已答复联名邀请");
        }
        assertThat(proposals.status(id)).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void aRefusedAttachmentRefusesTheWholeSubmission() {
        PageSession member = as("member2");
        member.get("/proposals/new");
        Page refused = member.postMultipart("/proposals", Proposals.submission("关于附件被拒的提案的建议"),
                Map.of("files", Map.entry("病毒.exe", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))));
        assertThat(refused.body()).contains("data-field=\"files\">病毒.exe：只接受PDF");
        // a browser does not keep a chosen file: the member is asked to choose it again
        assertThat(refused.body()).contains("id=\"files-again\"");
        assertThat(api.get("member2", "/api/proposals?q=" + encode("关于附件被拒的提案的建议")).get("total").asInt()).isZero();
    }

    @Test
    void similarProposalsWhileWritingComeAsJsonWithTheSessionsToken() {
        Map<String, Object> text = Proposals.submission("关于规范菜市场活禽宰杀管理的建议");
        text.put("background", "部分菜市场活禽宰杀区卫生条件差，污水横流。");
        long earlier = proposals.submit("member1", text);
        proposals.review(earlier, Map.of("decision", "FILE", "category", "群众生产生活"));
        PageSession member = as("member2");
        member.get("/proposals/new");
        Page similar = member.postJson("/proposals/similar",
                "{\"title\":\"关于加强菜市场活禽宰杀卫生管理的建议\",\"background\":\"活禽宰杀区污水横流\"}");
        assertThat(similar.status()).isEqualTo(200);
        assertThat(similar.body()).contains("关于规范菜市场活禽宰杀管理的建议").contains("\"statusLabel\":\"已立案\"")
                .contains("\"category\":\"群众生产生活\"");
        assertThat(similar.body()).doesNotContain("\"id\":" + earlier); // member1's proposal: title and category only
        assertThat(member.postJson("/proposals/similar", "{\"title\":\"\"}").body()).isEqualTo("[]");
        assertThat(member.postJson("/proposals/similar", "{\"title\":\"活禽宰杀\"}", false).status()).isEqualTo(403);
        assertThat(as("edu1").postJson("/proposals/similar", "{\"title\":\"活禽宰杀\"}").status()).isEqualTo(403);
    }

    @Test
    void theWholeLifecycleThroughThePagesWithTasklistLinks() {
        PageSession member = as("member1");
        member.get("/proposals/new");
        Page submitted = member.postMultipart("/proposals", Proposals.submission("关于增设学校周边护学岗的建议"), Map.of());
        long id = Long.parseLong(submitted.path().substring("/proposals/".length()));

        PageSession office = as("office1");
        assertThat(office.get("/office").body()).contains("关于增设学校周边护学岗的建议", "/proposals/" + id + "/review");
        Page review = office.get("/proposals/" + id + "/review");
        String reviewTask = task(id).getId();
        assertThat(review.body()).contains("/camunda/app/tasklist/default/#/?task=" + reviewTask).contains("相似提案");
        Page noCategory = office.post("/proposals/" + id + "/review", Map.of("decision", "FILE"));
        assertThat(noCategory.body()).contains("data-field=\"category\">必须填写");
        Page filed = office.post("/proposals/" + id + "/review", Map.of("decision", "FILE", "category", "城市交通",
                "comment", "同意立案"));
        assertThat(filed.path()).isEqualTo("/proposals/" + id + "/assignment");
        assertThat(filed.body()).contains("已立案，请交办").contains("建议的承办单位");
        Page again = office.post("/proposals/" + id + "/review", Map.of("decision", "FILE", "category", "城市交通"));
        assertThat(again.path()).isEqualTo("/proposals/" + id);
        assertThat(again.body()).contains("id=\"flash-error\"").contains("「审查立案」当前不可办理");
        Page assigned = office.post("/proposals/" + id + "/assignment", Map.of("mode", "SINGLE", "units", List.of("edu")));
        assertThat(assigned.body()).contains("已交办").contains("区教育局").contains("待签收");

        PageSession handler = as("edu1");
        assertThat(handler.get("/unit").body()).contains("关于增设学校周边护学岗的建议");
        handler.get("/proposals/" + id + "/units/edu/acceptance");
        Page accepted = handler.post("/proposals/" + id + "/units/edu/acceptance", Map.of("accept", "true"));
        assertThat(accepted.path()).isEqualTo("/proposals/" + id + "/units/edu/handling");
        Page noConsultation = handler.postMultipart("/proposals/" + id + "/units/edu/reply",
                Map.of("classification", "A", "text", "已采纳"), Map.of());
        assertThat(noConsultation.body()).contains("答复前须至少记录一次与提案人的协商")
                .contains("href=\"/proposals/" + id + "/units/edu/handling?lang=en\""); // the language switch stays on the page
        Page badDate = handler.post("/proposals/" + id + "/units/edu/consultations", Map.of("method", "FACE_TO_FACE",
                "date", "2999-01-01", "participants", "李华", "summary", "见面"));
        assertThat(badDate.body()).contains("data-field=\"date\">协商日期不能晚于今天");
        handler.post("/proposals/" + id + "/units/edu/consultations", Map.of("method", "FACE_TO_FACE",
                "date", Proposals.today().toString(), "participants", "李华、陈静", "summary", "到校实地查看"));
        Page replied = handler.postMultipart("/proposals/" + id + "/units/edu/reply", Map.of("classification", "B",
                "text", "已在三所学校设立护学岗，其余学校列入明年计划。", "committedDate", Proposals.today().plusMonths(6).toString(),
                "responsibleLeader", "周红", "leaderPhone", "0755-1234567"), Map.of("document", Map.entry("答复函.pdf", PDF)));
        assertThat(replied.body()).contains("答复已提交单位负责人签发").contains("答复函.pdf");

        PageSession leader = as("edu-lead");
        assertThat(leader.get("/unit").body()).contains("/proposals/" + id + "/units/edu/sign-off");
        Page signOff = leader.get("/proposals/" + id + "/units/edu/sign-off");
        assertThat(signOff.body()).contains("已在三所学校设立护学岗");
        assertThat(leader.post("/proposals/" + id + "/units/edu/sign-off", Map.of("approve", "false")).body())
                .contains("data-field=\"comment\">退回答复须说明修改意见");
        leader.post("/proposals/" + id + "/units/edu/sign-off", Map.of("approve", "true"));

        Page rate = member.get("/proposals/" + id + "/units/edu/feedback");
        assertThat(rate.body()).contains("已在三所学校设立护学岗").contains("答复函.pdf");
        assertThat(member.post("/proposals/" + id + "/units/edu/feedback", Map.of("rating", "DISSATISFIED",
                "faceToFace", "true")).body()).contains("data-field=\"comment\">不满意的，请说明理由");
        Page rated = member.post("/proposals/" + id + "/units/edu/feedback", Map.of("rating", "SATISFIED", "faceToFace", "true"));
        assertThat(rated.body()).contains("评价已提交").contains("已办结").contains("满意");
        assertThat(proposals.status(id)).isEqualTo("CLOSED");
    }

    @Test
    void aRaceLostOnAPageEndsOnTheDossierWithAMessageNamingTheStep() throws Exception {
        long id = proposals.submitted();
        List<PageSession> offices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            PageSession office = as("office1");
            office.get("/proposals/" + id + "/review");
            offices.add(office);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(offices.size());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Page>> answers = new ArrayList<>();
        try {
            for (PageSession office : offices) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return office.post("/proposals/" + id + "/review", Map.of("decision", "FILE", "category", "城市交通",
                            "comment", "同意立案"));
                }));
            }
            start.countDown();
            int filed = 0;
            for (java.util.concurrent.Future<Page> answer : answers) {
                Page page = answer.get();
                assertThat(page.status()).as("%s %s", page.path(), page.body()).isEqualTo(200);
                if (page.path().equals("/proposals/" + id + "/assignment")) {
                    filed++;
                } else {
                    assertThat(page.path()).isEqualTo("/proposals/" + id);
                    assertThat(page.body()).contains("id=\"flash-error\"").contains("「审查立案」");
                }
            }
            assertThat(filed).isOne();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void returnObjectionAndDissatisfactionAreWorkedOnTheirPages() {
        long id = proposals.submit("member1", Proposals.submission("关于完善老旧小区加装电梯补贴的建议"));
        PageSession office = as("office1");
        office.get("/proposals/" + id + "/review");
        office.post("/proposals/" + id + "/review", Map.of("decision", "RETURN", "comment", "请补充补贴标准的测算"));
        PageSession member = as("member1");
        Page revision = member.get("/proposals/" + id + "/revision");
        assertThat(revision.body()).contains("请补充补贴标准的测算").contains("关于完善老旧小区加装电梯补贴的建议");
        Page tooLong = member.post("/proposals/" + id + "/revision", Map.of("title", "长".repeat(101),
                "background", "补充了测算", "suggestions", "按户补贴"));
        assertThat(tooLong.body()).contains("data-field=\"title\">不能超过100个字");
        Page revised = member.post("/proposals/" + id + "/revision", Map.of("title", "关于完善老旧小区加装电梯补贴的建议",
                "background", "补充了补贴标准的测算。", "suggestions", "按户补贴，分档执行。"));
        assertThat(revised.body()).contains("修改已提交").contains("审查中");

        proposals.review(id, Map.of("decision", "FILE", "category", "城市建设管理"));
        proposals.assign(id, "SINGLE", List.of("edu"), null);
        PageSession edu = as("edu1");
        edu.get("/proposals/" + id + "/units/edu/acceptance");
        assertThat(edu.post("/proposals/" + id + "/units/edu/acceptance", Map.of("accept", "false")).body())
                .contains("data-field=\"reason\">必须填写");
        Page objected = edu.post("/proposals/" + id + "/units/edu/acceptance", Map.of("accept", "false",
                "reason", "加装电梯由住建部门负责", "suggestedUnit", "housing"));
        assertThat(objected.body()).contains("异议已提交提案委员会").contains("异议待处理");
        assertThat(office.get("/office").body()).contains("/proposals/" + id + "/units/edu/objection");
        Page objection = office.get("/proposals/" + id + "/units/edu/objection");
        assertThat(objection.body()).contains("加装电梯由住建部门负责").contains("<option value=\"housing\" selected=\"selected\">");
        Page reassigned = office.post("/proposals/" + id + "/units/edu/objection", Map.of("decision", "REASSIGN",
                "newUnit", "housing", "comment", "改由住建局办理"));
        assertThat(reassigned.body()).contains("异议已处理").contains("已改派").contains("区住房和城乡建设局");

        proposals.accept(id, "housing");
        proposals.replied(id, "housing", "C");
        // Rule 16: the rating and whether they met face to face feed published figures: nothing preselected
        Page feedback = member.get("/proposals/" + id + "/units/housing/feedback");
        assertThat(feedback.body()).contains("name=\"rating\"", "id=\"f2f-yes\"", "id=\"f2f-no\"")
                .doesNotContain("checked=\"checked\"");
        assertThat(member.post("/proposals/" + id + "/units/housing/feedback", Map.of("rating", "SATISFIED",
                "comment", "好")).body()).contains("data-field=\"faceToFace\">必须选择是或否");
        member.post("/proposals/" + id + "/units/housing/feedback", Map.of("rating", "DISSATISFIED", "faceToFace", "false",
                "comment", "没有说明补贴何时落实"));
        Page coordination = office.get("/proposals/" + id + "/units/housing/coordination");
        assertThat(coordination.body()).contains("没有说明补贴何时落实");
        Page coordinated = office.post("/proposals/" + id + "/units/housing/coordination",
                Map.of("note", "请明确补贴落实时间"));
        assertThat(coordinated.body()).contains("承办单位将再次办理").contains("第2轮");
        assertThat(proposals.unit(id, "housing").get("round").asInt()).isEqualTo(2);

        // the unit sees why it handles the proposal again, above everything else on its page
        PageSession housing = as("housing1");
        Page again = housing.get("/proposals/" + id + "/units/housing/handling");
        assertThat(again.body()).contains("id=\"re-handling\"");
        String box = PagesTestSupport.text(again.body().substring(again.body().indexOf("id=\"re-handling\""),
                again.body().indexOf("</section>", again.body().indexOf("id=\"re-handling\""))));
        String deadline = proposals.unit(id, "housing").get("deadline").asText();
        assertThat(box).contains("再次办理（第2轮）", "没有说明补贴何时落实", "请明确补贴落实时间", deadline);
        assertThat(again.missingKeys()).isEmpty();
    }

    @Test
    void theProposerWithdrawsFromTheDossierAtWillOrWithTheOfficesApproval() {
        long early = proposals.submitted();
        PageSession member = as("member1");
        assertThat(member.get("/proposals/" + early).body()).contains("id=\"withdrawal\"").contains("立案前可以直接撤回");
        assertThat(member.post("/proposals/" + early + "/withdrawal", Map.of("reason", "")).body())
                .contains("id=\"flash-error\"").contains("必须填写");
        Page withdrawn = member.post("/proposals/" + early + "/withdrawal", Map.of("reason", "情况已变化"));
        assertThat(withdrawn.body()).contains("提案已撤回").contains("已撤回").doesNotContain("id=\"withdrawal\"");
        assertThat(proposals.status(early)).isEqualTo("WITHDRAWN");

        long filed = proposals.assigned("SINGLE", List.of("edu"), null);
        member.get("/proposals/" + filed);
        Page requested = member.post("/proposals/" + filed + "/withdrawal", Map.of("reason", "问题已解决"));
        assertThat(requested.body()).contains("撤回申请已提交提案委员会审批").contains("待审批")
                .doesNotContain("id=\"withdrawal\"");
        assertThat(as("member2").get("/proposals/" + filed).status()).isEqualTo(404);
        String approval = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(filed))
                .taskDefinitionKey("Task_ApproveWithdrawal").singleResult().getId();
        Page office = as("office1").get("/office");
        assertThat(office.body()).contains("/camunda/app/tasklist/default/#/?task=" + approval); // worked in Tasklist
        for (String language : List.of("en", "zh_CN")) {
            assertThat(member.get("/proposals/" + filed + "?lang=" + language).missingKeys()).isEmpty();
        }
    }

    @Test
    void eachRoleIsKeptToItsOwnPagesAsTheApiKeepsIt() {
        long id = proposals.handledBy("edu");
        PageSession other = as("transport1");
        assertThat(other.get("/proposals/" + id).status()).isEqualTo(404);
        assertThat(other.get("/proposals/" + id + "/units/edu/handling").status()).isEqualTo(404);
        PageSession member = as("member1");
        assertThat(member.get("/office").status()).isEqualTo(403);
        assertThat(member.get("/unit").status()).isEqualTo(403);
        assertThat(member.get("/search").status()).isEqualTo(403);
        assertThat(member.get("/proposals/abc").status()).isEqualTo(404);
        Page notTheirs = member.get("/proposals/" + id + "/units/edu/handling");
        assertThat(notTheirs.path()).isEqualTo("/proposals/" + id);
        assertThat(notTheirs.body()).contains("只有该承办单位的经办人可以办理");
        PageSession leader = as("edu-lead");
        leader.get("/proposals/" + id);
        Page handle = leader.post("/proposals/" + id + "/units/edu/consultations", Map.of("method", "PHONE"));
        assertThat(handle.body()).contains("只有该承办单位的经办人可以办理");
        assertThat(as("auditor1").get("/proposals/" + id).body()).contains("区教育局").doesNotContain("task-action");
    }

    @Test
    void officeMergesIntoASimilarProposalInOneClick() {
        Map<String, Object> river = Proposals.submission("关于整治凤凰河黑臭水体的建议");
        river.put("background", "凤凰河中段污水直排，夏季黑臭，沿岸居民反映强烈。");
        river.put("suggestions", "建议截污纳管，清淤疏浚，建立河长巡查制度。");
        long target = proposals.submit("member1", river);
        proposals.review(target, Map.of("decision", "FILE", "category", "城市建设管理"));
        river.put("title", "关于治理凤凰河水体黑臭问题的建议");
        long duplicate = proposals.submit("member2", river);
        PageSession office = as("office1");
        Page review = office.get("/proposals/" + duplicate + "/review");
        assertThat(review.body()).contains("data-id=\"" + target + "\"").contains("并入此提案");
        Page merged = office.post("/proposals/" + duplicate + "/review", Map.of("decision", "MERGE",
                "mergeInto", String.valueOf(target)));
        assertThat(merged.body()).contains("已并案");
        assertThat(proposals.dossier(duplicate).get("mergedInto").asLong()).isEqualTo(target);
    }

    @Test
    void aDeletedUsersPageSessionEndsAtOnce() {
        String id = "p" + System.nanoTime() % 10_000_000;
        assertThat(api.post("admin", "/api/admin/users", Map.of("id", id, "name", "临时委员", "password",
                "a-good-password-1", "groups", List.of("members"))).status()).isEqualTo(201);
        PageSession session = new PageSession(port);
        assertThat(session.login(id, "a-good-password-1").path()).isEqualTo("/");
        assertThat(session.get("/proposals").status()).isEqualTo(200);
        assertThat(api.delete("admin", "/api/admin/users/" + id).status()).isEqualTo(204);
        Page after = session.get("/proposals");
        assertThat(after.path()).isEqualTo("/login?expired");
        assertThat(session.get("/proposals").path()).isEqualTo("/login");
    }

    @Test
    void searchShowsSnippetsEscapedWithTheHitsMarked() {
        Map<String, Object> text = Proposals.submission("关于规范<b>夜市</b>占道经营的建议");
        text.put("background", "夜市摊点<i>占道</i>经营影响通行。");
        long id = proposals.submit("member3", text);
        PageSession auditor = as("auditor1");
        Page found = auditor.get("/search?q=" + encode("夜市"));
        assertThat(found.body()).contains("/proposals/" + id).contains("【夜市】").contains("&lt;b&gt;")
                .doesNotContain("<b>夜市").doesNotContain("<i>占道");
        assertThat(auditor.get("/search?q=" + encode("x".repeat(101))).body()).contains("data-field=\"q\">不能超过100个字");
    }

    @Test
    void paperProposalsAreImportedInTheBackgroundAndEachRefusedRowIsReported() throws Exception {
        byte[] sheet = sheet(
                List.of("案由", "案据", "办法", "提案人", "提案者类型", "联名人", "建议类别", "同意公开"),
                List.of("关于加强社区居家养老服务的建议", "社区养老服务供给不足。", "建议建设社区助餐点。", "李华", "委员", "", "群众生产生活", "是"),
                List.of("", "没有案由的一行。", "建议……", "李华", "委员", "", "", "是"),
                List.of("关于无名氏的建议", "案据", "办法", "无名氏", "委员", "", "", "否"),
                List.of("关于规范共享单车停放的建议", "共享单车乱停乱放。", "建议划定停放区。", "member2", "联名", "李华、刘芳", "城市交通", "是"));
        PageSession office = as("office1");
        office.get("/office/import");
        Page notASheet = office.postMultipart("/office/import", Map.of(), Map.of("file", Map.entry("提案.xlsx", PDF)));
        assertThat(notASheet.body()).contains("id=\"file-error\"").contains("无法读取该文件");

        Page started = office.postMultipart("/office/import", Map.of(), Map.of("file", Map.entry("纸质提案.xlsx", sheet)));
        assertThat(started.path()).startsWith("/office/import/");
        assertThat(started.body()).contains("id=\"import-bar\"");
        String status = started.path() + "/status";
        long until = System.currentTimeMillis() + 30_000;
        Page progress = office.get(status);
        while (!progress.body().contains("\"done\":true") && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            progress = office.get(status);
        }
        assertThat(progress.body()).contains("\"total\":4", "\"processed\":4", "\"registered\":2", "\"refused\":2");
        Page report = office.get(started.path());
        assertThat(report.body()).contains("已登记 2 件，未导入 2 件，共 4 行")
                .contains("<td>3</td>").contains("案由：必须填写")
                .contains("<td>4</td>").contains("代委员登记：没有该委员");
        assertThat(api.get("member1", "/api/proposals?q=" + encode("关于加强社区居家养老服务的建议")).get("total").asInt()).isOne();
        long joint = api.get("member2", "/api/proposals?q=" + encode("关于规范共享单车停放的建议")).get("items").get(0).get("id").asLong();
        assertThat(proposals.dossier(joint).get("coProposers").toString()).isEqualTo("[\"member1\",\"member3\"]");
        assertThat(proposals.status(joint)).isEqualTo("AWAITING_CO_PROPOSERS");
        assertThat(as("member1").get(started.path()).status()).isEqualTo(403);
    }

    @SafeVarargs
    static byte[] sheet(List<String>... rows) throws java.io.IOException {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].size(); c++) {
                    row.createCell(c).setCellValue(rows[r].get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void everyTaskCarriesItsDossierLinkForTasklist() {
        long id = proposals.submitted();
        assertThat(taskService.getVariableLocal(task(id).getId(), DossierLink.VARIABLE)).isEqualTo("/proposals/" + id);
    }

    @Test
    void noPageMissesAMessageInEitherLanguage() {
        long underReview = proposals.submitted();
        long handled = proposals.handledBy("edu");
        proposals.consult(handled, "edu", "FACE_TO_FACE");
        long closed = proposals.handledBy("edu");
        proposals.replied(closed, "edu", "C");
        proposals.rate(closed, "edu", "member1", "BASICALLY_SATISFIED");
        Map<String, Object> jointText = Proposals.submission("关于联名的建议");
        jointText.put("proposerType", "JOINT");
        jointText.put("coProposers", List.of("member2"));
        long joint = proposals.submit("member1", jointText);
        long returned = proposals.submitted();
        proposals.review(returned, Map.of("decision", "RETURN", "comment", "请补充"));
        long filed = proposals.filed("城市交通");
        long assigned = proposals.assigned("SINGLE", List.of("edu"), null);
        long toSignOff = proposals.handledBy("edu");
        proposals.consult(toSignOff, "edu", "FACE_TO_FACE");
        proposals.reply(toSignOff, "edu", "B");
        long toRate = proposals.handledBy("edu");
        proposals.replied(toRate, "edu", "A");
        long objected = proposals.assigned("SINGLE", List.of("edu"), null);
        proposals.step("edu1", "/api/proposals/" + objected + "/units/edu/acceptance",
                Map.of("accept", false, "reason", "不属本单位职责"));
        long dissatisfied = proposals.handledBy("edu");
        proposals.replied(dissatisfied, "edu", "A");
        proposals.rate(dissatisfied, "edu", "member1", "DISSATISFIED");
        Map<String, List<String>> pages = new HashMap<>();
        pages.put("member1", List.of("/", "/proposals", "/proposals/new", "/proposals/" + underReview,
                "/proposals/" + closed, "/proposals/" + handled, "/proposals/" + returned + "/revision",
                "/proposals/" + toRate + "/units/edu/feedback", "/proposals/" + dissatisfied));
        pages.put("member2", List.of("/", "/proposals/" + joint + "/confirmation"));
        pages.put("office1", List.of("/", "/office", "/office/import", "/search", "/search?q=" + encode("学校"),
                "/proposals/" + underReview + "/review", "/proposals/" + closed, "/proposals?status=CLOSED",
                "/proposals/" + filed + "/assignment", "/proposals/" + objected + "/units/edu/objection",
                "/proposals/" + dissatisfied + "/units/edu/coordination", "/proposals/" + objected));
        pages.put("edu1", List.of("/", "/unit", "/proposals/" + handled + "/units/edu/handling", "/proposals/" + handled,
                "/proposals/" + assigned + "/units/edu/acceptance"));
        pages.put("edu-lead", List.of("/unit", "/proposals/" + closed, "/proposals/" + toSignOff + "/units/edu/sign-off"));
        pages.put("auditor1", List.of("/", "/search", "/proposals"));
        pages.put("admin", List.of("/", "/proposals", "/proposals/987654"));
        List<String> problems = new ArrayList<>();
        pages.forEach((user, paths) -> {
            PageSession session = as(user);
            for (String language : List.of("zh_CN", "en")) {
                for (String path : paths) {
                    Page page = session.get(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
                    if (page.status() != 200 && !path.endsWith("987654") || page.redirectedTo() != null
                            || !page.missingKeys().isEmpty()) {
                        problems.add(user + " " + path + " " + language + ": " + page.status() + " "
                                + page.redirectedTo() + " " + page.missingKeys());
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    Task task(long proposalId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(proposalId)).singleResult();
    }
}
