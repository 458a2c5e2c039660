package cn.cppcc.proposals.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The passage of a search hit: plain text, never HTML, the words searched for marked 【like
 * this】. The text's own 【】 become 〖〗 so that the marks are only ever hits, and runs of white
 * space become one space. A page shows it as text (escaped), marking what is between 【】.
 */
final class Snippets {

    static final char OPEN = '【';
    static final char CLOSE = '】';
    private static final String ELLIPSIS = "…";

    private Snippets() {
    }

    /** A hit: characters {@code start} (inclusive) to {@code end} (exclusive). */
    private record Span(int start, int end) {}

    /**
     * The best passage of at most about {@code length} characters among {@code texts}: the one
     * with the most different terms searched for, or the start of the first text when none has any.
     */
    static String best(List<String> texts, Set<String> wordTerms, Set<String> bigramTerms, Analyzer words,
            Analyzer bigrams, int length) {
        String bestText = null;
        List<Span> bestSpans = List.of();
        int bestDistinct = 0;
        for (String raw : texts) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String text = clean(raw);
            Set<String> found = new HashSet<>();
            List<Span> spans = new ArrayList<>();
            spans.addAll(hits(text, words, wordTerms, found));
            spans.addAll(hits(text, bigrams, bigramTerms, found));
            if (bestText == null || found.size() > bestDistinct) {
                bestText = text;
                bestSpans = merge(spans);
                bestDistinct = found.size();
            }
        }
        if (bestText == null) {
            return "";
        }
        return passage(bestText, bestSpans, length);
    }

    static String clean(String text) {
        return text.strip().replaceAll("\\s+", " ").replace(OPEN, '〖').replace(CLOSE, '〗');
    }

    private static List<Span> hits(String text, Analyzer analyzer, Set<String> terms, Set<String> found) {
        List<Span> spans = new ArrayList<>();
        if (terms.isEmpty()) {
            return spans;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String value = term.toString();
                if (terms.contains(value)) {
                    found.add(value);
                    spans.add(new Span(offset.startOffset(), offset.endOffset()));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spans;
    }

    /** Sorted, with overlapping and touching spans joined: 【电动】【动车】 becomes 【电动车】. */
    private static List<Span> merge(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Span> merged = new ArrayList<>();
        for (Span span : sorted) {
            if (!merged.isEmpty() && span.start() <= merged.get(merged.size() - 1).end()) {
                Span last = merged.remove(merged.size() - 1);
                merged.add(new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** The window of {@code length} characters holding the most hits, a little context before the first. */
    private static String passage(String text, List<Span> spans, int length) {
        int start = 0;
        if (text.length() > length && !spans.isEmpty()) {
            int bestCount = -1;
            for (Span first : spans) {
                int from = Math.max(0, first.start() - 10);
                int count = 0;
                for (Span span : spans) {
                    if (span.start() >= from && span.end() <= from + length) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    bestCount = count;
                    start = from;
                }
            }
        }
        int end = Math.min(text.length(), start + length);
        // Neither cut a hit in two nor a character outside the basic plane.
        for (Span span : spans) {
            if (span.start() < end && span.end() > end) {
                end = span.start() > start ? span.start() : span.end();
            }
        }
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder();
        if (start > 0) {
            out.append(ELLIPSIS);
        }
        int at = start;
        for (Span span : spans) {
            if (span.end() <= start || span.start() >= end) {
                continue;
            }
            int from = Math.max(span.start(), start);
            int to = Math.min(span.end(), end);
            out.append(text, at, from).append(OPEN).append(text, from, to).append(CLOSE);
            at = to;
        }
        out.append(text, at, end);
        if (end < text.length()) {
            out.append(ELLIPSIS);
        }
        return out.toString();
    }
}
