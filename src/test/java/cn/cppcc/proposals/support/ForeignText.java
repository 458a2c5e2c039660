package cn.cppcc.proposals.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Chinese screen must not show where Chinese prose belongs (issue 14): an enum constant
 * (FILE, LEAD_AND_CO), a demo user's id where their name exists (member1, edu-lead), an ISO or UTC
 * time (2026-12-15T15:59:59Z), the engine's error codes (ENGINE-03051). E-mail addresses are
 * contact details, not ids, and are left out first.
 */
public final class ForeignText {

    /** The enum constants the screens could leak: decisions, modes, roles, methods, ratings, statuses, kinds. */
    static final Pattern ENUM = Pattern.compile("\\b(?:[A-Z]{2,}_[A-Z_]{2,}|FILE|RETURN|REJECT|CONVERT|MERGE|SINGLE|SEPARATE"
            + "|MEMBER|JOINT|PARTY|ORGANISATION|COMMITTEE|SATISFIED|DISSATISFIED|PHONE|WRITTEN|MEETING|CONSULTATION|REPLY"
            + "|SUBMITTED|FILED|REJECTED|CONVERTED|MERGED|WITHDRAWN|CLOSED|RECORDED|PENDING|SENT|SIGNED|ACCEPTED|OBJECTED"
            + "|PLENARY|INTERIM|REASSIGN|UPHOLD|LEAD|CO)\\b");
    static final Pattern USER_ID = Pattern.compile("\\b(?:(?:member|office|edu|transport|housing|chair|auditor)\\d"
            + "|(?:edu|transport|housing)-lead)\\b");
    static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\bUTC\\b|\\bGMT\\b");
    static final Pattern ENGINE = Pattern.compile("ENGINE-\\d+|\\bTaskListener\\b|Exception\\b");
    static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");

    private ForeignText() {
    }

    /** Each finding as {@code kind: text …context…}; empty when the text is clean. */
    public static List<String> in(String text) {
        String clean = EMAIL.matcher(text).replaceAll(" ");
        List<String> found = new ArrayList<>();
        find("enum", ENUM, clean, found);
        find("user id", USER_ID, clean, found);
        find("time", ISO_TIME, clean, found);
        find("engine", ENGINE, clean, found);
        return found;
    }

    private static void find(String kind, Pattern pattern, String text, List<String> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String context = text.substring(Math.max(0, m.start() - 20), Math.min(text.length(), m.end() + 20))
                    .replaceAll("\\s+", " ");
            found.add(kind + ": " + m.group() + " …" + context + "…");
        }
    }
}
