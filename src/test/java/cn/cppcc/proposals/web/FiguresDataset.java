package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api;
import cn.cppcc.proposals.support.Proposals;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Proposals of a session of their own ({@value #SESSION}, in 2033, which no other test uses), for
 * the pages of figures (dashboard, reports), made once per test JVM (one per database):
 *
 * <pre>
 * 2033-03-07 D1 member1 城市交通 SINGLE transport: face to face, reply A, SATISFIED
 *            D2 member2 教科文卫 LEAD_AND_CO edu + housing (co): phone, reply B, BASICALLY_SATISFIED
 *            D3 member1 社区建设 SINGLE edu: accepted, no reply (deadline 2033-06-07)
 *            D4 member2 REJECTED       D5 member1 under review
 * 2033-06-14 the figures' day: D3's reply is overdue
 * </pre>
 */
final class FiguresDataset {

    static final String SESSION = "dash33";
    static final Instant MARCH = Instant.parse("2033-03-07T02:00:00Z");
    static final Instant DASHBOARD_DAY = Instant.parse("2033-06-14T02:00:00Z");

    private static Map<String, Long> ids;

    private FiguresDataset() {
    }

    static synchronized Map<String, Long> ids(Api api, Proposals proposals) {
        if (ids == null) {
            ids = build(api, proposals);
        }
        return ids;
    }

    private static Map<String, Long> build(Api api, Proposals proposals) {
        Map<String, Long> d = new HashMap<>();
        ClockUtil.setCurrentTime(Date.from(MARCH));
        Api.Answer session = api.post("admin", "/api/sessions", Map.of("code", SESSION, "name", "看板测试届次",
                "year", 2033, "plenaryOpens", "2033-01-10", "submissionDeadline", "2033-01-24", "current", false));
        assertThat(session.status()).as("%s", session.body()).isEqualTo(201);
        d.put("D1", submit(proposals, "member1", "关于看板测试公交站台的建议", "城市交通"));
        proposals.assign(d.get("D1"), "SINGLE", List.of("transport"), null);
        proposals.accept(d.get("D1"), "transport");
        proposals.replied(d.get("D1"), "transport", "A");
        proposals.rate(d.get("D1"), "transport", "member1", "SATISFIED");

        d.put("D2", submit(proposals, "member2", "关于看板测试课后服务的建议", "教科文卫"));
        proposals.assign(d.get("D2"), "LEAD_AND_CO", List.of("edu", "housing"), "edu");
        proposals.accept(d.get("D2"), "edu");
        proposals.accept(d.get("D2"), "housing");
        proposals.consult(d.get("D2"), "edu", "PHONE");
        proposals.reply(d.get("D2"), "edu", "B");
        proposals.signOff(d.get("D2"), "edu", true);
        proposals.rate(d.get("D2"), "edu", "member2", "BASICALLY_SATISFIED");

        d.put("D3", submit(proposals, "member1", "关于看板测试社区食堂的建议", "社区建设"));
        proposals.assign(d.get("D3"), "SINGLE", List.of("edu"), null);
        proposals.accept(d.get("D3"), "edu");

        d.put("D4", submit(proposals, "member2", "关于看板测试个人事务的建议", null));
        proposals.review(d.get("D4"), Map.of("decision", "REJECT", "rejectGround", "PERSONAL", "comment", "属个人事务"));
        d.put("D5", submit(proposals, "member1", "关于看板测试尚在审查的建议", null));
        return d;
    }

    private static long submit(Proposals proposals, String member, String title, String category) {
        Map<String, Object> submission = Proposals.submission(title);
        submission.put("session", SESSION);
        long id = proposals.submit(member, submission);
        if (category != null) {
            proposals.review(id, Map.of("decision", "FILE", "category", category, "comment", "同意立案"));
        }
        return id;
    }
}
