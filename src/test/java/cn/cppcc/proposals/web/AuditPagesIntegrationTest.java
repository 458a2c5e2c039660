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
        Page page = auditor.get("/audit?proposal=" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.missingKeys()).isEmpty();
        assertThat(listTotal(page)).isGreaterThanOrEqualTo(4);
        String body = page.body();
        assertThat(body).contains("data-action=\"PROPOSAL_SUBMITTED\"", "data-action=\"PROPOSAL_REVIEWED\"",
                "data-action=\"PROPOSAL_ASSIGNED\"", "data-action=\"ASSIGNMENT_ACCEPTED\"");
        assertThat(text(body)).contains("审查立案：立案", "member1", "office1", "edu1", "proposal-office",
                "处理结果：立案（FILE）");
        assertThat(body).contains("href=\"/proposals/" + id + "\"", "href=\"/audit/events.csv?proposal=" + id + "\"");
        assertThat(body).doesNotContain("href=\"/proposals/" + (id + 1000) + "\"");

        // the action from /api/audit/actions' list, and the actor
        Page reviewed = auditor.get("/audit?proposal=" + id + "&action=PROPOSAL_REVIEWED&actor=office1");
        assertThat(listTotal(reviewed)).isEqualTo(1);
        assertThat(reviewed.body()).contains("<option value=\"PROPOSAL_REVIEWED\" selected=\"selected\">");
        // bad input is named next to its field
        assertThat(auditor.get("/audit?from=2026-13-01").body()).contains("data-field=\"from\">");
        assertThat(auditor.get("/audit?action=NO_SUCH").body()).contains("data-field=\"action\">没有该操作代码");
        Page english = auditor.get("/audit?proposal=" + id + "&lang=en");
        assertThat(english.body()).contains("Audit trail", "Verify the chain");
        assertThat(english.missingKeys()).isEmpty();
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
        Page csv = auditor.get("/audit/events.csv?proposal=" + id);
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
        assertThat(dossier.body()).contains("class=\"mb-2 history-entry\" data-source=\"engine\"",
                "href=\"/proposals/" + id + "/dossier.pdf\"");
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
