package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ProblemWriter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * {@code /api/**}: HTTP Basic against the engine's users, nothing anonymous (API.md "Access").
 * {@code /actuator/health} and its groups answer anyone (details only to admins); the rest of
 * {@code /actuator} (the Prometheus metrics) only admins.
 * {@code /engine-rest/**}: the same users through Camunda's own Basic filter. The Camunda webapps
 * keep their own login and CSRF protection, so Spring Security leaves {@code /camunda/**} alone.
 * Every door that checks a password is behind the {@link LoginThrottle}: 429 while blocked. Only
 * in a web application: the emergency reset ({@link EmergencyAdminReset}) starts without one.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityServiceAuthenticationProvider provider,
            IdentityService identityService, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**", "/public/**", "/actuator/**")
                // this provider alone: a parent manager would check a wrong password a second time
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/public/**", "/actuator/health/**", "/actuator/health").permitAll()
                        // the metrics (Prometheus) and any other endpoint: administrators only
                        .requestMatchers("/actuator/**").hasAuthority(IdentityServiceAuthenticationProvider.GROUP_PREFIX + Actor.ADMINS)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof LoginThrottledException blocked) {
                        LoginThrottle.answerBlocked(response, problems, blocked.retryAfter());
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"proposals\"");
                    problems.write(response, 401, "未认证", "请先登录");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problems.write(response, 403, "无权操作", "没有权限")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Basic-authenticated API calls carry no cookies to forge; pages get CSRF with their own chain.
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(LoginThrottle throttle,
            ProblemWriter problems) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineRestAuthentication(throttle, problems));
        registration.setName("engine-rest-authentication");
        // Camunda's init wants a provider class; EngineRestAuthentication then puts its throttled Basic in its place
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** After Spring Security's firewall, which refuses odd paths, and after the request's encoding is set. */
    @Bean
    FilterRegistrationBean<WebappLoginThrottle> webappLoginThrottle(LoginThrottle throttle, ProblemWriter problems) {
        FilterRegistrationBean<WebappLoginThrottle> registration =
                new FilterRegistrationBean<>(new WebappLoginThrottle(throttle, problems));
        registration.setName("webapp-login-throttle");
        registration.addUrlPatterns(WebappLoginThrottle.URL_PATTERN);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

}
