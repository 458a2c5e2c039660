package cn.cppcc.proposals.unithandling;

/** Rule 6: how a unit consulted the proposer. */
public enum ConsultationMethod {
    FACE_TO_FACE, PHONE, WRITTEN, MEETING, SITE_VISIT
}
