package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's authentication of {@code /engine-rest/**} (the engine picked from the path, the user,
 * groups and tenants set for the request), with HTTP Basic behind the login throttle: a blocked
 * address or user is answered 429 before any password is checked, and each checked password is
 * counted. The credentials are read once, by {@link BasicCredentials}, for the throttle and the
 * check alike, so that no header can look like one user to the throttle and another to the check.
 */
class EngineRestAuthentication extends ProcessEngineAuthenticationFilter {

    private final LoginThrottle throttle;
    private final ProblemWriter problems;

    EngineRestAuthentication(LoginThrottle throttle, ProblemWriter problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        super.init(filterConfig);
        authenticationProvider = new ThrottledBasic();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        BasicCredentials credentials = BasicCredentials.of(http);
        Optional<Duration> wait = credentials == null ? Optional.empty()
                : throttle.blocked(http.getRemoteAddr(), credentials.user());
        if (wait.isPresent()) {
            LoginThrottle.answerBlocked((HttpServletResponse) response, problems, wait.get());
            return;
        }
        super.doFilter(request, response, chain);
    }

    /** Basic against the engine's identity service, as Camunda's own, counting each outcome. */
    private final class ThrottledBasic implements AuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            BasicCredentials credentials = BasicCredentials.of(request);
            if (credentials == null) {
                return AuthenticationResult.unsuccessful();
            }
            if (engine.getIdentityService().checkPassword(credentials.user(), credentials.password())) {
                throttle.succeeded(request.getRemoteAddr(), credentials.user());
                return AuthenticationResult.successful(credentials.user());
            }
            throttle.failed(request.getRemoteAddr(), credentials.user());
            return AuthenticationResult.unsuccessful(credentials.user());
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
        }
    }
}
