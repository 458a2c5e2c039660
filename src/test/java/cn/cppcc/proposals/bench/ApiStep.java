package cn.cppcc.proposals.bench;

/**
 * A step of a proposal's life as the API takes it (API.md, "Steps"): its endpoint, which also
 * names it in the benchmark's tables.
 */
enum ApiStep {

    SUBMIT("/api/proposals"),
    CONFIRM_CO_PROPOSAL("/api/proposals/{id}/co-proposers/{user}/confirmation"),
    REVIEW("/api/proposals/{id}/review"),
    REVISION("/api/proposals/{id}/revision"),
    ASSIGNMENT("/api/proposals/{id}/assignment"),
    PUBLICATION("/api/proposals/{id}/publication"),
    ACCEPTANCE("/api/proposals/{id}/units/{unit}/acceptance"),
    OPINION("/api/proposals/{id}/units/{unit}/opinion"),
    CONSULTATION("/api/proposals/{id}/units/{unit}/consultations"),
    REPLY("/api/proposals/{id}/units/{unit}/reply"),
    SIGN_OFF("/api/proposals/{id}/units/{unit}/sign-off"),
    FEEDBACK("/api/proposals/{id}/units/{unit}/feedback"),
    COORDINATION("/api/proposals/{id}/units/{unit}/coordination");

    private final String template;

    ApiStep(String template) {
        this.template = template;
    }

    /** How the tables name it: {@code POST …/units/{unit}/reply}. */
    String label() {
        return "POST " + (this == SUBMIT ? template : template.replace("/api/proposals/{id}", "…"));
    }

    String path(long proposalId, String unit, String user) {
        return template.replace("{id}", String.valueOf(proposalId)).replace("{unit}", String.valueOf(unit))
                .replace("{user}", String.valueOf(user));
    }
}
