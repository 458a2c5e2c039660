package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.FieldError;
import cn.cppcc.proposals.shared.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Workers write only the form. Every user task's and start event's form handler is replaced by
 * one that accepts exactly the fields of its Camunda Form (the {@code .form} file of the same
 * deployment) and of its {@link Step} or {@link ProcessStart}: any other field is refused with a
 * 400 naming it. The accepted fields go to the step through {@link SubmittedForms}, never into
 * process variables, so nothing a client submits can steer the process or name another
 * proposal, unit or person. This is the one path of every door: the API (which submits the form
 * like Tasklist does), Tasklist and the engine's REST API.
 */
@Component
class StepForms extends AbstractProcessEnginePlugin {

    private final SubmittedForms forms;
    private final ObjectProvider<Step> steps;
    private final ObjectProvider<ProcessStart> starts;
    private final ObjectMapper json = new ObjectMapper();
    /** The keys of each Camunda Form, per deployment and form id. */
    private final Map<String, Map<String, Set<String>>> formKeys = new ConcurrentHashMap<>();
    private volatile Map<String, Step> stepsByTask;

    StepForms(SubmittedForms forms, ObjectProvider<Step> steps, ObjectProvider<ProcessStart> starts) {
        this.forms = forms;
        this.steps = steps;
        this.starts = starts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.setTaskFormHandler(new TaskForm(definition.getTaskFormHandler(), activity.getId(),
                        element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef")));
            }

            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                for (Element start : element.elements("startEvent")) {
                    String formRef = start.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                    if (formRef != null && process.getStartFormHandler() != null) {
                        process.setStartFormHandler(new StartForm(process.getStartFormHandler(), process.getKey(), formRef));
                    }
                }
            }
        });
    }

    /** Refuses every field that is neither the form's nor the step's; returns the step's own. */
    private Map<String, Object> accept(VariableMap submitted, Set<String> formFields, Set<String> stepFields) {
        Set<String> unknown = new TreeSet<>(submitted.keySet());
        unknown.removeAll(formFields);
        unknown.removeAll(stepFields);
        if (!unknown.isEmpty()) {
            List<FieldError> errors = unknown.stream().map(field -> new FieldError(field, "不是该表单的字段")).toList();
            throw new InvalidInputException(errors);
        }
        Map<String, Object> fields = new HashMap<>();
        submitted.keySet().stream().filter(stepFields::contains).forEach(field -> fields.put(field, submitted.get(field)));
        return fields;
    }

    private Step step(String taskKey) {
        Map<String, Step> known = stepsByTask;
        if (known == null) {
            known = steps.orderedStream().collect(Collectors.toMap(Step::taskKey, Function.identity()));
            stepsByTask = known;
        }
        Step step = known.get(taskKey);
        if (step == null) {
            throw new IllegalStateException("No step for user task " + taskKey);
        }
        return step;
    }

    /** The keys of the Camunda Form {@code formId} deployed with the process, or none without a form. */
    private Set<String> formFields(String deploymentId, String formId) {
        if (formId == null) {
            return Set.of();
        }
        return formKeys.computeIfAbsent(deploymentId, this::readForms).getOrDefault(formId, Set.of());
    }

    private Map<String, Set<String>> readForms(String deploymentId) {
        Map<String, Set<String>> byId = new HashMap<>();
        List<ResourceEntity> resources = Context.getCommandContext().getResourceManager()
                .findResourcesByDeploymentId(deploymentId);
        for (ResourceEntity resource : resources) {
            if (resource.getName().endsWith(".form")) {
                try {
                    JsonNode form = json.readTree(resource.getBytes());
                    Set<String> keys = new HashSet<>();
                    collectKeys(form.path("components"), keys);
                    byId.put(form.path("id").asText(), Set.copyOf(keys));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the form " + resource.getName(), e);
                }
            }
        }
        return byId;
    }

    private static void collectKeys(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collectKeys(component.path("components"), keys);
        }
    }

    private final class TaskForm implements TaskFormHandler {

        private final TaskFormHandler engine;
        private final String taskKey;
        private final String formId;

        TaskForm(TaskFormHandler engine, String taskKey, String formId) {
            this.engine = engine;
            this.taskKey = taskKey;
            this.formId = formId;
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            return engine.createTaskForm(task);
        }

        @Override
        public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity process,
                BpmnParse parse) {
            engine.parseConfiguration(element, deployment, process, parse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope scope) {
            TaskEntity task = (TaskEntity) scope;
            Step step = step(taskKey);
            forms.offer(task.getId(), accept(properties,
                    formFields(task.getProcessDefinition().getDeploymentId(), formId), step.fields()));
        }
    }

    private final class StartForm implements StartFormHandler {

        private final StartFormHandler engine;
        private final String processKey;
        private final String formId;

        StartForm(StartFormHandler engine, String processKey, String formId) {
            this.engine = engine;
            this.processKey = processKey;
            this.formId = formId;
        }

        @Override
        public StartFormData createStartFormData(ProcessDefinitionEntity process) {
            return engine.createStartFormData(process);
        }

        @Override
        public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity process,
                BpmnParse parse) {
            engine.parseConfiguration(element, deployment, process, parse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope scope) {
            ExecutionEntity instance = (ExecutionEntity) scope;
            ProcessStart start = starts.orderedStream().filter(s -> s.processKey().equals(processKey)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No start for process " + processKey));
            forms.offer(instance.getId(), accept(properties,
                    formFields(instance.getProcessDefinition().getDeploymentId(), formId), start.fields()));
        }
    }
}
