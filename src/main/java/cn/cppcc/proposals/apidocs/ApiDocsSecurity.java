package cn.cppcc.proposals.apidocs;

import cn.cppcc.proposals.identity.LoginThrottle;
import cn.cppcc.proposals.identity.LoginThrottledException;
import cn.cppcc.proposals.shared.ProblemWriter;
import java.util.LinkedHashMap;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may read the API's description and Swagger UI: any logged-in user, by the pages' session
 * (the same login as the pages: a browser without one is sent to {@code /login} and back) or by
 * HTTP Basic (scripts, and the calls Swagger UI's "Try it out" makes to {@code /api}, which has its
 * own Basic chain). Nobody anonymous. Its own chain after the pages', with their headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiDocsSecurity {

    static final String[] PATHS = {"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**"};

    /**
     * The pages' policy (web/PageSecurityConfiguration): only the application's own scripts and
     * styles, nothing inline, but for the one style element Swagger UI's bundle adds, allowed by its
     * hash (ApiDocsBrowserIntegrationTest shows a refusal, with the new hash, when Swagger UI changes it).
     */
    static final String SWAGGER_UI_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + SWAGGER_UI_STYLE + "; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain apiDocsSecurityChain(HttpSecurity http, AuthenticationProvider identityServiceProvider,
            ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint entryPoint = entryPoint(problems);
        http.securityMatcher(PATHS)
                // this provider alone: a parent manager would check a wrong password a second time
                .authenticationManager(new ProviderManager(identityServiceProvider))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** A browser goes to the login page; anything else gets 401 (or 429 while its address is blocked). */
    static AuthenticationEntryPoint entryPoint(ProblemWriter problems) {
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
        entryPoints.put(browser, new LoginUrlAuthenticationEntryPoint("/login"));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint((request, response, e) -> {
            if (e instanceof LoginThrottledException blocked) {
                LoginThrottle.answerBlocked(response, problems, blocked.retryAfter());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"proposals\"");
            problems.write(response, 401, "未认证", "请先登录");
        });
        return entryPoint;
    }
}
