package cn.cppcc.proposals.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Test data made the way users make it: through the API, step by step, as the demo users
 * (handler {@code <unit>1}, leader {@code <unit>-lead}). Each step asserts that it succeeded.
 */
public class Proposals {

    public static final String OFFICE = "office1";

    private final Api api;

    public Proposals(Api api) {
        this.api = api;
    }

    public static String handlerOf(String unit) {
        return unit + "1";
    }

    public static String leaderOf(String unit) {
        return unit + "-lead";
    }

    public static Map<String, Object> submission(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("background", "目前城区学校周边道路在上下学时段拥堵，家长临时停车占道。");
        body.put("suggestions", "建议在学校周边设置限时停车区，错峰放学，增加交通协管员。");
        body.put("proposerType", "MEMBER");
        body.put("coProposers", List.of());
        body.put("publicConsent", true);
        return body;
    }

    public long submit(String member, Map<String, Object> submission) {
        Answer answer = api.post(member, "/api/proposals", submission);
        assertThat(answer.status()).as("submit: %s", answer.body()).isEqualTo(201);
        return answer.id();
    }

    public long submitted() {
        return submit("member1", submission("关于改善学校周边交通秩序的建议"));
    }

    /** Submitted by member1, its title made unique by {@code suffix}. */
    public long submitted(String suffix) {
        return submit("member1", submission("关于改善学校周边交通秩序的建议" + suffix));
    }

    public void step(String user, String path, Map<String, Object> body) {
        Answer answer = api.post(user, path, body);
        assertThat(answer.status()).as("%s %s: %s", user, path, answer.body()).isEqualTo(200);
    }

    public void review(long id, Map<String, Object> body) {
        step(OFFICE, "/api/proposals/" + id + "/review", body);
    }

    public long filed(String category) {
        long id = submitted();
        review(id, Map.of("decision", "FILE", "category", category, "comment", "同意立案"));
        return id;
    }

    public long assigned(String mode, List<String> units, String lead) {
        long id = filed("城市交通");
        assign(id, mode, units, lead);
        return id;
    }

    public void assign(long id, String mode, List<String> units, String lead) {
        Map<String, Object> body = new HashMap<>(Map.of("mode", mode, "units", units));
        if (lead != null) {
            body.put("lead", lead);
        }
        step(OFFICE, "/api/proposals/" + id + "/assignment", body);
    }

    /** A proposal assigned to one unit, which has accepted it. */
    public long handledBy(String unit) {
        long id = assigned("SINGLE", List.of(unit), null);
        accept(id, unit);
        return id;
    }

    public void accept(long id, String unit) {
        step(handlerOf(unit), "/api/proposals/" + id + "/units/" + unit + "/acceptance", Map.of("accept", true));
    }

    public void consult(long id, String unit, String method) {
        Answer answer = api.post(handlerOf(unit), "/api/proposals/" + id + "/units/" + unit + "/consultations",
                Map.of("method", method, "date", today().toString(), "participants", "提案者、经办人",
                        "summary", "就建议逐条交换意见"));
        assertThat(answer.status()).as("consultation: %s", answer.body()).isEqualTo(201);
    }

    public void reply(long id, String unit, String classification) {
        Map<String, Object> body = new HashMap<>(Map.of("classification", classification, "text", "经研究，答复如下：……"));
        if (classification.equals("B")) {
            body.put("committedDate", today().plusMonths(6).toString());
        }
        if (classification.equals("C")) {
            body.put("reason", "受用地条件限制，留作参考");
        }
        step(handlerOf(unit), "/api/proposals/" + id + "/units/" + unit + "/reply", body);
    }

    public void signOff(long id, String unit, boolean approve) {
        step(leaderOf(unit), "/api/proposals/" + id + "/units/" + unit + "/sign-off",
                approve ? Map.of("approve", true) : Map.of("approve", false, "comment", "请补充具体措施"));
    }

    /** Consults face to face, replies with {@code classification} and gets it signed off and sent. */
    public void replied(long id, String unit, String classification) {
        consult(id, unit, "FACE_TO_FACE");
        reply(id, unit, classification);
        signOff(id, unit, true);
    }

    public void rate(long id, String unit, String member, String rating) {
        Map<String, Object> body = new HashMap<>(Map.of("rating", rating, "faceToFace", true));
        if (rating.equals("DISSATISFIED")) {
            body.put("comment", "答复没有具体措施");
        }
        step(member, "/api/proposals/" + id + "/units/" + unit + "/feedback", body);
    }

    public JsonNode dossier(long id) {
        Answer answer = api.get(OFFICE, "/api/proposals/" + id);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    public String status(long id) {
        return dossier(id).get("status").asText();
    }

    public JsonNode unit(long id, String code) {
        for (JsonNode unit : dossier(id).get("units")) {
            if (unit.get("code").asText().equals(code) && !unit.get("status").asText().equals("REASSIGNED")) {
                return unit;
            }
        }
        throw new AssertionError("unit " + code + " not in proposal " + id);
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Asia/Shanghai"));
    }
}
