package cn.cppcc.proposals.bench;

import java.util.Map;

/**
 * Who takes the steps of a lifecycle: the HTTP API ({@link HttpSteps}) or, to fill a large
 * database quickly, the same services in-process ({@link EngineSteps}).
 */
interface Steps {

    /** Submits a proposal as the member; its id. */
    long submit(String member, Map<String, Object> submission);

    /** Takes one step as the user; {@code unit} for a unit's steps, else {@code null}. */
    void take(ApiStep step, String user, long proposalId, String unit, Map<String, Object> body);
}
