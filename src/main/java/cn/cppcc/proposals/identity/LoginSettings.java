package cn.cppcc.proposals.identity;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code proposals.login.*}: how failed logins are throttled ({@link LoginThrottle}). A failure is
 * a wrong password or an unknown user name; after the free ones each further failure blocks for
 * twice as long as the one before, from {@code firstBlock} up to {@code maxBlock}.
 *
 * @param freeFailuresPerUser    failures from one address for one user name before that pair is blocked
 * @param freeFailuresPerAddress failures from one address, whatever the user names, before the address is blocked
 * @param firstBlock             the first block
 * @param maxBlock               the longest block
 * @param forgetAfter            failures are forgotten after this long without a new one
 */
@Validated
@ConfigurationProperties("proposals.login")
public record LoginSettings(@Min(1) int freeFailuresPerUser, @Min(1) int freeFailuresPerAddress,
                            @NotNull Duration firstBlock, @NotNull Duration maxBlock, @NotNull Duration forgetAfter) {

    @AssertTrue(message = "need 1 s <= first-block <= max-block <= forget-after,"
            + " and free-failures-per-user <= free-failures-per-address")
    public boolean isConsistent() {
        if (firstBlock == null || maxBlock == null || forgetAfter == null) {
            return true; // @NotNull names the missing one
        }
        // A counter forgotten during its own block would end the block early.
        return firstBlock.compareTo(Duration.ofSeconds(1)) >= 0 && maxBlock.compareTo(firstBlock) >= 0
                && forgetAfter.compareTo(maxBlock) >= 0 && freeFailuresPerUser <= freeFailuresPerAddress;
    }
}
