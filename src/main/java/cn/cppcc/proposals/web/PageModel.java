package cn.cppcc.proposals.web;

import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the layout of every page needs: who is logged in, and the links that switch the language. */
@ControllerAdvice(basePackages = "cn.cppcc.proposals.web")
class PageModel {

    private final IdentityService identityService;
    private final Directory directory;

    PageModel(IdentityService identityService, Directory directory) {
        this.identityService = identityService;
        this.directory = directory;
    }

    @ModelAttribute("me")
    PageUser me() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return null;
        }
        Actor actor = new Actor(authentication.getUserId(),
                authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
        return PageUser.of(actor, directory.displayName(actor.userId()));
    }

    @ModelAttribute("langZh")
    String chinese(HttpServletRequest request) {
        return switchTo(request, "zh_CN");
    }

    @ModelAttribute("langEn")
    String english(HttpServletRequest request) {
        return switchTo(request, "en");
    }

    /**
     * This page again in another language. A form shown again after bad input switches to the
     * address of its page: a unit's consultation, reply or opinion to the handling page, a new
     * proposal to its form.
     */
    static String switchTo(HttpServletRequest request, String language) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean get = "GET".equals(request.getMethod());
        if (!get) {
            path = path.replaceFirst("/units/([^/]+)/(consultations|reply|opinion)$", "/units/$1/handling");
            path = path.equals("/proposals") ? "/proposals/new" : path;
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (get && request.getQueryString() != null) {
            uri.query(request.getQueryString());
        }
        return uri.replaceQueryParam(PageLocale.PARAMETER, language).build().toUriString();
    }
}
