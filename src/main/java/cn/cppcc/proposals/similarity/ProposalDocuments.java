package cn.cppcc.proposals.similarity;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.proposal.ProposalQueries;
import cn.cppcc.proposals.unithandling.SentReplies;
import java.util.function.Function;
import java.util.stream.Collectors;
import cn.cppcc.proposals.similarity.IndexedProposal.SentReply;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads what the index keeps of proposals from the database, as committed. */
@Component
class ProposalDocuments {

    private final ProposalQueries proposals;
    private final SentReplies replies;
    private final Catalog catalog;

    ProposalDocuments(ProposalQueries proposals, SentReplies replies, Catalog catalog) {
        this.proposals = proposals;
        this.replies = replies;
        this.catalog = catalog;
    }

    /** Orders sessions: by the day the plenary opens, earlier sessions first. */
    static long sessionOrder(LocalDate plenaryOpens) {
        return plenaryOpens.toEpochDay();
    }

    List<Long> allIds() {
        return proposals.allIds();
    }

    /** The proposals of {@code ids} that exist, with their participants and sent replies. */
    List<IndexedProposal> load(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, CommitteeSession> sessions = catalog.sessions().stream()
                .collect(Collectors.toMap(CommitteeSession::getId, Function.identity()));
        Map<Long, List<SentReplies.SentReply>> sent = replies.of(ids);
        return proposals.documents(ids).stream().map(d -> {
            CommitteeSession session = sessions.get(d.sessionId());
            return new IndexedProposal(d.id(), d.number(), d.title(), d.background(), d.suggestions(), d.category(),
                    d.status(), session.getCode(), sessionOrder(session.getPlenaryOpens()), d.participants(),
                    sent.getOrDefault(d.id(), List.of()).stream()
                            .map(r -> new IndexedProposal.SentReply(r.unitCode(), r.classification(), r.text())).toList());
        }).toList();
    }
}
