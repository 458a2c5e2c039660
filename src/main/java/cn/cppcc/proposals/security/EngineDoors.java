package cn.cppcc.proposals.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateGroupCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateUserCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserPictureCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HistoryCleanupCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserPictureCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's own doors (Tasklist, Cockpit, Admin and the engine's REST API, open to every
 * logged-in user) allow a worker to work a task and nothing more:
 * <ul>
 * <li>the permission the engine grants on a task to its assignee and candidates is TASK_WORK
 * (claim, complete), not UPDATE (which includes setting variables, reassigning, delegating);</li>
 * <li>a new user gets READ on their own user, not the engine's default ALL (a member changed their
 * name and e-mail or deleted their own account): the office and admins edit people through the
 * project;</li>
 * <li>where the engine checks no permission at all, this interceptor refuses everyone but
 * administrators ({@code camunda-admin}) and the application itself: variables of processes and
 * tasks (set, change, delete, local or not), comments and attachments, jobs (due dates, retries,
 * running them, the history cleanup), starting a process at an activity of one's choosing,
 * deployments, users, groups and memberships, and claiming a task for somebody else.</li>
 * </ul>
 * The application's own work runs either without an authenticated user (jobs, start-up) or
 * inside a command already checked at its entry (a step setting its routing variables), so only
 * a command entered from outside is inspected. Step input goes through the task's form
 * (workflow/StepForms), which accepts only the form's fields.
 */
@Component
class EngineDoors extends AbstractProcessEnginePlugin {

    /** Commands only administrators may run from outside. */
    static final List<Class<?>> ADMIN_ONLY = List.of(
            // variables, local or not, of processes and tasks, and their history
            AbstractVariableCmd.class, AbstractPatchVariablesCmd.class, DeleteHistoricVariableInstanceCmd.class,
            DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class,
            // comments and attachments (not part of a proposal's record: the steps' own fields are)
            AddCommentCmd.class, UpdateCommentCmd.class, DeleteTaskCommentCmd.class, DeleteProcessInstanceCommentCmd.class,
            CreateAttachmentCmd.class, SaveAttachmentCmd.class, DeleteAttachmentCmd.class,
            // jobs, also those of no process (the history cleanup), which the engine leaves unchecked
            // (the failure of a refused execution would count against the job's retries)
            ExecuteJobsCmd.class, FailedJobListener.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class, SetJobRetriesCmd.class,
            AbstractSetJobsRetriesBatchCmd.class, SetJobPriorityCmd.class, SetJobDefinitionPriorityCmd.class,
            AbstractSetJobStateCmd.class, AbstractSetJobDefinitionStateCmd.class, DeleteJobCmd.class,
            DeleteJobsCmd.class, UnlockJobCmd.class, HistoryCleanupCmd.class,
            // a process started past its registration
            StartProcessInstanceAtActivitiesCmd.class,
            // deployments, users, groups, memberships
            DeployCmd.class, CreateUserCmd.class, SaveUserCmd.class, DeleteUserCmd.class, UnlockUserCmd.class,
            SetUserInfoCmd.class, DeleteUserInfoCmd.class, SetUserPictureCmd.class, DeleteUserPictureCmd.class,
            CreateGroupCmd.class, SaveGroupCmd.class, DeleteGroupCmd.class, CreateMembershipCmd.class,
            DeleteMembershipCmd.class);

    static final String REFUSED = "只有系统管理员可以进行该操作；任务请通过表单办理";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
            @Override
            public AuthorizationEntity[] newUser(User user) {
                return new AuthorizationEntity[] {createGrantAuthorization(user.getId(), null, Resources.USER,
                        user.getId(), Permissions.READ)};
            }
        });
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new Guard(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class Guard extends CommandInterceptor {
        private final ProcessEngineConfigurationImpl configuration;

        Guard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() == null && configuration.getIdentityService() != null) {
                Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
                if (authentication != null && authentication.getUserId() != null && !isAdmin(authentication)
                        && refused(command, authentication.getUserId())) {
                    throw new AuthorizationException(REFUSED);
                }
            }
            return next.execute(command);
        }
    }

    static boolean isAdmin(Authentication authentication) {
        return authentication.getGroupIds() != null && authentication.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }

    static boolean refused(Command<?> command, String userId) {
        if (command instanceof CheckPassword check) {
            // another user's password checked while logged in (/engine-rest/identity/verify): the login
            // doors are throttled per address (identity/LoginThrottle), this one would let an insider guess
            return !Objects.equals(field(CheckPassword.class, "userId", check), userId);
        }
        if (command instanceof ClaimTaskCmd claim) {
            String claimant = (String) field(ClaimTaskCmd.class, "userId", claim);
            return claimant != null && !Objects.equals(claimant, userId);
        }
        return ADMIN_ONLY.stream().anyMatch(type -> type.isInstance(command));
    }

    private static Object field(Class<?> type, String name, Object owner) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot inspect " + type.getSimpleName(), e);
        }
    }
}
