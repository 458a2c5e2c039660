package cn.cppcc.proposals.unithandling;

/** Chinese names of unit roles and statuses, for task forms. */
public final class UnitTexts {

    private UnitTexts() {
    }

    public static String role(UnitRole role) {
        return switch (role) {
            case SINGLE -> "单独承办";
            case LEAD -> "主办单位";
            case CO -> "会办单位";
            case SEPARATE -> "分办单位";
        };
    }

    public static String method(ConsultationMethod method) {
        return switch (method) {
            case FACE_TO_FACE -> "见面协商";
            case PHONE -> "电话协商";
            case WRITTEN -> "书面协商";
            case MEETING -> "座谈会";
            case SITE_VISIT -> "实地调研";
        };
    }

    public static String rating(Rating rating) {
        return switch (rating) {
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case DISSATISFIED -> "不满意";
            case NO_RESPONSE -> "逾期未评价";
        };
    }

    /** The consultations recorded so far, one per line, for task forms. */
    public static String consultations(UnitAssignment assignment) {
        if (assignment.getConsultations().isEmpty()) {
            return "（尚未记录协商。先协商后答复：答复前须至少记录一次协商）";
        }
        StringBuilder text = new StringBuilder();
        for (Consultation c : assignment.getConsultations()) {
            text.append(c.getHeldOn()).append(' ').append(method(c.getMethod())).append("，参加：")
                    .append(c.getParticipants()).append("。").append(c.getSummary()).append('\n');
        }
        return text.toString().strip();
    }
}
