package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.shared.Input;

/** Rule 1: title 案由 (at most 100 characters), situation and analysis 案据, suggestions 办法. */
public record ProposalText(String title, String background, String suggestions) {

    public static final int TITLE_MAX = 100;
    public static final int TEXT_MAX = 20000;

    /** Reads and checks the three fields; problems are collected in {@code input}. */
    public static ProposalText read(Input input) {
        String title = input.requiredText("title", TITLE_MAX);
        String background = input.requiredText("background", TEXT_MAX);
        String suggestions = input.requiredText("suggestions", TEXT_MAX);
        return new ProposalText(title, background, suggestions);
    }
}
