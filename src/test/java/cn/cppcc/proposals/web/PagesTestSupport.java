package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.web.PageSession.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages' tests: a logged-in session per demo user, and what a page shows, read from its HTML. */
abstract class PagesTestSupport extends IntegrationTestSupport {

    static final Pattern LIST_TOTAL = Pattern.compile("id=\"list-total\" data-total=\"(\\d+)\"");
    static final Pattern LIST_ITEM = Pattern.compile("<tr class=\"list-item\" data-id=\"(\\d+)\"");

    @LocalServerPort
    int port;

    PageSession as(String user) {
        PageSession session = new PageSession(port);
        Page home = session.login(user);
        assertThat(home.status()).as("login of %s", user).isEqualTo(200);
        assertThat(home.path()).isEqualTo("/");
        return session;
    }

    PageSession anonymous() {
        return new PageSession(port);
    }

    /** The total the list page says it found. */
    static long listTotal(Page list) {
        Matcher total = LIST_TOTAL.matcher(list.body());
        assertThat(total.find()).as("a list page: %s", list.path()).isTrue();
        return Long.parseLong(total.group(1));
    }

    /** The ids of the proposals on the list page, one per row (a proposal once per unit in a unit figure's list). */
    static List<Long> listIds(Page list) {
        List<Long> ids = new ArrayList<>();
        Matcher item = LIST_ITEM.matcher(list.body());
        while (item.find()) {
            ids.add(Long.parseLong(item.group(1)));
        }
        return ids;
    }

    /** The text of HTML, without tags, with the entities the pages use decoded. */
    static String text(String html) {
        return unescape(html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
