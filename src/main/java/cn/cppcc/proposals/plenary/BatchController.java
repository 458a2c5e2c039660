package cn.cppcc.proposals.plenary;

import cn.cppcc.proposals.shared.CurrentActor;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * API.md "The plenary week": {@code POST /api/proposals/batch/review} and
 * {@code POST /api/proposals/batch/assignment}, the office only. 200 with each item's result; a body
 * without items is 400 naming {@code items}, and nothing is done.
 */
@RestController
class BatchController {

    private final BatchSteps batch;
    private final CurrentActor currentActor;

    BatchController(BatchSteps batch, CurrentActor currentActor) {
        this.batch = batch;
        this.currentActor = currentActor;
    }

    @PostMapping("/api/proposals/batch/review")
    BatchSteps.Results review(@RequestBody Map<String, Object> body) {
        return batch.run(BatchSteps.Kind.REVIEW, body, currentActor.get());
    }

    @PostMapping("/api/proposals/batch/assignment")
    BatchSteps.Results assignment(@RequestBody Map<String, Object> body) {
        return batch.run(BatchSteps.Kind.ASSIGNMENT, body, currentActor.get());
    }
}
