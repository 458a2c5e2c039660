package cn.cppcc.proposals.web;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.shared.ProposalSettings;
import org.springframework.stereotype.Component;

/** Names for ids on the pages ({@code ${@pageNames.user(id)}}): users, units, reply classes. */
@Component("pageNames")
public class PageNames {

    private final Directory directory;
    private final Catalog catalog;
    private final ProposalSettings settings;

    PageNames(Directory directory, Catalog catalog, ProposalSettings settings) {
        this.directory = directory;
        this.catalog = catalog;
        this.settings = settings;
    }

    public String user(String userId) {
        return userId == null ? "" : directory.displayName(userId);
    }

    public String unit(String code) {
        return code == null ? "" : catalog.unitName(code);
    }

    /** E.g. "B 正在解决或列入计划解决": the classes and their labels are configuration. */
    public String replyClass(String code) {
        if (code == null) {
            return "";
        }
        return settings.reply().replyClass(code).map(c -> c.code() + " " + c.label()).orElse(code);
    }
}
