package cn.cppcc.proposals.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Whole lives of proposals, as the demo users take them: the happy path of the throughput goal
 * (the request bodies of {@code support/Proposals} in the tests) and the plenary mix, which the
 * data generator also uses, stopping some proposals early.
 */
final class Lifecycles {

    static final String OFFICE = "office1";
    static final List<String> MEMBERS = List.of("member1", "member2", "member3");
    static final List<String> UNITS = List.of("edu", "transport", "housing");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> TOPICS = List.of("改善学校周边交通秩序", "推进老旧小区加装电梯", "优化公交线路", "发展夜间经济",
            "加强社区养老服务", "治理道路积水", "推进课后服务", "完善垃圾分类", "保护历史街区", "扶持小微企业");

    private Lifecycles() {
    }

    static String handlerOf(String unit) {
        return unit + "1";
    }

    static String leaderOf(String unit) {
        return unit + "-lead";
    }

    // --- the happy path: 8 requests --------------------------------------------------------------

    /**
     * POST /api/proposals, review FILE, assignment SINGLE, acceptance, consultation, reply A,
     * sign-off, feedback SATISFIED: members and units taken in turn.
     */
    static void happy(Steps steps, int index, boolean publicConsent) {
        String member = MEMBERS.get(index % MEMBERS.size());
        String unit = UNITS.get(index % UNITS.size());
        long id = steps.submit(member, submission("关于改善学校周边交通秩序的建议", List.of(), publicConsent));
        steps.take(ApiStep.REVIEW, OFFICE, id, null, Map.of("decision", "FILE", "category", "城市交通", "comment", "同意立案"));
        steps.take(ApiStep.ASSIGNMENT, OFFICE, id, null, Map.of("mode", "SINGLE", "units", List.of(unit)));
        steps.take(ApiStep.ACCEPTANCE, handlerOf(unit), id, unit, Map.of("accept", true));
        steps.take(ApiStep.CONSULTATION, handlerOf(unit), id, unit, consultation("FACE_TO_FACE"));
        steps.take(ApiStep.REPLY, handlerOf(unit), id, unit, reply("A"));
        steps.take(ApiStep.SIGN_OFF, leaderOf(unit), id, unit, Map.of("approve", true));
        steps.take(ApiStep.FEEDBACK, member, id, unit, rating("SATISFIED", true));
    }

    static final int HAPPY_REQUESTS = 8;

    // --- the plenary mix -------------------------------------------------------------------------

    /** Where a proposal of the data generator stops; the plenary runs all to DONE. */
    enum Stage { UNDER_REVIEW, AWAITING_ASSIGNMENT, AWAITING_ACCEPTANCE, HANDLING, AWAITING_SIGN_OFF, AWAITING_FEEDBACK, DONE }

    enum Outcome { FILE, REJECT, CONVERT }

    /**
     * One proposal's life in the plenary mix, drawn from its index (the same index gives the same
     * life in every run). With {@code mergedPartner} a second proposal is submitted after this one is
     * filed and merged into it.
     */
    record Plan(int index, String proposer, List<String> coProposers, boolean publicConsent, boolean publish,
                boolean returnedFirst, Outcome outcome, boolean mergedPartner, String mode, List<String> units,
                String lead, List<String> replyClasses, boolean faceToFace, boolean signOffReturned,
                boolean dissatisfied, Stage stopAt) {

        /** The units that reply (all but the co-units). */
        List<String> replying() {
            return mode.equals("LEAD_AND_CO") ? List.of(lead) : units;
        }

        List<String> coUnits() {
            return mode.equals("LEAD_AND_CO") ? units.stream().filter(u -> !u.equals(lead)).toList() : List.of();
        }
    }

    /**
     * The plenary week's mix: 10 % joint proposals, 6 % returned and revised, 4 % rejected, 2 %
     * converted, 3 % with a second proposal merged into them; of the filed ones 70 % to one unit,
     * 15 % LEAD_AND_CO (1 or 2 co-units, which send opinions), 15 % SEPARATE (2 or 3 units); replies
     * A 60 %, B 25 %, C 15 %; 5 % of sign-offs returned once; 8 % rated DISSATISFIED and handled
     * again after the office's coordination; 30 % consent to publication, half of them published
     * with their replies.
     */
    static Plan plenaryPlan(int index, Stage stopAt) {
        // SplittableRandom mixes the seed: java.util.Random's first draws of neighbouring seeds are alike
        Random random = new Random(new SplittableRandom(0x5EED_0000L + index).nextLong());
        String proposer = MEMBERS.get(random.nextInt(MEMBERS.size()));
        List<String> others = new ArrayList<>(MEMBERS);
        others.remove(proposer);
        double outcomeDraw = random.nextDouble();
        Outcome outcome = outcomeDraw < 0.04 ? Outcome.REJECT : outcomeDraw < 0.06 ? Outcome.CONVERT : Outcome.FILE;
        boolean mergedPartner = outcome == Outcome.FILE && random.nextDouble() < 0.03;
        // a merged proposal's proposer joins the target: keep the target's co-proposers apart from it
        List<String> coProposers = !mergedPartner && random.nextDouble() < 0.10
                ? others.subList(0, 1 + random.nextInt(others.size())) : List.of();
        boolean publicConsent = random.nextDouble() < 0.30;
        boolean publish = publicConsent && random.nextBoolean();
        boolean returnedFirst = random.nextDouble() < 0.06;
        double modeDraw = random.nextDouble();
        String mode = modeDraw < 0.70 ? "SINGLE" : modeDraw < 0.85 ? "LEAD_AND_CO" : "SEPARATE";
        List<String> shuffled = new ArrayList<>(UNITS);
        java.util.Collections.shuffle(shuffled, random);
        List<String> units = switch (mode) {
            case "SINGLE" -> shuffled.subList(0, 1);
            default -> shuffled.subList(0, 2 + random.nextInt(2));
        };
        String lead = mode.equals("LEAD_AND_CO") ? units.get(0) : null;
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            double classDraw = random.nextDouble();
            classes.add(classDraw < 0.60 ? "A" : classDraw < 0.85 ? "B" : "C");
        }
        return new Plan(index, proposer, List.copyOf(coProposers), publicConsent, publish, returnedFirst, outcome,
                mergedPartner, mode, List.copyOf(units), lead, classes, random.nextDouble() < 0.70,
                random.nextDouble() < 0.05, random.nextDouble() < 0.08, stopAt);
    }

    /** Takes the plan's steps; the number of proposals it submitted (2 with a merged partner). */
    static int live(Steps steps, Plan plan) {
        String topic = TOPICS.get(plan.index() % TOPICS.size());
        long id = steps.submit(plan.proposer(), submission("关于" + topic + "的建议（" + plan.index() + "）",
                plan.coProposers(), plan.publicConsent()));
        for (String coProposer : plan.coProposers()) {
            steps.take(ApiStep.CONFIRM_CO_PROPOSAL, coProposer, id, null, Map.of("confirm", true));
        }
        if (plan.stopAt() == Stage.UNDER_REVIEW) {
            return 1;
        }
        if (plan.returnedFirst()) {
            steps.take(ApiStep.REVIEW, OFFICE, id, null, Map.of("decision", "RETURN", "comment", "请补充具体建议"));
            steps.take(ApiStep.REVISION, plan.proposer(), id, null, Map.of("title", "关于" + topic + "的建议（修改稿）",
                    "background", "目前存在的问题较为突出，群众反映强烈，已补充调研数据。",
                    "suggestions", "建议有关部门制定具体措施，明确责任分工和完成时限。"));
        }
        switch (plan.outcome()) {
            case REJECT -> {
                steps.take(ApiStep.REVIEW, OFFICE, id, null, Map.of("decision", "REJECT", "rejectGround", "PERSONAL",
                        "comment", "属个人事务"));
                return 1;
            }
            case CONVERT -> {
                steps.take(ApiStep.REVIEW, OFFICE, id, null, Map.of("decision", "CONVERT", "convertTo", plan.units().get(0),
                        "comment", "转为意见建议"));
                return 1;
            }
            case FILE -> steps.take(ApiStep.REVIEW, OFFICE, id, null,
                    Map.of("decision", "FILE", "category", "城市交通", "comment", "同意立案"));
        }
        int submitted = 1;
        if (plan.mergedPartner()) {
            String partner = MEMBERS.stream().filter(m -> !m.equals(plan.proposer())).findFirst().orElseThrow();
            long merged = steps.submit(partner, submission("关于" + topic + "的建议（另案）", List.of(), false));
            steps.take(ApiStep.REVIEW, OFFICE, merged, null, Map.of("decision", "MERGE", "mergeInto", id, "comment", "内容相近，并案办理"));
            submitted = 2;
        }
        if (plan.stopAt() == Stage.AWAITING_ASSIGNMENT) {
            return submitted;
        }
        if (plan.publicConsent()) {
            steps.take(ApiStep.PUBLICATION, OFFICE, id, null, Map.of("publish", plan.publish()));
        }
        Map<String, Object> assignment = new HashMap<>(Map.of("mode", plan.mode(), "units", plan.units()));
        if (plan.lead() != null) {
            assignment.put("lead", plan.lead());
        }
        steps.take(ApiStep.ASSIGNMENT, OFFICE, id, null, assignment);
        if (plan.stopAt() == Stage.AWAITING_ACCEPTANCE) {
            return submitted;
        }
        for (String unit : plan.units()) {
            steps.take(ApiStep.ACCEPTANCE, handlerOf(unit), id, unit, Map.of("accept", true));
        }
        for (String unit : plan.coUnits()) {
            steps.take(ApiStep.OPINION, handlerOf(unit), id, unit, Map.of("text", "同意主办单位意见，建议加强协调。"));
        }
        for (String unit : plan.replying()) {
            steps.take(ApiStep.CONSULTATION, handlerOf(unit), id, unit, consultation(plan.faceToFace() ? "FACE_TO_FACE" : "PHONE"));
        }
        if (plan.stopAt() == Stage.HANDLING) {
            return submitted;
        }
        List<String> replying = plan.replying();
        for (int u = 0; u < replying.size(); u++) {
            String unit = replying.get(u);
            steps.take(ApiStep.REPLY, handlerOf(unit), id, unit, reply(plan.replyClasses().get(u)));
            if (u == 0 && plan.signOffReturned()) {
                steps.take(ApiStep.SIGN_OFF, leaderOf(unit), id, unit, Map.of("approve", false, "comment", "请补充具体措施"));
                steps.take(ApiStep.REPLY, handlerOf(unit), id, unit, reply(plan.replyClasses().get(u)));
            }
        }
        if (plan.stopAt() == Stage.AWAITING_SIGN_OFF) {
            return submitted;
        }
        for (String unit : replying) {
            steps.take(ApiStep.SIGN_OFF, leaderOf(unit), id, unit, Map.of("approve", true));
        }
        if (plan.stopAt() == Stage.AWAITING_FEEDBACK) {
            return submitted;
        }
        for (int u = 0; u < replying.size(); u++) {
            String unit = replying.get(u);
            if (u == 0 && plan.dissatisfied()) {
                steps.take(ApiStep.FEEDBACK, plan.proposer(), id, unit, rating("DISSATISFIED", plan.faceToFace()));
                steps.take(ApiStep.COORDINATION, OFFICE, id, unit, Map.of("note", "请承办单位再次与提案者沟通，提出具体措施"));
                steps.take(ApiStep.REPLY, handlerOf(unit), id, unit, reply("A"));
                steps.take(ApiStep.SIGN_OFF, leaderOf(unit), id, unit, Map.of("approve", true));
            }
            steps.take(ApiStep.FEEDBACK, plan.proposer(), id, unit, rating(u % 3 == 2 ? "BASICALLY_SATISFIED" : "SATISFIED", plan.faceToFace()));
        }
        if (plan.publish()) {
            steps.take(ApiStep.PUBLICATION, OFFICE, id, null, Map.of("publish", true));
        }
        return submitted;
    }

    // --- the bodies of support/Proposals ---------------------------------------------------------

    static Map<String, Object> submission(String title, List<String> coProposers, boolean publicConsent) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("background", "目前城区学校周边道路在上下学时段拥堵，家长临时停车占道。");
        body.put("suggestions", "建议在学校周边设置限时停车区，错峰放学，增加交通协管员。");
        body.put("proposerType", coProposers.isEmpty() ? "MEMBER" : "JOINT");
        body.put("coProposers", coProposers);
        body.put("publicConsent", publicConsent);
        return body;
    }

    static Map<String, Object> consultation(String method) {
        return Map.of("method", method, "date", today().toString(), "participants", "提案者、经办人",
                "summary", "就建议逐条交换意见");
    }

    static Map<String, Object> reply(String classification) {
        Map<String, Object> body = new HashMap<>(Map.of("classification", classification, "text", "经研究，答复如下：……"));
        if (classification.equals("B")) {
            body.put("committedDate", today().plusMonths(6).toString());
        }
        if (classification.equals("C")) {
            body.put("reason", "受用地条件限制，留作参考");
        }
        return body;
    }

    static Map<String, Object> rating(String rating, boolean faceToFace) {
        Map<String, Object> body = new HashMap<>(Map.of("rating", rating, "faceToFace", faceToFace));
        if (rating.equals("DISSATISFIED")) {
            body.put("comment", "答复没有具体措施");
        }
        return body;
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
