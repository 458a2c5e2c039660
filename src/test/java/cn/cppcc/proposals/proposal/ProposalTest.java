package cn.cppcc.proposals.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.shared.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The state changes of a {@link Proposal} (DOMAIN.md rules 1, 2, 10 and 12, and its handling). */
class ProposalTest {

    static final Instant SUBMITTED_AT = Instant.parse("2024-01-08T02:00:00Z");
    static final java.util.Map<String, String> NAMES = java.util.Map.of("zhangsan", "张三");
    static final Instant ANSWERED_AT = Instant.parse("2024-01-09T03:00:00Z");
    static final Instant DECIDED_AT = Instant.parse("2024-01-15T06:30:00Z");
    static final Instant CLOSED_AT = Instant.parse("2024-06-20T08:00:00Z");
    static final LocalDate CO_PROPOSERS_DUE = LocalDate.of(2024, 1, 15);
    static final LocalDate REVIEW_OPENED_ON = LocalDate.of(2024, 1, 16);
    static final LocalDate REVIEW_DUE = LocalDate.of(2024, 2, 6);

    static final ProposalText TEXT = new ProposalText("关于加强社区养老服务的建议",
            "我区老龄人口逐年增加，社区养老服务设施不足。", "一、增设社区养老服务站；二、培养专业护理人员。");
    static final ProposalText REVISED_TEXT = new ProposalText("关于增设社区养老服务站的建议",
            "我区六十岁以上人口已占两成，现有服务站仅十二个。", "在每个街道至少设立一个社区养老服务站。");

    // --- submission (Rule 1) ----------------------------------------------------------------------

    @Test
    void aMembersProposalGoesStraightToReview() {
        Proposal p = aProposal();

        assertThat(p.getStatus()).isEqualTo(ProposalStatus.UNDER_REVIEW);
        assertThat(p.getSessionId()).isEqualTo(7L);
        assertThat(p.getSerialNo()).isEqualTo(12);
        assertThat(p.getKind()).isEqualTo(ProposalKind.PLENARY);
        assertThat(p.getProposer()).isEqualTo("zhangsan");
        assertThat(p.getRegisteredBy()).isEqualTo("zhangsan");
        assertThat(p.getProposerType()).isEqualTo(ProposerType.MEMBER);
        assertThat(p.getTitle()).isEqualTo(TEXT.title());
        assertThat(p.getBackground()).isEqualTo(TEXT.background());
        assertThat(p.getSuggestions()).isEqualTo(TEXT.suggestions());
        assertThat(p.getSuggestedCategory()).isEqualTo("群众生产生活");
        assertThat(p.isPublicConsent()).isTrue();
        assertThat(p.getCreatedAt()).isEqualTo(SUBMITTED_AT);
        assertThat(p.isJoint()).isFalse();
        assertThat(p.getCoProposers()).isEmpty();
        assertThat(p.getNumber()).isNull();
        assertThat(p.getCategory()).isNull();
        assertThat(p.getReviews()).isEmpty();
    }

    @Test
    void theOfficeRegisteringAPaperProposalIsKeptApartFromTheProposer() {
        Proposal p = Proposal.submitted(aSession(), 3, ProposalKind.INTERIM, "zhangsan", "office1", ProposerType.MEMBER,
                TEXT, null, false, List.of(), SUBMITTED_AT, NAMES);

        assertThat(p.getProposer()).isEqualTo("zhangsan");
        assertThat(p.getRegisteredBy()).isEqualTo("office1");
        assertThat(p.getKind()).isEqualTo(ProposalKind.INTERIM);
        assertThat(p.isProposerOrCoProposer("zhangsan")).isTrue();
        assertThat(p.isProposerOrCoProposer("office1")).isFalse();
    }

    @Test
    void aJointProposalWaitsForItsCoProposersInTheOrderGiven() {
        Proposal p = aJointProposal("lisi", "wangwu");

        assertThat(p.getStatus()).isEqualTo(ProposalStatus.AWAITING_CO_PROPOSERS);
        assertThat(p.isJoint()).isTrue();
        assertThat(p.getCoProposers())
                .extracting(CoProposer::getPosition, CoProposer::getUserId, CoProposer::getState, CoProposer::getAnsweredAt)
                .containsExactly(tuple(1, "lisi", CoProposerState.PENDING, null),
                        tuple(2, "wangwu", CoProposerState.PENDING, null));
        assertThat(p.pendingCoProposers()).containsExactly("lisi", "wangwu");
        assertThat(p.confirmedCoProposers()).isEmpty();
        assertThat(p.isProposerOrCoProposer("lisi")).isTrue();
    }

    @Test
    void submittingRegistersProposalSubmittedWithTheSessionsName() {
        Proposal p = aProposal();

        assertThat(EventsOf.proposal(p)).containsExactly(new ProposalSubmitted(p, "政协第十届委员会第六次会议", NAMES));
    }

    @Test
    void noOtherStateChangeRegistersAnEvent() {
        Proposal p = aProposalInHandling();
        p.followUnits(true);
        p.close(CLOSED_AT);

        assertThat(EventsOf.proposal(p)).hasSize(1).allMatch(ProposalSubmitted.class::isInstance);
    }

    // --- co-proposers (Rule 1) --------------------------------------------------------------------

    @Nested
    class CoProposers {

        @Test
        void theWindowForAnswersHasALastDayThatACalendarChangeMoves() {
            Proposal p = aJointProposal("lisi");

            p.waitForCoProposersUntil(CO_PROPOSERS_DUE);
            assertThat(p.getCoProposersDue()).isEqualTo(CO_PROPOSERS_DUE);

            p.moveCoProposersDue(CO_PROPOSERS_DUE.plusDays(3));
            assertThat(p.getCoProposersDue()).isEqualTo(LocalDate.of(2024, 1, 18));
        }

        @Test
        void aCoProposerWhoConfirmsJoinsTheProposal() {
            Proposal p = aJointProposal("lisi", "wangwu");

            p.answerCoProposal("lisi", true, ANSWERED_AT);

            assertThat(p.coProposer("lisi")).get()
                    .extracting(CoProposer::getState, CoProposer::getAnsweredAt)
                    .containsExactly(CoProposerState.CONFIRMED, ANSWERED_AT);
            assertThat(p.confirmedCoProposers()).containsExactly("lisi");
            assertThat(p.pendingCoProposers()).containsExactly("wangwu");
            assertThat(p.getStatus()).isEqualTo(ProposalStatus.AWAITING_CO_PROPOSERS);
        }

        @Test
        void aCoProposerWhoDeclinesIsNoLongerAParticipant() {
            Proposal p = aJointProposal("lisi", "wangwu");

            p.answerCoProposal("wangwu", false, ANSWERED_AT);

            assertThat(p.coProposer("wangwu")).get()
                    .extracting(CoProposer::getState, CoProposer::getAnsweredAt)
                    .containsExactly(CoProposerState.DECLINED, ANSWERED_AT);
            assertThat(p.isProposerOrCoProposer("wangwu")).isFalse();
            assertThat(p.pendingCoProposers()).containsExactly("lisi");
            assertThat(p.getStatus()).isEqualTo(ProposalStatus.AWAITING_CO_PROPOSERS);
        }

        @Test
        void aCoProposerAnswersOnlyOnce() {
            Proposal p = aJointProposal("lisi");
            p.answerCoProposal("lisi", false, ANSWERED_AT);

            assertThatThrownBy(() -> p.answerCoProposal("lisi", true, DECIDED_AT))
                    .isInstanceOf(ConflictException.class);
            assertThat(p.coProposer("lisi")).get().extracting(CoProposer::getState).isEqualTo(CoProposerState.DECLINED);
        }

        @Test
        void someoneNotInvitedCannotAnswer() {
            Proposal p = aJointProposal("lisi");

            assertThatThrownBy(() -> p.answerCoProposal("zhaoliu", true, ANSWERED_AT))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> p.answerCoProposal("zhangsan", true, ANSWERED_AT))
                    .isInstanceOf(ConflictException.class);
            assertThat(p.getCoProposers()).extracting(CoProposer::getUserId).containsExactly("lisi");
        }

        @Test
        void answeringIsRefusedOnceTheReviewHasOpened() {
            Proposal p = aJointProposal("lisi", "wangwu");
            p.answerCoProposal("lisi", true, ANSWERED_AT);
            p.dropSilentCoProposers(DECIDED_AT);
            p.openReview(REVIEW_OPENED_ON, REVIEW_DUE);

            assertThatThrownBy(() -> p.answerCoProposal("wangwu", true, DECIDED_AT))
                    .isInstanceOf(ConflictException.class);
            assertThat(p.coProposer("wangwu")).get().extracting(CoProposer::getState).isEqualTo(CoProposerState.DROPPED);
        }

        @Test
        void whoHasNotAnsweredWhenTheWindowClosesIsDropped() {
            Proposal p = aJointProposal("lisi", "wangwu", "zhaoliu");
            p.answerCoProposal("lisi", true, ANSWERED_AT);
            p.answerCoProposal("wangwu", false, ANSWERED_AT);

            p.dropSilentCoProposers(DECIDED_AT);

            assertThat(p.getCoProposers())
                    .extracting(CoProposer::getUserId, CoProposer::getState, CoProposer::getAnsweredAt)
                    .containsExactly(tuple("lisi", CoProposerState.CONFIRMED, ANSWERED_AT),
                            tuple("wangwu", CoProposerState.DECLINED, ANSWERED_AT),
                            tuple("zhaoliu", CoProposerState.DROPPED, DECIDED_AT));
            assertThat(p.pendingCoProposers()).isEmpty();
            assertThat(p.isProposerOrCoProposer("zhaoliu")).isFalse();
            assertThat(p.getStatus()).isEqualTo(ProposalStatus.AWAITING_CO_PROPOSERS);
        }
    }

    // --- opening the review (Rules 1 and 2) -------------------------------------------------------

    @Nested
    class OpeningTheReview {

        @Test
        void openingTheReviewStartsItsDeadline() {
            Proposal p = aProposal();

            p.openReview(REVIEW_OPENED_ON, REVIEW_DUE);

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.UNDER_REVIEW);
            assertThat(p.getReviewOpenedOn()).isEqualTo(REVIEW_OPENED_ON);
            assertThat(p.getReviewDue()).isEqualTo(REVIEW_DUE);
            assertThat(p.getProposerType()).isEqualTo(ProposerType.MEMBER);
        }

        @Test
        void aCalendarChangeMovesTheReviewDeadline() {
            Proposal p = aProposalUnderReview();

            p.moveReviewDue(REVIEW_DUE.plusDays(1));

            assertThat(p.getReviewDue()).isEqualTo(LocalDate.of(2024, 2, 7));
        }

        @Test
        void aJointProposalWithSomeoneConfirmedStaysJoint() {
            Proposal p = aJointProposal("lisi", "wangwu");
            p.answerCoProposal("lisi", true, ANSWERED_AT);
            p.answerCoProposal("wangwu", false, ANSWERED_AT);

            p.openReview(REVIEW_OPENED_ON, REVIEW_DUE);

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.UNDER_REVIEW);
            assertThat(p.getProposerType()).isEqualTo(ProposerType.JOINT);
            assertThat(p.confirmedCoProposers()).containsExactly("lisi");
        }

        @Test
        void aJointProposalThatNobodyConfirmedBecomesAMembersProposal() {
            Proposal p = aJointProposal("lisi", "wangwu");
            p.answerCoProposal("lisi", false, ANSWERED_AT);
            p.dropSilentCoProposers(DECIDED_AT);

            p.openReview(REVIEW_OPENED_ON, REVIEW_DUE);

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.UNDER_REVIEW);
            assertThat(p.getProposerType()).isEqualTo(ProposerType.MEMBER);
            assertThat(p.getCoProposers()).extracting(CoProposer::getState)
                    .containsExactly(CoProposerState.DECLINED, CoProposerState.DROPPED);
        }

        @Test
        void aCollectiveProposalKeepsItsTypeWithoutCoProposers() {
            Proposal p = Proposal.submitted(aSession(), 5, ProposalKind.PLENARY, "minmeng", "minmeng",
                    ProposerType.PARTY, TEXT, null, true, List.of(), SUBMITTED_AT, NAMES);

            p.openReview(REVIEW_OPENED_ON, REVIEW_DUE);

            assertThat(p.getProposerType()).isEqualTo(ProposerType.PARTY);
        }

        @Test
        void openingTheReviewIsRefusedOnceItWasDecided() {
            assertRefused(aProposalReturned(), p -> p.openReview(REVIEW_OPENED_ON, REVIEW_DUE));
            assertRefused(aFiledProposal(), p -> p.openReview(REVIEW_OPENED_ON, REVIEW_DUE));
            assertRefused(aRejectedProposal(), p -> p.openReview(REVIEW_OPENED_ON, REVIEW_DUE));
            assertRefused(aWithdrawnProposal(), p -> p.openReview(REVIEW_OPENED_ON, REVIEW_DUE));
        }
    }

    // --- review decisions (Rule 2) ----------------------------------------------------------------

    @Nested
    class Review {

        @Test
        void filingGivesTheNumberAndCategoryAndMovesToFiled() {
            Proposal p = aProposalUnderReview();

            p.file("0001", "社区建设", false, null, "同意立案", "office1", DECIDED_AT);

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.FILED);
            assertThat(p.getNumber()).isEqualTo("0001");
            assertThat(p.getCategory()).isEqualTo("社区建设");
            assertThat(p.getFiledAt()).isEqualTo(DECIDED_AT);
            assertThat(p.isKeyProposal()).isFalse();
            assertThat(p.getSupervisor()).isNull();
            assertThat(p.getClosedAt()).isNull();
            assertThat(p.getReviews())
                    .extracting(ReviewRecord::getDecision, ReviewRecord::getRejectGround, ReviewRecord::getComment,
                            ReviewRecord::getReviewer, ReviewRecord::getDecidedAt)
                    .containsExactly(tuple("FILE", null, "同意立案", "office1", DECIDED_AT));
        }

        @Test
        void aKeyProposalIsFiledWithItsSupervisor() {
            Proposal p = aProposalUnderReview();

            p.file("0002", "社区建设", true, "chair1", null, "office1", DECIDED_AT);

            assertThat(p.isKeyProposal()).isTrue();
            assertThat(p.getSupervisor()).isEqualTo("chair1");
        }

        @Test
        void aSupervisorIsNotKeptForAnOrdinaryProposal() {
            Proposal p = aProposalUnderReview();

            p.file("0003", "社区建设", false, "chair1", null, "office1", DECIDED_AT);

            assertThat(p.isKeyProposal()).isFalse();
            assertThat(p.getSupervisor()).isNull();
        }

        @Test
        void returningSendsItBackToTheProposerForRevision() {
            Proposal p = aProposalUnderReview();

            p.returnForRevision("请补充具体建议", "office1", DECIDED_AT);

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.RETURNED);
            assertThat(p.getNumber()).isNull();
            assertThat(p.getClosedAt()).isNull();
            assertThat(p.getReviews()).extracting(ReviewRecord::getDecision, ReviewRecord::getComment)
                    .containsExactly(tuple("RETURN", "请补充具体建议"));
        }

        @Test
        void aRevisedProposalIsReviewedAgainWithItsNewTextAndEarlierDecisionsKept() {
            Proposal p = aProposalReturned();

            p.revise(REVISED_TEXT);

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.UNDER_REVIEW);
            assertThat(p.getTitle()).isEqualTo(REVISED_TEXT.title());
            assertThat(p.getBackground()).isEqualTo(REVISED_TEXT.background());
            assertThat(p.getSuggestions()).isEqualTo(REVISED_TEXT.suggestions());

            p.file("0001", "社区建设", false, null, null, "office1", DECIDED_AT.plusSeconds(86_400));
            assertThat(p.getReviews()).extracting(ReviewRecord::getDecision).containsExactly("RETURN", "FILE");
        }

        @Test
        void onlyAReturnedProposalIsRevised() {
            assertRefused(aProposalUnderReview(), p -> p.revise(REVISED_TEXT));
            assertRefused(aJointProposal("lisi"), p -> p.revise(REVISED_TEXT));
            assertRefused(aFiledProposal(), p -> p.revise(REVISED_TEXT));

            Proposal filed = aFiledProposal();
            assertRefused(filed, p -> p.revise(REVISED_TEXT));
            assertThat(filed.getTitle()).isEqualTo(TEXT.title());
        }

        @Test
        void rejectingRecordsItsGroundAndClosesIt() {
            Proposal p = aProposalUnderReview();

            p.reject(RejectGround.PERSONAL, "属个人事务，建议通过信访渠道反映", "office1", DECIDED_AT);

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.REJECTED);
            assertThat(p.getRejectGround()).isEqualTo(RejectGround.PERSONAL);
            assertThat(p.getClosedAt()).isEqualTo(DECIDED_AT);
            assertThat(p.getNumber()).isNull();
            assertThat(p.getReviews())
                    .extracting(ReviewRecord::getDecision, ReviewRecord::getRejectGround, ReviewRecord::getComment)
                    .containsExactly(tuple("REJECT", "PERSONAL", "属个人事务，建议通过信访渠道反映"));
        }

        @Test
        void convertingForwardsItToAUnitAsAnOpinionAndClosesIt() {
            Proposal p = aProposalUnderReview();

            p.convertToOpinion("edu", "转为意见建议", "office1", DECIDED_AT);

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.CONVERTED);
            assertThat(p.getConvertedTo()).isEqualTo("edu");
            assertThat(p.getClosedAt()).isEqualTo(DECIDED_AT);
            assertThat(p.getReviews()).extracting(ReviewRecord::getDecision).containsExactly("CONVERT");
        }

        @Test
        void mergingClosesItAndBringsItsProposersIntoTheTarget() {
            Proposal target = withId(aFiledProposal(), 1L);
            Proposal merged = withId(aJointProposal("lisi", "wangwu"), 2L);
            merged.answerCoProposal("lisi", true, ANSWERED_AT);
            merged.answerCoProposal("wangwu", false, ANSWERED_AT);
            merged.openReview(REVIEW_OPENED_ON, REVIEW_DUE);

            merged.mergeInto(target, "与0001号提案内容相近", "office1", DECIDED_AT);

            assertThat(merged.getStatus()).isEqualTo(ProposalStatus.MERGED);
            assertThat(merged.getMergedInto()).isEqualTo(1L);
            assertThat(merged.getClosedAt()).isEqualTo(DECIDED_AT);
            assertThat(merged.getReviews()).extracting(ReviewRecord::getDecision, ReviewRecord::getComment)
                    .containsExactly(tuple("MERGE", "与0001号提案内容相近"));
            // The target's own lead proposer is zhangsan, as is the merged one's: only lisi is new.
            assertThat(target.getCoProposers())
                    .extracting(CoProposer::getPosition, CoProposer::getUserId, CoProposer::getState, CoProposer::getAnsweredAt)
                    .containsExactly(tuple(1, "lisi", CoProposerState.CONFIRMED, DECIDED_AT));
            assertThat(target.getStatus()).isEqualTo(ProposalStatus.FILED);
            assertThat(target.getProposer()).isEqualTo("zhangsan");
        }

        @Test
        void theMergedProposalsLeadProposerJoinsATargetOfSomeoneElse() {
            Proposal target = withId(aFiledProposalBy("zhaoliu"), 1L);
            Proposal merged = withId(aProposalUnderReview(), 2L);

            merged.mergeInto(target, null, "office1", DECIDED_AT);

            assertThat(target.confirmedCoProposers()).containsExactly("zhangsan");
            assertThat(target.isProposerOrCoProposer("zhangsan")).isTrue();
        }

        @Test
        void someoneAlreadyInTheTargetIsNotAddedTwice() {
            Proposal target = withId(aJointProposalBy("zhaoliu", "zhangsan", "lisi"), 1L);
            target.answerCoProposal("zhangsan", true, ANSWERED_AT);
            target.answerCoProposal("lisi", false, ANSWERED_AT);
            target.openReview(REVIEW_OPENED_ON, REVIEW_DUE);
            target.file("0001", "社区建设", false, null, null, "office1", DECIDED_AT);
            Proposal merged = withId(aJointProposal("lisi", "zhaoliu"), 2L);
            merged.answerCoProposal("lisi", true, ANSWERED_AT);
            merged.answerCoProposal("zhaoliu", true, ANSWERED_AT);
            merged.openReview(REVIEW_OPENED_ON, REVIEW_DUE);

            merged.mergeInto(target, null, "office1", CLOSED_AT);

            // zhangsan had confirmed already; lisi, who had declined, is confirmed in place; zhaoliu leads it.
            assertThat(target.getCoProposers())
                    .extracting(CoProposer::getPosition, CoProposer::getUserId, CoProposer::getState, CoProposer::getAnsweredAt)
                    .containsExactly(tuple(1, "zhangsan", CoProposerState.CONFIRMED, ANSWERED_AT),
                            tuple(2, "lisi", CoProposerState.CONFIRMED, CLOSED_AT));
        }

        @Test
        void aProposalCannotBeMergedIntoItself() {
            Proposal p = withId(aProposalUnderReview(), 2L);

            assertThatThrownBy(() -> p.mergeInto(p, null, "office1", DECIDED_AT))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(p.getStatus()).isEqualTo(ProposalStatus.UNDER_REVIEW);
            assertThat(p.getReviews()).isEmpty();
        }

        @Test
        void theMergeTargetsStatusIsLeftToTheReviewStep() {
            // ReviewStep checks that the target is filed and open; the aggregate does not.
            Proposal target = withId(aProposalUnderReviewBy("zhaoliu"), 1L);
            Proposal merged = withId(aProposalUnderReview(), 2L);

            merged.mergeInto(target, null, "office1", DECIDED_AT);

            assertThat(merged.getStatus()).isEqualTo(ProposalStatus.MERGED);
            assertThat(target.confirmedCoProposers()).containsExactly("zhangsan");
        }

        @Test
        void everyReviewDecisionIsRefusedOutsideTheReview() {
            Proposal target = withId(aFiledProposalBy("zhaoliu"), 1L);
            List<Proposal> notUnderReview = List.of(aJointProposal("lisi"), aProposalReturned(), aFiledProposal(),
                    aProposalInHandling(), aRejectedProposal(), aWithdrawnProposal());
            long id = 10;
            for (Proposal p : notUnderReview) {
                withId(p, id++);
                assertRefused(p, q -> q.file("0009", "社区建设", false, null, null, "office1", CLOSED_AT));
                assertRefused(p, q -> q.returnForRevision(null, "office1", CLOSED_AT));
                assertRefused(p, q -> q.reject(RejectGround.OTHER, "其他", "office1", CLOSED_AT));
                assertRefused(p, q -> q.convertToOpinion("edu", null, "office1", CLOSED_AT));
                assertRefused(p, q -> q.mergeInto(target, null, "office1", CLOSED_AT));
            }
            assertThat(target.getCoProposers()).isEmpty();
        }
    }

    // --- withdrawal (Rule 10) ---------------------------------------------------------------------

    @Nested
    class Withdrawal {

        @Test
        void beforeFilingTheProposerWithdrawsAtWill() {
            for (Proposal p : List.of(aJointProposal("lisi"), aProposalUnderReview(), aProposalReturned())) {
                assertThat(p.isWithdrawableWithoutApproval()).as(p.getStatus().name()).isTrue();
                assertThat(p.isWithdrawableWithApproval()).as(p.getStatus().name()).isFalse();

                p.withdraw(CLOSED_AT);

                assertThat(p.getStatus()).isEqualTo(ProposalStatus.WITHDRAWN);
                assertThat(p.getClosedAt()).isEqualTo(CLOSED_AT);
            }
        }

        @Test
        void afterFilingWithdrawalNeedsTheOfficesApproval() {
            for (Proposal p : List.of(aFiledProposal(), aProposalInHandling())) {
                assertThat(p.isWithdrawableWithoutApproval()).as(p.getStatus().name()).isFalse();
                assertThat(p.isWithdrawableWithApproval()).as(p.getStatus().name()).isTrue();

                p.withdraw(CLOSED_AT);

                assertThat(p.getStatus()).isEqualTo(ProposalStatus.WITHDRAWN);
                assertThat(p.getClosedAt()).isEqualTo(CLOSED_AT);
            }
        }

        @Test
        void withdrawalIsRefusedOnceEveryReplyIsInOrTheProposalIsClosed() {
            Proposal awaitingFeedback = aProposalInHandling();
            awaitingFeedback.followUnits(true);
            List<Proposal> tooLate = List.of(awaitingFeedback, aClosedProposal(), aRejectedProposal(),
                    aWithdrawnProposal());
            for (Proposal p : tooLate) {
                assertThat(p.isWithdrawableWithoutApproval()).as(p.getStatus().name()).isFalse();
                assertThat(p.isWithdrawableWithApproval()).as(p.getStatus().name()).isFalse();
                assertRefused(p, q -> q.withdraw(CLOSED_AT.plusSeconds(60)));
            }
        }
    }

    // --- publication (Rule 12) --------------------------------------------------------------------

    @Nested
    class Publication {

        @Test
        void publishingRecordsWhen() {
            Proposal p = aFiledProposal();

            p.publish(true, CLOSED_AT);

            assertThat(p.isPublished()).isTrue();
            assertThat(p.getPublishedAt()).isEqualTo(CLOSED_AT);
        }

        @Test
        void publishingNeedsTheProposersConsent() {
            Proposal p = aFiledProposalWithoutConsent();

            assertThatThrownBy(() -> p.publish(true, CLOSED_AT)).isInstanceOf(ConflictException.class);
            assertThat(p.isPublished()).isFalse();

            p.publish(false, CLOSED_AT);
            assertThat(p.isPublished()).isFalse();
            assertThat(p.getPublishedAt()).isNull();
        }

        @Test
        void decidingNotToPublishClearsThePublication() {
            Proposal p = aFiledProposal();
            p.publish(true, DECIDED_AT);

            p.publish(false, CLOSED_AT);

            assertThat(p.isPublished()).isFalse();
            assertThat(p.getPublishedAt()).isNull();
        }

        @Test
        void repliesArePublishedOnlyForAPublishedProposal() {
            Proposal unpublished = aClosedProposal();
            assertThatThrownBy(() -> unpublished.publishReplies(true)).isInstanceOf(ConflictException.class);
            assertThat(unpublished.isRepliesPublished()).isFalse();
            unpublished.publishReplies(false);
            assertThat(unpublished.isRepliesPublished()).isFalse();

            Proposal published = aClosedProposal();
            published.publish(true, DECIDED_AT);
            published.publishReplies(true);
            assertThat(published.isRepliesPublished()).isTrue();
            published.publishReplies(false);
            assertThat(published.isRepliesPublished()).isFalse();
        }

        @Test
        void publicationDoesNotChangeTheStatus() {
            Proposal p = aProposalInHandling();

            p.publish(true, CLOSED_AT);
            p.publishReplies(true);

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.IN_HANDLING);
        }
    }

    // --- handling ---------------------------------------------------------------------------------

    @Nested
    class Handling {

        @Test
        void aFiledProposalGoesIntoHandlingWhenAssigned() {
            Proposal p = aFiledProposal();

            p.startHandling();

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.IN_HANDLING);
        }

        @Test
        void onlyAFiledProposalGoesIntoHandling() {
            assertRefused(aProposalUnderReview(), Proposal::startHandling);
            assertRefused(aProposalInHandling(), Proposal::startHandling);
            assertRefused(aClosedProposal(), Proposal::startHandling);
        }

        @Test
        void itWaitsForRatingsOnceEveryReplyingUnitHasReplied() {
            Proposal p = aProposalInHandling();

            p.followUnits(true);

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.AWAITING_FEEDBACK);
        }

        @Test
        void itIsHandledAgainWhenAUnitHandlesItAgain() {
            Proposal p = aProposalInHandling();
            p.followUnits(true);

            p.followUnits(false);

            assertThat(p.getStatus()).isEqualTo(ProposalStatus.IN_HANDLING);
        }

        @Test
        void followingTheUnitsLeavesAProposalOutsideHandlingAlone() {
            Proposal filed = aFiledProposal();
            filed.followUnits(true);
            assertThat(filed.getStatus()).isEqualTo(ProposalStatus.FILED);

            Proposal closed = aClosedProposal();
            closed.followUnits(false);
            assertThat(closed.getStatus()).isEqualTo(ProposalStatus.CLOSED);

            Proposal withdrawn = aWithdrawnProposal();
            withdrawn.followUnits(true);
            assertThat(withdrawn.getStatus()).isEqualTo(ProposalStatus.WITHDRAWN);
        }

        @Test
        void closingEndsHandlingOrFeedback() {
            Proposal inHandling = aProposalInHandling();
            inHandling.close(CLOSED_AT);
            assertThat(inHandling.getStatus()).isEqualTo(ProposalStatus.CLOSED);
            assertThat(inHandling.getClosedAt()).isEqualTo(CLOSED_AT);

            Proposal awaitingFeedback = aProposalInHandling();
            awaitingFeedback.followUnits(true);
            awaitingFeedback.close(CLOSED_AT);
            assertThat(awaitingFeedback.getStatus()).isEqualTo(ProposalStatus.CLOSED);
            assertThat(awaitingFeedback.getClosedAt()).isEqualTo(CLOSED_AT);
        }

        @Test
        void closingIsRefusedBeforeHandlingAndOnceClosed() {
            assertRefused(aProposalUnderReview(), p -> p.close(CLOSED_AT));
            assertRefused(aFiledProposal(), p -> p.close(CLOSED_AT));
            assertRefused(aRejectedProposal(), p -> p.close(CLOSED_AT));

            Proposal closed = aClosedProposal();
            assertRefused(closed, p -> p.close(CLOSED_AT.plusSeconds(60)));
            assertThat(closed.getClosedAt()).isEqualTo(CLOSED_AT);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Session 10-6 with id 7: the factory reads only its id and code (its constructor is package-private). */
    static CommitteeSession aSession() {
        return new CommitteeSession() {
            @Override
            public Long getId() {
                return 7L;
            }

            @Override
            public String getCode() {
                return "10-6";
            }

            @Override
            public String getName() {
                return "政协第十届委员会第六次会议";
            }
        };
    }

    static Proposal aProposal() {
        return aProposalBy("zhangsan");
    }

    static Proposal aProposalBy(String proposer) {
        return Proposal.submitted(aSession(), 12, ProposalKind.PLENARY, proposer, proposer, ProposerType.MEMBER, TEXT,
                "群众生产生活", true, List.of(), SUBMITTED_AT, NAMES);
    }

    static Proposal aJointProposal(String... coProposers) {
        return aJointProposalBy("zhangsan", coProposers);
    }

    static Proposal aJointProposalBy(String proposer, String... coProposers) {
        return Proposal.submitted(aSession(), 13, ProposalKind.PLENARY, proposer, proposer, ProposerType.JOINT, TEXT,
                null, true, List.of(coProposers), SUBMITTED_AT, NAMES);
    }

    static Proposal aProposalUnderReview() {
        return aProposalUnderReviewBy("zhangsan");
    }

    static Proposal aProposalUnderReviewBy(String proposer) {
        Proposal p = aProposalBy(proposer);
        p.openReview(REVIEW_OPENED_ON, REVIEW_DUE);
        return p;
    }

    static Proposal aProposalReturned() {
        Proposal p = aProposalUnderReview();
        p.returnForRevision("请补充具体建议", "office1", DECIDED_AT);
        return p;
    }

    static Proposal aFiledProposal() {
        return aFiledProposalBy("zhangsan");
    }

    static Proposal aFiledProposalBy(String proposer) {
        Proposal p = aProposalUnderReviewBy(proposer);
        p.file("0001", "社区建设", false, null, "同意立案", "office1", DECIDED_AT);
        return p;
    }

    static Proposal aFiledProposalWithoutConsent() {
        Proposal p = Proposal.submitted(aSession(), 14, ProposalKind.PLENARY, "zhangsan", "zhangsan",
                ProposerType.MEMBER, TEXT, null, false, List.of(), SUBMITTED_AT, NAMES);
        p.openReview(REVIEW_OPENED_ON, REVIEW_DUE);
        p.file("0004", "社区建设", false, null, null, "office1", DECIDED_AT);
        return p;
    }

    static Proposal aProposalInHandling() {
        Proposal p = aFiledProposal();
        p.startHandling();
        return p;
    }

    static Proposal aClosedProposal() {
        Proposal p = aProposalInHandling();
        p.followUnits(true);
        p.close(CLOSED_AT);
        return p;
    }

    static Proposal aRejectedProposal() {
        Proposal p = aProposalUnderReview();
        p.reject(RejectGround.NO_SUGGESTION, "内容空泛", "office1", DECIDED_AT);
        return p;
    }

    static Proposal aWithdrawnProposal() {
        Proposal p = aProposalUnderReview();
        p.withdraw(DECIDED_AT);
        return p;
    }

    /** The id the database would give; {@code mergeInto} compares and records ids, and there is no setter. */
    static Proposal withId(Proposal p, long id) {
        ReflectionTestUtils.setField(p, "id", id);
        return p;
    }

    /** The change is refused with 409 and leaves the status as it was. */
    static void assertRefused(Proposal p, Consumer<Proposal> change) {
        ProposalStatus before = p.getStatus();
        assertThatThrownBy(() -> change.accept(p)).as("from " + before).isInstanceOf(ConflictException.class);
        assertThat(p.getStatus()).isEqualTo(before);
    }

    /**
     * Reads the events a proposal registered, without reflection: as a subclass it may take them over
     * with {@code andEventsFrom} and read its own {@code domainEvents()}, both protected.
     */
    static final class EventsOf extends Proposal {

        static List<Object> proposal(Proposal p) {
            EventsOf events = new EventsOf();
            events.andEventsFrom(p);
            return List.copyOf(events.domainEvents());
        }
    }
}
