package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.FieldError;
import cn.cppcc.proposals.shared.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, form
 * fields {@code username} and {@code password}) behind the login throttle: while blocked, 429
 * before the webapp checks the password. The webapp's answer tells the outcome: 401 a wrong password
 * or unknown user; 200, or 403 for a user without that app, the right password.
 *
 * <p>The user name is read with {@code getParameter}, the container's own parsing, which the
 * webapp's {@code @FormParam} then uses as well, so both see the same name. Two names, or a body
 * that is not a form, are refused, so that the throttle cannot be shown a different user.
 */
class WebappLoginThrottle extends OncePerRequestFilter {

    static final String URL_PATTERN = "/camunda/api/admin/auth/user/*";

    private final LoginThrottle throttle;
    private final ProblemWriter problems;

    WebappLoginThrottle(LoginThrottle throttle, ProblemWriter problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the decoded path, as the webapp's routing sees it
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!"POST".equals(request.getMethod()) || path.endsWith("/logout")) {
            chain.doFilter(request, response);
            return;
        }
        if (!isForm(request.getContentType())) {
            problems.write(response, 415, "不支持的媒体类型", "登录请以表单提交（application/x-www-form-urlencoded）");
            return;
        }
        String[] names = request.getParameterValues("username");
        if (names != null && names.length > 1) {
            problems.write(response, 400, "输入有误", "只能填写一个用户名", List.of(new FieldError("username", "只能填写一个用户名")));
            return;
        }
        String user = names == null ? null : names[0];
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.blocked(address, user);
        if (wait.isPresent()) {
            LoginThrottle.answerBlocked(response, problems, wait.get());
            return;
        }
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(address, user);
        } else if (status == HttpServletResponse.SC_OK || status == HttpServletResponse.SC_FORBIDDEN) {
            throttle.succeeded(address, user);
        }
    }

    private static boolean isForm(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
