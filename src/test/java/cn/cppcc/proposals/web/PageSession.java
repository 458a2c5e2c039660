package cn.cppcc.proposals.web;

import java.io.ByteArrayOutputStream;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the pages, over HTTP: form login, the session cookie, the CSRF token of
 * the last page, redirects followed as a browser does (a POST answered with a redirect becomes a GET).
 */
class PageSession {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[^?<\\s]*\\?\\?");

    private final HttpClient http;
    private final String base;
    private String token;

    /** One answer, after the redirects: where it ended, its status and body, and the first redirect's target. */
    record Page(int status, String path, String body, java.net.http.HttpHeaders headers, String redirectedTo) {

        boolean has(String text) {
            return body.contains(text);
        }

        List<String> missingKeys() {
            List<String> missing = new ArrayList<>();
            Matcher m = MISSING_KEY.matcher(body);
            while (m.find()) {
                missing.add(m.group());
            }
            return missing;
        }
    }

    PageSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in through the login form; the answer is the page it leads to. */
    Page login(String user, String password) {
        get("/login");
        return post("/login", Map.of("username", user, "password", password));
    }

    Page login(String user) {
        return login(user, "demo");
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), null);
    }

    /** A form as a browser sends it, with the CSRF token of the last page. */
    Page post(String path, Map<String, ?> form) {
        return post(path, form, true);
    }

    Page post(String path, Map<String, ?> form, boolean withToken) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> {
            for (Object item : value instanceof List<?> list ? list : List.of(value)) {
                append(body, name, String.valueOf(item));
            }
        });
        if (withToken && token != null) {
            append(body, "_csrf", token);
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), null);
    }

    /** A multipart form: text fields, and files as name → (file name, bytes). */
    Page postMultipart(String path, Map<String, ?> fields, Map<String, Map.Entry<String, byte[]>> files) {
        String boundary = "----page" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            for (Object item : value instanceof List<?> list ? list : List.of(value)) {
                part(out, boundary, "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n",
                        String.valueOf(item).getBytes(StandardCharsets.UTF_8));
            }
        });
        if (token != null) {
            part(out, boundary, "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n", token.getBytes(StandardCharsets.UTF_8));
        }
        files.forEach((name, file) -> part(out, boundary, "Content-Disposition: form-data; name=\"" + name
                + "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n", file.getValue()));
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())), null);
    }

    /** A file the page links to, as bytes, with the session's cookie. */
    HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON as the pages' scripts send it: the CSRF token of the last page in its header. */
    Page postJson(String path, String json) {
        return postJson(path, json, true);
    }

    Page postJson(String path, String json, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (withToken && token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return send(request, null);
    }

    private Page send(HttpRequest.Builder request, String firstRedirect) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303) {
                String location = response.headers().firstValue("Location").orElseThrow();
                return send(HttpRequest.newBuilder(uri(location)).GET(), firstRedirect == null ? location : firstRedirect);
            }
            String body = response.body();
            Matcher field = CSRF_FIELD.matcher(body);
            Matcher meta = CSRF_META.matcher(body);
            if (meta.find()) {
                token = meta.group(1);
            } else if (field.find()) {
                token = field.group(1);
            }
            return new Page(status, response.uri().getPath() + (response.uri().getRawQuery() == null ? ""
                    : "?" + response.uri().getRawQuery()), body, response.headers(), firstRedirect);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private static void append(StringBuilder body, String name, String value) {
        if (!body.isEmpty()) {
            body.append('&');
        }
        body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static void part(ByteArrayOutputStream out, String boundary, String head, byte[] content) {
        out.writeBytes(("--" + boundary + "\r\n" + head).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
