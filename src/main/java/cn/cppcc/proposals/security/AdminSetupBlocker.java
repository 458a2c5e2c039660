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
                // The decoded path as the container normalised it (no %xx, ./, ../ or ;params), so that
                // /camunda/api/admin/%73etup/ or /camunda/api/admin/x/../setup/ do not slip through.
                String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
                        .replaceAll("/{2,}", "/").toLowerCase(java.util.Locale.ROOT);
                if ((path + "/").startsWith(SETUP_PATH)) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setName("admin-setup-blocked");
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
