package cn.cppcc.proposals.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's authorizations (camunda.bpm.authorization.enabled), so that Tasklist, Cockpit and
 * the engine's REST API allow what API.md allows:
 * <ul>
 * <li>everyone: Tasklist and the shared filters; their tasks come from the engine's own grants
 * to a task's candidate groups and assignee, so each user sees only their groups' tasks; the unit
 * process's definition (its name on a unit task's card);</li>
 * <li>members and the office: start a proposal;</li>
 * <li>the office and auditors: Cockpit, reading every process, task, decision and their history,
 * and changing nothing there (no UPDATE, DELETE, retry or variable permission);</li>
 * <li>admins: the group camunda-admin, which may do everything (users, groups, deployments,
 * shared filters), as Camunda grants it to its first administrator.</li>
 * </ul>
 * Grants made before the engine's doors were narrowed (security/EngineDoors) are narrowed too: a
 * task's assignee and candidates may work it (TASK_WORK), not update it; a user may read their own
 * user, not change or delete it.
 * Idempotent: runs on every start and adds only what is missing.
 */
@Component
@Order(3)
class EngineAuthorizations implements ApplicationRunner {

    private static final List<String> READERS = List.of(Actor.OFFICE, Actor.AUDITORS);

    private final AuthorizationService authorizations;
    private final FilterService filters;

    EngineAuthorizations(AuthorizationService authorizations, FilterService filters) {
        this.authorizations = authorizations;
        this.filters = filters;
    }

    @Override
    public void run(ApplicationArguments args) {
        // camunda-admin: everything, as Camunda's own setup of the first administrator grants it
        for (Resource resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        global(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        global(Resources.GROUP, ANY, Permissions.READ);
        for (Filter filter : filters.createFilterQuery().list()) {
            if (filter.getOwner() == null) {
                global(Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
        // the unit's process: its name on the task cards of whoever works its tasks (units, members
        // rating, supervisors); reading the definition only, not its instances
        global(Resources.PROCESS_DEFINITION, UnitHandlingProcess.KEY, Permissions.READ);
        for (String group : List.of(Actor.MEMBERS, Actor.OFFICE)) {
            grant(group, Resources.PROCESS_DEFINITION, ProposalHandlingProcess.KEY, Permissions.READ,
                    Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        narrowEarlierGrants();
        for (String group : READERS) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                    Permissions.READ_INSTANCE, Permissions.READ_TASK);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(group, Resources.TASK, ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(group, Resources.USER, ANY, Permissions.READ);
            grant(group, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
        }
    }

    private void narrowEarlierGrants() {
        for (Authorization task : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE).list()) {
            if (!Groups.CAMUNDA_ADMIN.equals(task.getGroupId()) && !ANY.equals(task.getResourceId())) {
                task.removePermission(Permissions.UPDATE);
                task.addPermission(Permissions.TASK_WORK);
                authorizations.saveAuthorization(task);
            }
        }
        for (Authorization user : authorizations.createAuthorizationQuery().resourceType(Resources.USER)
                .hasPermission(Permissions.UPDATE).list()) {
            if (user.getUserId() != null && user.getUserId().equals(user.getResourceId())) {
                user.setPermissions(new Permission[] {Permissions.READ});
                authorizations.saveAuthorization(user);
            }
        }
    }

    private void global(Resource resource, String resourceId, Permission... permissions) {
        save(AUTH_TYPE_GLOBAL, null, resource, resourceId, permissions);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        save(AUTH_TYPE_GRANT, group, resource, resourceId, permissions);
    }

    private void save(int type, String group, Resource resource, String resourceId, Permission... permissions) {
        var query = authorizations.createAuthorizationQuery().authorizationType(type)
                .resourceType(resource).resourceId(resourceId);
        if (group != null) {
            query.groupIdIn(group);
        }
        Authorization authorization = query.list().stream().findFirst().orElseGet(() -> {
            Authorization created = authorizations.createNewAuthorization(type);
            created.setResource(resource);
            created.setResourceId(resourceId);
            if (group != null) {
                created.setGroupId(group);
            } else {
                created.setUserId(ANY);
            }
            return created;
        });
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
