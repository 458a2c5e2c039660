package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.CodeLabels;
import java.util.Map;
import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Unit;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepSubject;
import cn.cppcc.proposals.workflow.Taker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_AssignProposal. Rule 4: SINGLE (one unit), LEAD_AND_CO (a lead unit and co-units) or
 * SEPARATE (several units, each replies); the reply deadline is 3 months by default, at most 6
 * months for a complex proposal, with a reason.
 */
@Component
class AssignProposalStep implements Step {

    static final int MAX_UNITS = 20;

    private final ProposalService proposals;
    private final UnitAssignmentService assignments;
    private final UnitSuggestions suggestions;
    private final Catalog catalog;
    private final ProposalClock clock;

    AssignProposalStep(ProposalService proposals, UnitAssignmentService assignments, UnitSuggestions suggestions,
            Catalog catalog, ProposalClock clock) {
        this.proposals = proposals;
        this.assignments = assignments;
        this.suggestions = suggestions;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String taskKey() {
        return ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL;
    }

    @Override
    public Set<String> fields() {
        return Set.of("mode", "units", "lead", "deadline", "deadlineReason");
    }

    @Override
    public Taker taker() {
        return Taker.OFFICE;
    }

    @Override
    public String page() {
        return "assignment";
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return new StepLabel(AuditAction.PROPOSAL_ASSIGNED, "交办：" + CodeLabels.label(given.get("mode")));
    }

    /**
     * The form shows the decision table's suggestions and every unit to choose from, by name, and
     * opens with the suggested units as the pages do (several: the best match as the lead unit).
     */
    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        Proposal proposal = proposals.require(subject.proposalId());
        List<UnitSuggestions.Suggestion> suggested = suggestions.suggest(proposal);
        task.setVariableLocal("suggestedUnits", suggested.isEmpty() ? "（无建议，请按职责选择）" : suggested.stream()
                .map(s -> s.name() + "（" + s.reason() + "）").collect(Collectors.joining("\n")));
        task.setVariableLocal("availableUnits", catalog.units().stream().filter(Unit::isActive)
                .map(Unit::getName).collect(Collectors.joining("、")));
        task.setVariableLocal("defaultDeadline", assignments.defaultReplyDeadline().toString());
        if (!suggested.isEmpty()) {
            task.setVariableLocal("units", suggested.stream().map(UnitSuggestions.Suggestion::name)
                    .collect(Collectors.joining("、")));
            task.setVariableLocal("mode", suggested.size() > 1 ? AssignmentMode.LEAD_AND_CO.name() : AssignmentMode.SINGLE.name());
            if (suggested.size() > 1) {
                task.setVariableLocal("lead", suggested.get(0).name());
            }
        }
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        AssignmentMode mode = input.requiredEnum("mode", AssignmentMode.class);
        // by code or by name (Tasklist's form shows names)
        List<String> units = new ArrayList<>(new LinkedHashSet<>(input.list("units", MAX_UNITS, 50).stream()
                .map(u -> catalog.unitCode(u).orElse(u)).toList()));
        String lead = input.text("lead", 50);
        lead = lead == null ? null : catalog.unitCode(lead).orElse(lead);
        for (String unit : units) {
            input.check(catalog.isActiveUnit(unit), "units", "没有该承办单位：" + unit);
        }
        if (lead != null) {
            input.check(catalog.isActiveUnit(lead), "lead", "没有该承办单位：" + lead);
        }
        List<UnitAssignmentService.PlannedUnit> planned = mode == null ? List.of() : plan(mode, units, lead, input);
        LocalDate deadline = deadline(input);
        String reason = input.text("deadlineReason", 500);
        if (deadline != null && deadline.isAfter(assignments.defaultReplyDeadline())) {
            input.check(reason != null, "deadlineReason", "答复期限超过默认期限的，须说明理由");
        }
        input.validate();
        Proposal proposal = proposals.require(subject.proposalId());
        assignments.assign(proposal, planned, deadline != null ? deadline : assignments.defaultReplyDeadline(),
                reason, actor.userId());
    }

    private List<UnitAssignmentService.PlannedUnit> plan(AssignmentMode mode, List<String> units, String lead,
            Input input) {
        List<UnitAssignmentService.PlannedUnit> planned = new ArrayList<>();
        switch (mode) {
            case SINGLE -> {
                input.check(units.size() == 1, "units", "单独交办须恰好指定一个承办单位");
                input.check(lead == null || units.contains(lead), "lead", "单独交办不设主办单位");
                units.forEach(u -> planned.add(new UnitAssignmentService.PlannedUnit(u, UnitRole.SINGLE)));
            }
            case LEAD_AND_CO -> {
                input.check(lead != null, "lead", "主办会办须指定主办单位");
                List<String> co = units.stream().filter(u -> !u.equals(lead)).toList();
                input.check(!co.isEmpty(), "units", "主办会办须至少有一个会办单位");
                if (lead != null) {
                    planned.add(new UnitAssignmentService.PlannedUnit(lead, UnitRole.LEAD));
                }
                co.forEach(u -> planned.add(new UnitAssignmentService.PlannedUnit(u, UnitRole.CO)));
            }
            case SEPARATE -> {
                input.check(units.size() >= 2, "units", "分办须至少指定两个承办单位");
                input.check(lead == null, "lead", "分办不设主办单位");
                units.forEach(u -> planned.add(new UnitAssignmentService.PlannedUnit(u, UnitRole.SEPARATE)));
            }
        }
        return planned;
    }

    private LocalDate deadline(Input input) {
        LocalDate deadline = input.date("deadline", clock.zone());
        if (deadline != null) {
            input.check(deadline.isAfter(clock.today()), "deadline", "答复期限须晚于今天");
            input.check(!deadline.isAfter(assignments.maxReplyDeadline()), "deadline",
                    "答复期限不能晚于" + assignments.maxReplyDeadline());
        }
        return deadline;
    }
}
