package cn.cppcc.proposals.proposal;

/** Rule 1: who submits. PARTY, ORGANISATION and COMMITTEE submit through a contact person. */
public enum ProposerType {
    MEMBER, JOINT, PARTY, ORGANISATION, COMMITTEE
}
