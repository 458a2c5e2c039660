package cn.cppcc.proposals.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rules 1 and 3 over HTTP: the office's similar proposals, the draft check of a member, the
 * search of the office and auditors, each kept current by the changes made through the API.
 * Each test writes about its own matter, so that the proposals of other tests do not compete.
 */
class SimilarityIntegrationTest extends IntegrationTestSupport {

    @Autowired
    SimilarityIndexer indexer;

    @BeforeEach
    void indexRebuilt() {
        assertThat(indexer.awaitReady(Duration.ofMinutes(1))).as("index rebuilt after the start").isTrue();
    }

    static Map<String, Object> proposal(String title, String background, String suggestions) {
        Map<String, Object> body = Proposals.submission(title);
        body.put("background", background);
        body.put("suggestions", suggestions);
        return body;
    }

    static Map<String, Object> draft(String title, String background, String suggestions) {
        return Map.of("title", title, "background", background, "suggestions", suggestions);
    }

    static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asLong(-1)));
        return ids;
    }

    static JsonNode withTitle(JsonNode items, String title) {
        for (JsonNode item : items) {
            if (item.get("title").asText().equals(title)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void officeSeesTheEarlierProposalAboutTheSameMatterFirst() {
        long first = proposals.submit("member1", proposal("关于在城区河道设置防溺水警示设施的建议",
                "每年暑期都有中小学生在城区河道、山塘私自下水游泳发生溺亡，危险水域缺少警示标识和救生设施。",
                "在危险水域设置警示牌和防护栏，配备救生圈，落实河长巡查，学校加强防溺水教育。"));
        long second = proposals.submit("member2", proposal("关于预防学生暑期溺水事故的提案",
                "暑假期间学生私自到河边、水库游泳，溺水事故时有发生，部分水域无人看管、没有警示。",
                "建议在河道水库危险地段增设防护设施和警示标志，组织志愿者巡河值守，开展防溺水安全教育。"));

        Answer answer = api.get("office1", "/api/proposals/" + second + "/similar");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode best = answer.body().get(0);
        assertThat(best.get("id").asLong()).isEqualTo(first);
        assertThat(best.get("title").asText()).isEqualTo("关于在城区河道设置防溺水警示设施的建议");
        assertThat(best.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(best.get("session").asText()).isNotEmpty();
        assertThat(best.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(answer.body().size()).isLessThanOrEqualTo(SimilarityService.DEFAULT_LIMIT);
        assertThat(ids(answer.body())).doesNotContain(second);
        assertThat(api.get("office1", "/api/proposals/" + second + "/similar?limit=1").body().size()).isEqualTo(1);
    }

    @Test
    void aRevisedProposalIsFoundByItsNewWords() {
        long id = proposals.submit("member1", proposal("关于规范城区犬只登记管理的建议",
                "遛狗不牵绳、犬只粪便不清理引发邻里纠纷，流浪犬增多。", "实行犬只登记和免疫，建设流浪犬收容所。"));
        proposals.review(id, Map.of("decision", "RETURN", "comment", "请聚焦一事"));
        proposals.step("member1", "/api/proposals/" + id + "/revision", Map.of("title", "关于增设城区公共厕所的建议",
                "background", "老城区公共厕所数量少、分布不均，游客和环卫工人如厕难。",
                "suggestions", "在商圈和公园增设公共厕所，推动沿街单位厕所对外开放。"));

        Answer draft = api.post("office1", "/api/proposals/similar", draft("关于解决群众如厕难的建议",
                "城区公厕少，如厕难", "增建公共厕所，单位厕所向社会开放"));
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.body().get(0).get("id").asLong()).isEqualTo(id);

        assertThat(ids(api.get("office1", "/api/search?q=公共厕所").get("items"))).contains(id);
        assertThat(ids(api.get("office1", "/api/search?q=流浪犬收容").get("items"))).doesNotContain(id);
    }

    @Test
    void aDraftFindsEarlierProposalsAsTheCallerMaySeeThem() {
        long filed = proposals.submit("member1", proposal("关于整治临街饭店油烟扰民的建议",
                "住宅楼底层饭店油烟直排，楼上居民不能开窗。", "强制安装油烟净化器，油烟高空排放，联合执法。"));
        proposals.review(filed, Map.of("decision", "FILE", "category", "城市建设管理", "comment", "同意立案"));
        String number = proposals.dossier(filed).get("number").asText();
        long underReview = proposals.submit("member3", proposal("关于治理餐饮油烟污染的提案",
                "餐馆排烟管对着居民窗户，油烟味大。", "安装油烟净化设施，定期清洗。"));
        Map<String, Object> text = draft("关于解决居民楼下餐馆油烟扰民问题的建议",
                "楼下餐馆排放油烟，居民苦不堪言。", "安装油烟净化器并高空排放。");

        Answer other = api.post("member2", "/api/proposals/similar", text);
        assertThat(other.status()).isEqualTo(200);
        JsonNode found = withTitle(other.body(), "关于整治临街饭店油烟扰民的建议");
        assertThat(found).as("member2's draft finds the filed proposal: %s", other.body()).isNotNull();
        assertThat(found.has("id")).isFalse();
        assertThat(found.get("number").asText()).isEqualTo(number);
        assertThat(found.get("category").asText()).isEqualTo("城市建设管理");
        assertThat(found.get("status").asText()).isEqualTo("FILED");
        // a proposal not filed is known only to its participants and the office
        assertThat(withTitle(other.body(), "关于治理餐饮油烟污染的提案")).isNull();

        Answer own = api.post("member1", "/api/proposals/similar", text);
        JsonNode mine = withTitle(own.body(), "关于整治临街饭店油烟扰民的建议");
        assertThat(mine.get("id").asLong()).isEqualTo(filed);
        assertThat(mine.has("category")).isFalse();
        assertThat(ids(api.post("member3", "/api/proposals/similar", text).body())).contains(underReview);
        assertThat(ids(api.post("office1", "/api/proposals/similar", text).body())).contains(filed, underReview);
    }

    @Test
    void searchFindsTheWordsOfAReplyOnceItIsSent() {
        long id = proposals.handledBy("transport");
        proposals.consult(id, "transport", "FACE_TO_FACE");
        proposals.step("transport1", "/api/proposals/" + id + "/units/transport/reply", Map.of("classification", "A",
                "text", "我局已在城东片区建成停车诱导屏十二块，新增错时共享泊位八百个。"));
        assertThat(ids(api.get("office1", "/api/search?q=停车诱导屏").get("items"))).doesNotContain(id);

        proposals.signOff(id, "transport", true);

        Answer answer = api.get("auditor1", "/api/search?q=停车诱导屏&size=5");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.get("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode item = answer.get("items").get(0);
        assertThat(item.get("id").asLong()).isEqualTo(id);
        assertThat(item.get("snippet").asText()).contains("【停车诱导屏】").doesNotContain("<");
        assertThat(item.get("number").asText()).isNotEmpty();
    }

    @Test
    void onlyTheOfficeSeesSimilarProposalsAndOnlyOfficeAndAuditorsSearch() {
        long own = proposals.submit("member1", proposal("关于增加社区老年助餐点的建议", "独居老人吃饭难。", "建设社区长者食堂。"));

        assertProblem(api.get("member1", "/api/proposals/" + own + "/similar"), 403, null);
        assertProblem(api.get("member2", "/api/proposals/" + own + "/similar"), 404, null);
        assertProblem(api.get("auditor1", "/api/proposals/" + own + "/similar"), 403, null);
        assertProblem(api.get("office1", "/api/proposals/999999999/similar"), 404, null);
        assertProblem(api.post("edu1", "/api/proposals/similar", draft("关于长者食堂的建议", "", "")), 403, null);
        assertProblem(api.get("member1", "/api/search?q=长者食堂"), 403, null);
        assertProblem(api.get("edu1", "/api/search?q=长者食堂"), 403, null);
        assertThat(api.get("auditor1", "/api/search?q=长者食堂").status()).isEqualTo(200);

        assertThat(api.get(null, "/api/proposals/" + own + "/similar").status()).isEqualTo(401);
        assertThat(api.post(null, "/api/proposals/similar", draft("关于长者食堂的建议", "", "")).status()).isEqualTo(401);
        assertThat(api.get(null, "/api/search?q=长者食堂").status()).isEqualTo(401);
    }

    @Test
    void badInputNamesTheField() {
        long id = proposals.submitted();

        assertProblem(api.post("member1", "/api/proposals/similar", Map.of("title", "", "background", "x")), 400, "title");
        assertProblem(api.post("member1", "/api/proposals/similar", Map.of("background", "x")), 400, "title");
        assertProblem(api.post("member1", "/api/proposals/similar?limit=51", Map.of("title", "关于长者食堂的建议")), 400, "limit");
        assertProblem(api.get("office1", "/api/proposals/" + id + "/similar?limit=0"), 400, "limit");
        assertProblem(api.get("office1", "/api/proposals/" + id + "/similar?limit=51"), 400, "limit");
        assertProblem(api.get("office1", "/api/proposals/" + id + "/similar?limit=abc"), 400, "limit");
        assertProblem(api.get("office1", "/api/search?q=" + "长".repeat(SimilarityService.QUERY_MAX_LENGTH + 1)), 400, "q");
        assertProblem(api.get("office1", "/api/search"), 400, "q");
        assertProblem(api.get("office1", "/api/search?q=%20"), 400, "q");
        assertProblem(api.get("office1", "/api/search?q=食堂&size=51"), 400, "size");
        assertProblem(api.get("office1", "/api/search?q=食堂&page=-1"), 400, "page");
        assertProblem(api.get("office1", "/api/search?q=食堂&page=100000"), 400, "page");
    }
}
