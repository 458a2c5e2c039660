package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.WebappSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Sessions live in the database (web/HttpSessions, migration V24): a page login is a row of
 * {@code spring_session}, and its cookie alone is the login for any client (any node), until the
 * row is gone. The webapps' login, a Java-serialized Authentications, is held there too.
 */
class HttpSessionsIntegrationTest extends PagesTestSupport {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPageLoginIsARowInTheDatabaseAndItsCookieIsTheLogin() throws Exception {
        as("member2");
        String sessionId = jdbc.sql("select session_id from spring_session where principal_name = 'member2'"
                + " order by last_access_time desc limit 1").query(String.class).single().trim();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes s join spring_session p"
                        + " on s.session_primary_id = p.primary_id where p.session_id = ?"
                        + " and s.attribute_name = 'SPRING_SECURITY_CONTEXT'")
                .param(sessionId).query(Long.class).single()).isEqualTo(1);

        // a client that has nothing but the cookie, as the other node would see it
        HttpResponse<String> home = getWithSession(sessionId, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"nav-user\"").contains("/logout");

        // the session is nowhere else: without its row the cookie is nobody's
        jdbc.sql("delete from spring_session where session_id = ?").param(sessionId).update();
        HttpResponse<String> after = getWithSession(sessionId, "/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theWebappsLoginIsHeldInTheDatabaseToo() {
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("office1", "demo", "tasklist")).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session_attributes where attribute_name = 'authenticatedUser'")
                .query(Long.class).single()).isPositive();
        HttpResponse<String> user = tasklist.get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"office1\"");
        // a change with the CSRF token the session holds
        assertThat(tasklist.post("/camunda/api/engine/engine/default/task/count", "{}", true).statusCode())
                .isEqualTo(200);
    }

    /** GET with the session cookie as Spring Session writes it (the id in base64) and nothing else. */
    private HttpResponse<String> getWithSession(String sessionId, String path) throws IOException, InterruptedException {
        String cookie = Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "SESSION=" + cookie).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
