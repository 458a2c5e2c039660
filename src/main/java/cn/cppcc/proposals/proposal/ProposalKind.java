package cn.cppcc.proposals.proposal;

/** Rule 1: submitted in the session's plenary window 大会提案, or in the interval 平时提案. */
public enum ProposalKind {
    PLENARY, INTERIM
}
