package cn.cppcc.proposals.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every role against every endpoint of API.md and the engine REST resources the webapps use, each
 * with its expected answer: 401 without credentials, 404 for a proposal one may not see, 403 for a
 * step one may not take, and "passes" (any other answer but a 5xx: the step then checks its input
 * and state). Lists answer only what the role may see.
 */
class AuthorizationMatrixIntegrationTest extends IntegrationTestSupport {

    static final String PASS = "passes";
    /** The engine answers 403 or, where it hides what one may not read, 404. */
    static final String DENIED = "denied";
    /** Refused with a 4xx other than 401: the engine answers 400 where it cannot find what the user may not see. */
    static final String REFUSED = "refused";
    static final List<String> ROLES = List.of("anonymous", "member1", "member2", "office1", "edu1", "transport1",
            "edu-lead", "chair1", "auditor1", "admin");


    long underReview;
    long handledByEdu;
    long keyProposal;
    String instanceOfHandled;
    String reviewTask;

    @BeforeEach
    void proposals() {
        underReview = proposals.submitted();
        handledByEdu = proposals.handledBy("edu");
        keyProposal = proposals.submitted();
        proposals.review(keyProposal, Map.of("decision", "FILE", "category", "教科文卫", "key", true, "supervisor", "chair1"));
        reviewTask = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(underReview)).singleResult()
                .getId();
        instanceOfHandled = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(handledByEdu)).processDefinitionKey("ProposalHandlingProcess")
                .singleResult().getId();
    }

    record Row(String method, String path, Object body, Map<String, Object> expected) {}

    /** Expectations for the roles, in the order of ROLES; anonymous is always 401 unless given. */
    static Map<String, Object> expect(Object... statuses) {
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < ROLES.size(); i++) {
            expected.put(ROLES.get(i), statuses[i]);
        }
        return expected;
    }

    List<Row> rows() {
        String review = "/api/proposals/" + underReview;
        String handled = "/api/proposals/" + handledByEdu;
        String unit = handled + "/units/edu";
        List<Row> rows = new ArrayList<>();
        //                                                      anon member1 member2 office1 edu1 transport1 edu-lead chair1 auditor1 admin
        rows.add(new Row("GET", review, null, expect(401, PASS, 404, PASS, 404, 404, 404, 404, PASS, 404)));
        rows.add(new Row("GET", handled, null, expect(401, PASS, 404, PASS, PASS, 404, PASS, 404, PASS, 404)));
        rows.add(new Row("GET", "/api/proposals/" + keyProposal, null, expect(401, PASS, 404, PASS, 404, 404, 404, PASS, PASS, 404)));
        rows.add(new Row("GET", "/api/proposals", null, expect(401, PASS, PASS, PASS, PASS, PASS, PASS, PASS, PASS, PASS)));
        rows.add(new Row("POST", "/api/proposals", Map.of(), expect(401, PASS, PASS, PASS, 403, 403, 403, 403, 403, 403)));
        rows.add(new Row("POST", review + "/review", Map.of(), expect(401, 403, 404, PASS, 404, 404, 404, 404, 403, 404)));
        rows.add(new Row("POST", review + "/revision", Map.of(), expect(401, PASS, 404, 403, 404, 404, 404, 404, 403, 404)));
        rows.add(new Row("POST", review + "/co-proposers/member2/confirmation", Map.of(),
                expect(401, 403, 404, 403, 404, 404, 404, 404, 403, 404)));
        rows.add(new Row("GET", review + "/unit-suggestions", null, expect(401, 403, 404, PASS, 404, 404, 404, 404, 403, 404)));
        rows.add(new Row("POST", review + "/assignment", Map.of(), expect(401, 403, 404, PASS, 404, 404, 404, 404, 403, 404)));
        rows.add(new Row("GET", review + "/attachments", null, expect(401, PASS, 404, PASS, 404, 404, 404, 404, PASS, 404)));
        rows.add(new Row("POST", unit + "/acceptance", Map.of(), expect(401, 403, 404, 403, PASS, 404, 403, 404, 403, 404)));
        rows.add(new Row("POST", unit + "/objection-resolution", Map.of(), expect(401, 403, 404, PASS, 403, 404, 403, 404, 403, 404)));
        rows.add(new Row("POST", unit + "/reply/classification", Map.of(), expect(401, 403, 404, PASS, 403, 404, 403, 404, 403, 404)));
        rows.add(new Row("POST", unit + "/opinion", Map.of(), expect(401, 403, 404, 403, PASS, 404, 403, 404, 403, 404)));
        rows.add(new Row("POST", unit + "/consultations", Map.of(), expect(401, 403, 404, 403, PASS, 404, 403, 404, 403, 404)));
        rows.add(new Row("POST", unit + "/reply", Map.of(), expect(401, 403, 404, 403, PASS, 404, 403, 404, 403, 404)));
        rows.add(new Row("POST", unit + "/sign-off", Map.of(), expect(401, 403, 404, 403, 403, 404, PASS, 404, 403, 404)));
        rows.add(new Row("POST", unit + "/feedback", Map.of(), expect(401, PASS, 404, 403, 403, 404, 403, 404, 403, 404)));
        rows.add(new Row("POST", unit + "/coordination", Map.of(), expect(401, 403, 404, PASS, 403, 404, 403, 404, 403, 404)));
        rows.add(new Row("GET", review + "/similar", null, expect(401, 403, 404, PASS, 404, 404, 404, 404, 403, 404)));
        rows.add(new Row("POST", "/api/proposals/similar", Map.of("title", "学校周边交通"),
                expect(401, PASS, PASS, PASS, 403, 403, 403, 403, 403, 403)));
        rows.add(new Row("GET", "/api/search?q=学校", null, expect(401, 403, 403, PASS, 403, 403, 403, 403, PASS, 403)));
        String key = "/api/proposals/" + keyProposal;
        rows.add(new Row("POST", review + "/withdrawal", Map.of(), expect(401, PASS, 404, 403, 404, 404, 404, 404, 403, 404)));
        rows.add(new Row("POST", handled + "/withdrawal/approval", Map.of(),
                expect(401, 403, 404, PASS, 403, 404, 403, 404, 403, 404)));
        rows.add(new Row("POST", key + "/supervision", Map.of(), expect(401, 403, 404, PASS, 404, 404, 404, PASS, 403, 404)));
        rows.add(new Row("GET", key + "/supervision", null, expect(401, PASS, 404, PASS, 404, 404, 404, PASS, PASS, 404)));
        rows.add(new Row("POST", handled + "/follow-up", Map.of(), expect(401, 403, 404, PASS, 403, 404, 403, 404, 403, 404)));
        rows.add(new Row("POST", handled + "/publication", Map.of(), expect(401, 403, 404, PASS, 403, 404, 403, 404, 403, 404)));
        rows.add(new Row("GET", "/api/notifications", null, expect(401, 403, 403, PASS, 403, 403, 403, 403, PASS, 403)));
        rows.add(new Row("GET", "/api/admin/mail-templates", null, expect(401, 403, 403, 403, 403, 403, 403, 403, 403, PASS)));
        rows.add(new Row("PUT", "/api/admin/mail-templates/PROPOSAL_FILED", Map.of(),
                expect(401, 403, 403, 403, 403, 403, 403, 403, 403, PASS)));
        rows.add(new Row("GET", "/public/proposals", null, expect(200, 200, 200, 200, 200, 200, 200, 200, 200, 200)));
        rows.add(new Row("GET", "/public/proposals/" + handledByEdu, null, expect(404, 404, 404, 404, 404, 404, 404, 404, 404, 404)));
        // the clock control is off unless proposals.clock-control=true
        rows.add(new Row("PUT", "/api/admin/clock", Map.of("now", "2030-01-01T00:00:00Z"),
                expect(401, 404, 404, 404, 404, 404, 404, 404, 404, 404)));
        rows.add(new Row("GET", "/api/reports/summary", null, expect(401, 403, 403, PASS, 403, 403, 403, PASS, PASS, 403)));
        rows.add(new Row("GET", "/api/reports/register.xlsx", null, expect(401, 403, 403, PASS, 403, 403, 403, PASS, PASS, 403)));
        rows.add(new Row("GET", "/api/reports/proposer-types", null, expect(401, 403, 403, PASS, 403, 403, 403, PASS, PASS, 403)));
        for (String audit : List.of("/api/audit/events", "/api/audit/events.csv", "/api/audit/verify", "/api/audit/actions")) {
            rows.add(new Row("GET", audit, null, expect(401, 403, 403, 403, 403, 403, 403, 403, PASS, 403)));
        }
        rows.add(new Row("GET", handled + "/history", null, expect(401, PASS, 404, PASS, PASS, 404, PASS, 404, PASS, 404)));
        rows.add(new Row("GET", "/api/proposals/" + keyProposal + "/history", null,
                expect(401, PASS, 404, PASS, 404, 404, 404, PASS, PASS, 404)));
        rows.add(new Row("GET", handled + "/dossier.pdf", null, expect(401, 403, 404, PASS, 403, 404, 403, 404, PASS, 404)));
        rows.add(new Row("GET", "/api/tasks", null, expect(401, PASS, PASS, PASS, PASS, PASS, PASS, PASS, PASS, PASS)));
        for (String read : List.of("/api/units", "/api/categories", "/api/sessions", "/api/calendar/2026")) {
            rows.add(new Row("GET", read, null, expect(401, PASS, PASS, PASS, PASS, PASS, PASS, PASS, PASS, PASS)));
        }
        rows.add(new Row("POST", "/api/units", Map.of(), expect(401, 403, 403, 403, 403, 403, 403, 403, 403, PASS)));
        rows.add(new Row("POST", "/api/categories", Map.of(), expect(401, 403, 403, 403, 403, 403, 403, 403, 403, PASS)));
        rows.add(new Row("POST", "/api/sessions", Map.of(), expect(401, 403, 403, 403, 403, 403, 403, 403, 403, PASS)));
        rows.add(new Row("PUT", "/api/calendar/2030", Map.of(), expect(401, 403, 403, 403, 403, 403, 403, 403, 403, PASS)));
        rows.add(new Row("GET", "/api/admin/users", null, expect(401, 403, 403, 403, 403, 403, 403, 403, 403, PASS)));
        rows.add(new Row("GET", "/actuator/health", null, expect(200, 200, 200, 200, 200, 200, 200, 200, 200, 200)));
        rows.add(new Row("GET", "/actuator/health/readiness", null, expect(200, 200, 200, 200, 200, 200, 200, 200, 200, 200)));
        rows.add(new Row("GET", "/actuator/prometheus", null, expect(401, 403, 403, 403, 403, 403, 403, 403, 403, 200)));
        rows.add(new Row("GET", "/v3/api-docs", null, expect(401, 200, 200, 200, 200, 200, 200, 200, 200, 200)));

        // the engine's REST API, as Cockpit, Tasklist and Admin use it
        String instance = "/engine-rest/process-instance/" + instanceOfHandled;
        rows.add(new Row("GET", "/engine-rest/task", null, expect(401, 200, 200, 200, 200, 200, 200, 200, 200, 200)));
        rows.add(new Row("GET", "/engine-rest/process-instance", null, expect(401, 200, 200, 200, 200, 200, 200, 200, 200, 200)));
        rows.add(new Row("GET", instance, null, expect(401, DENIED, DENIED, 200, DENIED, DENIED, DENIED, DENIED, 200, 200)));
        rows.add(new Row("GET", instance + "/variables", null,
                expect(401, DENIED, DENIED, 200, DENIED, DENIED, DENIED, DENIED, 200, 200)));
        rows.add(new Row("PUT", instance + "/variables/injected", Map.of("value", "x", "type", "String"),
                expect(401, 403, 403, 403, 403, 403, 403, 403, 403, 204)));
        rows.add(new Row("PUT", instance + "/suspended", Map.of("suspended", false),
                expect(401, 403, 403, 403, 403, 403, 403, 403, 403, 204)));
        // what a worker may not do past the form (security/EngineDoors, workflow/StepForms)
        String task = "/engine-rest/task/" + reviewTask;
        rows.add(new Row("PUT", task + "/localVariables/proposalId", Map.of("value", 1, "type", "Long"),
                expect(401, 403, 403, 403, 403, 403, 403, 403, 403, 204)));
        rows.add(new Row("POST", task + "/comment/create", Map.of("message", "已阅"),
                expect(401, REFUSED, REFUSED, 403, REFUSED, REFUSED, REFUSED, REFUSED, 403, PASS)));
        rows.add(new Row("POST", task + "/complete", Map.of(), expect(401, 403, 403, 400, 403, 403, 403, 403, 403, 403)));
        rows.add(new Row("POST", task + "/submit-form", Map.of("variables", Map.of("proposalId", Map.of("value", 1, "type", "Long"))),
                expect(401, 403, 403, 400, 403, 403, 403, 403, 403, 400)));
        rows.add(new Row("PUT", "/engine-rest/user/member1/profile", Map.of("id", "member1", "firstName", "李", "lastName", "华"),
                expect(401, 403, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, PASS)));
        rows.add(new Row("POST", "/engine-rest/history/cleanup", Map.of(), expect(401, 403, 403, 403, 403, 403, 403, 403, 403, PASS)));
        rows.add(new Row("POST", "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "x", "query", Map.of()),
                expect(401, 403, 403, 403, 403, 403, 403, 403, 403, 200)));
        rows.add(new Row("POST", "/engine-rest/user/create", Map.of("profile", Map.of("id", "x9"), "credentials", Map.of("password", "x")),
                expect(401, 403, 403, 403, 403, 403, 403, 403, 403, PASS)));
        rows.add(new Row("POST", "/engine-rest/authorization/create", Map.of("type", 1, "resourceType", 6, "resourceId", "*",
                "userId", "member1", "permissions", List.of("ALL")), expect(401, 403, 403, 403, 403, 403, 403, 403, 403, 200)));
        rows.add(new Row("GET", "/engine-rest/history/process-instance", null, expect(401, 200, 200, 200, 200, 200, 200, 200, 200, 200)));
        rows.add(new Row("GET", "/engine-rest/incident", null, expect(401, 200, 200, 200, 200, 200, 200, 200, 200, 200)));
        return rows;
    }

    @Test
    void everyRoleGetsItsAnswerFromEveryEndpoint() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Row row : rows()) {
            for (String role : ROLES) {
                Object expected = row.expected().get(role);
                String user = role.equals("anonymous") ? null : role;
                Answer answer = switch (row.method()) {
                    case "GET" -> api.get(user, row.path());
                    case "PUT" -> api.put(user, row.path(), row.body());
                    default -> api.post(user, row.path(), row.body());
                };
                checked++;
                boolean ok = expected.equals(PASS)
                        ? answer.status() < 500 && answer.status() != 401 && answer.status() != 403 && answer.status() != 404
                        : expected.equals(DENIED) ? answer.status() == 403 || answer.status() == 404
                        : expected.equals(REFUSED) ? answer.status() >= 400 && answer.status() < 500 && answer.status() != 401
                        : answer.status() == (Integer) expected;
                if (!ok) {
                    failures.add(row.method() + " " + row.path() + " as " + role + ": expected " + expected
                            + ", got " + answer.status() + " " + answer.body());
                }
            }
        }
        assertThat(failures).as("%d checks", checked).isEmpty();
    }

    @Test
    void listsHoldNothingOfOthers() {
        String mine = String.valueOf(underReview);
        assertThat(ids(api.get("member2", "/api/proposals").body().get("items"))).doesNotContain(mine);
        assertThat(ids(api.get("transport1", "/api/proposals").body().get("items")))
                .doesNotContain(mine, String.valueOf(handledByEdu));
        assertThat(ids(api.get("admin", "/api/proposals").body().get("items"))).isEmpty();
        assertThat(ids(api.get("chair1", "/api/proposals").body().get("items")))
                .contains(String.valueOf(keyProposal)).doesNotContain(mine);

        assertThat(api.get("transport1", "/api/tasks").body().findValuesAsText("proposalId"))
                .doesNotContain(String.valueOf(handledByEdu));
        assertThat(api.get("member2", "/engine-rest/task").body().findValuesAsText("assignee")).doesNotContain("member1");
        assertThat(api.get("transport1", "/engine-rest/task?candidateGroup=unit-edu").body()).isEmpty();
        assertThat(api.get("member1", "/engine-rest/process-instance").body()).isEmpty();
        assertThat(api.get("edu1", "/engine-rest/history/process-instance").body()).isEmpty();
        assertThat(api.get("member2", "/engine-rest/history/task").body()).isEmpty();
        assertThat(api.get("member1", "/engine-rest/user").body().findValuesAsText("id")).containsExactly("member1");
        assertThat(api.get("auditor1", "/engine-rest/process-instance").body().findValuesAsText("id")).contains(instanceOfHandled);
        assertThat(api.get("member1", "/engine-rest/process-definition").body().findValuesAsText("key"))
                .containsOnly("ProposalHandlingProcess", "UnitHandlingProcess");
    }

    @Test
    void auditorsChangeNothingThroughTheEngine() {
        String instance = "/engine-rest/process-instance/" + instanceOfHandled;
        String task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(underReview)).singleResult().getId();
        assertThat(api.post("auditor1", "/engine-rest/task/" + task + "/complete", Map.of()).status()).isEqualTo(403);
        assertThat(api.post("auditor1", "/engine-rest/task/" + task + "/claim", Map.of("userId", "auditor1")).status()).isEqualTo(403);
        assertThat(api.delete("auditor1", instance).status()).isEqualTo(403);
        assertThat(api.post("auditor1", instance + "/modification", Map.of("instructions",
                List.of(Map.of("type", "cancel", "activityId", "CallActivity_UnitHandling")))).status()).isEqualTo(403);
        assertThat(api.post("auditor1", "/engine-rest/process-instance/delete", Map.of("processInstanceIds", List.of(instanceOfHandled)))
                .status()).isEqualTo(403);
        byte[] bpmn = "<definitions/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(api.upload("auditor1", "/engine-rest/deployment/create", "x.bpmn", "application/xml", bpmn).status())
                .isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceOfHandled).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }

    static List<String> ids(JsonNode items) {
        return items.findValuesAsText("id");
    }
}
