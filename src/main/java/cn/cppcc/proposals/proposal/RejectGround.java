package cn.cppcc.proposals.proposal;

/** Rule 2: the enumerated grounds for not filing a proposal 不予立案, in the order of the rule. */
public enum RejectGround {
    SECRET("涉及国家秘密或党的秘密"),
    PROHIBITED("属于国家明令禁止的事项"),
    PARTY_PERSONNEL("党员对党组织或人事问题的意见"),
    PARTY_INTERNAL("民主党派内部事务"),
    LITIGATION("涉及诉讼、仲裁的事项"),
    ACADEMIC("属于学术探讨"),
    PERSONAL("个人或家庭事务"),
    PROMOTION("宣传推介作品、人物或产品"),
    ACCUSATION("对具体人的检举控告"),
    NO_SUGGESTION("内容空泛，没有具体建议"),
    OTHER("其他");

    private final String label;

    RejectGround(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
