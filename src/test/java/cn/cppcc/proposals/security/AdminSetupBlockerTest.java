package cn.cppcc.proposals.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every spelling of the setup path reads as the setup path. */
class AdminSetupBlockerTest {

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/api/admin/setup/default/user/create", "/camunda/api/admin/%73etup/default/user/create",
            "/camunda/api/admin%2Fsetup/default/user/create", "/camunda/api/admin/%2573etup/default/user/create",
            "/camunda//api/admin/./setup/default", "/camunda/api/admin/x/../setup/default", "/camunda/api/admin;a=b/setup;c/default",
            "/camunda/api/ADMIN/Setup/default"})
    void setupPathIsRecognisedHoweverItIsSpelled(String path) {
        assertThat(AdminSetupBlocker.normalised(path) + "/").startsWith(AdminSetupBlocker.SETUP_PATH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/api/admin/auth/user/default/login/admin", "/camunda/api/admin/setupx/y",
            "/camunda/app/admin/default/setup", "/camunda/api/admin/%zz"})
    void otherPathsAreLeftAlone(String path) {
        assertThat(AdminSetupBlocker.normalised(path) + "/").doesNotStartWith(AdminSetupBlocker.SETUP_PATH);
    }
}
