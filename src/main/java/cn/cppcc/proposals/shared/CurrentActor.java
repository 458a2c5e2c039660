package cn.cppcc.proposals.shared;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The acting user as the engine knows it. The API sets it per request, Camunda's webapps set it
 * for Tasklist, so a step sees the same actor whichever door was used.
 */
@Component
public class CurrentActor {

    private final IdentityService identityService;

    public CurrentActor(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The authenticated user; fails with 403 when nobody is authenticated. */
    public Actor get() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new ForbiddenException("未登录，不能办理");
        }
        return new Actor(authentication.getUserId(),
                authentication.getGroupIds() == null ? java.util.List.of() : authentication.getGroupIds());
    }
}
