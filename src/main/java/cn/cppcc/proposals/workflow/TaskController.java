package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.CurrentActor;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/tasks}: my open tasks, assigned to me or to my groups and not claimed by others. */
@RestController
class TaskController {

    private final MyTasks myTasks;
    private final CurrentActor currentActor;

    TaskController(MyTasks myTasks, CurrentActor currentActor) {
        this.myTasks = myTasks;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/tasks")
    List<MyTasks.MyTask> myTasks() {
        return myTasks.of(currentActor.get(), null);
    }
}
