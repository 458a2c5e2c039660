package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.web.PageSession.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit page (search, CSV, verification) and the dossier's timeline with its archive PDF. */
class AuditPagesIntegrationTest extends PagesTestSupport {

    @Test
    void anAuditorSearchesByProposalAndSeesTheLifecycleWithItsActors() {
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "FILE", "category", "城市交通", "comment", "同意立案"));
        proposals.assign(id, "SINGLE", List.of("edu"), null);
        proposals.accept(id, "edu");

        PageSession auditor = as("auditor1");
        assertThat(auditor.get("/").body()).contains("id=\"nav-audit\"", "href=\"/audit\"");
        Page page = auditor.get("/audit?proposalId=" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.missingKeys()).isEmpty();
        assertThat(listTotal(page)).isGreaterThanOrEqualTo(4);
        String body = page.body();
        assertThat(body).contains("data-action=\"PROPOSAL_SUBMITTED\"", "data-action=\"PROPOSAL_REVIEWED\"",
                "data-action=\"PROPOSAL_ASSIGNED\"", "data-action=\"ASSIGNMENT_ACCEPTED\"");
        // people, their groups and the decisions by name, not by id and code
        assertThat(text(body)).contains("审查立案：立案", "李华", "王明", "陈静", "处理结果：立案")
                .doesNotContain("处理结果：立案（FILE）", "proposal-office", "task:");
        assertThat(body).contains("href=\"/proposals/" + id + "\"", "href=\"/audit/events.csv?proposalId=" + id + "\"");
        assertThat(body).doesNotContain("href=\"/proposals/" + (id + 1000) + "\"");

        // the action from /api/audit/actions' list, and the actor
        Page reviewed = auditor.get("/audit?proposalId=" + id + "&action=PROPOSAL_REVIEWED&actor=office1");
        assertThat(listTotal(reviewed)).isEqualTo(1);
        assertThat(reviewed.body()).contains("<option value=\"PROPOSAL_REVIEWED\" selected=\"selected\">");
        assertThat(reviewed.body()).contains("<option value=\"office1\" selected=\"selected\">王明</option>");
        // bad input is named next to its field
        assertThat(auditor.get("/audit?from=2026-13-01").body()).contains("data-field=\"from\">");
        assertThat(auditor.get("/audit?action=NO_SUCH").body()).contains("data-field=\"action\">没有该操作代码");
        Page english = auditor.get("/audit?proposalId=" + id + "&lang=en");
        assertThat(english.body()).contains("Audit trail", "Verify the chain");
        assertThat(english.missingKeys()).isEmpty();
    }

    /**
     * Issue 14: 操作人 李华 found nothing, member1 twelve; 单位 区交通运输局 nothing; 提案 1 and 0001
     * gave different records. People and units are chosen by name; a number with or without its
     * zeros and the proposal's id find the same records.
     */
    @Test
    void anAuditorFindsPeopleUnitsAndProposalsByNameAndNumber() {
        long id = proposals.assigned("SINGLE", List.of("transport"), null);
        proposals.accept(id, "transport");
        var dossier = proposals.dossier(id);
        String number = dossier.get("number").asText();
        String session = dossier.get("session").asText();

        PageSession auditor = as("auditor1");
        Page form = auditor.get("/audit");
        assertThat(form.body()).contains("<option value=\"member1\">李华</option>",
                "<option value=\"transport\">区交通运输局</option>");

        long byId = listTotal(auditor.get("/audit?proposalId=" + id));
        assertThat(byId).isGreaterThanOrEqualTo(4);
        Page byNumber = auditor.get("/audit?session=" + session + "&proposal=" + number);
        assertThat(listTotal(byNumber)).isEqualTo(byId);
        assertThat(byNumber.body()).contains("id=\"chosen-proposal\"");
        String unpadded = String.valueOf(Integer.parseInt(number));
        assertThat(listTotal(auditor.get("/audit?session=" + session + "&proposal=" + unpadded))).isEqualTo(byId);

        // the member who submitted it (李华 is member1) and the unit that accepted it
        assertThat(listTotal(auditor.get("/audit?proposalId=" + id + "&actor=member1"))).isGreaterThanOrEqualTo(1);
        Page byUnit = auditor.get("/audit?proposalId=" + id + "&unit=transport");
        assertThat(listTotal(byUnit)).isGreaterThanOrEqualTo(1);
        assertThat(text(byUnit.body())).contains("区交通运输局", "杨帆");
        // a number no proposal has is named next to its field
        assertThat(auditor.get("/audit?session=" + session + "&proposal=9999").body())
                .contains("data-field=\"proposal\">没有提案号为9999的提案");
    }

    @Test
    void onlyAuditorsSeeTheAuditPageAsInTheApi() {
        assertThat(as("member1").get("/audit").status()).isIn(403, 404);
        assertThat(as("member1").get("/audit/events.csv").status()).isIn(403, 404);
        assertThat(as("office1").get("/audit").status()).isEqualTo(403);   // the API refuses the office too
        assertThat(as("edu1").get("/audit").status()).isEqualTo(403);
        assertThat(anonymous().get("/audit").path()).isEqualTo("/login");
        assertThat(as("office1").get("/").body()).doesNotContain("id=\"nav-audit\"");
    }

    @Test
    void theCsvOfTheSearchHasItsBomAndChinese() {
        long id = proposals.submitted();
        PageSession auditor = as("auditor1");
        Page csv = auditor.get("/audit/events.csv?proposalId=" + id);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
                .contains("filename*=UTF-8''");
        assertThat(csv.body()).startsWith("\uFEFF\"序号\",\"时间\"").contains("\"提交提案\"", "member1");
        // a bad field leads back to the page, which names it
        Page bad = auditor.get("/audit/events.csv?to=abc");
        assertThat(bad.path()).isEqualTo("/audit?to=abc");
        assertThat(bad.body()).contains("data-field=\"to\">");
    }

    @Test
    void theVerificationShowsOkWithTheRecordsCheckedAndTheHead() {
        proposals.submitted();
        PageSession auditor = as("auditor1");
        auditor.get("/audit");
        long head = jdbc.sql("select last_seq from audit_chain_head where id = 1").query(Long.class).single();
        Page verified = auditor.post("/audit/verify", Map.of());
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.path()).startsWith("/audit");
        assertThat(text(verified.body())).contains("校验通过", "末条记录：第" + head + "条");
        assertThat(verified.body()).contains("id=\"verify-ok\"").doesNotContain("id=\"verify-broken\"");
        // without the CSRF token it is refused
        assertThat(auditor.post("/audit/verify", Map.of(), false).status()).isEqualTo(403);
    }

    @Test
    void theDossierShowsTheTimelineAndTheArchivePdf() {
        long id = proposals.handledBy("transport");
        PageSession auditor = as("auditor1");
        Page dossier = auditor.get("/proposals/" + id);
        assertThat(dossier.status()).isEqualTo(200);
        assertThat(dossier.missingKeys()).isEmpty();
        String timeline = text(dossier.body().substring(dossier.body().indexOf("id=\"timeline\"")));
        assertThat(timeline).contains("办理经过", "提交提案", "审查立案：立案", "签收");
        // the business events; the engine's detail only behind the auditor's 技术明细 switch
        assertThat(dossier.body()).doesNotContain("data-source=\"engine\"").contains("id=\"technical-switch\"",
                "href=\"/proposals/" + id + "/dossier.pdf\"");
        assertThat(timeline).doesNotContain("变量：", "nrOfInstances", "loopCounter", "ENGINE-");
        Page technical = auditor.get("/proposals/" + id + "?technical=true");
        assertThat(technical.body()).contains("data-source=\"engine\"", "id=\"dossier-pdf-technical\"");
        assertThat(as("office1").get("/proposals/" + id).body()).doesNotContain("id=\"technical-switch\"");
        Page pdf = auditor.get("/proposals/" + id + "/dossier.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(as("office1").get("/proposals/" + id).body()).contains("id=\"dossier-pdf\"");

        // the proposer sees their timeline, without the archive
        Page member = as("member1").get("/proposals/" + id);
        assertThat(text(member.body().substring(member.body().indexOf("id=\"timeline\"")))).contains("提交提案");
        assertThat(member.body()).doesNotContain("id=\"dossier-pdf\"");
        assertThat(as("member1").get("/proposals/" + id + "/dossier.pdf").status()).isEqualTo(403);
        assertThat(as("member2").get("/proposals/" + id).status()).isEqualTo(404);
    }
}
