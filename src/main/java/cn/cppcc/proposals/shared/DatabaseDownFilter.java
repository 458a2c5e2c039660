package cn.cppcc.proposals.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost net for a database that is down ({@link DatabaseDown}): what fails before any
 * handler of the API, the engine's REST APIs or the pages runs — loading the session from the
 * database, checking a password, the pages' look-up of the user — answers 503 with
 * {@code Retry-After} here instead of a 500 from the servlet container: problem+json under
 * {@code /api} and {@code /actuator}, Camunda's {@code {type, message}} under {@code /engine-rest}
 * and {@code /camunda/api}, a short page elsewhere. Anything else passes on untouched.
 */
public class DatabaseDownFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseDownFilter.class);

    /** Plain HTML without scripts or styles: no template, no session, nothing that needs the database. */
    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>%s · 提案办理</title></head>
            <body>
            <h1>%s</h1>
            <p>%s（约%d秒后）。</p>
            <p><a href="/">回到首页</a></p>
            </body>
            </html>
            """.formatted(DatabaseDown.TITLE, DatabaseDown.TITLE, DatabaseDown.DETAIL, DatabaseDown.RETRY_AFTER_SECONDS);

    private final ProblemWriter problems;
    private final ObjectMapper objectMapper;

    public DatabaseDownFilter(ProblemWriter problems, ObjectMapper objectMapper) {
        this.problems = problems;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseDown.in(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseDown.RETRY_AFTER_SECONDS));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/api-docs")) {
            problems.write(response, 503, DatabaseDown.TITLE, DatabaseDown.DETAIL);
        } else if (path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
            response.setStatus(503);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            objectMapper.writeValue(response.getOutputStream(),
                    Map.of("type", "ServiceUnavailable", "message", DatabaseDown.DETAIL));
        } else {
            response.setStatus(503);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
    }
}
