package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Decides whether an actor may take a step on its subject, from the project's records: the
 * proposal's proposers and supervisor, the unit that owns the unit-handling instance, the actor's
 * groups. {@link StepDispatcher} asks it for every completion, whichever door it came through.
 */
@Component
public class StepGuard {

    private final ProposalParticipants participants;

    StepGuard(ProposalParticipants participants) {
        this.participants = participants;
    }

    /** @throws ForbiddenException (403) naming who may take it, when the actor may not */
    public void check(Taker taker, StepSubject subject, Actor actor) {
        if (!may(taker, subject, actor)) {
            throw new ForbiddenException(taker.refusal());
        }
    }

    public boolean may(Taker taker, StepSubject subject, Actor actor) {
        return switch (taker) {
            case OFFICE -> actor.isOffice();
            case LEAD_PROPOSER -> participants.leadProposer(subject.proposalId()).filter(actor.userId()::equals).isPresent();
            case CO_PROPOSER -> participants.isInvitedCoProposer(subject.proposalId(), actor.userId());
            case UNIT_HANDLER -> subject.unitCode() != null && actor.handles(subject.unitCode());
            case UNIT_LEADER -> subject.unitCode() != null && actor.leads(subject.unitCode());
            case KEY_SUPERVISOR -> supervises(subject, actor);
            case OFFICE_OR_KEY_SUPERVISOR -> actor.isOffice() || supervises(subject, actor);
        };
    }

    private boolean supervises(StepSubject subject, Actor actor) {
        return actor.isIn(Actor.SUPERVISORS)
                && participants.keySupervisor(subject.proposalId()).filter(actor.userId()::equals).isPresent();
    }
}
