package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Proposals;
import cn.cppcc.proposals.web.PageSession.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public pages, without login: only what the office published (Rule 12), the rest is 404. */
class PublishedPagesIntegrationTest extends PagesTestSupport {

    @Test
    void aPublishedProposalAndLaterItsRepliesWithoutContactDetails() {
        Map<String, Object> text = Proposals.submission("关于公开页面测试菜市场排水的建议");
        long id = proposals.submit("member1", text);
        proposals.review(id, Map.of("decision", "FILE", "category", "群众生产生活", "comment", "同意立案"));
        PageSession visitor = anonymous();
        assertThat(visitor.get("/published/" + id).status()).isEqualTo(404);

        proposals.step("office1", "/api/proposals/" + id + "/publication", Map.of("publish", true));
        Page list = visitor.get("/published");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.path()).isEqualTo("/published");
        assertThat(list.missingKeys()).isEmpty();
        assertThat(list.body()).contains("公开提案", "关于公开页面测试菜市场排水的建议", "href=\"/published/" + id + "\"",
                "id=\"nav-login\"").doesNotContain("id=\"nav-user\"");
        long total = api.get(null, "/public/proposals").get("total").asLong();
        assertThat(list.body()).contains("data-total=\"" + total + "\"");
        Page shown = visitor.get("/published/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(text(shown.body())).contains("关于公开页面测试菜市场排水的建议", "群众生产生活", "提案人：李华", "委员个人",
                "目前城区学校周边道路在上下学时段拥堵", "答复尚未公开。");

        proposals.assign(id, "SINGLE", List.of("housing"), null);
        proposals.accept(id, "housing");
        proposals.consult(id, "housing", "FACE_TO_FACE");
        proposals.step("housing1", "/api/proposals/" + id + "/units/housing/reply", Map.of("classification", "B",
                "text", "已将菜市场排水改造列入明年计划", "committedDate", Proposals.today().plusMonths(6).toString(),
                "handlerName", "杨帆", "handlerPhone", "0571-88886666", "responsibleLeader", "吴强",
                "leaderPhone", "0571-88880000"));
        proposals.signOff(id, "housing", true);
        proposals.rate(id, "housing", "member1", "SATISFIED");
        assertThat(visitor.get("/published/" + id).body()).contains("答复尚未公开。").doesNotContain("已将菜市场排水改造");
        proposals.step("office1", "/api/proposals/" + id + "/publication", Map.of("publish", true));

        Page withReply = visitor.get("/published/" + id);
        assertThat(text(withReply.body())).contains("区住房和城乡建设局的答复", "B 正在解决或列入计划解决",
                "已将菜市场排水改造列入明年计划", "承诺解决日期 " + Proposals.today().plusMonths(6));
        assertThat(withReply.body()).doesNotContain("0571", "杨帆", "吴强", "member1", "@example.org", "满意");
        assertThat(visitor.get("/published/" + id + "?lang=en").body()).contains("Published proposals", "Replies");
    }

    @Test
    void nothingUnpublishedIsVisible() {
        long unpublished = proposals.filed("城市交通");
        long underReview = proposals.submitted();
        PageSession visitor = anonymous();
        for (long id : List.of(unpublished, underReview, 999_999L)) {
            Page page = visitor.get("/published/" + id);
            assertThat(page.status()).as("proposal %s", id).isEqualTo(404);
            assertThat(page.body()).contains("没有找到该页面或提案。");
        }
        assertThat(visitor.get("/published/abc").status()).isEqualTo(404);
        assertThat(visitor.get("/published").body()).doesNotContain("href=\"/published/" + unpublished + "\"",
                "href=\"/published/" + underReview + "\"");
        // logged in, even the office sees no more there
        assertThat(as("office1").get("/published/" + unpublished).status()).isEqualTo(404);
        // and the other pages still want a login
        assertThat(visitor.get("/proposals/" + unpublished).path()).isEqualTo("/login");
        assertThat(visitor.get("/dashboard").path()).isEqualTo("/login");
    }
}
