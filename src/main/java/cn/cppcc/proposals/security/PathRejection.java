package cn.cppcc.proposals.security;

import cn.cppcc.proposals.shared.FieldError;
import cn.cppcc.proposals.shared.ProblemWriter;
import java.util.List;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

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
}
