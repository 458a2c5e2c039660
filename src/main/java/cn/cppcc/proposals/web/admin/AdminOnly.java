package cn.cppcc.proposals.web.admin;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/** The administrators' pages are for the group {@code admins} only. */
@Component
class AdminOnly {

    private final CurrentActor currentActor;

    AdminOnly(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    Actor require() {
        Actor actor = currentActor.get();
        if (!actor.isIn(Actor.ADMINS)) {
            throw new ForbiddenException("只有系统管理员可以使用管理页面");
        }
        return actor;
    }
}
