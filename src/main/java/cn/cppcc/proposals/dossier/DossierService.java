package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.unithandling.Reply;
import cn.cppcc.proposals.attachment.AttachmentService;
import cn.cppcc.proposals.followup.FollowUpRecords;
import cn.cppcc.proposals.supervision.SupervisionService;
import cn.cppcc.proposals.withdrawal.WithdrawalService;
import cn.cppcc.proposals.unithandling.ReplyStatus;
import cn.cppcc.proposals.unithandling.UnitAssignment;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.unithandling.UnitRole;
import cn.cppcc.proposals.unithandling.UnitStatus;
import java.util.Optional;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.CoProposerState;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.shared.Actor;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the dossier; a proposer sees sent replies only, the units and the office every draft. */
@Service
@Transactional(readOnly = true)
public class DossierService {

    private final ProposalAccess access;
    private final UnitAssignmentService assignments;
    private final Catalog catalog;
    private final Directory directory;
    private final AttachmentService attachments;
    private final SupervisionService supervision;
    private final WithdrawalService withdrawals;
    private final FollowUpRecords followUps;

    DossierService(ProposalAccess access, UnitAssignmentService assignments, Catalog catalog, Directory directory,
            AttachmentService attachments, SupervisionService supervision, WithdrawalService withdrawals,
            FollowUpRecords followUps) {
        this.supervision = supervision;
        this.withdrawals = withdrawals;
        this.followUps = followUps;
        this.attachments = attachments;
        this.access = access;
        this.assignments = assignments;
        this.catalog = catalog;
        this.directory = directory;
    }

    public Dossier dossier(long id, Actor actor) {
        Proposal p = access.requireVisible(id, actor);
        boolean insider = actor.isOffice() || actor.isIn(Actor.AUDITORS) || !ProposalAccess.unitsOf(actor).isEmpty();
        List<String> coProposers = p.getCoProposers().stream()
                .filter(c -> c.getState() == CoProposerState.CONFIRMED || c.getState() == CoProposerState.PENDING)
                .map(c -> c.getUserId()).toList();
        Optional<CommitteeSession> session = catalog.session(p.getSessionId());
        return new Dossier(p.getId(), p.getSerialNo(), p.getNumber(), p.getTitle(), p.getBackground(),
                p.getSuggestions(), p.getProposer(), directory.displayName(p.getProposer()),
                mayContact(p, actor) ? new Dossier.Contact(directory.phone(p.getProposer()).orElse(null),
                        directory.email(p.getProposer()).orElse(null)) : null, coProposers,
                p.getCoProposers().stream().map(c -> new Dossier.CoProposerView(c.getUserId(),
                        directory.displayName(c.getUserId()), c.getState().name(), c.getAnsweredAt())).toList(),
                p.getProposerType().name(), p.getKind().name(),
                session.map(CommitteeSession::getCode).orElse(null), session.map(CommitteeSession::getName).orElse(null),
                p.getCategory(), p.getSuggestedCategory(), p.isKeyProposal(), p.getSupervisor(), p.getStatus().name(),
                p.isPublicConsent(), p.getCreatedAt(), p.getFiledAt(), p.getClosedAt(), p.getReviewDue(),
                p.getCoProposersDue(), p.getRejectGround() == null ? null : p.getRejectGround().name(),
                p.getMergedInto(), p.getConvertedTo(),
                p.getReviews().stream().map(r -> new Dossier.ReviewView(r.getDecision(), r.getRejectGround(),
                        r.getComment(), r.getReviewer(), r.getDecidedAt())).toList(),
                attachments.list(id),
                assignments.ofProposal(id).stream().map(a -> unit(a, insider)).toList(), p.isPublished(),
                p.isRepliesPublished(), supervision.notes(id), withdrawals.of(id), followUps.of(id));
    }

    /**
     * Rule 15: the lead proposer's phone and e-mail go to the office and to the units the proposal
     * is assigned to (not one reassigned away), to arrange the consultation; never to anyone else.
     */
    boolean mayContact(Proposal p, Actor actor) {
        if (actor.isOffice()) {
            return true;
        }
        List<String> mine = ProposalAccess.unitsOf(actor);
        return !mine.isEmpty() && assignments.ofProposal(p.getId()).stream()
                .anyMatch(a -> a.getStatus() != UnitStatus.REASSIGNED && mine.contains(a.getUnitCode()));
    }

    private Dossier.UnitView unit(UnitAssignment a, boolean insider) {
        Dossier.ReplyView reply = a.latestSentReply().map(this::reply).orElse(null);
        List<Dossier.ReplyView> replies = a.getReplies().stream()
                .filter(r -> insider || r.getStatus() == ReplyStatus.SENT)
                .map(this::reply).toList();
        return new Dossier.UnitView(a.getUnitCode(), catalog.unitName(a.getUnitCode()), a.getRole().name(),
                a.getStatus().name(), a.getRound(),
                a.getRole() == UnitRole.CO ? assignments.opinionDue(a) : a.getDeadline(), a.getDeadlineReason(),
                a.getAcceptanceDue(), a.isAcceptedBySilence(), a.getAcceptedAt(),
                a.getObjectionReason() == null ? null : new Dossier.ObjectionView(a.getObjectionReason(),
                        a.getObjectionSuggestedUnit(), a.getResolutionComment()),
                a.getConsultations().stream().map(c -> new Dossier.ConsultationView(c.getId(), c.getMethod().name(),
                        c.getHeldOn(), c.getParticipants(), c.getSummary(), c.getRecordedBy(), c.getRecordedAt())).toList(),
                a.getOpinionText() == null ? null : new Dossier.OpinionView(a.getOpinionText(), a.getOpinionBy(), a.getOpinionAt()),
                reply, reply == null ? null : reply.feedback(), replies, a.getReplacedBy());
    }

    private Dossier.ReplyView reply(Reply r) {
        Dossier.FeedbackView feedback = r.getRating() == null ? null
                : new Dossier.FeedbackView(r.getRating().name(), r.getFaceToFace(), r.getRatingComment(), r.getRatedAt());
        return new Dossier.ReplyView(r.getRound(), r.getStatus().name(), r.getClassification(), r.getText(),
                r.getCommittedDate(), r.getReason(), r.getResponsibleLeader(), r.getLeaderPhone(), r.getHandlerName(),
                r.getHandlerPhone(), r.getDraftedBy(), r.getSignedBy(), r.getSignedAt(), r.getSignOffComment(),
                r.getSentAt(), r.getFeedbackDue(), feedback, r.getOriginalClassification() == null ? null
                        : new Dossier.ClassCorrectionView(r.getOriginalClassification(), r.getClassCorrectionReason(),
                                r.getClassCorrectedBy(), r.getClassCorrectedAt()));
    }
}
