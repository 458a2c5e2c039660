package cn.cppcc.proposals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's HTTP client: one {@link HttpClient} shared by all threads (HTTP/1.1 with
 * keep-alive, so each thread keeps reusing a connection), every request with HTTP Basic as a demo
 * user and its correct password (the application throttles failed logins per address). Each
 * request's latency goes to the current phase's {@link Timings}; any answer that is not 2xx is
 * recorded with its body in {@link Failures} and ends the lifecycle that sent it.
 */
final class Client {

    static final String DEMO_PASSWORD = "demo";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final String base;
    private final Failures failures;
    private volatile Timings timings = new Timings();

    Client(String base, Failures failures) {
        this.base = base;
        this.failures = failures;
    }

    String base() {
        return base;
    }

    /** Where the latencies of the requests that follow go (a warm-up's are thrown away). */
    void measureInto(Timings timings) {
        this.timings = timings;
    }

    JsonNode get(String kind, String user, String password, String path) {
        return send(kind, user, password, HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode post(String kind, String user, String password, String path, Object body) {
        return send(kind, user, password, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
    }

    private JsonNode send(String kind, String user, String password, HttpRequest.Builder request) {
        request.header("Authorization", authorizations.computeIfAbsent(user + ":" + password,
                credentials -> "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        request.timeout(Duration.ofMinutes(2));
        HttpRequest built = request.build();
        long start = System.nanoTime();
        HttpResponse<String> response = exchange(http, kind, built);
        timings.record(kind, System.nanoTime() - start);
        if (response.statusCode() / 100 != 2) {
            throw failures.failed(kind, built, response.statusCode(), response.body());
        }
        try {
            String body = response.body();
            return body.isEmpty() ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            throw failures.failed(kind, built, response.statusCode(), "not JSON: " + response.body());
        }
    }

    private HttpResponse<String> exchange(HttpClient client, String kind, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failures.failed(kind, request, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.failed(kind, request, 0, "interrupted");
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    /** A browser's session with the pages: logged in once through the login form, then its cookie. */
    PageSession pageSession(String user, String password) {
        return new PageSession(user, password);
    }

    final class PageSession {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

        private PageSession(String user, String password) {
            String loginPage = page("login page", HttpRequest.newBuilder(uri("/login")).GET().build(), 200);
            Matcher token = CSRF.matcher(loginPage);
            if (!token.find()) {
                throw failures.failed("login page", HttpRequest.newBuilder(uri("/login")).build(), 200, "no CSRF token");
            }
            String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
            // a successful login redirects (302) to the page asked for or the user's home page
            page("login", HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 302);
        }

        /** A page as the logged-in user; its latency is recorded under {@code kind}. */
        String get(String kind, String path) {
            HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2)).GET().build();
            long start = System.nanoTime();
            String body = page(kind, request, 200);
            timings.record(kind, System.nanoTime() - start);
            return body;
        }

        private String page(String kind, HttpRequest request, int expected) {
            HttpResponse<String> response = exchange(browser, kind, request);
            if (response.statusCode() != expected) {
                throw failures.failed(kind, request, response.statusCode(),
                        response.headers().firstValue("Location").map(l -> "-> " + l + " ").orElse("") + response.body());
            }
            return response.body();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** Every answer that was not what was expected, with its body; the run fails if there is any. */
    static final class Failures {

        private final List<String> seen = new ArrayList<>();

        synchronized RequestFailed failed(String kind, HttpRequest request, int status, String body) {
            String text = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
            String line = kind + ": " + request.method() + " " + request.uri().getRawPath()
                    + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery())
                    + " -> " + (status == 0 ? "no answer" : status) + " " + text.replace('\n', ' ');
            seen.add(line);
            return new RequestFailed(line);
        }

        /** A failure that was no HTTP answer (a step driven in-process, a lifecycle's own mistake). */
        synchronized RequestFailed failed(String description) {
            seen.add(description);
            return new RequestFailed(description);
        }

        synchronized int count() {
            return seen.size();
        }

        synchronized void print(int atMost) {
            seen.stream().limit(atMost).forEach(line -> System.out.println("  ERROR " + line));
            if (seen.size() > atMost) {
                System.out.println("  … and " + (seen.size() - atMost) + " more");
            }
        }
    }

    /** Ends the lifecycle that got an unexpected answer (already recorded in {@link Failures}). */
    static final class RequestFailed extends RuntimeException {
        RequestFailed(String message) {
            super(message, null, false, false);
        }
    }
}
