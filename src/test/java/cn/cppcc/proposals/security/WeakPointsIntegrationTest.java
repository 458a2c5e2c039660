package cn.cppcc.proposals.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.OtherAddress;
import cn.cppcc.proposals.support.WebappSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda 7.24 CE gets no more security patches: each weak point closed by configuration is
 * proved here through the doors an attacker would use.
 */
@ExtendWith(OutputCaptureExtension.class)
class WeakPointsIntegrationTest extends IntegrationTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    FilterService filterService;

    @Test
    void adminFirstRunSetupCannotCreateAnAdministrator() {
        long users = identityService.createUserQuery().count();
        String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"i@x.org\"},"
                + "\"credentials\":{\"password\":\"intruder-password\"}}";
        for (String path : List.of("/camunda/api/admin/setup/default/user/create",
                "/camunda/api/admin/%73etup/default/user/create",
                "/camunda/api/admin/x/../setup/default/user/create",
                "/camunda/api//admin/setup/default/user/create",
                "/camunda/api/admin/SETUP/default/user/create",
                "/camunda/api/admin%2Fsetup/default/user/create",
                "/camunda/api/admin/%2573etup/default/user/create",
                "/camunda/api/admin;x=1/setup;y=2/default/user/create")) {
            var answer = api.postRaw(null, path, "application/json", body);
            // Camunda itself would answer 403 while an administrator exists; the blocker answers 404
            assertThat(answer.status()).as(path).isEqualTo(404);
        }
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    }

    @Test
    void expressionsInAdhocTaskQueriesAreRefusedEvenInsideOrQueries() {
        for (String user : List.of("office1", "admin")) {
            assertThat(api.get(user, "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D").status()).isEqualTo(400);
            assertThat(api.post(user, "/engine-rest/task", Map.of("assigneeExpression", "${currentUser()}")).status())
                    .isEqualTo(400);
            var orQuery = api.post(user, "/engine-rest/task", Map.of("orQueries",
                    List.of(Map.of("assigneeExpression", "${execution.getProcessEngineServices()}"))));
            assertThat(orQuery.status()).as("%s", orQuery.body()).isEqualTo(400);
            assertThat(orQuery.get("message").asText()).contains("Expressions are forbidden");
            var orCount = api.post(user, "/engine-rest/task/count", Map.of("orQueries",
                    List.of(Map.of("candidateGroupExpression", "${currentUserGroups()}"))));
            assertThat(orCount.status()).isEqualTo(400);
        }
        String filterId = filterService.createFilterQuery().filterName("我的组任务").singleResult().getId();
        assertThat(api.post("office1", "/engine-rest/filter/" + filterId + "/list", Map.of()).status()).isEqualTo(200);
        var extended = api.post("office1", "/engine-rest/filter/" + filterId + "/list",
                Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}"))));
        assertThat(extended.status()).isEqualTo(400);
        assertThat(api.post("office1", "/engine-rest/filter/" + filterId + "/list",
                Map.of("assigneeExpression", "${currentUser()}")).status()).isEqualTo(400);
    }

    @Test
    void javaSerializedVariablesAreRefused() {
        long id = proposals.submitted();
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                .singleResult().getId();
        var answer = api.post("admin", "/engine-rest/process-instance/" + instance + "/variables", Map.of("modifications",
                Map.of("smuggled", Map.of("value", "rO0ABXQAA2Zvbw==", "type", "Object", "valueInfo", Map.of(
                        "objectTypeName", "java.lang.String",
                        "serializationDataFormat", "application/x-java-serialized-object")))));
        assertThat(answer.status()).isGreaterThanOrEqualTo(400);
        assertThat(runtimeService.getVariable(instance, "smuggled")).isNull();
    }

    @Test
    void apiAnswersCarrySecurityHeaders() {
        for (var answer : List.of(api.get("member1", "/api/proposals"), api.get(null, "/api/proposals"),
                api.get("member1", "/api/proposals/987654"))) {
            var headers = answer.headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Cache-Control").orElse("")).contains("no-store");
        }
    }

    @Test
    void h2ConsoleIsNotExposed() {
        for (String path : List.of("/h2-console", "/h2-console/", "/h2-console/login.jsp")) {
            assertThat(api.get(null, path).status()).as(path).isEqualTo(404);
            assertThat(api.get("admin", path).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void webappsRefuseChangesWithoutTheirCsrfToken() {
        String withToken = reviewTask(proposals.submitted());
        String withoutToken = reviewTask(proposals.submitted());
        WebappSession browser = new WebappSession(port);
        assertThat(browser.login("office1", "demo", "tasklist")).isEqualTo(200);

        assertThat(browser.post(claim(withToken), "{\"userId\":\"office1\"}", true).statusCode()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(withToken).singleResult().getAssignee()).isEqualTo("office1");

        assertThat(browser.post(claim(withoutToken), "{\"userId\":\"office1\"}", false).statusCode()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(withoutToken).singleResult().getAssignee()).isNull();
    }

    String reviewTask(long proposalId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(proposalId)).singleResult().getId();
    }

    static String claim(String taskId) {
        return "/camunda/api/engine/engine/default/task/" + taskId + "/claim";
    }

    @Test
    void noPasswordOrHashReachesTheLog(CapturedOutput output) {
        String password = "Correct-Horse-" + System.nanoTime();
        assertThat(api.post("admin", "/api/admin/users", Map.of("id", "logcheck" + System.nanoTime() % 100000,
                "name", "日志检查", "password", password, "groups", List.of("members"))).status()).isEqualTo(201);
        api.get("member1", "/api/proposals");
        api.postRaw(null, "/camunda/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded",
                "username=member1&password=" + password);
        api.get("nobody", "/api/proposals");

        assertThat(output.getAll()).doesNotContain(password).doesNotContain("{SHA-512}").doesNotContain("{SHA}")
                .doesNotContainIgnoringCase("password=");
    }

    @Test
    void strangersCannotLockAnyoneOut() {
        // wrong passwords for admin, without logging in: this address is refused for a while...
        for (int i = 0; i < 20; i++) {
            assertThat(api.get("admin", "wrong-" + i, "/api/tasks").status()).isIn(401, 429);
        }
        assertThat(api.get("admin", "demo", "/api/tasks").status()).isEqualTo(429);
        // ...but not admin: the right password from another address works at once
        assertThat(loginThrottle.blocked(OtherAddress.ADDRESS, "admin")).isEmpty();
        if (OtherAddress.available()) {
            assertThat(OtherAddress.get(port, "admin", "demo", "/api/tasks")).isEqualTo(200);
        }
    }

    @Test
    void guessingPasswordsIsSlowedDownButNeverLocksTheUser() {
        String user = "guessme" + System.nanoTime() % 100000;
        assertThat(api.post("admin", "/api/admin/users", Map.of("id", user, "name", "猜测", "password", "the-right-one-1",
                "groups", List.of("members"))).status()).isEqualTo(201);
        // 40 wrong passwords, each as soon as the block of the one before has passed: the blocks grow
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 40; i++) {
            Duration block = loginThrottle.blocked("127.0.0.1", user).orElse(Duration.ZERO);
            longest = block.compareTo(longest) > 0 ? block : longest;
            advanceClock(block);
            assertThat(api.get(user, "wrong-" + i, "/api/tasks").status()).isEqualTo(401);
        }
        assertThat(api.get(user, "the-right-one-1", "/api/tasks").status()).isEqualTo(429);
        assertThat(longest).isEqualTo(Duration.ofMinutes(15));
        // the last block passes, and the right password works: no lock that needs an admin
        advanceClock(loginThrottle.blocked("127.0.0.1", user).orElseThrow());
        assertThat(api.get(user, "the-right-one-1", "/api/tasks").status()).isEqualTo(200);
        assertThat(identityService.checkPassword(user, "the-right-one-1")).isTrue();
    }
}
