package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.Actor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What every installation needs, demo or production: the role groups of DOMAIN.md and the shared
 * Tasklist filters that show each worker their own and their groups' tasks. Idempotent.
 */
@Component
@Order(1)
class BaseGroups implements ApplicationRunner {

    static final Map<String, String> ROLE_GROUPS = new LinkedHashMap<>();

    static {
        ROLE_GROUPS.put(Actor.MEMBERS, "提案者（委员）");
        ROLE_GROUPS.put(Actor.OFFICE, "提案委员会（提案科）");
        ROLE_GROUPS.put(Actor.SUPERVISORS, "督办领导");
        ROLE_GROUPS.put(Actor.AUDITORS, "审计监督");
        ROLE_GROUPS.put(Actor.ADMINS, "系统管理员");
        ROLE_GROUPS.put("camunda-admin", "Camunda 管理员");
    }

    private final IdentityService identityService;
    private final FilterService filterService;
    private final TaskService taskService;

    BaseGroups(IdentityService identityService, FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ROLE_GROUPS.forEach((id, name) -> {
            if (identityService.createGroupQuery().groupId(id).count() == 0) {
                Group group = identityService.newGroup(id);
                group.setName(name);
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        });
        // soonest due first; each card shows the proposal's number and title and, for a unit's task, the unit
        createFilter("我的任务", "分配给我的任务，按到期日排序", -10,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        // candidate user covers the user's groups too, and tasks offered to the user by name
        // (the overdue supervision of a key proposal is offered to its supervisor)
        createFilter("我的组任务", "我本人或所在组可认领的任务，按到期日排序", -5,
                taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}").orderByDueDate().asc());
    }

    /** The task-local variables each card of the shared filters shows (proposal/ProposalTaskView sets them). */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "proposalNumber", "label", "提案号"),
            Map.of("name", "proposalTitle", "label", "案由"),
            Map.of("name", "unitName", "label", "承办单位"));

    /** Creates the shared filter, or brings an existing one's query and properties up to date. */
    private void createFilter(String name, String description, int priority, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).list().stream()
                .filter(shared -> shared.getOwner() == null).findFirst()
                .orElseGet(() -> filterService.newTaskFilter(name));
        filter.setQuery(query);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", CARD_VARIABLES);
        properties.put("showUndefinedVariable", false);
        filter.setProperties(properties);
        filterService.saveFilter(filter);
    }
}
