package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.identity.LoginAttempts.Failures;
import cn.cppcc.proposals.identity.LoginAttempts.Key;
import cn.cppcc.proposals.shared.ProblemWriter;
import cn.cppcc.proposals.shared.ProposalClock;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing per client address, and per address and user name, on every door
 * that checks a password (the API's and the engine REST API's Basic, the pages' and the webapps'
 * login). A door asks {@link #blocked} before it checks a password and answers 429 while it is
 * blocked, then reports the outcome. Blocks are temporary and tied to the address: a stranger
 * cannot lock anyone out, and the right password from another address is never refused.
 *
 * <p>The address is the servlet container's {@code getRemoteAddr()}: the connecting peer, or what
 * {@code server.forward-headers-strategy} makes of X-Forwarded-For behind a trusted proxy; never a
 * header the client chooses.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** The longest user id the engine accepts; longer names (never a user) share one key. */
    static final int MAX_KEY_LENGTH = 64;
    static final String UNKNOWN_ADDRESS = "unknown";

    private final LoginSettings settings;
    private final LoginAttempts attempts;
    private final Supplier<Instant> clock;

    @Autowired
    LoginThrottle(LoginSettings settings, LoginAttempts attempts, ProposalClock clock) {
        this(settings, attempts, clock::now);
    }

    LoginThrottle(LoginSettings settings, LoginAttempts attempts, Supplier<Instant> clock) {
        this.settings = settings;
        this.attempts = attempts;
        this.clock = clock;
    }

    /**
     * How long a login from this address as this user must still wait; empty when its password may
     * be checked now.
     *
     * @param user the user name given, or {@code null} when there is none
     */
    public Optional<Duration> blocked(String address, String user) {
        Instant now = clock.get();
        Duration wait = waitFor(byAddress(address), now);
        if (named(user)) {
            Duration userWait = waitFor(byUser(address, user), now);
            wait = userWait.compareTo(wait) > 0 ? userWait : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** A wrong password or an unknown user: counts against the address and against address and user. */
    public void failed(String address, String user) {
        count(byAddress(address), settings.freeFailuresPerAddress());
        if (named(user)) {
            count(byUser(address, user), settings.freeFailuresPerUser());
        }
    }

    /**
     * The right password: forgets the failures of this user from this address. The address keeps
     * its own, so that logging in to one's own account does not buy more guesses at others.
     */
    public void succeeded(String address, String user) {
        if (named(user)) {
            attempts.forget(byUser(address, user));
        }
    }

    /** An admin set the user's password: their own blocks end, from every address. */
    public void forgetUser(String user) {
        if (user != null) {
            attempts.forgetUser(cut(user));
        }
    }

    /** Forgets every counter. For tests, which all log in from 127.0.0.1. */
    public void reset() {
        attempts.clear();
    }

    /** Whole seconds to wait, rounded up, for {@code Retry-After}. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** A door's answer to a blocked login: 429 with {@code Retry-After} and a problem. */
    public static void answerBlocked(HttpServletResponse response, ProblemWriter problems, Duration wait) throws IOException {
        long seconds = seconds(wait);
        response.setHeader("Retry-After", String.valueOf(seconds));
        problems.write(response, 429, "登录失败次数过多", "该地址的登录失败次数过多，请在" + seconds + "秒后再试");
    }

    private Duration waitFor(Key key, Instant now) {
        Instant until = attempts.find(key).map(Failures::blockedUntil).orElse(null);
        return until != null && until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private void count(Key key, int free) {
        Instant now = clock.get();
        Failures counted = attempts.update(key, failures -> {
            boolean forgotten = failures == null || failures.last().plus(settings.forgetAfter()).isBefore(now);
            int count = forgotten ? 1 : failures.count() + 1;
            return new Failures(count, now, count < free ? null : now.plus(block(count - free)));
        });
        if (counted.blockedUntil() != null) {
            log.warn("Login blocked for {} s after {} failed attempts from {}{}", seconds(Duration.between(now,
                    counted.blockedUntil())), counted.count(), key.address(),
                    key.user() == null ? "" : " as user '" + printable(key.user()) + "'");
        }
    }

    /** The first block, doubled for each failure beyond the free ones, at most the longest. */
    private Duration block(int beyondFree) {
        Duration block = settings.firstBlock().multipliedBy(1L << Math.min(beyondFree, 30));
        return block.compareTo(settings.maxBlock()) > 0 ? settings.maxBlock() : block;
    }

    /** An empty user name is no user's: it counts against the address alone. */
    private static boolean named(String user) {
        return user != null && !user.isEmpty();
    }

    private static Key byAddress(String address) {
        return new Key(address == null || address.isBlank() ? UNKNOWN_ADDRESS : cut(address), null);
    }

    private static Key byUser(String address, String user) {
        return new Key(byAddress(address).address(), cut(user));
    }

    private static String cut(String text) {
        return text.length() <= MAX_KEY_LENGTH ? text : text.substring(0, MAX_KEY_LENGTH);
    }

    /** A user name as it may appear in the log: no line breaks or other control characters. */
    private static String printable(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
