package cn.cppcc.proposals.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A race lost to another request is a 409 that names the step the request was taking. */
class ClientErrorTest {

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aRaceNamesTheStepTheRequestIsTaking() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        ClientError.taking("审查立案");
        for (Throwable race : new Throwable[] {new OptimisticLockingException("ENGINE-03005"),
                new ProcessEngineException("ENGINE-03051", new ObjectOptimisticLockingFailureException("UnitAssignment", 1L))}) {
            ClientError error = ClientError.in(race).orElseThrow();
            assertThat(error.status()).isEqualTo(409);
            assertThat(error.detail()).isEqualTo("「审查立案」刚被他人办理，请刷新后重试");
        }
    }

    @Test
    void withoutAStepTheRaceIsToldPlainly() {
        assertThat(ClientError.in(new OptimisticLockingException("ENGINE-03005")).orElseThrow().detail())
                .isEqualTo(ClientError.RACE_DETAIL);
        assertThat(ClientError.notOpenDetail("交办")).startsWith("「交办」当前不可办理");
    }
}
