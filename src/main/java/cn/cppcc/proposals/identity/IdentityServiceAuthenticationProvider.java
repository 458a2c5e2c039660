package cn.cppcc.proposals.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a password against the engine's identity service, for the API's Basic and the pages'
 * form login; the user's groups become authorities. A login the throttle blocks is refused
 * before its password is checked ({@link LoginThrottledException}: 429 at the doors).
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identityService;
    private final Directory directory;
    private final LoginThrottle throttle;

    IdentityServiceAuthenticationProvider(IdentityService identityService, Directory directory, LoginThrottle throttle) {
        this.identityService = identityService;
        this.directory = directory;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        // Spring's Basic and form filters put the client's address (getRemoteAddr) in the details
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.blocked(address, userId).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        if (!identityService.checkPassword(userId, credentials.toString())) {
            throttle.failed(address, userId);
            throw new BadCredentialsException("用户名或密码错误");
        }
        throttle.succeeded(address, userId);
        List<SimpleGrantedAuthority> authorities = directory.groupsOf(userId).stream()
                .map(group -> new SimpleGrantedAuthority(GROUP_PREFIX + group)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
