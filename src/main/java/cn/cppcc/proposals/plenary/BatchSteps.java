package cn.cppcc.proposals.plenary;

import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ClientError;
import cn.cppcc.proposals.shared.DatabaseDown;
import cn.cppcc.proposals.shared.FieldError;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.TaskTarget;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule 17: the office reviews or assigns many proposals at once, and each one is still its own step.
 * Every item goes through {@link StepService#complete} exactly as {@code POST /api/proposals/{id}/review}
 * (or {@code .../assignment}) does, in a transaction of its own: the same checks, number, audit
 * records and mails as one by one. An item that fails says why (its fields' messages, or why the step
 * could not be taken) and leaves the items before and after it done.
 */
@Service
public class BatchSteps {

    private static final Logger log = LoggerFactory.getLogger(BatchSteps.class);

    /** The most items of one request: a county's or a city's plenary week, in one or a few batches. */
    public static final int MAX_ITEMS = 1000;

    /** The batchable steps, by the name of their batch path. */
    public enum Kind {
        REVIEW(ProposalHandlingProcess.TASK_REVIEW_PROPOSAL),
        ASSIGNMENT(ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL);

        private final String taskKey;

        Kind(String taskKey) {
            this.taskKey = taskKey;
        }

        public String taskKey() {
            return taskKey;
        }
    }

    /**
     * What became of one item.
     *
     * @param proposalId the item's proposal, {@code null} when the item named none that could be read
     * @param ok         whether its step was completed
     * @param status     the proposal's status after the step (when ok)
     * @param number     the proposal's number 提案号 after the step, once it has one (when ok)
     * @param errors     why it failed: the fields' messages, or {@code proposalId} with why the step
     *                   could not be taken (not visible, not allowed, not open)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(Long proposalId, boolean ok, String status, String number, List<FieldError> errors) {

        static Result done(Proposal proposal) {
            return new Result(proposal.getId(), true, proposal.getStatus().name(), proposal.getNumber(), null);
        }

        static Result failed(Long proposalId, List<FieldError> errors) {
            return new Result(proposalId, false, null, null, List.copyOf(errors));
        }
    }

    public record Results(List<Result> results) {

        public long succeeded() {
            return results.stream().filter(Result::ok).count();
        }
    }

    private final StepService steps;
    private final ProposalAccess access;
    private final ProposalService proposals;
    private final TransactionTemplate ownTransaction;

    BatchSteps(StepService steps, ProposalAccess access, ProposalService proposals,
            PlatformTransactionManager transactions) {
        this.steps = steps;
        this.access = access;
        this.proposals = proposals;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Reads a batch's body {@code {items[...]}}: a list of 1 to {@link #MAX_ITEMS} objects.
     *
     * @throws InvalidInputException naming {@code items} when the body holds no such list (400, nothing done)
     */
    static List<Map<String, Object>> items(Map<String, ?> body) {
        Object items = body == null ? null : body.get("items");
        Input input = Input.of(body == null ? Map.of() : body);
        input.check(items instanceof List<?>, "items", "必须是条目列表");
        input.validate();
        List<?> list = (List<?>) items;
        input.check(!list.isEmpty(), "items", "至少须有一条");
        input.check(list.size() <= MAX_ITEMS, "items", "每批最多" + MAX_ITEMS + "条");
        input.check(list.stream().allMatch(item -> item instanceof Map<?, ?>), "items", "每一条须是对象");
        input.validate();
        List<Map<String, Object>> read = new ArrayList<>();
        for (Object item : list) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) item;
            read.add(fields);
        }
        return read;
    }

    /**
     * Completes the step {@code kind} for each item of a batch's body, one after the other, each in
     * its own transaction. Only the office may take these steps at all; a stranger is refused before
     * anything is done.
     *
     * @throws ForbiddenException when the actor is not the office (403, nothing done)
     * @throws InvalidInputException when the body holds no list of items (400, nothing done)
     */
    public Results run(Kind kind, Map<String, ?> body, Actor actor) {
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以批量办理");
        }
        List<Map<String, Object>> items = items(body);
        List<Result> results = new ArrayList<>(items.size());
        Set<Long> seen = new HashSet<>();
        boolean databaseDown = false;
        for (Map<String, Object> item : items) {
            Input input = Input.of(item);
            Long id = input.number("proposalId");
            input.check(id != null || input.hasError("proposalId"), "proposalId", "必须指定提案");
            if (id != null) {
                input.check(seen.add(id), "proposalId", "同一批中该提案出现了不止一次");
            }
            if (input.hasErrors()) {
                results.add(Result.failed(id, errors(input)));
            } else if (databaseDown) {
                results.add(Result.failed(id, List.of(new FieldError("proposalId", DatabaseDown.DETAIL))));
            } else {
                Result result = one(kind, id, item, actor);
                databaseDown = result == null;
                results.add(result != null ? result
                        : Result.failed(id, List.of(new FieldError("proposalId", DatabaseDown.DETAIL))));
            }
        }
        return new Results(results);
    }

    /** One item in its own transaction; {@code null} when the database is down (the rest is not tried). */
    private Result one(Kind kind, long id, Map<String, Object> fields, Actor actor) {
        try {
            return ownTransaction.execute(status -> {
                access.requireVisible(id, actor);
                steps.complete(TaskTarget.of(id, kind.taskKey()), fields);
                return Result.done(proposals.require(id));
            });
        } catch (RuntimeException e) {
            if (DatabaseDown.in(e)) {
                log.warn("Database unavailable during a batch {}: {}", kind, e.toString());
                return null;
            }
            return ClientError.in(e).map(error -> Result.failed(id, error.errors() != null ? error.errors()
                    : List.of(new FieldError("proposalId", error.detail())))).orElseGet(() -> {
                        log.error("Batch {}: proposal {} failed", kind, id, e);
                        return Result.failed(id, List.of(new FieldError("proposalId", "系统错误，请联系管理员")));
                    });
        }
    }

    private static List<FieldError> errors(Input input) {
        try {
            input.validate();
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }
}
