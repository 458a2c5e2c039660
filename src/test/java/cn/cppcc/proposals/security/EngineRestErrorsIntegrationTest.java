package cn.cppcc.proposals.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.shared.ClientError;
import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's REST API and the webapps' (what Tasklist calls) answer a client's mistake with a
 * 4xx, never a 500 (API.md "Errors"): malformed paths, missing or invalid bodies, wrong types and
 * media types, unknown ids, a deployment without its form, steps on a task that does not exist or
 * that someone else holds, each as several users. A step's own refusal answers 400 with its Chinese
 * message, a race for a task 409, and none of it is logged as an error.
 */
@ExtendWith(OutputCaptureExtension.class)
class EngineRestErrorsIntegrationTest extends IntegrationTestSupport {

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
    static final List<String> USERS = List.of("member1", "office1", "admin");
    static final String JSON = "application/json";
    /** The review step's form filled in as Tasklist would, without the category that filing needs. */
    static final String FILE_WITHOUT_CATEGORY = "{\"variables\":{\"decision\":{\"value\":\"FILE\",\"type\":\"String\"}}}";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    record Call(String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + path + (contentType == null ? "" : " [" + contentType + "]") + (body == null ? "" : " " + body);
        }
    }

    /** Requests with a mistake in them under an engine API's root; {@code held} is a task office1 holds. */
    static List<Call> mistakes(String root, String held) {
        String unknown = root + "/task/no-such-task";
        return List.of(
                new Call("GET", unknown, null, null),
                new Call("GET", unknown + "/variables", null, null),
                new Call("GET", root + "/task?dueBefore=not-a-date", null, null),
                new Call("GET", root + "/task?maxResults=abc", null, null),
                new Call("GET", root + "/process-instance/no-such-instance", null, null),
                new Call("GET", root + "/no-such-resource", null, null),
                new Call("POST", root + "/task", JSON, "{\"title\": "),
                new Call("POST", root + "/task", JSON, "{\"sorting\":\"x\"}"),
                new Call("POST", root + "/task", JSON, "{\"dueBefore\":\"not-a-date\"}"),
                new Call("POST", root + "/task", null, null),
                new Call("POST", root + "/task", "text/plain", "x"),
                new Call("POST", root + "/task/count", "application/xml", "<query/>"),
                new Call("POST", unknown + "/claim", JSON, "{\"userId\":\"office1\"}"),
                new Call("POST", unknown + "/claim", null, null),
                new Call("POST", unknown + "/submit-form", JSON, FILE_WITHOUT_CATEGORY),
                new Call("POST", unknown + "/complete", JSON, "{}"),
                new Call("POST", unknown + "/delegate", JSON, "{\"userId\":\"office1\"}"),
                new Call("PUT", unknown + "/variables/x", JSON, "{\"value\":1,\"type\":\"Integer\"}"),
                new Call("POST", root + "/task/" + held + "/claim", JSON, "{bad"),
                new Call("POST", root + "/task/" + held + "/claim", JSON, "[1, 2]"),
                new Call("POST", root + "/task/" + held + "/claim", JSON, "{\"userId\":\"member2\"}"),
                new Call("POST", root + "/task/" + held + "/submit-form", JSON, FILE_WITHOUT_CATEGORY),
                new Call("POST", root + "/task/" + held + "/submit-form", JSON, "{\"variables\":[1]}"),
                new Call("POST", root + "/task/" + held + "/submit-form", JSON,
                        "{\"variables\":{\"decision\":{\"value\":\"FILE\",\"type\":\"Integer\"}}}"),
                new Call("POST", root + "/task/" + held + "/submit-form", JSON,
                        "{\"variables\":{\"decision\":{\"value\":\"FILE\",\"type\":\"NoSuchType\"}}}"),
                new Call("POST", root + "/task/" + held + "/submit-form", null, null),
                new Call("POST", root + "/task/" + held + "/complete", "text/plain", "FILE"),
                new Call("POST", root + "/task/" + held + "/variables/x/data", null, null),
                new Call("POST", root + "/deployment/create", null, null),
                new Call("POST", root + "/deployment/create", JSON, "{}"),
                new Call("POST", root + "/deployment/create", "multipart/form-data", ""),
                new Call("POST", root + "/deployment/create", "multipart/form-data; boundary=x", "--x--\r\n"),
                new Call("POST", root + "/message", null, null),
                new Call("POST", root + "/message", JSON, "{\"messageName\":\"no-such-message\"}"),
                new Call("POST", root + "/external-task/fetchAndLock", JSON, "{}"),
                new Call("POST", root + "/process-definition/key/no-such-process/start", JSON, "{}"));
    }

    /** Paths that Tomcat maps to an engine API but that are malformed: refused with 400 or 404. */
    static final List<String> ENGINE_REST_PATHS = List.of("/engine-rest;/task", "/engine-rest;x=1/task",
            "//engine-rest/task", "/engine-rest//task", "/engine%2Drest/task", "/engine-rest/task;x=1",
            "/engine-rest/task%2Fno-such-task", "/engine-rest/task/..%2F..%2Fapi%2Fproposals", "/engine-rest/./task",
            "/engine-rest/%2e%2e/api/proposals");
    static final List<String> WEBAPP_PATHS = List.of("/camunda/api;/engine/engine/default/task",
            "/camunda/api;x=1/engine/engine/default/task", "//camunda/api/engine/engine/default/task",
            "/camunda/api//engine/engine/default/task", "/camunda/api/engine;/engine/default/task",
            "/camunda/%61pi/engine/engine/default/task", "/camunda/api/engine/engine/default/task%2Fx");

    @Test
    void theEngineRestApiAnswersEveryMistakeWithA4xx(CapturedOutput output) {
        String held = heldByOffice1();
        int logged = output.getAll().length();
        List<String> serverErrors = new ArrayList<>();
        for (String user : USERS) {
            for (Call call : mistakes(ENGINE_REST, held)) {
                Answer answer = api.request(user, call.method(), call.path(), call.contentType(), call.body());
                if (answer.status() >= 500) {
                    serverErrors.add(user + " " + call + " -> " + answer.status() + " " + answer.body());
                }
            }
            for (String path : ENGINE_REST_PATHS) {
                assertThat(api.get(user, path).status()).as("%s GET %s", user, path).isIn(400, 404);
            }
        }
        assertThat(serverErrors).isEmpty();
        assertStillHeldByOffice1(held);
        assertNoErrorLogged(output.getAll().substring(logged));
    }

    @Test
    void theWebappsEngineApiAnswersEveryMistakeWithA4xx(CapturedOutput output) {
        String held = heldByOffice1();
        int logged = output.getAll().length();
        List<String> serverErrors = new ArrayList<>();
        for (String user : USERS) {
            WebappSession tasklist = new WebappSession(port);
            assertThat(tasklist.login(user, "demo", "tasklist")).isEqualTo(200);
            for (Call call : mistakes(WEBAPP_ENGINE, held)) {
                HttpResponse<String> answer = tasklist.request(call.method(), call.path(), call.contentType(), call.body());
                if (answer.statusCode() >= 500) {
                    serverErrors.add(user + " " + call + " -> " + answer.statusCode() + " " + answer.body());
                }
            }
            for (String path : WEBAPP_PATHS) {
                assertThat(tasklist.get(path).statusCode()).as("%s GET %s", user, path).isIn(400, 404);
            }
        }
        assertThat(serverErrors).isEmpty();
        assertStillHeldByOffice1(held);
        assertNoErrorLogged(output.getAll().substring(logged));
    }

    @Test
    void aStepsRefusalAnswers400WithItsOwnMessageThroughEveryDoor() {
        String task = reviewTask(proposals.submitted());
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("office1", "demo", "tasklist")).isEqualTo(200);

        List<Function<String, Answer>> doors = List.of(
                path -> api.request("office1", "POST", ENGINE_REST + path, JSON, FILE_WITHOUT_CATEGORY),
                path -> answer(tasklist.request("POST", WEBAPP_ENGINE + path, JSON, FILE_WITHOUT_CATEGORY)));
        for (Function<String, Answer> door : doors) {
            Answer answer = door.apply("/task/" + task + "/submit-form");
            assertThat(answer.status()).as("submit-form: %s", answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith(JSON);
            assertThat(answer.get("message").asText()).contains("类别").doesNotContain("ENGINE-");
            assertThat(answer.get("errors").findValuesAsText("field")).containsExactly("category");
            // a plain completion carries variables past the form: only the form completes a step
            Answer complete = door.apply("/task/" + task + "/complete");
            assertThat(complete.status()).as("complete: %s", complete.body()).isEqualTo(400);
            assertThat(complete.get("message").asText()).contains("表单").doesNotContain("ENGINE-");
            assertThat(complete.get("errors").findValuesAsText("field")).containsExactly("form");
        }
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the step is still open").isOne();
    }

    @Test
    void twoUsersClaimingOneTaskTheSecondGets409ThroughEitherDoor() {
        String first = reviewTask(proposals.submitted());
        assertThat(api.post("office1", ENGINE_REST + "/task/" + first + "/claim", "{\"userId\":\"office1\"}").status())
                .isEqualTo(204);
        Answer second = api.post("admin", ENGINE_REST + "/task/" + first + "/claim", "{\"userId\":\"admin\"}");
        assertThat(second.status()).as("%s", second.body()).isEqualTo(409);
        assertThat(second.get("message").asText()).isEqualTo(ClientError.raceDetail("审查立案"));

        String other = reviewTask(proposals.submitted());
        WebappSession adminsTasklist = new WebappSession(port);
        assertThat(adminsTasklist.login("admin", "demo", "tasklist")).isEqualTo(200);
        assertThat(adminsTasklist.post(WEBAPP_ENGINE + "/task/" + other + "/claim", "{\"userId\":\"admin\"}", true)
                .statusCode()).isEqualTo(204);
        WebappSession officesTasklist = new WebappSession(port);
        assertThat(officesTasklist.login("office1", "demo", "tasklist")).isEqualTo(200);
        Answer late = answer(officesTasklist.post(WEBAPP_ENGINE + "/task/" + other + "/claim", "{\"userId\":\"office1\"}", true));
        assertThat(late.status()).as("%s", late.body()).isEqualTo(409);
        assertThat(late.get("message").asText()).isEqualTo(ClientError.raceDetail("审查立案"));

        assertThat(taskService.createTaskQuery().taskId(first).singleResult().getAssignee()).isEqualTo("office1");
        assertThat(taskService.createTaskQuery().taskId(other).singleResult().getAssignee()).isEqualTo("admin");
    }

    /** A new proposal's review task, claimed by office1. */
    String heldByOffice1() {
        String task = reviewTask(proposals.submitted());
        taskService.claim(task, "office1");
        return task;
    }

    String reviewTask(long proposalId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(proposalId))
                .taskDefinitionKey("Task_ReviewProposal").singleResult().getId();
    }

    void assertStillHeldByOffice1(String task) {
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee())
                .as("none of the mistakes changed the task").isEqualTo("office1");
    }

    /** Client errors are no errors of the server: no ERROR or WARN line, no stack trace. */
    static void assertNoErrorLogged(String log) {
        assertThat(log.lines().filter(line -> line.contains(" ERROR ") || line.contains(" WARN ")).toList()).isEmpty();
        assertThat(log).doesNotContain("\tat org.camunda");
    }

    Answer answer(HttpResponse<String> response) {
        try {
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), type, body, null, response.headers());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }
}
