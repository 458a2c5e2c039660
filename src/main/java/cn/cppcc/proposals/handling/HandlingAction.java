package cn.cppcc.proposals.handling;

/** On the handling task: record a consultation and keep handling, or submit the reply for sign-off. */
public enum HandlingAction {
    CONSULTATION, REPLY
}
