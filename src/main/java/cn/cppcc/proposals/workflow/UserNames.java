package cn.cppcc.proposals.workflow;

/** The names of people, for what people read (the audit trail's records among them). */
public interface UserNames {

    /** The person's name, or the user id when there is no such user. */
    String userName(String userId);
}
