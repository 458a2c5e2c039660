package cn.cppcc.proposals.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.similarity.IndexedProposal.SentReply;
import cn.cppcc.proposals.similarity.SimilarityIndex.Hit;
import cn.cppcc.proposals.similarity.SimilarityIndex.Scope;
import cn.cppcc.proposals.similarity.SimilarityIndex.SearchHit;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index without Spring: what a query may find, the order, the search and its passages. */
class SimilarityIndexTest {

    static final String ELEVATOR_BACKGROUND = "老旧小区多层住宅没有电梯，老年人上下楼困难。";
    static final String ELEVATOR_SUGGESTIONS = "建议给予加装电梯补贴，简化审批，社区协调低层住户。";

    SimilarityIndex index;

    @BeforeEach
    void open() {
        index = SimilarityIndex.inMemory();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    static IndexedProposal proposal(long id, String title, String background, String suggestions, String status,
            long sessionOrder, String number, Set<String> participants) {
        return new IndexedProposal(id, number, title, background, suggestions, "城市建设管理", status, "S" + sessionOrder,
                sessionOrder, participants, List.of());
    }

    void indexElevatorsAndOthers() {
        index.putAll(List.of(
                proposal(1, "关于加快老旧小区加装电梯的建议", ELEVATOR_BACKGROUND, ELEVATOR_SUGGESTIONS,
                        "FILED", 10, "0001", Set.of("member1")),
                proposal(2, "关于既有住宅增设电梯的提案", "无电梯住宅的老人下楼难，增设电梯邻里意见难统一。",
                        "财政补助增设电梯，并联审批。", "UNDER_REVIEW", 20, null, Set.of("member2")),
                proposal(3, "关于老旧小区加装电梯资金筹措的建议", "加装电梯费用分摊难。", "允许提取公积金用于加装电梯。",
                        "REJECTED", 30, null, Set.of("member3")),
                proposal(4, "关于整治餐饮油烟扰民的建议", "楼下饭店油烟直排。", "安装油烟净化器。",
                        "FILED", 10, "0002", Set.of("member1")),
                proposal(5, "关于电梯安全维保的建议", "电梯困人事故多。", "加强电梯维保监管。",
                        "WITHDRAWN", 10, null, Set.of("member2"))));
    }

    @Test
    void findsTheSameMatterBestFirstWithScoresBetweenZeroAndOne() {
        indexElevatorsAndOthers();
        List<Hit> hits = index.similar("关于推进老旧小区增设电梯的建议", ELEVATOR_BACKGROUND, ELEVATOR_SUGGESTIONS, Scope.all(), 5);

        assertThat(hits).extracting(Hit::id).startsWith(1L).doesNotContain(4L);
        assertThat(hits).extracting(Hit::score).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(hits.get(0).number()).isEqualTo("0001");
        assertThat(hits.get(0).title()).isEqualTo("关于加快老旧小区加装电梯的建议");
        assertThat(hits.get(0).status()).isEqualTo("FILED");
        assertThat(hits.get(0).session()).isEqualTo("S10");
    }

    @Test
    void scopeLimitsSessionsStatusesTheProposalItselfAndWhatAMemberMaySee() {
        indexElevatorsAndOthers();
        Scope scope = new Scope(2L, 20L, Set.of("WITHDRAWN"), null);
        assertThat(index.similar("关于增设电梯的提案", ELEVATOR_BACKGROUND, null, scope, 10))
                .extracting(Hit::id).containsExactly(1L); // 2 itself, 3 later session, 4 unrelated, 5 withdrawn

        // a member sees filed proposals and their own
        Scope member2 = new Scope(null, null, Set.of(), "member2");
        assertThat(index.similar("关于加装电梯的建议", ELEVATOR_BACKGROUND, ELEVATOR_SUGGESTIONS, member2, 10))
                .extracting(Hit::id).containsExactlyInAnyOrder(1L, 2L, 5L);
    }

    @Test
    void aChangedProposalIsFoundByItsNewWordsOnly() {
        indexElevatorsAndOthers();
        index.put(proposal(4, "关于建设社区长者食堂的建议", "独居老人吃饭难。", "每个街道建设长者食堂。",
                "UNDER_REVIEW", 10, null, Set.of()));

        assertThat(index.search("长者食堂", 0, 10).items()).extracting(SearchHit::id).containsExactly(4L);
        assertThat(index.search("油烟", 0, 10).total()).isZero();
        index.remove(4);
        assertThat(index.search("长者食堂", 0, 10).total()).isZero();
        assertThat(index.size()).isEqualTo(4);
    }

    @Test
    void searchFindsRepliesAndNumbersAndMarksHitsInPlainText() {
        index.put(new IndexedProposal(7, "0007", "关于治理校园周边交通的建议", "放学时段<b>拥堵</b>，【家长】占道停车。",
                "设置限时停车区。", "城市交通", "CLOSED", "S1", 1, Set.of(),
                List.of(new SentReply("transport", "A", "我局已在实验小学门前施划即停即走泊位二十个。"))));

        List<SearchHit> reply = index.search("即停即走泊位", 0, 10).items();
        assertThat(reply).extracting(SearchHit::id).containsExactly(7L);
        assertThat(reply.get(0).snippet()).contains("【").contains("泊位】").startsWith("我局");

        SearchHit hit = index.search("拥堵", 0, 10).items().get(0);
        assertThat(hit.snippet()).isEqualTo("放学时段<b>【拥堵】</b>，〖家长〗占道停车。");
        assertThat(hit.number()).isEqualTo("0007");
        assertThat(hit.status()).isEqualTo("CLOSED");

        assertThat(index.search("0007", 0, 10).items()).extracting(SearchHit::id).containsExactly(7L);
        assertThat(index.search("拥堵", 1, 10).items()).isEmpty();
        assertThat(index.search("拥堵", 1, 10).total()).isEqualTo(1);
    }

    @Test
    void aLongTextIsCutAroundItsHits() {
        String filler = "这是一段与检索无关的说明文字。".repeat(20);
        index.put(proposal(8, "关于河道治理的建议", filler + "建议设置防溺水警示牌。" + filler, "加强巡查。",
                "FILED", 1, "0008", Set.of()));

        String snippet = index.search("防溺水", 0, 10).items().get(0).snippet();
        assertThat(snippet).startsWith("…").endsWith("…").contains("【防溺水】");
        assertThat(snippet.length()).isLessThanOrEqualTo(SimilarityIndex.SNIPPET_LENGTH + 6);
    }
}
