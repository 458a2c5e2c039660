package cn.cppcc.proposals.security;

import cn.cppcc.proposals.shared.FieldError;
import cn.cppcc.proposals.shared.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Paths with encoded slashes, semicolons or traversal ({@code ..%2F}) are refused by Spring
 * Security's firewall, answered as problem+json naming the path, instead of by Tomcat's HTML page.
 */
@Configuration
class PathRejection {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    RequestRejectedHandler problemForRejectedPaths(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(response, 400, "输入有误", "请求路径无效",
                List.of(new FieldError("path", "路径中含有不允许的字符")));
    }

    /**
     * Spring Security puts Spring's {@code ServletRequestPathFilter} in front of its firewall. For a
     * servlet mapped by prefix (the engine REST API on {@code /engine-rest/*}, the webapps' APIs
     * under {@code /camunda/api/}) it requires the raw path to start with the servlet path, and
     * throws (a 500) where Tomcat mapped a path that does not: {@code /engine-rest;/task},
     * {@code //engine-rest/task}, {@code /engine%2Drest/task}. Such paths are refused here first,
     * with the firewall's answer. The Admin setup blocker still goes first (404 for its paths).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unreadablePathsRejected(RequestRejectedHandler rejected) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                boolean readable;
                try {
                    ServletRequestPathUtils.parseAndCache(request);
                    readable = true;
                } catch (IllegalArgumentException e) {
                    readable = false;
                } finally {
                    ServletRequestPathUtils.clearParsedRequestPath(request);
                }
                if (readable) {
                    chain.doFilter(request, response);
                } else {
                    rejected.handle(request, response,
                            new RequestRejectedException("The path does not start with its servlet's path"));
                }
            }
        });
        registration.setName("unreadable-paths-rejected");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
