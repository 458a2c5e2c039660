package cn.cppcc.proposals.web.admin;

import cn.cppcc.proposals.identity.UserAdministration;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.web.FormValues;
import cn.cppcc.proposals.web.StepRunner;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The users 用户 of the identity store, for admins, through {@link UserAdministration} (the service
 * of {@code /api/admin/users}): the list with groups and state, a new user, one user's name, e-mail
 * and groups, a new password, disable and enable (with a new password). Its messages appear next
 * to the fields; refusals (disable oneself, change a disabled user) above the page.
 */
@Controller
class UserPages {

    static final Set<String> LIST_FIELDS = Set.of("groups");

    private final UserAdministration users;
    private final AdminOnly adminOnly;
    private final StepRunner runner;

    UserPages(UserAdministration users, AdminOnly adminOnly, StepRunner runner) {
        this.users = users;
        this.adminOnly = adminOnly;
        this.runner = runner;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        adminOnly.require();
        return listPage(FormValues.empty(), model);
    }

    @PostMapping("/admin/users")
    String create(@RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes flash) {
        adminOnly.require();
        FormValues form = FormValues.of(values);
        StepRunner.Outcome<Void> outcome = runner.run(() -> users.create(form.fields(LIST_FIELDS)));
        if (outcome.ok()) {
            flash.addFlashAttribute("success", "flash.userCreated");
            return "redirect:/admin/users/" + form.get("id").strip();
        }
        showErrors(outcome, model);
        return listPage(form, model);
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable String id, Model model) {
        adminOnly.require();
        UserAdministration.UserView user = users.user(id);
        return userPage(user, current(user), model);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            RedirectAttributes flash) {
        adminOnly.require();
        FormValues form = FormValues.of(values);
        UserAdministration.UserView user = users.user(id);
        StepRunner.Outcome<Void> outcome = runner.run(() -> users.update(id, form.fields(LIST_FIELDS)));
        return after(outcome, id, "flash.userSaved", user, form, model, flash);
    }

    @PostMapping("/admin/users/{id}/password")
    String password(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            RedirectAttributes flash) {
        adminOnly.require();
        UserAdministration.UserView user = users.user(id);
        StepRunner.Outcome<Void> outcome = runner.run(() -> users.setPassword(id, FormValues.of(values).fields(Set.of())));
        return after(outcome, id, "flash.passwordSet", user, current(user), model, flash);
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable String id, RedirectAttributes flash) {
        Actor admin = adminOnly.require();
        users.user(id);
        StepRunner.Outcome<Void> outcome = runner.run(() -> users.disable(id, admin.userId()));
        if (outcome.ok()) {
            flash.addFlashAttribute("success", "flash.userDisabled");
        } else {
            flash.addFlashAttribute("error", outcome.flashError());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            RedirectAttributes flash) {
        adminOnly.require();
        UserAdministration.UserView user = users.user(id);
        StepRunner.Outcome<Void> outcome = runner.run(() -> users.enable(id, FormValues.of(values).fields(Set.of())));
        return after(outcome, id, "flash.userEnabled", user, current(user), model, flash);
    }

    private String after(StepRunner.Outcome outcome, String id, String success, UserAdministration.UserView user,
            FormValues form, Model model, RedirectAttributes flash) {
        if (outcome.ok()) {
            flash.addFlashAttribute("success", success);
            return "redirect:/admin/users/" + id;
        }
        if (outcome.flashError() != null) {
            flash.addFlashAttribute("error", outcome.flashError());
            return "redirect:/admin/users/" + id;
        }
        showErrors(outcome, model);
        return userPage(user, form, model);
    }

    private static FormValues current(UserAdministration.UserView user) {
        FormValues form = FormValues.empty().with("name", user.name()).with("email", user.email());
        user.groups().forEach(group -> form.add("groups", group));
        return form;
    }

    private static void showErrors(StepRunner.Outcome outcome, Model model) {
        model.addAttribute("errors", outcome.fieldErrors());
        model.addAttribute("errorSummary", outcome.summary());
    }

    private String listPage(FormValues form, Model model) {
        model.addAttribute("users", users.users());
        model.addAttribute("groups", users.groups());
        model.addAttribute("form", form);
        return "admin/users";
    }

    private String userPage(UserAdministration.UserView user, FormValues form, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("groups", users.groups());
        model.addAttribute("form", form);
        return "admin/user";
    }
}
