package cn.cppcc.proposals.web.admin;

import cn.cppcc.proposals.notification.MailTemplates;
import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.web.FormValues;
import cn.cppcc.proposals.web.StepRunner;
import java.util.Arrays;
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
 * The mail templates 邮件模板, one per event: the list, and one to edit with the placeholders it may
 * use; {@link MailTemplates#update(String, java.util.Map, String)} checks it as for the API and its
 * messages appear next to the fields. The next mail of the event uses it.
 */
@Controller
class MailTemplatePages {

    private final MailTemplates templates;
    private final AdminOnly adminOnly;
    private final StepRunner runner;

    MailTemplatePages(MailTemplates templates, AdminOnly adminOnly, StepRunner runner) {
        this.templates = templates;
        this.adminOnly = adminOnly;
        this.runner = runner;
    }

    @GetMapping("/admin/mail-templates")
    String list(Model model) {
        adminOnly.require();
        model.addAttribute("templates", templates.all());
        return "admin/mail-templates";
    }

    @GetMapping("/admin/mail-templates/{event}")
    String edit(@PathVariable String event, Model model) {
        adminOnly.require();
        MailTemplates.Template template = templates.get(known(event));
        return form(event, FormValues.empty().with("subject", template.subject()).with("body", template.body()), model);
    }

    @PostMapping("/admin/mail-templates/{event}")
    String save(@PathVariable String event, @RequestParam MultiValueMap<String, String> values, Model model,
            RedirectAttributes flash) {
        Actor actor = adminOnly.require();
        known(event);
        FormValues form = FormValues.of(values);
        StepRunner.Outcome<Void> outcome = runner.run(() -> templates.update(event, form.fields(Set.of()), actor.userId()));
        if (outcome.ok()) {
            flash.addFlashAttribute("success", "flash.templateSaved");
            return "redirect:/admin/mail-templates";
        }
        // the messages next to the fields only: the API's names of the fields ("body": 请求体) would mislead here
        model.addAttribute("errors", outcome.fieldErrors());
        return form(event, form, model);
    }

    private String form(String event, FormValues form, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        model.addAttribute("placeholders", MailTemplates.placeholders());
        return "admin/mail-template";
    }

    private static NotificationEvent known(String event) {
        return Arrays.stream(NotificationEvent.values()).filter(e -> e.name().equals(event)).findFirst()
                .orElseThrow(() -> new NotFoundException("没有该邮件模板：" + event));
    }
}
