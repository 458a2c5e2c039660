package cn.cppcc.proposals.unithandling;

/** On the handling task: record a consultation and keep handling, or submit the reply for sign-off. */
public enum HandlingAction {
    CONSULTATION, REPLY
}
