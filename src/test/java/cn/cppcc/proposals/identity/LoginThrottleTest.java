package cn.cppcc.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The throttle's rules, with a clock the test moves: free failures, then blocks that double up to
 * a cap, per address and per address and user; never a permanent lock.
 */
class LoginThrottleTest {

    static final String HOME = "10.0.0.1";
    static final String ELSEWHERE = "10.0.0.2";

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));
    final LoginSettings settings = new LoginSettings(3, 5, Duration.ofMinutes(1), Duration.ofMinutes(15),
            Duration.ofMinutes(30));
    final InMemoryLoginAttempts attempts = new InMemoryLoginAttempts(100);
    final LoginThrottle throttle = new LoginThrottle(settings, attempts, now::get);

    void pass(Duration duration) {
        now.set(now.get().plus(duration));
    }

    void fail(String address, String user, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.blocked(address, user)).as("attempt %d", i + 1).isEmpty();
            throttle.failed(address, user);
        }
    }

    @Test
    void aFewFailuresAreFreeThenTheAddressAndUserIsBlocked() {
        fail(HOME, "admin", 2);
        assertThat(throttle.blocked(HOME, "admin")).isEmpty();
        fail(HOME, "admin", 1);
        assertThat(throttle.blocked(HOME, "admin")).hasValue(Duration.ofMinutes(1));
        // the same user from another address, and another user from this one, are not blocked
        assertThat(throttle.blocked(ELSEWHERE, "admin")).isEmpty();
        assertThat(throttle.blocked(HOME, "office1")).isEmpty();
        pass(Duration.ofSeconds(59));
        assertThat(throttle.blocked(HOME, "admin")).hasValue(Duration.ofSeconds(1));
        pass(Duration.ofSeconds(1));
        assertThat(throttle.blocked(HOME, "admin")).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheBlockUpToItsCap() {
        fail(HOME, "admin", 3);
        for (long minutes : new long[] {1, 2, 4, 8, 15, 15}) {
            Duration block = throttle.blocked(HOME, "admin").orElseThrow();
            assertThat(block).isEqualTo(Duration.ofMinutes(minutes));
            pass(block);
            fail(HOME, "admin", 1);
        }
    }

    @Test
    void manyUserNamesFromOneAddressBlockTheAddress() {
        for (int i = 0; i < 5; i++) {
            fail(HOME, "guess" + i, 1);
        }
        assertThat(throttle.blocked(HOME, "someone-new")).hasValue(Duration.ofMinutes(1));
        assertThat(throttle.blocked(HOME, null)).hasValue(Duration.ofMinutes(1));
        assertThat(throttle.blocked(ELSEWHERE, "someone-new")).isEmpty();
    }

    @Test
    void theRightPasswordForgetsTheUsersFailuresButNotTheAddresss() {
        fail(HOME, "admin", 2);
        throttle.succeeded(HOME, "admin");
        fail(HOME, "admin", 2);
        assertThat(throttle.blocked(HOME, "admin")).isEmpty();
        // four failures count against the address: one more blocks it, whoever logs in
        fail(HOME, "office1", 1);
        assertThat(throttle.blocked(HOME, "admin")).isPresent();
    }

    @Test
    void failuresAreForgottenAfterAQuietWindow() {
        fail(HOME, "admin", 2);
        pass(Duration.ofMinutes(31));
        fail(HOME, "admin", 2);
        assertThat(throttle.blocked(HOME, "admin")).isEmpty();
    }

    @Test
    void noFailuresLockForGood() {
        for (int i = 0; i < 100; i++) {
            throttle.blocked(HOME, "admin").ifPresent(this::pass);
            throttle.failed(HOME, "admin");
        }
        pass(Duration.ofMinutes(15));
        assertThat(throttle.blocked(HOME, "admin")).isEmpty();
    }

    @Test
    void anAdminsPasswordResetEndsTheUsersBlocksEverywhere() {
        fail(HOME, "member1", 3);
        fail(ELSEWHERE, "member1", 3);
        throttle.forgetUser("member1");
        assertThat(throttle.blocked(HOME, "member1")).isEmpty();
        assertThat(throttle.blocked(ELSEWHERE, "member1")).isEmpty();
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUp() {
        assertThat(LoginThrottle.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(LoginThrottle.seconds(Duration.ofMillis(60_001))).isEqualTo(61);
        assertThat(LoginThrottle.seconds(Duration.ofMinutes(15))).isEqualTo(900);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LoginSettings.class)
    static class Settings {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreValidAndBlockPerUserSoonerThanPerAddress() throws IOException {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties defaults = yaml.getObject();
        // YAML numbers are not strings: Properties.getProperty would not see them
        runner.withPropertyValues(defaults.keySet().stream().map(String::valueOf)
                .filter(name -> name.startsWith("proposals.login."))
                .map(name -> name + "=" + defaults.get(name)).toArray(String[]::new)).run(context -> {
                    assertThat(context).hasNotFailed();
                    LoginSettings login = context.getBean(LoginSettings.class);
                    assertThat(login.freeFailuresPerUser()).isLessThan(login.freeFailuresPerAddress());
                    assertThat(login.maxBlock()).isEqualTo(Duration.ofMinutes(15));
                });
    }

    @Test
    void aQuietWindowShorterThanTheLongestBlockStopsTheStart() {
        runner.withPropertyValues("proposals.login.free-failures-per-user=5", "proposals.login.free-failures-per-address=30",
                "proposals.login.first-block=PT1M", "proposals.login.max-block=PT15M", "proposals.login.forget-after=PT5M").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("forget-after");
                });
    }
}
