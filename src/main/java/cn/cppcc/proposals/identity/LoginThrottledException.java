package cn.cppcc.proposals.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A login refused before its password was checked, because of earlier failures from its address
 * ({@link LoginThrottle}); the doors answer 429 with {@code Retry-After}.
 */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("登录失败次数过多，请稍后再试");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return LoginThrottle.seconds(retryAfter);
    }
}
