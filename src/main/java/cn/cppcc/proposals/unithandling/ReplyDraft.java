package cn.cppcc.proposals.unithandling;

import java.time.LocalDate;

/** Rule 7: what a unit drafts: class, text, committed date (B) or reason (C), who answers for it. */
public record ReplyDraft(String classification, String text, LocalDate committedDate, String reason,
                         String responsibleLeader, String leaderPhone, String handlerName, String handlerPhone) {}
