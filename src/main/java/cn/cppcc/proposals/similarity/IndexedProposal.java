package cn.cppcc.proposals.similarity;

import java.util.List;
import java.util.Set;

/**
 * What the index keeps of one proposal.
 *
 * @param id           the proposal's id
 * @param number       its number 提案号 once filed, else {@code null}
 * @param title        案由, never {@code null}
 * @param background   案据, never {@code null}
 * @param suggestions  办法, never {@code null}
 * @param category     its category once filed (else the suggested one), may be {@code null}
 * @param status       the API's proposal status, e.g. {@code FILED}
 * @param session      the session's code, may be {@code null}
 * @param sessionOrder orders sessions: earlier sessions have smaller values (the day the plenary opens)
 * @param participants the users named on it (proposer and co-proposers who have not declined)
 * @param replies      its sent replies, oldest first
 */
record IndexedProposal(long id, String number, String title, String background, String suggestions,
                       String category, String status, String session, long sessionOrder,
                       Set<String> participants, List<SentReply> replies) {

    IndexedProposal {
        participants = Set.copyOf(participants);
        replies = List.copyOf(replies);
    }

    /** Is it filed, so that its title is known within the committee? */
    boolean isFiled() {
        return number != null;
    }

    /** A sent reply of one unit: its class (A, B, C…) and its text. */
    record SentReply(String unitCode, String classification, String text) {}
}
