package cn.cppcc.proposals.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CVE-2026-77226: the Admin webapp's first-run setup ({@code /camunda/api/admin/setup/...}) creates
 * an administrator without logging in while none exists. Administrators are created by the
 * application (demo data, or ADMIN_PASSWORD in production), so the endpoint is never reachable.
 */
@Configuration
class AdminSetupBlocker {

    static final String SETUP_PATH = "/camunda/api/admin/setup/";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> adminSetupBlocked() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ((normalised(request.getRequestURI().substring(request.getContextPath().length())) + "/")
                        .startsWith(SETUP_PATH)) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setName("admin-setup-blocked");
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.FORWARD);
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The path as the webapps' REST layer would read it: decoded (also twice, %252F), without
     * path parameters (;x), empty and dot segments resolved, lower case. So /camunda/api/admin/%73etup,
     * /camunda/api/admin%2Fsetup or /camunda/api/admin/x/../setup do not slip through.
     */
    static String normalised(String rawPath) {
        String path = rawPath;
        for (int i = 0; i < 3 && path.contains("%"); i++) {
            try {
                path = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : path.split("/")) {
            int parameters = segment.indexOf(';');
            String name = parameters >= 0 ? segment.substring(0, parameters) : segment;
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(name);
            }
        }
        return ("/" + String.join("/", segments)).toLowerCase(java.util.Locale.ROOT);
    }
}
