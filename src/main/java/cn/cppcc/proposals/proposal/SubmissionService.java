package cn.cppcc.proposals.proposal;


import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import cn.cppcc.proposals.workflow.ProcessStart;
import java.util.HashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule 1: a member submits a proposal (or the office registers one received on paper on a member's
 * behalf). The same checks serve the API and the start form in Camunda Tasklist.
 */
@Service
public class SubmissionService implements ProcessStart {

    /** The fields of a submission, in the API and on the start form. */
    public static final Set<String> FIELDS = Set.of("title", "background", "suggestions", "proposerType",
            "coProposers", "session", "suggestedCategory", "publicConsent", "onBehalfOf");
    static final int MAX_CO_PROPOSERS = 100;

    private final ProposalRepository proposals;
    private final Catalog catalog;
    private final Directory directory;
    private final RepositoryService repositoryService;
    private final FormService formService;
    private final EngineAsSystem system;
    private final ProposalClock clock;
    private final ProposalSettings settings;
    private final ApplicationEventPublisher events;

    SubmissionService(ProposalRepository proposals, Catalog catalog, Directory directory,
            RepositoryService repositoryService, FormService formService, EngineAsSystem system, ProposalClock clock, ProposalSettings settings,
            ApplicationEventPublisher events) {
        this.events = events;
        this.proposals = proposals;
        this.catalog = catalog;
        this.directory = directory;
        this.repositoryService = repositoryService;
        this.formService = formService;
        this.system = system;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String processKey() {
        return ProposalHandlingProcess.KEY;
    }

    @Override
    public Set<String> fields() {
        return FIELDS;
    }

    /**
     * Starts the proposal's process from its start form, as Tasklist does: the registration step
     * records the proposal from the fields ({@link #register}) and makes its id the business key.
     */
    @Transactional
    public Proposal submit(Map<String, ?> fields, Actor actor) {
        if (!actor.isOffice() && !actor.isIn(Actor.MEMBERS)) {
            throw new ForbiddenException("只有委员可以提交提案");
        }
        Map<String, Object> form = new HashMap<>();
        // The API ignores what a body has beyond the submission's fields (API.md); the form takes only these.
        fields.forEach((name, value) -> {
            if (FIELDS.contains(name)) {
                form.put(name, value);
            }
        });
        String definition = system.read(() -> repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProposalHandlingProcess.KEY).latestVersion().singleResult().getId());
        ProcessInstance instance = formService.submitStartForm(definition, form);
        return proposals.findById(Long.valueOf(instance.getBusinessKey())).orElseThrow();
    }

    /** Checks and records a submission; the caller's process is the proposal's process. */
    @Transactional
    public Proposal register(Map<String, ?> fields, Actor actor) {
        Input input = Input.of(fields);
        ProposalText text = ProposalText.read(input);
        ProposerType type = input.requiredEnum("proposerType", ProposerType.class);
        Boolean publicConsent = input.requiredBoolean("publicConsent");
        String suggestedCategory = input.text("suggestedCategory", 50);
        if (suggestedCategory != null) {
            input.check(catalog.isActiveCategory(suggestedCategory), "suggestedCategory", "没有该类别");
        }
        String proposer = proposerOf(input, actor);
        List<String> coProposers = coProposersOf(input, proposer);
        if (type != null && !input.hasError("coProposers")) {
            if (type == ProposerType.JOINT) {
                input.check(!coProposers.isEmpty(), "coProposers", "联名提案须至少有一位联名人");
            } else {
                input.check(coProposers.isEmpty(), "coProposers", "只有联名提案（JOINT）可以有联名人");
            }
        }
        CommitteeSession session = sessionOf(input);
        input.validate();

        ProposalKind kind = session.isPlenaryWindow(clock.today(), settings.plenaryWindowMonthsBefore())
                ? ProposalKind.PLENARY : ProposalKind.INTERIM;
        int serialNo = catalog.nextNumber(session.getId(), Catalog.SERIAL_COUNTER);
        Map<String, String> names = new java.util.HashMap<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(proposer, actor.userId()), coProposers.stream())
                .forEach(id -> names.put(id, directory.displayName(id)));
        Proposal proposal = proposals.save(Proposal.submitted(session, serialNo, kind, proposer, actor.userId(),
                type, text, suggestedCategory, publicConsent, coProposers, clock.now(), names));
        events.publishEvent(new ProposalChanged(proposal.getId()));
        return proposal;
    }

    private String proposerOf(Input input, Actor actor) {
        String onBehalfOf = input.text("onBehalfOf", 64);
        if (actor.isOffice()) {
            // Office staff register a proposal received on paper for the member who wrote it.
            if (onBehalfOf == null) {
                input.error("onBehalfOf", "代委员登记时须填写委员");
            } else {
                input.check(directory.isInGroup(onBehalfOf, Actor.MEMBERS), "onBehalfOf", "没有该委员");
            }
            return onBehalfOf;
        }
        if (!actor.isIn(Actor.MEMBERS)) {
            throw new ForbiddenException("只有委员可以提交提案");
        }
        if (onBehalfOf != null && !onBehalfOf.equals(actor.userId())) {
            throw new ForbiddenException("只有提案委员会可以代委员登记提案");
        }
        return actor.userId();
    }

    private List<String> coProposersOf(Input input, String proposer) {
        List<String> coProposers = input.list("coProposers", MAX_CO_PROPOSERS, 64);
        Set<String> seen = new HashSet<>();
        for (String userId : coProposers) {
            if (userId.equals(proposer)) {
                input.error("coProposers", "提案人不能同时是联名人");
            } else if (!seen.add(userId)) {
                input.error("coProposers", "联名人重复：" + userId);
            } else if (!directory.isInGroup(userId, Actor.MEMBERS)) {
                input.error("coProposers", "没有该委员：" + userId);
            }
        }
        return coProposers;
    }

    private CommitteeSession sessionOf(Input input) {
        String code = input.text("session", 32);
        if (code != null) {
            CommitteeSession session = catalog.session(code).orElse(null);
            input.check(session != null, "session", "没有该届次");
            return session;
        }
        CommitteeSession current = catalog.currentSession().orElse(null);
        input.check(current != null, "session", "尚未设置当前届次，请联系管理员");
        return current;
    }
}
