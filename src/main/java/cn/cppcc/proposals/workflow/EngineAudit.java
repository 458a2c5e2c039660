package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.AuditAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import cn.cppcc.proposals.shared.AuditNote;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The engine-level hooks, so that no door is missed:
 * <ul>
 * <li>every service task of the proposal's and the unit's processes records itself when it ends
 * (the system's own steps and the deadlines' escalations: reminders, overdue, silence counts as
 * acceptance, NO_RESPONSE), with the actor who caused it or {@code system} for a timer's job;</li>
 * <li>the engine's user operation log is copied into the trail as the engine writes it: changes of
 * users, groups, memberships and authorizations from Camunda Admin, the engine REST API or
 * {@code /api/admin/users}, and operators' changes in Cockpit (variables, suspension, jobs,
 * modifications, deletions), in the same transaction. Task completions are left out: the steps
 * record them with their decision (StepAudit).</li>
 * </ul>
 */
@Component
class EngineAudit extends AbstractProcessEnginePlugin {

    static final Map<String, AuditAction> SERVICE_TASKS = Map.ofEntries(
            Map.entry(ProposalHandlingProcess.TASK_DROP_SILENT_CO_PROPOSERS, AuditAction.CO_PROPOSERS_DROPPED),
            Map.entry(ProposalHandlingProcess.TASK_OPEN_REVIEW, AuditAction.REVIEW_OPENED),
            Map.entry(ProposalHandlingProcess.TASK_REMIND_REVIEW_OVERDUE, AuditAction.REVIEW_OVERDUE),
            Map.entry(ProposalHandlingProcess.TASK_CLOSE_PROPOSAL, AuditAction.PROPOSAL_CLOSED),
            Map.entry(ProposalHandlingProcess.TASK_RECORD_WITHDRAWAL_REQUEST, AuditAction.WITHDRAWAL_REQUESTED),
            Map.entry(ProposalHandlingProcess.TASK_WITHDRAW_PROPOSAL, AuditAction.PROPOSAL_WITHDRAWN),
            Map.entry(UnitHandlingProcess.TASK_OPEN_ASSIGNMENT, AuditAction.UNIT_ASSIGNMENT_OPENED),
            Map.entry(UnitHandlingProcess.TASK_ACCEPT_BY_SILENCE, AuditAction.ACCEPTED_BY_SILENCE),
            Map.entry(UnitHandlingProcess.TASK_REMIND_OPINION, AuditAction.OPINION_REMINDED),
            Map.entry(UnitHandlingProcess.TASK_REMIND_REPLY_DUE, AuditAction.REPLY_DUE_REMINDED),
            Map.entry(UnitHandlingProcess.TASK_REMIND_MEETING, AuditAction.MEETING_REMINDED),
            Map.entry(UnitHandlingProcess.TASK_ESCALATE_OVERDUE, AuditAction.REPLY_OVERDUE),
            Map.entry(UnitHandlingProcess.TASK_SEND_REPLY, AuditAction.REPLY_SENT),
            Map.entry(UnitHandlingProcess.TASK_RECORD_NO_RESPONSE, AuditAction.NO_RESPONSE_RECORDED));
    /** Recorded elsewhere: the submission by SubmissionService, a mail by its delivery. */
    static final List<String> NOT_HERE = List.of(ProposalHandlingProcess.TASK_REGISTER_PROPOSAL, "Task_DeliverMail");

    static final Map<String, String> OPERATIONS = Map.ofEntries(Map.entry("Create", "创建"), Map.entry("Update", "修改"),
            Map.entry("Delete", "删除"), Map.entry("Unlock", "解锁"), Map.entry("Claim", "认领"), Map.entry("Assign", "指派"),
            Map.entry("Delegate", "委托"), Map.entry("Resolve", "办结委托"), Map.entry("SetOwner", "设置所有人"),
            Map.entry("SetPriority", "设置优先级"), Map.entry("SetVariable", "设置变量"), Map.entry("SetVariables", "设置变量"),
            Map.entry("RemoveVariable", "删除变量"), Map.entry("ModifyVariable", "修改变量"), Map.entry("Suspend", "挂起"),
            Map.entry("Activate", "激活"), Map.entry("SetJobRetries", "设置作业重试次数"), Map.entry("Migrate", "迁移"),
            Map.entry("ModifyProcessInstance", "修改流程实例"), Map.entry("SetRemovalTime", "设置删除时间"),
            Map.entry("Resolve Incident", "解决事件"));
    static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("User", "用户"), Map.entry("Group", "用户组"),
            Map.entry("Membership", "用户组成员"), Map.entry("Tenant", "租户"), Map.entry("TenantMembership", "租户成员"),
            Map.entry("Authorization", "权限"), Map.entry("ProcessInstance", "流程实例"), Map.entry("Task", "任务"),
            Map.entry("Variable", "变量"), Map.entry("Job", "作业"), Map.entry("JobDefinition", "作业定义"),
            Map.entry("Deployment", "部署"), Map.entry("ProcessDefinition", "流程定义"), Map.entry("Incident", "事件"),
            Map.entry("Filter", "过滤器"), Map.entry("Batch", "批处理"));
    static final Map<String, String> CATEGORIES = Map.of("Operator", "运维操作", "TaskWorker", "任务办理", "Admin", "系统管理");
    static final List<String> IDENTITY = List.of("User", "Group", "Membership", "Tenant", "TenantMembership");

    private final ObjectProvider<ApplicationEventPublisher> events;
    private final ObjectProvider<InstanceUnits> units;
    private final ObjectProvider<UnitNames> unitNames;

    EngineAudit(ObjectProvider<ApplicationEventPublisher> events, ObjectProvider<InstanceUnits> units,
            ObjectProvider<UnitNames> unitNames) {
        this.events = events;
        this.units = units;
        this.unitNames = unitNames;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new ServiceTasks());
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new OperationLog());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    /** Adds the recording listener to the end of every service task (built in: Cockpit cannot skip it). */
    private final class ServiceTasks extends AbstractBpmnParseListener {
        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (!NOT_HERE.contains(activity.getId())) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::ended);
            }
        }

        private void ended(DelegateExecution execution) {
            // the proposal and unit from the engine's records (business key, unit assignment), not variables
            String businessKey = execution.getProcessBusinessKey();
            Long proposalId = businessKey != null && businessKey.matches("\\d{1,18}") ? Long.valueOf(businessKey) : null;
            String unit = proposalId == null ? null
                    : units.getObject().unitOf(execution.getProcessInstanceId()).orElse(null);
            Object given = execution.getVariableLocal(ProposalVariables.AUDIT_DETAIL);
            if (given != null) {
                execution.removeVariableLocal(ProposalVariables.AUDIT_DETAIL);
            }
            AuditAction action = SERVICE_TASKS.getOrDefault(execution.getCurrentActivityId(), AuditAction.SYSTEM_STEP);
            String name = action == AuditAction.SYSTEM_STEP ? execution.getCurrentActivityName() : action.label();
            StringBuilder detail = new StringBuilder();
            if (unit != null) {
                detail.append("承办单位：").append(unitNames.getObject().unitName(unit));
            }
            if (given != null) {
                detail.append(detail.isEmpty() ? "" : "；").append(given);
            }
            events.getObject().publishEvent(new EngineRecorded(new AuditNote(action,
                    name == null ? execution.getCurrentActivityId() : name, proposalId, unit, null,
                    detail.isEmpty() ? null : detail.toString(), null, null, null)));
        }
    }

    /** Copies the engine's user operation log into the trail (not the task completions). */
    private final class OperationLog implements HistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof UserOperationLogEntryEventEntity entry
                    && !(UserOperationLogEntry.CATEGORY_TASK_WORKER.equals(entry.getCategory())
                            && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType()))) {
                record(entry);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }

        private void record(UserOperationLogEntryEventEntity entry) {
            String entity = entry.getEntityType();
            AuditAction action = IDENTITY.contains(entity) ? AuditAction.IDENTITY_CHANGED
                    : "Authorization".equals(entity) ? AuditAction.AUTHORIZATION_CHANGED : AuditAction.ENGINE_OPERATION;
            String operation = OPERATIONS.getOrDefault(entry.getOperationType(), entry.getOperationType());
            String what = ENTITIES.getOrDefault(entity, entity);
            String value = entry.getNewValue() != null ? entry.getNewValue() : entry.getOrgValue();
            String name = action.label() + "：" + operation + what;
            StringBuilder detail = new StringBuilder("操作：").append(operation).append(what).append("（")
                    .append(CATEGORIES.getOrDefault(entry.getCategory(), entry.getCategory())).append("）");
            if (entry.getProperty() != null) {
                detail.append("；属性：").append(entry.getProperty());
                if (entry.getOrgValue() != null) {
                    detail.append("；原值：").append(entry.getOrgValue());
                }
                if (entry.getNewValue() != null) {
                    detail.append("；新值：").append(entry.getNewValue());
                }
            }
            append(detail, "流程实例", entry.getProcessInstanceId());
            append(detail, "任务", entry.getTaskId());
            append(detail, "作业", entry.getJobId());
            append(detail, "部署", entry.getDeploymentId());
            append(detail, "流程定义", entry.getProcessDefinitionKey());
            append(detail, "操作编号", entry.getOperationId());
            String subject = IDENTITY.contains(entity) && value != null ? entity + ":" + value
                    : entry.getProcessInstanceId() != null ? "process:" + entry.getProcessInstanceId() : null;
            Authentication authentication = Context.getCommandContext() == null ? null
                    : Context.getCommandContext().getAuthentication();
            List<String> groups = authentication != null && entry.getUserId() != null
                    && entry.getUserId().equals(authentication.getUserId()) && authentication.getGroupIds() != null
                    ? authentication.getGroupIds() : List.of();
            events.getObject().publishEvent(new EngineRecorded(new AuditNote(action, name,
                    proposalOf(entry.getProcessInstanceId()), null, subject, detail.toString(), null,
                    entry.getUserId() == null ? AuditNote.SYSTEM : entry.getUserId(), groups)));
        }

        private static void append(StringBuilder detail, String label, String value) {
            if (value != null) {
                detail.append("；").append(label).append("：").append(value);
            }
        }

        /** The proposal is the business key of the instance (the proposal's, a unit's or a mail's). */
        private static Long proposalOf(String processInstanceId) {
            CommandContext context = Context.getCommandContext();
            if (processInstanceId == null || context == null) {
                return null;
            }
            String key = null;
            ExecutionEntity execution = context.getExecutionManager().findExecutionById(processInstanceId);
            if (execution != null) {
                key = execution.getBusinessKey();
            } else {
                var historic = context.getHistoricProcessInstanceManager().findHistoricProcessInstance(processInstanceId);
                key = historic == null ? null : historic.getBusinessKey();
            }
            return key != null && key.matches("\\d{1,18}") ? Long.valueOf(key) : null;
        }
    }
}
