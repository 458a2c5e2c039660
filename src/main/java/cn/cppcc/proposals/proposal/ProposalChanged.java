package cn.cppcc.proposals.proposal;

/**
 * A proposal was submitted, revised, or decided on (filed, returned, rejected, converted, merged,
 * closed). Published inside the transaction of the change; listeners that must see the committed
 * state use {@code @TransactionalEventListener}.
 */
public record ProposalChanged(long proposalId) {}
