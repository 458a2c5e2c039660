package cn.cppcc.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.WebappSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Admins manage users; a disabled or deleted user is shut out of every door, sessions included. */
class UserAdministrationIntegrationTest extends IntegrationTestSupport {

    static final String PASSWORD = "a-good-password-1";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    LoginSettings settings;

    String newMember() {
        String id = "m" + System.nanoTime() % 10_000_000;
        var answer = api.post("admin", "/api/admin/users", Map.of("id", id, "name", "新委员", "email", id + "@example.org",
                "password", PASSWORD, "groups", List.of("members")));
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
        return id;
    }

    @Test
    void createdUserLogsInThroughEveryDoor() {
        String id = newMember();
        assertThat(api.get(id, PASSWORD, "/api/tasks").status()).isEqualTo(200);
        assertThat(api.get(id, PASSWORD, "/engine-rest/task").status()).isEqualTo(200);
        assertThat(new WebappSession(port).login(id, PASSWORD, "tasklist")).isEqualTo(200);
        var view = api.get("admin", "/api/admin/users/" + id).body();
        assertThat(view.get("groups").toString()).isEqualTo("[\"members\"]");
        assertThat(view.get("name").asText()).isEqualTo("新委员");
    }

    @Test
    void onlyAdminsManageUsers() {
        for (String user : List.of("member1", "office1", "auditor1", "edu1")) {
            assertProblem(api.get(user, "/api/admin/users"), 403, null);
            assertProblem(api.post(user, "/api/admin/users", Map.of("id", "x1", "name", "x", "password", PASSWORD)), 403, null);
        }
    }

    @Test
    void badUserInputNamesTheField() {
        assertProblem(api.post("admin", "/api/admin/users", Map.of("id", "Bad Id", "name", "x", "password", PASSWORD)), 400, "id");
        assertProblem(api.post("admin", "/api/admin/users", Map.of("id", "short1", "name", "x", "password", "short")), 400, "password");
        assertProblem(api.post("admin", "/api/admin/users", Map.of("id", "nogroup1", "name", "x", "password", PASSWORD,
                "groups", List.of("no-such-group"))), 400, "groups");
        assertProblem(api.post("admin", "/api/admin/users", Map.of("id", "mail1", "name", "x", "password", PASSWORD,
                "email", "not-an-address")), 400, "email");
        assertProblem(api.post("admin", "/api/admin/users", Map.of("id", "member1", "name", "x", "password", PASSWORD)), 400, "id");
        assertProblem(api.get("admin", "/api/admin/users/nobody-here"), 404, null);
    }

    @Test
    void disabledUserIsShutOutAndTheirWebappSessionEnds() {
        String id = newMember();
        WebappSession browser = new WebappSession(port);
        assertThat(browser.login(id, PASSWORD, "tasklist")).isEqualTo(200);
        assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);

        assertThat(api.post("admin", "/api/admin/users/" + id + "/disable", Map.of()).status()).isEqualTo(204);

        assertThat(api.get(id, PASSWORD, "/api/tasks").status()).isEqualTo(401);
        assertThat(api.get(id, PASSWORD, "/engine-rest/task").status()).isEqualTo(401);
        advanceClock(Duration.ofSeconds(31));
        assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
        assertThat(new WebappSession(port).login(id, PASSWORD, "tasklist")).isEqualTo(401);
        assertThat(api.get("admin", "/api/admin/users/" + id).get("disabled").asBoolean()).isTrue();

        String newPassword = "another-password-2";
        assertThat(api.post("admin", "/api/admin/users/" + id + "/enable", Map.of("password", newPassword)).status()).isEqualTo(200);
        assertThat(api.get(id, newPassword, "/api/tasks").status()).isEqualTo(200);
        assertThat(api.get("admin", "/api/admin/users/" + id).get("groups").toString()).isEqualTo("[\"members\"]");
    }

    @Test
    void deletedUsersWebappSessionEnds() {
        String id = newMember();
        WebappSession browser = new WebappSession(port);
        assertThat(browser.login(id, PASSWORD, "tasklist")).isEqualTo(200);
        assertThat(api.delete("admin", "/api/admin/users/" + id).status()).isEqualTo(204);

        assertThat(api.get(id, PASSWORD, "/api/tasks").status()).isEqualTo(401);
        advanceClock(Duration.ofSeconds(31));
        assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
    }

    @Test
    void aPasswordResetLetsInAUserTheEngineHadLocked() {
        String id = newMember();
        EngineLocks.lock(engine, id);
        assertThat(api.get(id, PASSWORD, "/api/tasks").status()).as("locked by the engine").isEqualTo(401);
        // and blocked by the throttle from here
        for (int i = 1; i < settings.freeFailuresPerUser(); i++) {
            assertThat(api.get(id, "wrong", "/api/tasks").status()).isEqualTo(401);
        }
        assertThat(api.get(id, PASSWORD, "/api/tasks").status()).isEqualTo(429);

        String newPassword = "a-new-password-3";
        assertThat(api.put("admin", "/api/admin/users/" + id + "/password", Map.of("password", newPassword)).status())
                .isEqualTo(204);
        assertThat(api.get(id, newPassword, "/api/tasks").status()).isEqualTo(200);
        assertThat(new WebappSession(port).login(id, newPassword, "tasklist")).isEqualTo(200);
        assertThat(EngineLocks.attempts(engine, id)).isZero();
    }

    @Test
    void adminsCannotShutThemselvesOut() {
        assertProblem(api.post("admin", "/api/admin/users/admin/disable", Map.of()), 409, null);
        assertProblem(api.delete("admin", "/api/admin/users/admin"), 409, null);
    }
}
