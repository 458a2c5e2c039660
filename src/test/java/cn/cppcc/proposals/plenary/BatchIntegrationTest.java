package cn.cppcc.proposals.plenary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rule 17, API.md "The plenary week": the office files and assigns 200 proposals in one batch each,
 * and every one of them ends exactly as one filed and assigned one by one: its number, status, units,
 * audit records and mails. A bad row fails alone and says why.
 */
class BatchIntegrationTest extends IntegrationTestSupport {

    static final int COUNT = 200;

    /** The three ways of assigning (rule 4), taken in turn by the rows. */
    static final List<Map<String, Object>> ASSIGNMENTS = List.of(
            Map.of("mode", "SINGLE", "units", List.of("edu")),
            Map.of("mode", "LEAD_AND_CO", "units", List.of("transport", "edu"), "lead", "transport"),
            Map.of("mode", "SEPARATE", "units", List.of("edu", "housing")));

    static final Map<String, Object> FILE = Map.of("decision", "FILE", "category", "城市交通", "comment", "同意立案");

    @Test
    void twoHundredProposalsFiledAndAssignedInOneBatchEndAsOneByOne() {
        // one by one, once for each way of assigning
        List<Long> single = new ArrayList<>();
        for (int i = 0; i < ASSIGNMENTS.size(); i++) {
            long id = submit("逐件" + i);
            proposals.review(id, FILE);
            proposals.step(Proposals.OFFICE, "/api/proposals/" + id + "/assignment", ASSIGNMENTS.get(i));
            single.add(id);
        }
        int lastSingleNumber = Integer.parseInt(proposals.dossier(single.get(single.size() - 1)).get("number").asText());

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            ids.add(submit("批量" + i));
        }
        long bad = submit("类别有误");

        List<Map<String, Object>> reviews = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            reviews.add(item(ids.get(i), FILE));
            if (i == COUNT / 2) {
                reviews.add(item(bad, Map.of("decision", "FILE", "category", "航天", "comment", "同意立案")));
            }
        }
        long started = System.nanoTime();
        Answer reviewed = api.post("office1", "/api/proposals/batch/review", Map.of("items", reviews));
        long reviewMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(reviewed.status()).as("%s", reviewed.body()).isEqualTo(200);

        List<Map<String, Object>> assignments = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            assignments.add(item(ids.get(i), ASSIGNMENTS.get(i % ASSIGNMENTS.size())));
        }
        assignments.add(COUNT / 3, item(bad, ASSIGNMENTS.get(0))); // never filed: its step is not open
        started = System.nanoTime();
        Answer assigned = api.post("office1", "/api/proposals/batch/assignment", Map.of("items", assignments));
        long assignMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(assigned.status()).as("%s", assigned.body()).isEqualTo(200);
        System.out.printf("BATCH TIMING (%s): %d proposals filed in %d ms, assigned in %d ms (load average %.1f on %d cores)%n",
                System.getProperty("test.database", "h2"), COUNT, reviewMillis, assignMillis,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());

        // the bad row failed alone, saying why, and its proposal is untouched
        JsonNode reviewResults = reviewed.body().get("results");
        assertThat(reviewResults).hasSize(COUNT + 1);
        JsonNode badReview = reviewResults.get(COUNT / 2 + 1);
        assertThat(badReview.get("proposalId").asLong()).isEqualTo(bad);
        assertThat(badReview.get("ok").asBoolean()).isFalse();
        assertThat(badReview.get("errors").findValuesAsText("field")).containsExactly("category");
        assertThat(proposals.status(bad)).isEqualTo("UNDER_REVIEW");
        JsonNode badAssignment = assigned.body().get("results").get(COUNT / 3);
        assertThat(badAssignment.get("ok").asBoolean()).isFalse();
        assertThat(badAssignment.get("errors").findValuesAsText("field")).containsExactly("proposalId");
        assertThat(badAssignment.get("errors").findValuesAsText("message")).containsExactly("「交办」当前不可办理：已办理，或尚未到此步骤");

        // numbers gap-free in the rows' order, right after the one-by-one ones
        int row = 0;
        for (JsonNode result : reviewResults) {
            if (result.get("proposalId").asLong() == bad) {
                continue;
            }
            assertThat(result.get("ok").asBoolean()).as("%s", result).isTrue();
            assertThat(result.get("status").asText()).isEqualTo("FILED");
            assertThat(result.get("number").asText()).isEqualTo(String.format("%04d", lastSingleNumber + 1 + row));
            row++;
        }
        List<JsonNode> assignResults = new ArrayList<>();
        assigned.body().get("results").forEach(assignResults::add);
        assignResults.remove(COUNT / 3);
        for (int i = 0; i < COUNT; i++) {
            JsonNode result = assignResults.get(i);
            assertThat(result.get("proposalId").asLong()).isEqualTo(ids.get(i));
            assertThat(result.get("ok").asBoolean()).as("%s", result).isTrue();
            assertThat(result.get("status").asText()).isEqualTo("IN_HANDLING");
        }

        // each one as its one-by-one twin: units, audit records, mails
        for (int i = 0; i < COUNT; i++) {
            long id = ids.get(i);
            long twin = single.get(i % ASSIGNMENTS.size());
            assertThat(units(id)).as("units of row %d", i).isEqualTo(units(twin));
            assertThat(proposals.status(id)).isEqualTo("IN_HANDLING");
            assertThat(audit(id)).as("audit records of row %d", i).isEqualTo(audit(twin));
            assertThat(mails(id)).as("mails of row %d", i).isEqualTo(mails(twin));
        }
        assertThat(audit(single.get(1))).anySatisfy(record -> assertThat(record).contains("PROPOSAL_REVIEWED"))
                .anySatisfy(record -> assertThat(record).contains("PROPOSAL_ASSIGNED"));
        assertThat(mails(single.get(1))).anySatisfy(mail -> assertThat(mail).startsWith("PROPOSAL_FILED"))
                .anySatisfy(mail -> assertThat(mail).startsWith("ASSIGNED_TO_UNIT"));
        assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();
    }

    @Test
    void onlyTheOfficeBatchesAndABodyWithoutItemsDoesNothing() {
        long id = submit("成员不能批量");
        assertProblem(api.post("member1", "/api/proposals/batch/review", Map.of("items", List.of(item(id, FILE)))),
                403, null);
        assertProblem(api.post("office1", "/api/proposals/batch/review", Map.of("rows", List.of())), 400, "items");
        assertProblem(api.post("office1", "/api/proposals/batch/review", Map.of("items", List.of())), 400, "items");
        assertProblem(api.post("office1", "/api/proposals/batch/assignment", Map.of("items", List.of("x"))), 400, "items");
        assertThat(proposals.status(id)).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void rowsWithoutAProposalOrNamingOneTwiceFailAlone() {
        long first = submit("重复一");
        long unknown = 987_654_321L;
        Map<String, Object> noProposal = new HashMap<>(FILE);
        Answer answer = api.post("office1", "/api/proposals/batch/review", Map.of("items", List.of(
                item(first, FILE), item(first, FILE), noProposal, item(unknown, FILE))));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.body().get("results");
        assertThat(results.get(0).get("ok").asBoolean()).isTrue();
        assertThat(results.get(1).get("errors").findValuesAsText("field")).containsExactly("proposalId");
        assertThat(results.get(2).get("errors").findValuesAsText("field")).containsExactly("proposalId");
        assertThat(results.get(2).has("proposalId")).isFalse();
        assertThat(results.get(3).get("ok").asBoolean()).isFalse();
        assertThat(results.get(3).get("errors").findValuesAsText("field")).containsExactly("proposalId");
        assertThat(proposals.status(first)).isEqualTo("FILED");
    }

    private long submit(String label) {
        return proposals.submit("member1", Proposals.submission("关于改善学校周边交通秩序的建议" + label));
    }

    private static Map<String, Object> item(long proposalId, Map<String, Object> fields) {
        Map<String, Object> item = new HashMap<>(fields);
        item.put("proposalId", proposalId);
        return item;
    }

    private List<String> units(long id) {
        List<String> units = new ArrayList<>();
        for (JsonNode unit : proposals.dossier(id).get("units")) {
            units.add(unit.get("code").asText() + " " + unit.get("role").asText() + " " + unit.get("status").asText()
                    + " " + unit.get("deadline").asText());
        }
        return units;
    }

    /** The proposal's audit records, with what differs between any two proposals (id, numbers, title) taken out. */
    private List<String> audit(long id) {
        JsonNode dossier = proposals.dossier(id);
        return jdbc.sql("select actor, action, action_name, unit_code, subject, client_ip, detail from audit_events"
                        + " where proposal_id = :id order by seq").param("id", id)
                .query((rs, n) -> String.join(" | ", rs.getString("actor"), rs.getString("action"),
                        rs.getString("action_name"), String.valueOf(rs.getString("unit_code")),
                        String.valueOf(rs.getString("subject")), rs.getString("client_ip"),
                        String.valueOf(rs.getString("detail"))))
                .list().stream().map(text -> neutral(dossier, text)).toList();
    }

    /** The mails recorded for the proposal: event, recipient, address, subject and text. */
    private List<String> mails(long id) {
        JsonNode dossier = proposals.dossier(id);
        return jdbc.sql("select event, unit_code, recipient, email, subject, body from notifications"
                        + " where proposal_id = :id order by id").param("id", id)
                .query((rs, n) -> String.join(" | ", rs.getString("event"), String.valueOf(rs.getString("unit_code")),
                        rs.getString("recipient"), String.valueOf(rs.getString("email")), rs.getString("subject"),
                        rs.getString("body")))
                .list().stream().map(text -> neutral(dossier, text)).toList();
    }

    private static String neutral(JsonNode dossier, String text) {
        long id = dossier.get("id").asLong();
        String neutral = text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{uuid}")
                .replaceAll("通知：\\d+", "通知：{n}")
                .replace(dossier.get("title").asText(), "{title}");
        if (dossier.hasNonNull("number")) {
            neutral = neutral.replaceAll("(?<![0-9])" + dossier.get("number").asText() + "(?![0-9])", "{number}");
        }
        return neutral.replace("/proposals/" + id, "/proposals/{id}")
                .replace("#" + dossier.get("serialNo").asText(), "#{serialNo}")
                .replace("流水号" + dossier.get("serialNo").asText(), "流水号{serialNo}");
    }
}
