package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.attachment.AttachmentService;
import cn.cppcc.proposals.followup.FollowUpRecords;
import cn.cppcc.proposals.supervision.SupervisionService;
import cn.cppcc.proposals.withdrawal.WithdrawalService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * API.md's dossier of a proposal, read from the project's tables; {@code sessionName} is the
 * session's name (政协第十届委员会第六次会议), {@code proposerContact} the lead proposer's phone and
 * e-mail for arranging the consultation (Rule 15: the office and the assigned units only, else
 * {@code null}).
 */
public record Dossier(long id, int serialNo, String number, String title, String background, String suggestions,
               String proposer, String proposerName, Contact proposerContact, List<String> coProposers,
               List<CoProposerView> coProposerDetails,
               String proposerType, String kind, String session, String sessionName, String category, String suggestedCategory,
               boolean key, String supervisor, String status, boolean publicConsent, Instant createdAt,
               Instant filedAt, Instant closedAt, LocalDate reviewDue, LocalDate coProposersDue,
               String rejectGround, Long mergedInto, String convertedTo, List<ReviewView> reviews,
               List<AttachmentService.AttachmentInfo> attachments, List<UnitView> units, boolean published,
               boolean repliesPublished, List<SupervisionService.Note> supervision,
               List<WithdrawalService.Withdrawal> withdrawals, List<FollowUpRecords.FollowUp> followUps) {

    /** A person's phone and e-mail from their profile; either may be {@code null}. */
    public record Contact(String phone, String email) {}

    public record CoProposerView(String user, String name, String state, Instant answeredAt) {}

    public record ReviewView(String decision, String rejectGround, String comment, String reviewer, Instant at) {}

    public record UnitView(String code, String name, String role, String status, int round, LocalDate deadline,
                    String deadlineReason, LocalDate acceptanceDue, boolean acceptedBySilence, Instant acceptedAt,
                    ObjectionView objection, List<ConsultationView> consultations, OpinionView opinion,
                    ReplyView reply, FeedbackView feedback, List<ReplyView> replies, Long replacedBy) {}

    public record ObjectionView(String reason, String suggestedUnit, String resolution) {}

    public record ConsultationView(long id, String method, LocalDate date, String participants, String summary,
                            String recordedBy, Instant recordedAt) {}

    public record OpinionView(String text, String by, Instant at) {}

    public record ReplyView(int round, String status, String classification, String text, LocalDate committedDate,
                     String reason, String responsibleLeader, String leaderPhone, String handlerName,
                     String handlerPhone, String draftedBy, String signedBy, Instant signedAt, String signOffComment,
                     Instant sentAt, LocalDate feedbackDue, FeedbackView feedback, ClassCorrectionView classCorrection) {}

    /** Rule 7: the office's correction of a sent reply's class. */
    public record ClassCorrectionView(String originalClassification, String reason, String by, Instant at) {}

    public record FeedbackView(String rating, Boolean faceToFace, String comment, Instant at) {}
}
