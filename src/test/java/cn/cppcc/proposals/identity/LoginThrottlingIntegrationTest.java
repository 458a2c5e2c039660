package cn.cppcc.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.WebappSession;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import cn.cppcc.proposals.shared.ProposalClock;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API.md "Errors": 429 too many failed logins from this address, with Retry-After. Each of the
 * four doors that check a password (the API's and the engine REST API's Basic, the pages' and the
 * webapps' login) counts failures, and refuses while blocked before checking any password: the
 * engine's count of the user's failed attempts does not move.
 */
class LoginThrottlingIntegrationTest extends IntegrationTestSupport {

    static final String PASSWORD = "a-good-password-1";
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    LoginSettings settings;

    String newMember() {
        String id = "t" + System.nanoTime() % 10_000_000;
        var answer = api.post("admin", "/api/admin/users", Map.of("id", id, "name", "限流", "password", PASSWORD,
                "groups", List.of("members")));
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
        return id;
    }

    /** A login through one door: its status. */
    interface Door {
        int login(String user, String password);
    }

    Map<String, Door> doors() {
        return Map.of(
                "API", (user, password) -> api.get(user, password, "/api/tasks").status(),
                "engine REST", (user, password) -> api.get(user, password, "/engine-rest/task/count").status(),
                "webapps", (user, password) -> new WebappSession(port).login(user, password, "tasklist"),
                "pages", (user, password) -> pageLogin(user, password).statusCode());
    }

    @Test
    void everyDoorCountsFailuresAndThenRefusesBeforeCheckingThePassword() {
        doors().forEach((door, login) -> {
            String id = newMember();
            for (int i = 0; i < settings.freeFailuresPerUser(); i++) {
                assertThat(login.login(id, "wrong-" + i)).as("%s failure %d", door, i + 1).isIn(302, 401);
            }
            int attempts = EngineLocks.attempts(engine, id);
            assertThat(attempts).as("%s: one check per attempt", door).isEqualTo(settings.freeFailuresPerUser());

            assertThat(login.login(id, PASSWORD)).as("%s, blocked", door).isEqualTo(429);
            assertThat(login.login(id, "wrong-again")).as("%s, blocked", door).isEqualTo(429);
            assertThat(EngineLocks.attempts(engine, id)).as("%s: no password checked", door).isEqualTo(attempts);
            // the block is this user's from this address: others log in
            assertThat(api.get("member1", "/api/tasks").status()).isEqualTo(200);
            loginThrottle.reset();
        });
    }

    @Test
    void anAddressWithManyFailuresIsRefusedAtEveryDoorWithRetryAfterAndAProblem() {
        String id = newMember();
        assertThat(api.get(id, "wrong", "/api/tasks").status()).isEqualTo(401);
        // unknown users count like wrong passwords
        for (int i = 1; i < settings.freeFailuresPerAddress(); i++) {
            assertThat(api.get("nobody-" + i, "wrong", "/api/tasks").status()).isEqualTo(401);
        }
        int attempts = EngineLocks.attempts(engine, id);

        assertBlocked(api.get("member1", "/api/tasks"));
        assertBlocked(api.get("member1", "/engine-rest/task/count"));
        HttpResponse<String> webapp = new WebappSession(port).loginAnswer(id, PASSWORD, "tasklist");
        assertThat(webapp.statusCode()).isEqualTo(429);
        assertThat(webapp.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertRetryAfter(webapp.headers().firstValue("Retry-After").orElse(null));
        HttpResponse<String> page = pageLogin(id, PASSWORD);
        assertThat(page.statusCode()).isEqualTo(429);
        assertRetryAfter(page.headers().firstValue("Retry-After").orElse(null));
        assertThat(page.body()).contains("id=\"login-blocked\"", "分钟后再试", "name=\"_csrf\"");
        assertThat(EngineLocks.attempts(engine, id)).as("no password checked").isEqualTo(attempts);

        // what needs no login is not refused
        assertThat(api.get(null, "/published").status()).isEqualTo(200);
    }

    @Test
    void theRightPasswordForgetsTheUsersFailuresFromThatAddress() {
        String id = newMember();
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i < settings.freeFailuresPerUser(); i++) {
                assertThat(api.get(id, "wrong", "/api/tasks").status()).isEqualTo(401);
            }
            assertThat(api.get(id, PASSWORD, "/api/tasks").status()).isEqualTo(200);
        }
    }

    @Test
    void theCountersAreTheDatabasesSoAnotherNodeRefusesTooAndForgottenOnesAreDeleted(
            @Autowired PlatformTransactionManager transactions, @Autowired ProposalClock clock) {
        String id = newMember();
        for (int i = 0; i < settings.freeFailuresPerUser(); i++) {
            assertThat(api.get(id, "wrong", "/api/tasks").status()).isEqualTo(401);
        }
        // a second node: its own throttle and store, on the same database
        JdbcLoginAttempts otherStore = new JdbcLoginAttempts(jdbc, settings, transactions, clock);
        LoginThrottle otherNode = new LoginThrottle(settings, otherStore, clock);
        assertThat(otherNode.blocked("127.0.0.1", id)).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(settings.firstBlock()));
        assertThat(otherNode.blocked("127.0.0.1", "member1")).isEmpty();

        // the hourly clean-up keeps a blocked counter and deletes one nobody counts any more
        long unblocked = jdbc.sql("select count(*) from login_failures where blocked_until is null").query(Long.class).single();
        assertThat(unblocked).as("the address's own counter").isPositive();
        assertThat(otherStore.forgetOlderThan(clock.now().plusSeconds(1))).isEqualTo(unblocked);
        assertThat(otherNode.blocked("127.0.0.1", id)).as("a blocked counter stays").isPresent();
        assertThat(otherStore.forgetOlderThan(clock.now().plus(settings.maxBlock()).plusSeconds(1))).isPositive();
        assertThat(jdbc.sql("select count(*) from login_failures").query(Long.class).single()).isZero();
        assertThat(api.get(id, PASSWORD, "/api/tasks").status()).isEqualTo(200);
    }

    @Test
    void theWebappsLoginTakesOneUserNameInAForm() {
        var twoNames = api.postRaw(null, "/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=member1&username=admin&password=x");
        assertProblem(twoNames, 400, "username");
        var json = api.postRaw(null, "/camunda/api/admin/auth/user/default/login/tasklist", "application/json",
                "{\"username\":\"admin\",\"password\":\"x\"}");
        assertProblem(json, 415, null);
    }

    void assertBlocked(Answer answer) {
        assertProblem(answer, 429, null);
        assertThat(answer.get("title").asText()).isEqualTo("登录失败次数过多");
        assertRetryAfter(answer.headers().firstValue("Retry-After").orElse(null));
    }

    void assertRetryAfter(String seconds) {
        assertThat(seconds).isNotNull();
        assertThat(Long.parseLong(seconds)).isBetween(1L, settings.firstBlock().toSeconds());
    }

    /** The pages' login form as a browser sends it: the session and CSRF token of the login page. */
    HttpResponse<String> pageLogin(String user, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            String form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = CSRF_FIELD.matcher(form);
            assertThat(token.find()).isTrue();
            String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
            return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
