package cn.cppcc.proposals.support;

import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Proposals waiting at every user task of the processes, made through the API as the demo users
 * would, and a fingerprint of every table a step writes (the project's and the engine's), so that
 * a test can prove a refused request changed nothing.
 */
public class OpenSteps {

    /** Who may work each task of the fixture. */
    public static final Map<String, String> WORKER = Map.ofEntries(
            Map.entry(ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL, "member2"),
            Map.entry(ProposalHandlingProcess.TASK_REVIEW_PROPOSAL, "office1"),
            Map.entry(ProposalHandlingProcess.TASK_REVISE_PROPOSAL, "member1"),
            Map.entry(ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL, "office1"),
            Map.entry(ProposalHandlingProcess.TASK_DECIDE_PUBLICATION, "office1"),
            Map.entry(ProposalHandlingProcess.TASK_SUPERVISE_KEY_PROPOSAL, "chair1"),
            Map.entry(ProposalHandlingProcess.TASK_APPROVE_WITHDRAWAL, "office1"),
            Map.entry(ProposalHandlingProcess.TASK_FOLLOW_UP, "office1"),
            Map.entry(ProposalHandlingProcess.TASK_PUBLISH_REPLIES, "office1"),
            Map.entry(UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT, "edu1"),
            Map.entry(UnitHandlingProcess.TASK_RESOLVE_OBJECTION, "office1"),
            Map.entry(UnitHandlingProcess.TASK_SEND_OPINION, "edu1"),
            Map.entry(UnitHandlingProcess.TASK_DRAFT_REPLY, "edu1"),
            Map.entry(UnitHandlingProcess.TASK_SIGN_OFF_REPLY, "transport-lead"),
            Map.entry(UnitHandlingProcess.TASK_SUPERVISE_OVERDUE, "office1"),
            Map.entry(UnitHandlingProcess.TASK_RATE_REPLY, "member1"),
            Map.entry(UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING, "office1"));

    /**
     * One completion of a step of the fixture by its worker, through the API: the step's endpoint
     * and a body that completes it.
     */
    public record Completion(String worker, String path, Map<String, Object> body) {

        /**
         * The same as a form submission of the engine's REST API ({@code submit-form}) as Tasklist
         * sends it: each field as {@code {value}}, a list as one text; without what the API's endpoint
         * adds of its own ({@code unit} to choose among several tasks).
         */
        public Map<String, Object> formVariables(String taskKey) {
            Map<String, Object> variables = new LinkedHashMap<>();
            body.forEach((name, value) -> {
                if (!name.equals("unit")) {
                    variables.put(name, Map.of("value", value instanceof List<?> list
                            ? String.join(",", list.stream().map(String::valueOf).toList()) : value));
                }
            });
            if (taskKey.equals(UnitHandlingProcess.TASK_DRAFT_REPLY)) {
                variables.put("action", Map.of("value", "REPLY"));
            }
            return Map.of("variables", variables);
        }
    }

    /** How the worker of {@code taskKey} completes it in {@code proposalId}, a proposal of this fixture. */
    public static Completion completion(String taskKey, long proposalId) {
        String p = "/api/proposals/" + proposalId;
        String worker = WORKER.get(taskKey);
        return switch (taskKey) {
            case ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL ->
                    new Completion(worker, p + "/co-proposers/" + worker + "/confirmation", Map.of("confirm", true));
            case ProposalHandlingProcess.TASK_REVIEW_PROPOSAL -> new Completion(worker, p + "/review",
                    Map.of("decision", "FILE", "category", "城市交通", "comment", "同意立案"));
            case ProposalHandlingProcess.TASK_REVISE_PROPOSAL -> new Completion(worker, p + "/revision",
                    Map.of("title", "关于改善学校周边交通秩序的建议（修改稿）", "background", "上下学时段学校周边道路拥堵。",
                            "suggestions", "设置限时停车区，错峰放学。"));
            case ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL ->
                    new Completion(worker, p + "/assignment", Map.of("mode", "SINGLE", "units", List.of("edu")));
            case ProposalHandlingProcess.TASK_DECIDE_PUBLICATION, ProposalHandlingProcess.TASK_PUBLISH_REPLIES ->
                    new Completion(worker, p + "/publication", Map.of("publish", true));
            case ProposalHandlingProcess.TASK_SUPERVISE_KEY_PROPOSAL ->
                    new Completion(worker, p + "/supervision", Map.of("note", "已听取办理情况汇报"));
            case ProposalHandlingProcess.TASK_APPROVE_WITHDRAWAL ->
                    new Completion(worker, p + "/withdrawal/approval", Map.of("approve", true));
            case ProposalHandlingProcess.TASK_FOLLOW_UP ->
                    new Completion(worker, p + "/follow-up", Map.of("result", "承诺事项已落实"));
            case UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT ->
                    new Completion(worker, p + "/units/edu/acceptance", Map.of("accept", true));
            case UnitHandlingProcess.TASK_RESOLVE_OBJECTION -> new Completion(worker, p + "/units/edu/objection-resolution",
                    Map.of("decision", "UPHOLD", "comment", "属于该局职责"));
            case UnitHandlingProcess.TASK_SEND_OPINION ->
                    new Completion(worker, p + "/units/edu/opinion", Map.of("text", "同意主办单位的意见"));
            case UnitHandlingProcess.TASK_DRAFT_REPLY -> new Completion(worker, p + "/units/edu/reply",
                    Map.of("classification", "A", "text", "经研究，答复如下：……"));
            case UnitHandlingProcess.TASK_SIGN_OFF_REPLY ->
                    new Completion(worker, p + "/units/transport/sign-off", Map.of("approve", true));
            case UnitHandlingProcess.TASK_SUPERVISE_OVERDUE ->
                    new Completion(worker, p + "/supervision", Map.of("note", "请抓紧办理", "unit", "transport"));
            case UnitHandlingProcess.TASK_RATE_REPLY -> new Completion(worker, p + "/units/housing/feedback",
                    Map.of("rating", "SATISFIED", "faceToFace", true));
            case UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING ->
                    new Completion(worker, p + "/units/housing/coordination", Map.of("note", "请再次办理"));
            default -> throw new IllegalArgumentException("No completion for " + taskKey);
        };
    }

    public final long underReview;
    public final long underReview2;
    public final long filed;
    public final long returned;
    public final long joint;
    public final long assignedToEdu;
    public final long objected;
    public final long withCoUnit;
    public final long handling;
    public final long awaitingSignOff;
    public final long replied;
    public final long reHandling;
    public final long keyProposal;
    public final long withdrawing;
    public final long followUpDue;
    public final long overdue;
    public final long repliesToPublish;

    private final IntegrationTestSupport test;

    public OpenSteps(IntegrationTestSupport test) {
        this.test = test;
        Proposals proposals = test.proposals;
        underReview = proposals.submitted();
        underReview2 = proposals.submitted();
        filed = proposals.filed("城市交通");
        assignedToEdu = proposals.assigned("SINGLE", List.of("edu"), null);
        keyProposal = proposals.submitted();
        proposals.review(keyProposal, Map.of("decision", "FILE", "category", "教科文卫", "key", true, "supervisor", "chair1"));
        withdrawing = proposals.handledBy("edu");
        proposals.step("member1", "/api/proposals/" + withdrawing + "/withdrawal", Map.of("reason", "问题已解决"));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        followUpDue = proposals.handledBy("housing");
        proposals.replied(followUpDue, "housing", "B");
        proposals.rate(followUpDue, "housing", "member1", "SATISFIED");
        overdue = proposals.handledBy("transport");
        test.setClock(now.plus(Duration.ofDays(200)));
        test.runDueJobs(followUpDue);
        test.runDueJobs(overdue);
        ClockUtil.reset();
        returned = proposals.submitted();
        proposals.review(returned, Map.of("decision", "RETURN", "comment", "请修改"));
        Map<String, Object> jointSubmission = Proposals.submission("联名提案");
        jointSubmission.put("proposerType", "JOINT");
        jointSubmission.put("coProposers", List.of("member2"));
        joint = proposals.submit("member1", jointSubmission);
        objected = proposals.assigned("SINGLE", List.of("edu"), null);
        proposals.step("edu1", "/api/proposals/" + objected + "/units/edu/acceptance",
                Map.of("accept", false, "reason", "不属于本局职责"));
        withCoUnit = proposals.assigned("LEAD_AND_CO", List.of("transport", "edu"), "transport");
        proposals.accept(withCoUnit, "edu");
        handling = proposals.handledBy("edu");
        proposals.consult(handling, "edu", "FACE_TO_FACE");
        awaitingSignOff = proposals.handledBy("transport");
        proposals.consult(awaitingSignOff, "transport", "PHONE");
        proposals.reply(awaitingSignOff, "transport", "A");
        replied = proposals.handledBy("housing");
        proposals.replied(replied, "housing", "A");
        reHandling = proposals.handledBy("housing");
        proposals.replied(reHandling, "housing", "A");
        proposals.rate(reHandling, "housing", "member1", "DISSATISFIED");
        repliesToPublish = proposals.handledBy("edu");
        proposals.step(Proposals.OFFICE, "/api/proposals/" + repliesToPublish + "/publication", Map.of("publish", true));
        proposals.replied(repliesToPublish, "edu", "A");
        proposals.rate(repliesToPublish, "edu", "member1", "SATISFIED");
    }

    /** One open task of every user task of the processes, by its key in the BPMN files. */
    public Map<String, Task> tasks() {
        Map<String, Task> tasks = new LinkedHashMap<>();
        put(tasks, ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL, joint);
        put(tasks, ProposalHandlingProcess.TASK_REVIEW_PROPOSAL, underReview);
        put(tasks, ProposalHandlingProcess.TASK_REVISE_PROPOSAL, returned);
        put(tasks, ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL, filed);
        put(tasks, ProposalHandlingProcess.TASK_DECIDE_PUBLICATION, filed);
        put(tasks, ProposalHandlingProcess.TASK_SUPERVISE_KEY_PROPOSAL, keyProposal);
        put(tasks, ProposalHandlingProcess.TASK_APPROVE_WITHDRAWAL, withdrawing);
        put(tasks, ProposalHandlingProcess.TASK_FOLLOW_UP, followUpDue);
        put(tasks, ProposalHandlingProcess.TASK_PUBLISH_REPLIES, repliesToPublish);
        put(tasks, UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT, assignedToEdu);
        put(tasks, UnitHandlingProcess.TASK_RESOLVE_OBJECTION, objected);
        put(tasks, UnitHandlingProcess.TASK_SEND_OPINION, withCoUnit);
        put(tasks, UnitHandlingProcess.TASK_DRAFT_REPLY, handling);
        put(tasks, UnitHandlingProcess.TASK_SIGN_OFF_REPLY, awaitingSignOff);
        put(tasks, UnitHandlingProcess.TASK_SUPERVISE_OVERDUE, overdue);
        put(tasks, UnitHandlingProcess.TASK_RATE_REPLY, replied);
        put(tasks, UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING, reHandling);
        return tasks;
    }

    private void put(Map<String, Task> tasks, String key, long proposalId) {
        List<Task> open = test.taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(proposalId))
                .taskDefinitionKey(key).list();
        if (open.isEmpty()) {
            throw new AssertionError("no open " + key + " in proposal " + proposalId);
        }
        tasks.put(key, open.get(0));
    }

    /** Row counts and versions of every table a step writes, the engine's included. */
    public String fingerprint() {
        JdbcClient jdbc = test.jdbc;
        StringBuilder print = new StringBuilder();
        for (String table : List.of("proposals", "co_proposers", "reviews", "unit_assignments", "consultations",
                "replies", "coordinations", "attachments", "units", "categories", "sessions", "calendar_days",
                "disabled_users", "notifications", "audit_events", "withdrawals", "supervision_notes", "follow_ups",
                "ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_IDENTITYLINK",
                "ACT_RU_AUTHORIZATION", "ACT_HI_TASKINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_PROCINST",
                "ACT_HI_OP_LOG", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_ID_USER", "ACT_ID_GROUP",
                "ACT_ID_MEMBERSHIP", "ACT_ID_INFO")) {
            print.append(table).append('=')
                    .append(jdbc.sql("select count(*) from " + table).query(Long.class).single()).append(' ');
        }
        for (String sum : List.of("select coalesce(sum(version), 0) from proposals",
                "select coalesce(sum(version), 0) from unit_assignments",
                "select max(last_value) from session_counters",
                "select coalesce(sum(length(subject) + length(body)), 0) from mail_templates",
                "select coalesce(sum(rev_), 0) from ACT_RU_VARIABLE",
                "select coalesce(sum(rev_), 0) from ACT_RU_TASK",
                "select coalesce(sum(rev_), 0) from ACT_RU_JOB",
                "select coalesce(sum(rev_), 0) from ACT_ID_USER",
                "select coalesce(sum(rev_), 0) from ACT_RU_AUTHORIZATION")) {
            print.append(jdbc.sql(sum).query(Long.class).single()).append(' ');
        }
        return print.toString();
    }
}
