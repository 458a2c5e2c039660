package cn.cppcc.proposals.web;

import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.identity.LoginThrottledException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The pages' own chain, before the API's: form login against the engine's users (the same
 * provider as the API's HTTP Basic, behind the same login throttle), a session, CSRF tokens,
 * logout, and headers that allow only the application's own scripts and styles. {@code /api/**}
 * keeps its stateless Basic chain and {@code /camunda/**} its own login. Only in a web
 * application: the administrator's emergency reset starts without one.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PageSecurityConfiguration {

    /** Where a login the throttle refuses is shown: the login page again, with 429 and how long to wait. */
    static final String LOGIN_BLOCKED_PATH = "/login/blocked";
    /** The request attribute with the wait (a {@link java.time.Duration}) for {@link #LOGIN_BLOCKED_PATH}. */
    static final String LOGIN_BLOCKED_WAIT = PageSecurityConfiguration.class.getName() + ".wait";

    /** Every path the pages answer; nothing of the API, the engine REST API or the webapps. */
    static final String[] PAGE_PATHS = {"/", "/login", LOGIN_BLOCKED_PATH, "/logout", "/proposals", "/proposals/**",
            "/office", "/office/**", "/unit", "/unit/**", "/search", "/dashboard", "/reports", "/reports/**", "/audit",
            "/audit/**", "/published", "/published/**", "/admin", "/admin/**", "/assets/**", "/webjars/**", "/favicon.ico"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationProvider identityServiceProvider,
            Directory directory, IdentityService identityService) throws Exception {
        http.securityMatcher(PAGE_PATHS)
                // this provider alone: a parent manager would check a wrong password a second time
                .authenticationManager(new ProviderManager(identityServiceProvider))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", LOGIN_BLOCKED_PATH, "/assets/**", "/webjars/**", "/favicon.ico").permitAll()
                        // Rule 12: what the office published, for anyone
                        .requestMatchers("/published", "/published/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .addFilterBefore(new PageUserFilter(directory, identityService), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * A wrong password or unknown user: back to the login page with its message. A login the
     * throttle refused (its password was not checked): the login page with 429, {@code Retry-After}
     * and how long to wait, forwarded so that the status stays.
     */
    static AuthenticationFailureHandler loginFailure() {
        AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException blocked) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(blocked.retryAfterSeconds()));
                request.setAttribute(LOGIN_BLOCKED_WAIT, blocked.retryAfter());
                request.getRequestDispatcher(LOGIN_BLOCKED_PATH).forward(request, response);
            } else {
                wrongPassword.onAuthenticationFailure(request, response, exception);
            }
        };
    }
}
