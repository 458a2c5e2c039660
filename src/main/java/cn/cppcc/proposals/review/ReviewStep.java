package cn.cppcc.proposals.review;

import cn.cppcc.proposals.shared.CodeLabels;
import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.proposal.RejectGround;
import cn.cppcc.proposals.proposal.ReviewDecision;
import cn.cppcc.proposals.proposal.ReviewRecord;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepSubject;
import cn.cppcc.proposals.workflow.Taker;
import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewProposal. Rule 2: FILE (number and category; maybe a key proposal with its
 * supervisor), RETURN for revision, REJECT on a ground, CONVERT into an opinion for a unit, or MERGE
 * into another filed proposal.
 */
@Component
class ReviewStep implements Step {

    static final int COMMENT_MAX = 2000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ProposalService proposals;
    private final Catalog catalog;
    private final Directory directory;
    private final ProposalClock clock;
    private final NotificationService notifications;
    private final ProposalSettings settings;

    ReviewStep(ProposalService proposals, Catalog catalog, Directory directory, ProposalClock clock,
            NotificationService notifications, ProposalSettings settings) {
        this.settings = settings;
        this.notifications = notifications;
        this.proposals = proposals;
        this.catalog = catalog;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public String taskKey() {
        return ProposalHandlingProcess.TASK_REVIEW_PROPOSAL;
    }

    @Override
    public Set<String> fields() {
        return Set.of("decision", "category", "key", "supervisor", "rejectGround", "mergeInto", "convertTo", "comment");
    }

    @Override
    public Taker taker() {
        return Taker.OFFICE;
    }

    @Override
    public String page() {
        return "review";
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return new StepLabel(AuditAction.PROPOSAL_REVIEWED, "审查立案：" + CodeLabels.label(given.get("decision")));
    }

    /**
     * A proposal reviewed again shows the earlier decisions; the member's suggested category is
     * preselected (the task-local {@code category}, which the form opens with), as on the page.
     */
    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        Proposal p = proposals.require(subject.proposalId());
        if (p.getSuggestedCategory() != null && catalog.isActiveCategory(p.getSuggestedCategory())) {
            task.setVariableLocal("category", p.getSuggestedCategory());
        }
        task.setVariableLocal("supervisorNames", directory.membersOf(Actor.SUPERVISORS).stream()
                .map(u -> directory.displayName(u.getId())).collect(Collectors.joining("、")));
        task.setVariableLocal("unitNames", catalog.units().stream().filter(cn.cppcc.proposals.catalog.Unit::isActive)
                .map(cn.cppcc.proposals.catalog.Unit::getName).collect(Collectors.joining("、")));
        String earlier = p.getReviews().stream()
                .map(r -> DAY.format(r.getDecidedAt().atZone(clock.zone())) + " " + directory.displayName(r.getReviewer())
                        + "：" + label(r) + (r.getComment() == null ? "" : "。" + r.getComment()))
                .collect(Collectors.joining("\n"));
        task.setVariableLocal("earlierReviews", earlier.isEmpty() ? "（首次审查）" : earlier);
    }

    private static String label(ReviewRecord r) {
        return switch (ReviewDecision.valueOf(r.getDecision())) {
            case FILE -> "立案";
            case RETURN -> "退回修改";
            case REJECT -> "不予立案";
            case CONVERT -> "转为意见建议";
            case MERGE -> "并案";
        };
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        long proposalId = subject.proposalId();
        ReviewDecision decision = input.requiredEnum("decision", ReviewDecision.class);
        String comment = input.text("comment", COMMENT_MAX);
        input.validate();
        Proposal proposal = proposals.requireForUpdate(proposalId);
        Instant now = clock.now();
        switch (decision) {
            case FILE -> file(task, proposal, input, comment, actor, now);
            case RETURN -> {
                input.check(comment != null, "comment", "退回修改须说明理由");
                input.validate();
                proposal.returnForRevision(comment, actor.userId(), now);
            }
            case REJECT -> {
                RejectGround ground = input.requiredEnum("rejectGround", RejectGround.class);
                input.check(comment != null, "comment", "不予立案须说明理由");
                input.validate();
                proposal.reject(ground, comment, actor.userId(), now);
            }
            case CONVERT -> {
                String given = input.requiredText("convertTo", 50);
                String unit = given == null ? null : catalog.unitCode(given).orElse(given);   // a code, or a name
                if (unit != null) {
                    input.check(catalog.isActiveUnit(unit), "convertTo", "没有该承办单位");
                }
                input.validate();
                proposal.convertToOpinion(unit, comment, actor.userId(), now);
            }
            case MERGE -> merge(proposal, input, comment, actor, now);
        }
        task.getExecution().setVariable(ProposalVariables.REVIEW_DECISION, decision.name());
        proposals.changed(proposalId);
        tellProposers(proposal, decision, comment);
        if (decision == ReviewDecision.MERGE) {
            proposals.changed(proposal.getMergedInto());
        }
    }

    /** The proposer and co-proposers learn the outcome (RETURN goes to the proposer, who revises). */
    private void tellProposers(Proposal proposal, ReviewDecision decision, String comment) {
        Map<String, String> values = new HashMap<>(proposals.describe(proposal));
        values.put("comment", comment == null ? "" : comment);
        NotificationEvent event = switch (decision) {
            case FILE -> NotificationEvent.PROPOSAL_FILED;
            case RETURN -> NotificationEvent.RETURNED_FOR_REVISION;
            case REJECT -> NotificationEvent.NOT_FILED;
            case CONVERT -> NotificationEvent.CONVERTED;
            case MERGE -> NotificationEvent.MERGED;
        };
        if (decision == ReviewDecision.REJECT) {
            values.put("ground", proposal.getRejectGround().label());
        } else if (decision == ReviewDecision.CONVERT) {
            values.put("unitName", catalog.unitName(proposal.getConvertedTo()));
        } else if (decision == ReviewDecision.MERGE) {
            Proposal target = proposals.require(proposal.getMergedInto());
            values.put("targetTitle", target.getTitle());
            values.put("targetNumber", target.getNumber());
        }
        Recipients recipients = decision == ReviewDecision.RETURN ? Recipients.users(proposal.getProposer())
                : Recipients.users(proposal.getProposer()).and(Recipients.users(proposal.confirmedCoProposers()));
        notifications.notify(event, recipients, proposal.getId(), null, values);
    }

    private void file(DelegateTask task, Proposal proposal, Input input, String comment, Actor actor, Instant now) {
        String category = input.requiredText("category", 50);
        if (category != null) {
            input.check(catalog.isActiveCategory(category), "category", "没有该类别");
        }
        boolean key = input.flag("key");
        String supervisor = supervisor(input.text("supervisor", 64));
        if (key) {
            input.check(supervisor != null, "supervisor", "重点提案须指定督办领导");
            if (supervisor != null) {
                input.check(directory.isInGroup(supervisor, Actor.SUPERVISORS), "supervisor", "没有该督办领导");
            }
        } else {
            input.check(supervisor == null, "supervisor", "只有重点提案指定督办领导");
        }
        input.validate();
        // Gap-free per session (Rule 2): the counter row is locked until this step commits.
        int number = catalog.nextNumber(proposal.getSessionId(), Catalog.NUMBER_COUNTER);
        proposal.file(String.format("%04d", number), category, key, supervisor, comment, actor.userId(), now);
        var execution = task.getExecution();
        execution.setVariable(ProposalVariables.KEY_PROPOSAL, key);
        execution.setVariable(ProposalVariables.PUBLICATION_DUE,
                clock.endOf(clock.today().plusDays(settings.publication().windowDays())));
    }

    /** A supervisor by user id, or by name (Tasklist's form asks for the name). */
    private String supervisor(String given) {
        if (given == null || directory.isInGroup(given, Actor.SUPERVISORS)) {
            return given;
        }
        return directory.membersOf(Actor.SUPERVISORS).stream().map(u -> u.getId())
                .filter(id -> directory.displayName(id).equals(given)).findFirst().orElse(given);
    }

    private void merge(Proposal proposal, Input input, String comment, Actor actor, Instant now) {
        Long targetId = input.number("mergeInto");
        input.check(targetId != null || input.hasError("mergeInto"), "mergeInto", "并案须指定并入的提案");
        input.validate();
        Proposal target;
        try {
            target = proposals.requireForUpdate(targetId);
        } catch (NotFoundException e) {
            input.error("mergeInto", "没有该提案");
            input.validate();
            return;
        }
        input.check(!target.getId().equals(proposal.getId()), "mergeInto", "不能并入本提案");
        input.check(target.getStatus().isFiledAndOpen(), "mergeInto", "只能并入已立案且未办结的提案");
        input.validate();
        proposal.mergeInto(target, comment, actor.userId(), now);
    }
}
