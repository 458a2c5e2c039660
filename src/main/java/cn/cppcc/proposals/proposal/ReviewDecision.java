package cn.cppcc.proposals.proposal;

/** Rule 2: the five outcomes of a review 审查. */
public enum ReviewDecision {
    /** 立案: the proposal gets its number and category and goes to assignment. */
    FILE,
    /** 退回修改: back to the proposer for revision, then reviewed again. */
    RETURN,
    /** 不予立案: closed, with a ground told to the proposer. */
    REJECT,
    /** 转为意见建议: forwarded to a unit as an opinion, no formal reply due. */
    CONVERT,
    /** 并案: into another filed proposal, whose proposers it joins. */
    MERGE
}
