package cn.cppcc.proposals.web;

import cn.cppcc.proposals.identity.Directory;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The pages' own chain, before the API's: form login against the engine's users (the same
 * provider as the API's HTTP Basic), a session, CSRF tokens, logout, and headers that allow only
 * the application's own scripts and styles. {@code /api/**} keeps its stateless Basic chain and
 * {@code /camunda/**} its own login.
 */
@Configuration
class PageSecurityConfiguration {

    /** Every path the pages answer; nothing of the API, the engine REST API or the webapps. */
    static final String[] PAGE_PATHS = {"/", "/login", "/logout", "/proposals", "/proposals/**", "/office",
            "/office/**", "/unit", "/unit/**", "/search", "/dashboard", "/reports", "/reports/**", "/audit",
            "/audit/**", "/published", "/published/**", "/admin", "/admin/**", "/assets/**", "/webjars/**", "/favicon.ico"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationProvider identityServiceProvider,
            Directory directory, IdentityService identityService) throws Exception {
        http.securityMatcher(PAGE_PATHS)
                .authenticationProvider(identityServiceProvider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico").permitAll()
                        // Rule 12: what the office published, for anyone
                        .requestMatchers("/published", "/published/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .addFilterBefore(new PageUserFilter(directory, identityService), AuthorizationFilter.class);
        return http.build();
    }
}
