package cn.cppcc.proposals.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * A user locked by the engine, as the old settings (login-max-attempts 10) left some in a
 * database: ten failed attempts and a lock that has not expired.
 */
final class EngineLocks {

    private EngineLocks() {
    }

    static void lock(ProcessEngineConfigurationImpl engine, String userId) {
        engine.getCommandExecutorTxRequired().execute(context -> {
            UserEntity user = context.getDbEntityManager().selectById(UserEntity.class, userId);
            context.getIdentityInfoManager().updateUserLock(user, 10,
                    Date.from(Instant.now().plus(Duration.ofDays(365))));
            return null;
        });
    }

    /** The engine's failed attempts of the user, counted at each wrong password. */
    static int attempts(ProcessEngineConfigurationImpl engine, String userId) {
        return engine.getCommandExecutorTxRequired().execute(context ->
                context.getDbEntityManager().selectById(UserEntity.class, userId).getAttempts());
    }
}
