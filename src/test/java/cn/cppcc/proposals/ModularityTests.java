package cn.cppcc.proposals;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ProposalsApplication.class);

    @Test
    void modulesHaveNoCyclesAndReachOnlyIntoEachOthersApi() {
        MODULES.verify();
    }
}
