package cn.cppcc.proposals.assignment;

/** Rule 6: how a unit consulted the proposer. */
public enum ConsultationMethod {
    FACE_TO_FACE, PHONE, WRITTEN, MEETING, SITE_VISIT
}
