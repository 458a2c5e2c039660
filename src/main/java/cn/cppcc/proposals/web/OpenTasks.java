package cn.cppcc.proposals.web;

import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.workflow.MyTasks;
import cn.cppcc.proposals.workflow.Step;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The user's open tasks as {@code GET /api/tasks} finds them (assigned to them, or to their groups
 * and not claimed), each with the page that does it and the same task in Camunda Tasklist.
 */
@Component
public class OpenTasks {

    static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

    private final MyTasks myTasks;
    private final ProposalService proposals;
    private final Map<String, String> pages = new HashMap<>();

    OpenTasks(MyTasks myTasks, ProposalService proposals, List<Step> steps) {
        this.myTasks = myTasks;
        this.proposals = proposals;
        steps.stream().filter(step -> step.page() != null).forEach(step -> pages.put(step.taskKey(), step.page()));
    }

    /**
     * One open task.
     *
     * @param proposalLabel the proposal's number, or its serial number before it is filed
     * @param page          the page that does the task
     */
    public record OpenTask(String taskId, String taskKey, String name, long proposalId, String unit, Date due,
                           Date created, String proposalLabel, String title, String proposer, String page) {

        public String tasklist() {
            return tasklistLink(taskId);
        }
    }

    public List<OpenTask> mine(Actor actor) {
        return find(actor, null);
    }

    public List<OpenTask> mineFor(long proposalId, Actor actor) {
        return find(actor, proposalId);
    }

    private List<OpenTask> find(Actor actor, Long proposalId) {
        Map<Long, Proposal> known = new HashMap<>();
        List<OpenTask> open = new ArrayList<>();
        for (MyTasks.MyTask task : myTasks.of(actor, proposalId)) {
            Proposal proposal = task.proposalId() == null ? null : known.computeIfAbsent(task.proposalId(), this::proposal);
            if (proposal == null) {
                continue;
            }
            long id = task.proposalId();
            open.add(new OpenTask(task.taskId(), task.taskKey(), task.name(), id, task.unit(), task.due(),
                    task.created(), proposal.getNumber() != null ? proposal.getNumber() : "#" + proposal.getSerialNo(),
                    proposal.getTitle(), proposal.getProposer(), page(task.taskId(), task.taskKey(), id, task.unit())));
        }
        return open;
    }

    private Proposal proposal(long id) {
        try {
            return proposals.require(id);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The page that does a task (its step's own); the task in Tasklist for one without a page of its own. */
    String page(String taskId, String taskKey, long proposalId, String unit) {
        String page = pages.get(taskKey);
        if (page == null) {
            return tasklistLink(taskId); // approval of a withdrawal, supervision, follow-up, publication
        }
        return "/proposals/" + proposalId + (unit == null ? "" : "/units/" + unit) + "/" + page;
    }

    /** The same task in Camunda Tasklist. */
    public static String tasklistLink(String taskId) {
        return TASKLIST + taskId;
    }
}
