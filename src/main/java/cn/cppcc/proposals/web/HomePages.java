package cn.cppcc.proposals.web;

import cn.cppcc.proposals.shared.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The login page, and the start page: the user's open tasks, each with its page. */
@Controller
class HomePages {

    private final OpenTasks openTasks;
    private final CurrentActor currentActor;

    HomePages(OpenTasks openTasks, CurrentActor currentActor) {
        this.openTasks = openTasks;
        this.currentActor = currentActor;
    }

    @GetMapping("/login")
    String login() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        return "login";
    }

    /**
     * A login the throttle refused, forwarded here by the form login (PageSecurityConfiguration) with
     * status 429: the login page again, saying how many minutes to wait. Asked for directly, the
     * login page.
     */
    @RequestMapping(PageSecurityConfiguration.LOGIN_BLOCKED_PATH)
    String loginBlocked(HttpServletRequest request, Model model) {
        if (!(request.getAttribute(PageSecurityConfiguration.LOGIN_BLOCKED_WAIT) instanceof Duration wait)) {
            return "redirect:/login";
        }
        model.addAttribute("blockedMinutes", (wait.toSeconds() + 59) / 60);
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("tasks", openTasks.mine(currentActor.get()));
        return "home";
    }
}
