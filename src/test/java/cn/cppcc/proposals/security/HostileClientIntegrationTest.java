package cn.cppcc.proposals.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.OpenSteps;
import cn.cppcc.proposals.support.Proposals;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's own doors, played by a hostile but ordinary user: every demo role (but the
 * administrator) against every user task of the processes, through the REST API that Tasklist
 * uses. Forged variables (the proposal, the unit, the proposer, the round, each routing flag),
 * fields beyond the form, completions past the form, comments, attachments, claims for others,
 * processes started with borrowed ids, jobs and users: each answer is a 4xx, and nothing changes in
 * the project's tables or the engine's state.
 */
class HostileClientIntegrationTest extends IntegrationTestSupport {

    static final List<String> ROLES = List.of("member1", "member2", "office1", "edu1", "transport1", "housing1",
            "edu-lead", "transport-lead", "chair1", "auditor1");

    /** What a hostile worker would like to steer: who and what a step acts on, and every routing flag. */
    static final List<String> FORGED = List.of("proposalId", "unitCode", "proposer", "coProposer", "round",
            "keyProposalSupervisor", "reviewDecision", "keyProposal", "accepted", "objectionDecision", "unitRole",
            "handlingAction", "signedOff", "reHandle", "replyDue", "withdrawalApproved", "published", "followUpNeeded");

    /** Who may work each task of the fixture. */
    static final Map<String, String> WORKER = OpenSteps.WORKER;

    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;

    record Attack(String user, String method, String path, Object body) {

        @Override
        public String toString() {
            return user + " " + method + " " + path + (body == null ? "" : " " + body);
        }
    }

    @Test
    void forgedVariablesCommentsAttachmentsAndCompletionsPastTheFormChangeNothing() {
        OpenSteps steps = new OpenSteps(this);
        Map<String, Task> tasks = steps.tasks();
        assertThat(tasks).hasSize(WORKER.size());
        Map<String, Object> engineBefore = engineState(tasks);
        String before = steps.fingerprint();
        long other = steps.underReview2;

        List<Attack> attacks = new ArrayList<>();
        for (Task task : tasks.values()) {
            String t = "/engine-rest/task/" + task.getId();
            String instance = task.getProcessInstanceId();
            for (String user : ROLES) {
                for (String name : FORGED) {
                    Object value = forgedValue(name, other, user);
                    attacks.add(new Attack(user, "PUT", t + "/localVariables/" + name, value));
                    attacks.add(new Attack(user, "PUT", t + "/variables/" + name, value));
                }
                attacks.add(new Attack(user, "POST", t + "/variables",
                        Map.of("modifications", Map.of("proposalId", Map.of("value", other, "type", "Long")))));
                attacks.add(new Attack(user, "POST", t + "/localVariables",
                        Map.of("modifications", Map.of("unitCode", Map.of("value", "housing", "type", "String")))));
                attacks.add(new Attack(user, "DELETE", t + "/variables/proposalId", null));
                attacks.add(new Attack(user, "PUT", "/engine-rest/process-instance/" + instance + "/variables/proposalId",
                        Map.of("value", other, "type", "Long")));
                attacks.add(new Attack(user, "POST", "/engine-rest/process-instance/" + instance + "/variables",
                        Map.of("modifications", Map.of("reHandle", Map.of("value", true, "type", "Boolean")))));
                attacks.add(new Attack(user, "PUT", "/engine-rest/execution/" + instance + "/localVariables/unitCode",
                        Map.of("value", "housing", "type", "String")));
                attacks.add(new Attack(user, "POST", t + "/comment/create", Map.of("message", "已阅")));
                attacks.add(new Attack(user, "POST", t + "/claim", Map.of("userId", "member3")));
                // past the form: a plain completion, and a form with a field it does not have
                attacks.add(new Attack(user, "POST", t + "/complete",
                        Map.of("variables", Map.of("reHandle", Map.of("value", true, "type", "Boolean")))));
                attacks.add(new Attack(user, "POST", t + "/submit-form",
                        Map.of("variables", Map.of("proposalId", Map.of("value", other, "type", "Long")))));
                attacks.add(new Attack(user, "ATTACH", t + "/attachment/create", null));
            }
        }

        List<String> failures = new ArrayList<>();
        for (Attack attack : attacks) {
            Answer answer = send(attack);
            if (answer.status() < 400 || answer.status() >= 500) {
                failures.add(answer.status() + " " + attack + " → " + answer.body());
            }
        }
        assertThat(failures).as("%d attacks", attacks.size()).isEmpty();
        assertThat(steps.fingerprint()).isEqualTo(before);
        assertThat(engineState(tasks)).isEqualTo(engineBefore);
    }

    @Test
    void theWorkerOfEachTaskMaySubmitOnlyItsFormsFields() {
        OpenSteps steps = new OpenSteps(this);
        String before = steps.fingerprint();
        for (Map.Entry<String, Task> open : steps.tasks().entrySet()) {
            String worker = WORKER.get(open.getKey());
            String t = "/engine-rest/task/" + open.getValue().getId();
            Answer extra = api.post(worker, t + "/submit-form", Map.of("variables", Map.of(
                    "proposalId", Map.of("value", steps.underReview2, "type", "Long"),
                    "unitCode", Map.of("value", "housing", "type", "String"))));
            assertThat(extra.status()).as("%s %s", open.getKey(), extra.body()).isEqualTo(400);
            assertThat(extra.body().toString()).as(open.getKey()).contains("proposalId").contains("unitCode")
                    .doesNotContain("ENGINE-");
            Answer complete = api.post(worker, t + "/complete", Map.of());
            assertThat(complete.status()).as("%s %s", open.getKey(), complete.body()).isEqualTo(400);
            Answer variable = api.put(worker, t + "/localVariables/proposalId",
                    Map.of("value", steps.underReview2, "type", "Long"));
            assertThat(variable.status()).as("%s %s", open.getKey(), variable.body()).isEqualTo(403);
        }
        assertThat(steps.fingerprint()).isEqualTo(before);
    }

    @Test
    void aProcessStartedByHandGetsANewProposalOrNothingNeverAnExistingOne() {
        long victim = proposals.submitted();
        String definition = "/engine-rest/process-definition/key/" + ProposalHandlingProcess.KEY;
        Map<String, Object> borrowed = Map.of("value", victim, "type", "Long");
        String review = ProposalHandlingProcess.TASK_REVIEW_PROPOSAL;
        for (String user : List.of("member2", "member3", "office1")) {
            Answer plain = api.post(user, definition + "/start", Map.of("businessKey", String.valueOf(victim),
                    "variables", Map.of("proposalId", borrowed, "proposer", Map.of("value", user, "type", "String"))));
            assertThat(plain.status()).as("%s %s", user, plain.body()).isBetween(400, 499);
            Answer extra = api.post(user, definition + "/submit-form", Map.of("businessKey", String.valueOf(victim),
                    "variables", Map.of("proposalId", borrowed)));
            assertThat(extra.status()).as("%s %s", user, extra.body()).isEqualTo(400);
            Answer atActivity = api.post(user, definition + "/start", Map.of("businessKey", String.valueOf(victim),
                    "variables", Map.of("proposalId", borrowed),
                    "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                            "activityId", ProposalHandlingProcess.TASK_REVISE_PROPOSAL))));
            assertThat(atActivity.status()).as("%s %s", user, atActivity.body()).isBetween(400, 499);
            Answer unitHandling = api.post(user, "/engine-rest/process-definition/key/" + UnitHandlingProcess.KEY
                    + "/start", Map.of("businessKey", String.valueOf(victim), "variables", Map.of("proposalId", borrowed,
                    "unitCode", Map.of("value", "edu", "type", "String"))));
            assertThat(unitHandling.status()).as("%s %s", user, unitHandling.body()).isBetween(400, 499);
        }
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(victim)).count()).isEqualTo(1);

        // the start form itself, with a borrowed business key: a new proposal of the member's own
        Map<String, Object> form = new LinkedHashMap<>();
        Proposals.submission("借用编号的提案").forEach((name, value) -> {
            if (!name.equals("coProposers")) {
                form.put(name, Map.of("value", value));
            }
        });
        Answer started = api.post("member2", definition + "/submit-form",
                Map.of("businessKey", String.valueOf(victim), "variables", form));
        assertThat(started.status()).as("%s", started.body()).isEqualTo(200);
        long own = Long.parseLong(runtimeService.createProcessInstanceQuery()
                .processInstanceId(started.get("id").asText()).singleResult().getBusinessKey());
        assertThat(own).isNotEqualTo(victim);
        assertThat(api.get("member2", "/api/proposals/" + own).get("title").asText()).isEqualTo("借用编号的提案");
        assertThat(api.get("member2", "/api/proposals/" + own).get("proposer").asText()).isEqualTo("member2");
        assertThat(api.get("member2", "/api/proposals/" + victim).status()).isEqualTo(404);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(victim))
                .taskDefinitionKey(review).count()).isEqualTo(1);
    }

    @Test
    void jobsUsersAndDeploymentsAreTheAdministratorsOnly() {
        long proposal = proposals.submitted();
        historyService.cleanUpHistoryAsync(true);
        List<Job> jobs = new ArrayList<>(managementService.createJobQuery().list().stream()
                .filter(job -> job.getProcessInstanceId() == null).limit(1).toList());
        jobs.addAll(managementService.createJobQuery().processInstanceId(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(proposal)).singleResult().getId()).list());
        assertThat(jobs).hasSizeGreaterThanOrEqualTo(2);
        Map<String, Object> before = new TreeMap<>();
        jobs.forEach(job -> before.put(job.getId(), job.getDuedate() + "/" + job.getRetries()));
        List<String> failures = new ArrayList<>();
        for (String user : ROLES) {
            List<Attack> attacks = new ArrayList<>();
            for (Job job : jobs) {
                String j = "/engine-rest/job/" + job.getId();
                attacks.add(new Attack(user, "PUT", j + "/duedate", Map.of("duedate", "2020-01-01T00:00:00.000+0000")));
                attacks.add(new Attack(user, "POST", j + "/execute", Map.of()));
                attacks.add(new Attack(user, "PUT", j + "/retries", Map.of("retries", 0)));
                attacks.add(new Attack(user, "PUT", j + "/suspended", Map.of("suspended", true)));
                attacks.add(new Attack(user, "PUT", j + "/priority", Map.of("priority", 9)));
            }
            attacks.add(new Attack(user, "POST", "/engine-rest/history/cleanup", Map.of()));
            attacks.add(new Attack(user, "PUT", "/engine-rest/user/" + user + "/profile",
                    Map.of("id", user, "firstName", "冒名", "lastName", "顶替", "email", "x@example.org")));
            attacks.add(new Attack(user, "PUT", "/engine-rest/user/" + user + "/credentials",
                    Map.of("password", "another-password-1", "authenticatedUserPassword", "demo")));
            attacks.add(new Attack(user, "DELETE", "/engine-rest/user/" + user, null));
            attacks.add(new Attack(user, "POST", "/engine-rest/user/member3/unlock", Map.of()));
            attacks.add(new Attack(user, "PUT", "/engine-rest/group/proposal-office/members/" + user, Map.of()));
            attacks.add(new Attack(user, "POST", "/engine-rest/identity/verify", Map.of("username", "admin", "password", "guess")));
            for (Attack attack : attacks) {
                Answer answer = send(attack);
                if (answer.status() < 400 || answer.status() >= 500) {
                    failures.add(answer.status() + " " + attack + " → " + answer.body());
                }
            }
            assertThat(api.get(user, "/engine-rest/user/" + user + "/profile").status()).as(user).isEqualTo(200);
            assertThat(api.get(user, "/api/tasks").status()).as("%s can still log in", user).isEqualTo(200);
        }
        assertThat(failures).isEmpty();
        Map<String, Object> after = new TreeMap<>();
        managementService.createJobQuery().list().stream().filter(job -> before.containsKey(job.getId()))
                .forEach(job -> after.put(job.getId(), job.getDuedate() + "/" + job.getRetries()));
        assertThat(after).isEqualTo(before);
        assertThat(identityService.createUserQuery().memberOfGroup("proposal-office").userId("member1").count()).isZero();
        assertThat(identityService.createUserQuery().userId("member1").singleResult().getFirstName()).isNotEqualTo("冒名");
        // the administrator still may
        assertThat(api.put("admin", "/engine-rest/job/" + jobs.get(1).getId() + "/priority", Map.of("priority", 3)).status())
                .isEqualTo(204);
    }

    private Answer send(Attack attack) {
        return switch (attack.method()) {
            case "PUT" -> api.put(attack.user(), attack.path(), attack.body());
            case "DELETE" -> api.delete(attack.user(), attack.path());
            case "ATTACH" -> api.multipart(attack.user(), attack.path(), Map.of("attachment-name", "链接",
                    "attachment-description", "说明", "attachment-type", "link", "url", "javascript:alert(1)"));
            default -> api.post(attack.user(), attack.path(), attack.body());
        };
    }

    private static Object forgedValue(String name, long otherProposal, String user) {
        return switch (name) {
            case "proposalId" -> Map.of("value", otherProposal, "type", "Long");
            case "round" -> Map.of("value", 2, "type", "Integer");
            case "keyProposal", "accepted", "signedOff", "reHandle", "withdrawalApproved", "published",
                 "followUpNeeded" -> Map.of("value", true, "type", "Boolean");
            case "replyDue" -> Map.of("value", "2099-01-01T00:00:00.000+0800", "type", "Date");
            case "unitCode" -> Map.of("value", "housing", "type", "String");
            case "proposer", "coProposer", "keyProposalSupervisor" -> Map.of("value", user, "type", "String");
            default -> Map.of("value", "REPLY", "type", "String");
        };
    }

    /** Each task's assignee and every variable of its process instance, as the engine holds them. */
    private Map<String, Object> engineState(Map<String, Task> tasks) {
        Map<String, Object> state = new TreeMap<>();
        for (Task task : tasks.values()) {
            Task now = taskService.createTaskQuery().taskId(task.getId()).singleResult();
            state.put(task.getTaskDefinitionKey() + ".open", now != null);
            state.put(task.getTaskDefinitionKey() + ".assignee", now == null ? null : String.valueOf(now.getAssignee()));
            Map<String, Object> variables = new HashMap<>();
            runtimeService.createVariableInstanceQuery().processInstanceIdIn(task.getProcessInstanceId()).list()
                    .forEach(v -> variables.put(v.getExecutionId() + "/" + v.getName(), String.valueOf(v.getValue())));
            state.put(task.getTaskDefinitionKey() + ".variables", new TreeMap<>(variables));
        }
        return state;
    }

}
