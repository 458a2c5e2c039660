package cn.cppcc.proposals.workflow;

import java.util.Set;

/**
 * The start of a process from its start form (Tasklist, the engine's REST API) or from the
 * project's own API: which fields it reads besides those of the form file. The fields reach it
 * through {@link SubmittedForms#takeStartForm}; a start without a form submission gives none.
 */
public interface ProcessStart {

    /** The process's key in its BPMN file. */
    String processKey();

    /** The fields the start reads. */
    Set<String> fields();
}
