package cn.cppcc.proposals.unithandling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The state changes of a {@link UnitAssignment}: one unit's part in one proposal (DOMAIN.md rules 4 to 9). */
class UnitAssignmentTest {

    static final long PROPOSAL = 41L;
    static final Instant ASSIGNED_AT = Instant.parse("2024-03-04T02:00:00Z");
    static final Instant ACCEPTED_AT = Instant.parse("2024-03-05T03:00:00Z");
    static final Instant CONSULTED_AT = Instant.parse("2024-03-20T07:00:00Z");
    static final Instant DRAFTED_AT = Instant.parse("2024-04-10T06:00:00Z");
    static final Instant SIGNED_AT = Instant.parse("2024-04-11T08:00:00Z");
    static final Instant SENT_AT = Instant.parse("2024-04-12T01:00:00Z");
    static final Instant RATED_AT = Instant.parse("2024-04-25T09:00:00Z");
    static final Instant COORDINATED_AT = Instant.parse("2024-04-28T02:00:00Z");
    static final Instant CORRECTED_AT = Instant.parse("2024-05-06T05:00:00Z");
    static final LocalDate OPENED_ON = LocalDate.of(2024, 3, 4);
    static final LocalDate ACCEPTANCE_DUE = LocalDate.of(2024, 3, 11);
    static final LocalDate DEADLINE = LocalDate.of(2024, 6, 4);
    static final LocalDate NEW_DEADLINE = LocalDate.of(2024, 6, 20);
    static final LocalDate CONSULTED_ON = LocalDate.of(2024, 3, 20);
    static final LocalDate FEEDBACK_DUE = LocalDate.of(2024, 5, 6);
    static final LocalDate ROUND_TWO_DEADLINE = LocalDate.of(2024, 5, 28);
    static final LocalDate COMMITTED = LocalDate.of(2024, 12, 31);

    static final ReplyDraft CLASS_A = new ReplyDraft("A", "已在三个街道新建社区养老服务站。", null, null,
            "王局长", "010-12345678", "李科员", "13800000000");
    static final ReplyDraft CLASS_B = new ReplyDraft("B", "已列入明年计划，年底前建成。", COMMITTED, null,
            "王局长", "010-12345678", "李科员", "13800000000");

    // --- assignment and acceptance (Rules 4 and 5) ------------------------------------------------

    @Nested
    class Acceptance {

        @Test
        void anAssignmentAwaitsAcceptanceInRoundOneWithItsDeadline() {
            UnitAssignment a = UnitAssignment.assigned(PROPOSAL, "edu", UnitRole.LEAD, DEADLINE, "涉及多个部门",
                    "office1", ASSIGNED_AT);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.AWAITING_ACCEPTANCE);
            assertThat(a.getProposalId()).isEqualTo(PROPOSAL);
            assertThat(a.getUnitCode()).isEqualTo("edu");
            assertThat(a.getRole()).isEqualTo(UnitRole.LEAD);
            assertThat(a.getRound()).isEqualTo(1);
            assertThat(a.getDeadline()).isEqualTo(DEADLINE);
            assertThat(a.getInitialDeadline()).isEqualTo(DEADLINE);
            assertThat(a.getDeadlineReason()).isEqualTo("涉及多个部门");
            assertThat(a.getAssignedBy()).isEqualTo("office1");
            assertThat(a.getAssignedAt()).isEqualTo(ASSIGNED_AT);
            assertThat(a.isReplying()).isTrue();
            assertThat(a.getAcceptanceDue()).isNull();
            assertThat(a.getReplies()).isEmpty();
            assertThat(a.latestReply()).isEmpty();
            assertThat(a.latestSentReply()).isEmpty();
        }

        @Test
        void onlyACoUnitDoesNotReply() {
            assertThat(anAssignment(UnitRole.SINGLE).isReplying()).isTrue();
            assertThat(anAssignment(UnitRole.LEAD).isReplying()).isTrue();
            assertThat(anAssignment(UnitRole.SEPARATE).isReplying()).isTrue();
            assertThat(anAssignment(UnitRole.CO).isReplying()).isFalse();
        }

        @Test
        void openingStartsTheAcceptanceWindowThatACalendarChangeMoves() {
            UnitAssignment a = anAssignment(UnitRole.SINGLE);

            a.open("pi-1", OPENED_ON, ACCEPTANCE_DUE);

            assertThat(a.getProcessInstanceId()).isEqualTo("pi-1");
            assertThat(a.getAcceptanceOpenedOn()).isEqualTo(OPENED_ON);
            assertThat(a.getAcceptanceDue()).isEqualTo(ACCEPTANCE_DUE);
            assertThat(a.getStatus()).isEqualTo(UnitStatus.AWAITING_ACCEPTANCE);

            a.moveAcceptanceDue(ACCEPTANCE_DUE.plusDays(2));
            assertThat(a.getAcceptanceDue()).isEqualTo(LocalDate.of(2024, 3, 13));
        }

        @Test
        void openingIsRefusedOnceTheUnitAnswered() {
            assertRefused(anAcceptedAssignment(), a -> a.open("pi-2", OPENED_ON, ACCEPTANCE_DUE));
            assertRefused(anObjectedAssignment(), a -> a.open("pi-2", OPENED_ON, ACCEPTANCE_DUE));
        }

        @Test
        void acceptingStartsHandling() {
            UnitAssignment a = anOpenAssignment(UnitRole.SINGLE);

            a.accept("edu-handler", ACCEPTED_AT);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.HANDLING);
            assertThat(a.getAcceptedBy()).isEqualTo("edu-handler");
            assertThat(a.getAcceptedAt()).isEqualTo(ACCEPTED_AT);
            assertThat(a.isAcceptedBySilence()).isFalse();
        }

        @Test
        void silenceCountsAsAcceptance() {
            UnitAssignment a = anOpenAssignment(UnitRole.SINGLE);

            a.acceptBySilence(ACCEPTED_AT);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.HANDLING);
            assertThat(a.getAcceptedBy()).isNull();
            assertThat(a.getAcceptedAt()).isEqualTo(ACCEPTED_AT);
            assertThat(a.isAcceptedBySilence()).isTrue();
        }

        @Test
        void acceptingIsRefusedOnceTheUnitAnswered() {
            assertRefused(anAcceptedAssignment(), a -> a.accept("edu-handler", SENT_AT));
            assertRefused(anAcceptedAssignment(), a -> a.acceptBySilence(SENT_AT));
            assertRefused(anObjectedAssignment(), a -> a.accept("edu-handler", SENT_AT));
            assertRefused(anObjectedAssignment(), a -> a.acceptBySilence(SENT_AT));

            UnitAssignment objected = anObjectedAssignment();
            assertRefused(objected, a -> a.acceptBySilence(SENT_AT));
            assertThat(objected.isAcceptedBySilence()).isFalse();
        }

        @Test
        void anObjectionGoesToTheOfficeWithItsReasonAndSuggestedUnit() {
            UnitAssignment a = anOpenAssignment(UnitRole.SINGLE);

            a.object("不属于本单位职责", "civil", "edu-handler", ACCEPTED_AT);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.OBJECTED);
            assertThat(a.getObjectionReason()).isEqualTo("不属于本单位职责");
            assertThat(a.getObjectionSuggestedUnit()).isEqualTo("civil");
            assertThat(a.getAcceptedBy()).isEqualTo("edu-handler");
            assertThat(a.getAcceptedAt()).isEqualTo(ACCEPTED_AT);
        }

        @Test
        void objectingIsRefusedOnceAccepted() {
            UnitAssignment a = anAcceptedAssignment();

            assertRefused(a, x -> x.object("不属于本单位职责", "civil", "edu-handler", SENT_AT));
            assertThat(a.getObjectionReason()).isNull();
        }

        @Test
        void upholdingTheAssignmentMakesTheUnitHandleIt() {
            UnitAssignment a = anObjectedAssignment();

            a.uphold("该事项属教育局职责");

            assertThat(a.getStatus()).isEqualTo(UnitStatus.HANDLING);
            assertThat(a.getResolutionComment()).isEqualTo("该事项属教育局职责");
        }

        @Test
        void reassigningHandsItToTheNewUnitWithAFreshDeadlineAndItsOwnAcceptance() {
            UnitAssignment old = anObjectedAssignment(UnitRole.LEAD);

            UnitAssignment replacement = old.reassignTo("civil", "改由民政局主办", "office2", COORDINATED_AT, NEW_DEADLINE);

            assertThat(old.getStatus()).isEqualTo(UnitStatus.REASSIGNED);
            assertThat(old.getResolutionComment()).isEqualTo("改由民政局主办");
            assertThat(replacement).isNotSameAs(old);
            assertThat(replacement.getStatus()).isEqualTo(UnitStatus.AWAITING_ACCEPTANCE);
            assertThat(replacement.getProposalId()).isEqualTo(PROPOSAL);
            assertThat(replacement.getUnitCode()).isEqualTo("civil");
            assertThat(replacement.getRole()).isEqualTo(UnitRole.LEAD);
            assertThat(replacement.getRound()).isEqualTo(1);
            assertThat(replacement.getDeadline()).isEqualTo(NEW_DEADLINE);
            assertThat(replacement.getInitialDeadline()).isEqualTo(NEW_DEADLINE);
            assertThat(replacement.getDeadlineReason()).isNull();
            assertThat(replacement.getAssignedBy()).isEqualTo("office2");
            assertThat(replacement.getAssignedAt()).isEqualTo(COORDINATED_AT);
            assertThat(replacement.getProcessInstanceId()).isNull();
            assertThat(replacement.getAcceptanceDue()).isNull();
        }

        @Test
        void theReassignedOneRemembersItsReplacement() {
            UnitAssignment old = anObjectedAssignment();
            UnitAssignment replacement = withId(old.reassignTo("civil", null, "office2", COORDINATED_AT, NEW_DEADLINE), 77L);

            old.replacedBy(replacement);

            assertThat(old.getReplacedBy()).isEqualTo(77L);
        }

        @Test
        void onlyAnObjectionIsUpheldOrReassigned() {
            for (UnitAssignment a : List.of(anOpenAssignment(UnitRole.SINGLE), anAcceptedAssignment())) {
                assertRefused(a, x -> x.uphold("维持"));
                assertRefused(a, x -> x.reassignTo("civil", null, "office2", COORDINATED_AT, NEW_DEADLINE));
            }
            UnitAssignment reassigned = anObjectedAssignment();
            reassigned.reassignTo("civil", null, "office2", COORDINATED_AT, NEW_DEADLINE);
            assertRefused(reassigned, x -> x.uphold("维持"));
            assertRefused(reassigned, x -> x.reassignTo("housing", null, "office2", COORDINATED_AT, NEW_DEADLINE));
            assertRefused(reassigned, x -> x.accept("edu-handler", COORDINATED_AT));
        }
    }

    // --- co-units' opinions and consultations (Rule 6) --------------------------------------------

    @Nested
    class OpinionsAndConsultations {

        @Test
        void aCoUnitSendsItsOpinionToTheLeadUnitAndIsDone() {
            UnitAssignment a = anAcceptedAssignment(UnitRole.CO);

            a.sendOpinion("建议在新建小区配建养老设施。", "housing-handler", DRAFTED_AT);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.DONE);
            assertThat(a.getOpinionText()).isEqualTo("建议在新建小区配建养老设施。");
            assertThat(a.getOpinionBy()).isEqualTo("housing-handler");
            assertThat(a.getOpinionAt()).isEqualTo(DRAFTED_AT);
            assertThat(a.getReplies()).isEmpty();
        }

        @Test
        void onlyACoUnitSendsAnOpinion() {
            for (UnitRole role : List.of(UnitRole.SINGLE, UnitRole.LEAD, UnitRole.SEPARATE)) {
                UnitAssignment a = anAcceptedAssignment(role);
                assertRefused(a, x -> x.sendOpinion("意见", "edu-handler", DRAFTED_AT));
                assertThat(a.getOpinionText()).isNull();
            }
        }

        @Test
        void aCoUnitSendsItsOpinionOnlyWhileHandling() {
            assertRefused(anOpenAssignment(UnitRole.CO), a -> a.sendOpinion("意见", "housing-handler", DRAFTED_AT));

            UnitAssignment done = anAcceptedAssignment(UnitRole.CO);
            done.sendOpinion("意见", "housing-handler", DRAFTED_AT);
            assertRefused(done, a -> a.sendOpinion("另一意见", "housing-handler", SENT_AT));
            assertThat(done.getOpinionText()).isEqualTo("意见");
        }

        @Test
        void aConsultationIsRecordedWhileHandlingAndAnnounced() {
            UnitAssignment a = anAcceptedAssignment();
            Consultation consultation = aConsultation(ConsultationMethod.PHONE);

            a.recordConsultation(consultation, "区教育局");

            assertThat(a.getConsultations()).containsExactly(consultation);
            assertThat(a.getStatus()).isEqualTo(UnitStatus.HANDLING);
            assertThat(EventsOf.assignment(a))
                    .containsExactly(new ConsultationRecorded(PROPOSAL, "edu", "区教育局", consultation));
        }

        @Test
        void consultationsMayBeRecordedUntilTheReplyIsSent() {
            UnitAssignment a = aDraftedAssignment();

            a.recordConsultation(aConsultation(ConsultationMethod.FACE_TO_FACE), "区教育局");

            assertThat(a.getConsultations()).extracting(Consultation::getMethod)
                    .containsExactly(ConsultationMethod.PHONE, ConsultationMethod.FACE_TO_FACE);
            assertThat(a.getStatus()).isEqualTo(UnitStatus.AWAITING_SIGN_OFF);
        }

        @Test
        void aCoUnitDoesNotConsultTheProposer() {
            UnitAssignment a = anAcceptedAssignment(UnitRole.CO);

            assertRefused(a, x -> x.recordConsultation(aConsultation(ConsultationMethod.PHONE), "区住建局"));
            assertThat(a.getConsultations()).isEmpty();
        }

        @Test
        void consultingIsRefusedBeforeAcceptanceAndAfterTheReply() {
            for (UnitAssignment a : List.of(anOpenAssignment(UnitRole.SINGLE), anObjectedAssignment(),
                    aRepliedAssignment(), aRatedAssignment(Rating.SATISFIED))) {
                int before = a.getConsultations().size();
                assertRefused(a, x -> x.recordConsultation(aConsultation(ConsultationMethod.PHONE), "区教育局"));
                assertThat(a.getConsultations()).hasSize(before);
            }
        }
    }

    // --- the reply (Rules 6 and 7) ----------------------------------------------------------------

    @Nested
    class Replying {

        @Test
        void draftingRecordsTheReplyForTheLeadersSignOff() {
            UnitAssignment a = aConsultedAssignment(ConsultationMethod.PHONE);

            a.draftReply(CLASS_B, false, "edu-handler", DRAFTED_AT);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.AWAITING_SIGN_OFF);
            assertThat(a.getReplies()).hasSize(1);
            Reply reply = a.latestReply().orElseThrow();
            assertThat(reply.getRound()).isEqualTo(1);
            assertThat(reply.getStatus()).isEqualTo(ReplyStatus.AWAITING_SIGN_OFF);
            assertThat(reply.getClassification()).isEqualTo("B");
            assertThat(reply.getText()).isEqualTo(CLASS_B.text());
            assertThat(reply.getCommittedDate()).isEqualTo(COMMITTED);
            assertThat(reply.getReason()).isNull();
            assertThat(reply.getResponsibleLeader()).isEqualTo("王局长");
            assertThat(reply.getLeaderPhone()).isEqualTo("010-12345678");
            assertThat(reply.getHandlerName()).isEqualTo("李科员");
            assertThat(reply.getHandlerPhone()).isEqualTo("13800000000");
            assertThat(reply.getDraftedBy()).isEqualTo("edu-handler");
            assertThat(reply.getDraftedAt()).isEqualTo(DRAFTED_AT);
            assertThat(reply.getSignedBy()).isNull();
            assertThat(a.latestSentReply()).isEmpty();
        }

        @Test
        void aReplyBeforeAnyConsultationIsRefused() {
            UnitAssignment a = anAcceptedAssignment();

            assertThatThrownBy(() -> a.draftReply(CLASS_A, false, "edu-handler", DRAFTED_AT))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("consultations"));
            assertThat(a.getStatus()).isEqualTo(UnitStatus.HANDLING);
            assertThat(a.getReplies()).isEmpty();
        }

        @Test
        void aKeyProposalsReplyIsRefusedWithoutAFaceToFaceConsultation() {
            UnitAssignment a = aConsultedAssignment(ConsultationMethod.PHONE);
            a.recordConsultation(aConsultation(ConsultationMethod.SITE_VISIT), "区教育局");

            assertThatThrownBy(() -> a.draftReply(CLASS_A, true, "edu-handler", DRAFTED_AT))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("consultations"));
            assertThat(a.getStatus()).isEqualTo(UnitStatus.HANDLING);
            assertThat(a.getReplies()).isEmpty();
        }

        @Test
        void aKeyProposalsReplyFollowsAFaceToFaceConsultation() {
            UnitAssignment a = aConsultedAssignment(ConsultationMethod.PHONE);
            a.recordConsultation(aConsultation(ConsultationMethod.FACE_TO_FACE), "区教育局");

            a.draftReply(CLASS_A, true, "edu-handler", DRAFTED_AT);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.AWAITING_SIGN_OFF);
        }

        @Test
        void anOrdinaryProposalsReplyMayFollowAnyConsultation() {
            for (ConsultationMethod method : ConsultationMethod.values()) {
                UnitAssignment a = aConsultedAssignment(method);

                a.draftReply(CLASS_A, false, "edu-handler", DRAFTED_AT);

                assertThat(a.getStatus()).as(method.name()).isEqualTo(UnitStatus.AWAITING_SIGN_OFF);
            }
        }

        @Test
        void aCoUnitDoesNotDraftAReply() {
            UnitAssignment a = anAcceptedAssignment(UnitRole.CO);

            assertRefused(a, x -> x.draftReply(CLASS_A, false, "housing-handler", DRAFTED_AT));
            assertThat(a.getReplies()).isEmpty();
        }

        @Test
        void draftingIsRefusedOutsideHandling() {
            for (UnitAssignment a : List.of(anOpenAssignment(UnitRole.SINGLE), anObjectedAssignment(),
                    aDraftedAssignment(), aRepliedAssignment())) {
                int before = a.getReplies().size();
                assertRefused(a, x -> x.draftReply(CLASS_A, false, "edu-handler", SIGNED_AT));
                assertThat(a.getReplies()).hasSize(before);
            }
        }

        @Test
        void theLeaderSignsOffTheReplyWhichThenWaitsToBeSent() {
            UnitAssignment a = aDraftedAssignment();

            a.signOff(true, "edu-leader", "同意", SIGNED_AT);

            Reply reply = a.latestReply().orElseThrow();
            assertThat(reply.getSignedBy()).isEqualTo("edu-leader");
            assertThat(reply.getSignedAt()).isEqualTo(SIGNED_AT);
            assertThat(reply.getSignOffComment()).isEqualTo("同意");
            assertThat(reply.getStatus()).isEqualTo(ReplyStatus.AWAITING_SIGN_OFF);
            assertThat(a.getStatus()).isEqualTo(UnitStatus.AWAITING_SIGN_OFF);
            assertThat(a.latestSentReply()).isEmpty();
        }

        @Test
        void aReplyTheLeaderReturnsGoesBackToTheHandlerForANewDraft() {
            UnitAssignment a = aDraftedAssignment();

            a.signOff(false, "edu-leader", "请补充办理时限", SIGNED_AT);

            Reply returned = a.latestReply().orElseThrow();
            assertThat(returned.getStatus()).isEqualTo(ReplyStatus.RETURNED);
            assertThat(returned.getSignedBy()).isEqualTo("edu-leader");
            assertThat(returned.getSignOffComment()).isEqualTo("请补充办理时限");
            assertThat(a.getStatus()).isEqualTo(UnitStatus.HANDLING);

            saved(a);
            a.draftReply(CLASS_B, false, "edu-handler", SENT_AT);
            saved(a);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.AWAITING_SIGN_OFF);
            assertThat(a.getReplies()).extracting(Reply::getClassification, Reply::getStatus)
                    .containsExactly(tuple("A", ReplyStatus.RETURNED), tuple("B", ReplyStatus.AWAITING_SIGN_OFF));
            assertThat(a.latestReply()).get().extracting(Reply::getClassification).isEqualTo("B");
        }

        @Test
        void theLatestReplyIsTheOneSavedLastAndAnUnsavedOneIsNewerStill() {
            UnitAssignment a = aDraftedAssignment();
            a.signOff(false, "edu-leader", null, SIGNED_AT);
            saved(a);

            a.draftReply(CLASS_B, false, "edu-handler", SENT_AT); // not saved yet: no id

            assertThat(a.latestReply()).get().extracting(Reply::getClassification).isEqualTo("B");
        }

        @Test
        void signingOffIsRefusedWithoutADraftAwaitingIt() {
            assertRefused(anAcceptedAssignment(), a -> a.signOff(true, "edu-leader", null, SIGNED_AT));
            assertRefused(aRepliedAssignment(), a -> a.signOff(false, "edu-leader", null, RATED_AT));

            UnitAssignment returned = aDraftedAssignment();
            returned.signOff(false, "edu-leader", null, SIGNED_AT);
            assertRefused(returned, a -> a.signOff(true, "edu-leader", null, SENT_AT));
        }

        @Test
        void sendingTheReplyStartsTheFeedbackWindow() {
            UnitAssignment a = aSignedOffAssignment();

            a.sendReply(SENT_AT, FEEDBACK_DUE);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.REPLIED);
            Reply reply = a.latestSentReply().orElseThrow();
            assertThat(reply).isSameAs(a.latestReply().orElseThrow());
            assertThat(reply.getStatus()).isEqualTo(ReplyStatus.SENT);
            assertThat(reply.getSentAt()).isEqualTo(SENT_AT);
            assertThat(reply.getFeedbackDue()).isEqualTo(FEEDBACK_DUE);
            assertThat(reply.getRating()).isNull();
        }

        @Test
        void aCalendarChangeMovesTheFeedbackWindow() {
            Reply reply = aRepliedAssignment().latestSentReply().orElseThrow();

            reply.moveFeedbackDue(FEEDBACK_DUE.plusDays(1));

            assertThat(reply.getFeedbackDue()).isEqualTo(LocalDate.of(2024, 5, 7));
        }

        @Test
        void sendingIsRefusedWithoutADraftAwaitingIt() {
            assertRefused(anAcceptedAssignment(), a -> a.sendReply(SENT_AT, FEEDBACK_DUE));
            assertRefused(aRepliedAssignment(), a -> a.sendReply(RATED_AT, FEEDBACK_DUE));

            UnitAssignment returned = aDraftedAssignment();
            returned.signOff(false, "edu-leader", null, SIGNED_AT);
            assertRefused(returned, a -> a.sendReply(SENT_AT, FEEDBACK_DUE));
            assertThat(returned.latestSentReply()).isEmpty();
        }

        @Test
        void sendingLeavesTheSignOffToTheProcess() {
            // The BPMN sends only after the leader approved; the aggregate checks just the unit's status.
            UnitAssignment a = aDraftedAssignment();

            a.sendReply(SENT_AT, FEEDBACK_DUE);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.REPLIED);
            assertThat(a.latestSentReply()).get().extracting(Reply::getSignedBy).isNull();
        }
    }

    // --- feedback and handling again (Rule 9) -----------------------------------------------------

    @Nested
    class Feedback {

        @Test
        void satisfiedEndsTheUnitsPart() {
            UnitAssignment a = aRepliedAssignment();

            a.rate(Rating.SATISFIED, true, "办理认真", "zhangsan", RATED_AT, false);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.DONE);
            Reply reply = a.latestSentReply().orElseThrow();
            assertThat(reply.getRating()).isEqualTo(Rating.SATISFIED);
            assertThat(reply.getFaceToFace()).isTrue();
            assertThat(reply.getRatingComment()).isEqualTo("办理认真");
            assertThat(reply.getRatedBy()).isEqualTo("zhangsan");
            assertThat(reply.getRatedAt()).isEqualTo(RATED_AT);
        }

        @Test
        void basicallySatisfiedEndsTheUnitsPart() {
            UnitAssignment a = aRepliedAssignment();

            a.rate(Rating.BASICALLY_SATISFIED, false, null, "zhangsan", RATED_AT, false);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.DONE);
            assertThat(a.latestSentReply()).get()
                    .extracting(Reply::getRating, Reply::getFaceToFace)
                    .containsExactly(Rating.BASICALLY_SATISFIED, false);
        }

        @Test
        void dissatisfiedWithRoundsLeftHandsItBack() {
            // UnitAssignmentService.rate: reHandle = DISSATISFIED && round (1) <= re-handling.rounds (default 1).
            UnitAssignment a = aRepliedAssignment();

            a.rate(Rating.DISSATISFIED, true, "未解决实际问题", "zhangsan", RATED_AT, true);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.RE_HANDLING);
            assertThat(a.getRound()).isEqualTo(1);
            assertThat(a.latestSentReply()).get().extracting(Reply::getRating).isEqualTo(Rating.DISSATISFIED);
        }

        @Test
        void dissatisfiedWithNoRoundsLeftEndsTheUnitsPart() {
            // Round 2 with the default of one re-handling round: the service passes reHandle = false.
            UnitAssignment a = aRepliedAssignmentInRoundTwo();

            a.rate(Rating.DISSATISFIED, true, "仍未解决", "zhangsan", RATED_AT.plusSeconds(3_000_000), false);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.DONE);
            assertThat(a.getRound()).isEqualTo(2);
            assertThat(a.getReplies()).extracting(Reply::getRound, Reply::getRating)
                    .containsExactly(tuple(1, Rating.DISSATISFIED), tuple(2, Rating.DISSATISFIED));
        }

        @Test
        void ratingIsRefusedUnlessASentReplyAwaitsIt() {
            assertRefused(anAcceptedAssignment(), a -> a.rate(Rating.SATISFIED, true, null, "zhangsan", RATED_AT, false));
            assertRefused(aDraftedAssignment(), a -> a.rate(Rating.SATISFIED, true, null, "zhangsan", RATED_AT, false));

            UnitAssignment rated = aRatedAssignment(Rating.SATISFIED);
            assertRefused(rated, a -> a.rate(Rating.DISSATISFIED, false, null, "zhangsan", CORRECTED_AT, true));
            assertThat(rated.latestSentReply()).get().extracting(Reply::getRating).isEqualTo(Rating.SATISFIED);
        }

        @Test
        void noAnswerInTimeIsRecordedAsNoResponse() {
            UnitAssignment a = aRepliedAssignment();

            a.recordNoResponse(RATED_AT);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.DONE);
            assertThat(a.latestSentReply()).get()
                    .extracting(Reply::getRating, Reply::getFaceToFace, Reply::getRatingComment, Reply::getRatedBy,
                            Reply::getRatedAt)
                    .containsExactly(Rating.NO_RESPONSE, null, null, null, RATED_AT);
        }

        @Test
        void noResponseIsRefusedUnlessASentReplyAwaitsItsRating() {
            assertRefused(aDraftedAssignment(), a -> a.recordNoResponse(RATED_AT));

            UnitAssignment rated = aRatedAssignment(Rating.BASICALLY_SATISFIED);
            assertRefused(rated, a -> a.recordNoResponse(CORRECTED_AT));
            assertThat(rated.latestSentReply()).get().extracting(Reply::getRating).isEqualTo(Rating.BASICALLY_SATISFIED);
        }

        @Test
        void coordinatingOpensRoundTwoWithItsDeadline() {
            UnitAssignment a = aDissatisfiedAssignment();

            a.coordinate("请与提案人再次见面沟通", ROUND_TWO_DEADLINE, "office1", COORDINATED_AT);

            assertThat(a.getStatus()).isEqualTo(UnitStatus.HANDLING);
            assertThat(a.getRound()).isEqualTo(2);
            assertThat(a.getDeadline()).isEqualTo(ROUND_TWO_DEADLINE);
            assertThat(a.getInitialDeadline()).isEqualTo(DEADLINE);
            assertThat(a.getCoordinations())
                    .extracting(Coordination::getRound, Coordination::getNote, Coordination::getDeadline,
                            Coordination::getCoordinatedBy, Coordination::getCoordinatedAt)
                    .containsExactly(tuple(2, "请与提案人再次见面沟通", ROUND_TWO_DEADLINE, "office1", COORDINATED_AT));
        }

        @Test
        void coordinatingIsRefusedUnlessTheUnitHandlesItAgain() {
            assertRefused(aRepliedAssignment(), a -> a.coordinate(null, ROUND_TWO_DEADLINE, "office1", COORDINATED_AT));
            assertRefused(aRatedAssignment(Rating.DISSATISFIED),
                    a -> a.coordinate(null, ROUND_TWO_DEADLINE, "office1", COORDINATED_AT));

            UnitAssignment coordinated = aDissatisfiedAssignment();
            coordinated.coordinate(null, ROUND_TWO_DEADLINE, "office1", COORDINATED_AT);
            assertRefused(coordinated, a -> a.coordinate(null, ROUND_TWO_DEADLINE, "office1", CORRECTED_AT));
            assertThat(coordinated.getRound()).isEqualTo(2);
        }

        @Test
        void roundTwoRepliesAgainAndItsReplyBecomesTheLatestSentOne() {
            UnitAssignment a = aDissatisfiedAssignment();
            a.coordinate(null, ROUND_TWO_DEADLINE, "office1", COORDINATED_AT);
            saved(a);

            // The consultation of round 1 still counts as the consultation before the reply.
            a.draftReply(CLASS_B, false, "edu-handler", CORRECTED_AT);
            saved(a);
            assertThat(a.latestReply()).get().extracting(Reply::getRound, Reply::getStatus)
                    .containsExactly(2, ReplyStatus.AWAITING_SIGN_OFF);
            assertThat(a.latestSentReply()).get().extracting(Reply::getRound).isEqualTo(1);

            a.signOff(true, "edu-leader", null, CORRECTED_AT);
            a.sendReply(CORRECTED_AT, FEEDBACK_DUE.plusDays(30));

            assertThat(a.getStatus()).isEqualTo(UnitStatus.REPLIED);
            assertThat(a.latestSentReply()).get().extracting(Reply::getRound, Reply::getClassification, Reply::getRating)
                    .containsExactly(2, "B", null);
            assertThat(a.getReplies()).extracting(Reply::getStatus).containsExactly(ReplyStatus.SENT, ReplyStatus.SENT);
        }
    }

    // --- the office corrects the reply class (Rule 7) ---------------------------------------------

    @Nested
    class ClassCorrection {

        @Test
        void theOfficeCorrectsTheClassOfTheSentReplyAndKeepsTheUnitsOwn() {
            UnitAssignment a = aRatedAssignment(Rating.SATISFIED);

            a.correctReplyClass("B", COMMITTED, null, "尚未建成，应为B类", "office1", CORRECTED_AT, "区教育局");

            Reply reply = a.latestSentReply().orElseThrow();
            assertThat(reply.getClassification()).isEqualTo("B");
            assertThat(reply.getOriginalClassification()).isEqualTo("A");
            assertThat(reply.getCommittedDate()).isEqualTo(COMMITTED);
            assertThat(reply.getReason()).isNull();
            assertThat(reply.getClassCorrectionReason()).isEqualTo("尚未建成，应为B类");
            assertThat(reply.getClassCorrectedBy()).isEqualTo("office1");
            assertThat(reply.getClassCorrectedAt()).isEqualTo(CORRECTED_AT);
            assertThat(a.getStatus()).isEqualTo(UnitStatus.DONE);
            assertThat(EventsOf.assignment(a)).last()
                    .isEqualTo(new ReplyClassCorrected(PROPOSAL, "edu", "区教育局", "A", "B", "尚未建成，应为B类"));
        }

        @Test
        void aSecondCorrectionStillKeepsTheUnitsOwnClass() {
            UnitAssignment a = aRepliedAssignment();
            a.correctReplyClass("B", COMMITTED, null, "应为B类", "office1", CORRECTED_AT, "区教育局");

            a.correctReplyClass("C", null, "受财力限制", "应为C类", "office2", CORRECTED_AT.plusSeconds(60), "区教育局");

            Reply reply = a.latestSentReply().orElseThrow();
            assertThat(reply.getClassification()).isEqualTo("C");
            assertThat(reply.getOriginalClassification()).isEqualTo("A");
            assertThat(reply.getCommittedDate()).isNull();
            assertThat(reply.getReason()).isEqualTo("受财力限制");
            assertThat(reply.getClassCorrectedBy()).isEqualTo("office2");
            assertThat(EventsOf.assignment(a)).last()
                    .isEqualTo(new ReplyClassCorrected(PROPOSAL, "edu", "区教育局", "B", "C", "应为C类"));
        }

        @Test
        void theCorrectionIsOfTheLastSentReplyNotOfADraftAfterIt() {
            UnitAssignment a = aDissatisfiedAssignment();
            a.coordinate(null, ROUND_TWO_DEADLINE, "office1", COORDINATED_AT);
            a.draftReply(CLASS_B, false, "edu-handler", CORRECTED_AT);

            a.correctReplyClass("C", null, "受财力限制", "应为C类", "office1", CORRECTED_AT, "区教育局");

            assertThat(a.getReplies()).extracting(Reply::getRound, Reply::getClassification)
                    .containsExactly(tuple(1, "C"), tuple(2, "B"));
        }

        @Test
        void withoutASentReplyThereIsNothingToCorrect() {
            // HandlingInputs answers 409 before it gets here; the aggregate itself fails on the empty Optional.
            UnitAssignment a = aDraftedAssignment();

            assertThatThrownBy(() -> a.correctReplyClass("B", COMMITTED, null, "应为B类", "office1", CORRECTED_AT, "区教育局"))
                    .isInstanceOf(NoSuchElementException.class);
            assertThat(a.latestReply()).get().extracting(Reply::getClassification, Reply::getOriginalClassification)
                    .containsExactly("A", null);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    static UnitAssignment anAssignment(UnitRole role) {
        return UnitAssignment.assigned(PROPOSAL, role == UnitRole.CO ? "housing" : "edu", role, DEADLINE, null,
                "office1", ASSIGNED_AT);
    }

    static UnitAssignment anOpenAssignment(UnitRole role) {
        UnitAssignment a = anAssignment(role);
        a.open("pi-1", OPENED_ON, ACCEPTANCE_DUE);
        return a;
    }

    static UnitAssignment anAcceptedAssignment() {
        return anAcceptedAssignment(UnitRole.SINGLE);
    }

    static UnitAssignment anAcceptedAssignment(UnitRole role) {
        UnitAssignment a = anOpenAssignment(role);
        a.accept(role == UnitRole.CO ? "housing-handler" : "edu-handler", ACCEPTED_AT);
        return a;
    }

    static UnitAssignment anObjectedAssignment() {
        return anObjectedAssignment(UnitRole.SINGLE);
    }

    static UnitAssignment anObjectedAssignment(UnitRole role) {
        UnitAssignment a = anOpenAssignment(role);
        a.object("不属于本单位职责", "civil", "edu-handler", ACCEPTED_AT);
        return a;
    }

    static Consultation aConsultation(ConsultationMethod method) {
        return new Consultation(method, CONSULTED_ON, "张三委员、李科员", "就养老服务站选址交换意见", "edu-handler", CONSULTED_AT);
    }

    static UnitAssignment aConsultedAssignment(ConsultationMethod method) {
        UnitAssignment a = anAcceptedAssignment();
        a.recordConsultation(aConsultation(method), "区教育局");
        return a;
    }

    /** A class-A reply drafted after a phone consultation, awaiting the leader's sign-off. */
    static UnitAssignment aDraftedAssignment() {
        UnitAssignment a = aConsultedAssignment(ConsultationMethod.PHONE);
        a.draftReply(CLASS_A, false, "edu-handler", DRAFTED_AT);
        return saved(a);
    }

    static UnitAssignment aSignedOffAssignment() {
        UnitAssignment a = aDraftedAssignment();
        a.signOff(true, "edu-leader", "同意", SIGNED_AT);
        return a;
    }

    static UnitAssignment aRepliedAssignment() {
        UnitAssignment a = aSignedOffAssignment();
        a.sendReply(SENT_AT, FEEDBACK_DUE);
        return a;
    }

    static UnitAssignment aRatedAssignment(Rating rating) {
        UnitAssignment a = aRepliedAssignment();
        a.rate(rating, true, null, "zhangsan", RATED_AT, false);
        return a;
    }

    /** Rated DISSATISFIED in round 1: the unit handles it again once the office has coordinated. */
    static UnitAssignment aDissatisfiedAssignment() {
        UnitAssignment a = aRepliedAssignment();
        a.rate(Rating.DISSATISFIED, true, "未解决实际问题", "zhangsan", RATED_AT, true);
        return a;
    }

    static UnitAssignment aRepliedAssignmentInRoundTwo() {
        UnitAssignment a = aDissatisfiedAssignment();
        a.coordinate("请再次办理", ROUND_TWO_DEADLINE, "office1", COORDINATED_AT);
        a.draftReply(CLASS_B, false, "edu-handler", COORDINATED_AT.plusSeconds(86_400));
        saved(a);
        a.signOff(true, "edu-leader", null, COORDINATED_AT.plusSeconds(172_800));
        a.sendReply(COORDINATED_AT.plusSeconds(172_800), FEEDBACK_DUE.plusDays(30));
        return a;
    }

    private static final AtomicLong IDS = new AtomicLong(100);

    /**
     * What saving between two steps does: replies get their ids. {@code latestReply()} orders replies
     * by id (an unsaved one last), so two unsaved replies would be taken in the wrong order; each step
     * runs in its own transaction in the application.
     */
    static UnitAssignment saved(UnitAssignment a) {
        for (Reply reply : a.getReplies()) {
            if (reply.getId() == null) {
                ReflectionTestUtils.setField(reply, "id", IDS.incrementAndGet());
            }
        }
        return a;
    }

    static UnitAssignment withId(UnitAssignment a, long id) {
        ReflectionTestUtils.setField(a, "id", id);
        return a;
    }

    /** The change is refused with 409 and leaves the status as it was. */
    static void assertRefused(UnitAssignment a, Consumer<UnitAssignment> change) {
        UnitStatus before = a.getStatus();
        assertThatThrownBy(() -> change.accept(a)).as("from " + before).isInstanceOf(ConflictException.class);
        assertThat(a.getStatus()).isEqualTo(before);
    }

    /**
     * Reads the events an assignment registered, without reflection: as a subclass it may take them
     * over with {@code andEventsFrom} and read its own {@code domainEvents()}, both protected.
     */
    static final class EventsOf extends UnitAssignment {

        static List<Object> assignment(UnitAssignment a) {
            EventsOf events = new EventsOf();
            events.andEventsFrom(a);
            return List.copyOf(events.domainEvents());
        }
    }
}
