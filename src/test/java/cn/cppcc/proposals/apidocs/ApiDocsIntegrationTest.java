package cn.cppcc.proposals.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API's OpenAPI description and Swagger UI: /api only, in Chinese, for logged-in users only. */
class ApiDocsIntegrationTest extends IntegrationTestSupport {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void theDescriptionHoldsTheApiOnlyWithBasicAndChineseAreas() {
        Answer answer = api.get("member1", "/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode docs = answer.body();
        assertThat(docs.get("info").get("title").asText()).isEqualTo("政协提案办理系统 API");
        List<String> paths = new ArrayList<>();
        docs.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/proposals", "/api/proposals/{id}/review", "/api/reports/summary",
                "/api/admin/users").allMatch(path -> path.startsWith("/api/"));
        assertThat(docs.get("components").get("securitySchemes").get("basic").get("scheme").asText()).isEqualTo("basic");
        assertThat(docs.get("security").get(0).has("basic")).isTrue();
        assertThat(docs.get("tags").findValuesAsText("name")).startsWith("审查与交办", "承办与答复").contains("提案", "统计报表")
                .doesNotContain("其他");
        assertThat(docs.get("paths").get("/api/proposals/{id}/review").get("post").get("tags").get(0).asText())
                .isEqualTo("审查与交办");
        assertThat(docs.get("paths").get("/api/proposals/{id}/units/{unit}/reply").get("post").get("tags").get(0).asText())
                .isEqualTo("承办与答复");
        assertThat(docs.get("paths").get("/api/proposals/batch/review").get("post").get("tags").get(0).asText())
                .isEqualTo("全会集中交办");
    }

    @Test
    void nobodyAnonymous() throws Exception {
        Answer script = api.get(null, "/v3/api-docs");
        assertThat(script.status()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(api.get(null, "/swagger-ui/index.html").status()).isEqualTo(401);
        assertThat(api.get("member1", "wrong-password", "/v3/api-docs").status()).isEqualTo(401);

        HttpResponse<String> browser = browser().send(HttpRequest.newBuilder(uri("/swagger-ui/index.html"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void swaggerUiForAUserLoggedInOnThePagesOrWithBasic() throws Exception {
        HttpClient browser = browser();
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF_FIELD.matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=office1&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);

        HttpResponse<String> ui = browser.send(HttpRequest.newBuilder(uri("/swagger-ui/index.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui-bundle.js").doesNotContain("<script>");
        assertThat(ui.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(browser.send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(browser.send(HttpRequest.newBuilder(uri("/swagger-ui.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302); // to /swagger-ui/index.html

        Answer basic = api.get("auditor1", "/swagger-ui/index.html");
        assertThat(basic.status()).isEqualTo(200);
        assertThat(api.get("auditor1", "/v3/api-docs/swagger-config").status()).isEqualTo(200);
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
