package cn.cppcc.proposals.web.office;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.web.OpenTasks;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The office's workbench: its queues by step (the steps' own pages are StepPages). */
@Controller
class OfficePages {

    /** The queues of the workbench, by step; the office's other tasks (worked in Tasklist) come last. */
    static final Map<String, String> QUEUES = new LinkedHashMap<>();

    static {
        QUEUES.put(ProposalHandlingProcess.TASK_REVIEW_PROPOSAL, "office.queue.review");
        QUEUES.put(ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL, "office.queue.assign");
        QUEUES.put(UnitHandlingProcess.TASK_RESOLVE_OBJECTION, "office.queue.objections");
        QUEUES.put(UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING, "office.queue.coordination");
        QUEUES.put(UnitHandlingProcess.TASK_SUPERVISE_OVERDUE, "office.queue.overdue");
    }

    private final OpenTasks openTasks;
    private final CurrentActor currentActor;

    OfficePages(OpenTasks openTasks, CurrentActor currentActor) {
        this.openTasks = openTasks;
        this.currentActor = currentActor;
    }

    record Queue(String key, String title, List<OpenTasks.OpenTask> tasks) {}

    @GetMapping("/office")
    String workbench(Model model) {
        Actor actor = officeOnly();
        List<OpenTasks.OpenTask> mine = openTasks.mine(actor);
        List<Queue> queues = new ArrayList<>();
        QUEUES.forEach((key, title) -> queues.add(new Queue(key, title,
                mine.stream().filter(t -> t.taskKey().equals(key)).toList())));
        queues.add(new Queue("other", "office.queue.other",
                mine.stream().filter(t -> !QUEUES.containsKey(t.taskKey())).toList()));
        model.addAttribute("queues", queues);
        return "office/workbench";
    }

    // --- shared --------------------------------------------------------------------------------------

    private Actor officeOnly() {
        Actor actor = currentActor.get();
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以使用工作台");
        }
        return actor;
    }
}
