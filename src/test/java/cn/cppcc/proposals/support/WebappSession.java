package cn.cppcc.proposals.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A browser's session with the Camunda webapps: form login, session cookie and CSRF token. */
public class WebappSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String base;
    private String csrfToken;

    public WebappSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Logs in to an app (tasklist, cockpit, admin) as the webapps' login page does. */
    public int login(String user, String password, String app) {
        return loginAnswer(user, password, app).statusCode();
    }

    /** The login's own answer, with its headers and body. */
    public HttpResponse<String> loginAnswer(String user, String password, String app) {
        send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder login = HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (csrfToken != null) {
            login.header("X-XSRF-TOKEN", csrfToken);
        }
        HttpResponse<String> response = send(login);
        get("/camunda/app/" + app + "/default/");
        return response;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A modifying request; with {@code withToken} it carries the CSRF token, as the webapps do. */
    public HttpResponse<String> post(String path, String json, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withToken && csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        return send(request);
    }

    /**
     * Any request with the session and its CSRF token: the path exactly as given (also a malformed
     * one), a Content-Type and a body only when not null.
     */
    public HttpResponse<String> request(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
                if (cookie.getName().equals("XSRF-TOKEN")) {
                    csrfToken = cookie.getValue();
                }
            }
            // the webapps send the current token with their answers; it changes at login
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
