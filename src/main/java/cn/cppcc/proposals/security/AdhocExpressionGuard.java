package cn.cppcc.proposals.security;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * Expression injection: the engine refuses expressions in an ad-hoc task query, but checks only
 * the query itself, not its {@code orQueries}, nor the query that extends a stored filter. This
 * refuses expressions in all of them, for everyone, before the query runs. Stored filters keep
 * theirs ({@code ${currentUser()}}); only admins create shared filters.
 */
@Component
class AdhocExpressionGuard extends AbstractProcessEnginePlugin {

    static final String MESSAGE = "Expressions are forbidden in ad-hoc queries, also in orQueries and filter extensions";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableExpressionsInAdhocQueries(false);
        var interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new java.util.ArrayList<CommandInterceptor>()
                : new java.util.ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new Interceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static class Interceptor extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof TaskQueryImpl query) {
                refuseExpressions(query);
            } else if (command instanceof AbstractExecuteFilterCmd filterCommand) {
                Query<?, ?> extending = extendingQuery(filterCommand);
                if (extending instanceof TaskQueryImpl query) {
                    refuseExpressions(query);
                }
            }
            return next.execute(command);
        }
    }

    /** The query's own criteria and those of each of its orQueries ({@code getQueries()} holds both). */
    static void refuseExpressions(TaskQueryImpl query) {
        for (TaskQueryImpl part : query.getQueries()) {
            if (!part.getExpressions().isEmpty()) {
                throw new BadUserRequestException(MESSAGE);
            }
        }
    }

    private static Query<?, ?> extendingQuery(AbstractExecuteFilterCmd command) {
        try {
            Field field = AbstractExecuteFilterCmd.class.getDeclaredField("extendingQuery");
            field.setAccessible(true);
            return (Query<?, ?>) field.get(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot inspect a filter query", e);
        }
    }
}
