package cn.cppcc.proposals.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.OpenSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Many hands on one step (issue 16): 50 concurrent completions of the same open task by its own
 * worker, for every kind of user task of the processes, through the API (the step's endpoint) and
 * through the engine's REST API that Tasklist uses ({@code submit-form}). One wins; every other
 * gets 409 naming the step, never a 5xx; and the winner's effect is there once.
 */
class ContentionIntegrationTest extends IntegrationTestSupport {

    static final int CONCURRENT = 50;

    /** What one door answered to the 50 requests, and what the step left behind. */
    record Race(Map<Integer, Integer> statuses, List<String> wrong, List<String> effect) {
    }

    @Test
    void fiftyConcurrentCompletionsOfEachKindOfStepGiveOneSuccessAndConflictsOnly() throws Exception {
        Map<String, Task> viaApi = new OpenSteps(this).tasks();
        Map<String, Task> viaEngine = new OpenSteps(this).tasks();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        List<String> failures = new ArrayList<>();
        try {
            for (String kind : viaApi.keySet()) {
                Task task = viaApi.get(kind);
                OpenSteps.Completion api = OpenSteps.completion(kind, proposalOf(task));
                Race throughApi = race(pool, task, () -> this.api.post(api.worker(), api.path(), api.body()), 200);
                Task other = viaEngine.get(kind);
                OpenSteps.Completion form = OpenSteps.completion(kind, proposalOf(other));
                Race throughEngine = race(pool, other, () -> this.api.post(form.worker(),
                        "/engine-rest/task/" + other.getId() + "/submit-form", form.formVariables(kind)), 204);
                check(failures, kind + " " + task.getName() + " API", throughApi);
                check(failures, kind + " " + task.getName() + " engine REST", throughEngine);
                if (!throughApi.effect().equals(throughEngine.effect())) {
                    failures.add(kind + ": one completion through the API left " + throughApi.effect()
                            + ", through the engine REST API " + throughEngine.effect());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).isEmpty();
    }

    /** Fires the completions all at once and collects the answers that are neither the one success nor a 409. */
    private Race race(ExecutorService pool, Task task, Supplier<Answer> completion, int success) throws Exception {
        long proposal = proposalOf(task);
        long lastSeq = jdbc.sql("select coalesce(max(seq), 0) from audit_events").query(Long.class).single();
        List<String> openBefore = openTaskIds(proposal);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return completion.get();
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Future<Answer> future : answers) {
            Answer answer = future.get();
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() == success) {
                continue;
            }
            String text = String.valueOf(answer.body());
            boolean problem = answer.contentType().startsWith("application/problem+json")
                    ? text.contains(task.getName()) // the API: detail or title
                    : answer.body().path("message").asText().contains(task.getName()); // Camunda's shape, as Tasklist shows it
            if (answer.status() != 409 || !problem) {
                wrong.add(answer.status() + " " + answer.contentType() + " " + text);
            }
        }
        if (statuses.getOrDefault(success, 0) != 1) {
            wrong.add(0, statuses.getOrDefault(success, 0) + " successes");
        }
        List<String> effect = new ArrayList<>(jdbc.sql("select action from audit_events where seq > ? and proposal_id = ?"
                + " order by action").params(lastSeq, proposal).query(String.class).list());
        List<String> created = openTaskKeys(proposal, openBefore);
        effect.addAll(created.stream().map(key -> "task " + key).toList());
        return new Race(statuses, wrong, effect);
    }

    private static void check(List<String> failures, String what, Race race) {
        if (!race.wrong().isEmpty()) {
            failures.add(what + " " + race.statuses() + ": " + race.wrong().stream().distinct().limit(5).toList());
        }
        // a step may notify several people; anything else it records once
        List<String> once = race.effect().stream().filter(effect -> !effect.equals("NOTIFICATION_RECORDED")).toList();
        if (once.stream().distinct().count() != once.size()) {
            failures.add(what + ": the step's effect more than once: " + race.effect());
        }
    }

    private List<String> openTaskIds(long proposal) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(proposal)).list().stream()
                .map(Task::getId).toList();
    }

    /** The kinds of the proposal's open tasks that were not open before, sorted. */
    private List<String> openTaskKeys(long proposal, List<String> before) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(proposal)).list().stream()
                .filter(t -> !before.contains(t.getId())).map(Task::getTaskDefinitionKey).sorted().toList();
    }

    private long proposalOf(Task task) {
        return Long.parseLong(runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey());
    }
}
