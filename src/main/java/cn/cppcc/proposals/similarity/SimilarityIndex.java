package cn.cppcc.proposals.similarity;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The Lucene index of proposals and the two questions asked of it: which proposals are like this
 * text (Rules 1 and 3), and which ones contain these words (the search of the office and
 * auditors). Plain Java, so that the application and the evaluation of
 * {@code src/test/resources/similarity} run the same indexing and the same queries. Thread-safe:
 * writes are visible to the next query once a write method returns.
 *
 * <p>Each text is indexed twice, as words and as character pairs ({@link ChineseAnalysis}), in
 * three parts: the title 案由, the text (案据 and 办法) and the sent replies. A similarity query
 * is built from the draft's own terms (the title's, and the text's most distinctive ones), with
 * the title weighing more than the text; its score is the share of that query's weight the
 * proposal reaches, from 0 to 1.
 */
final class SimilarityIndex implements Closeable {

    static final String ID = "id";
    static final String NUMBER = "number";
    static final String STATUS = "status";
    static final String FILED = "filed";
    static final String PARTICIPANT = "participant";
    static final String CATEGORY = "category";
    static final String SESSION = "session";
    static final String SESSION_ORDER = "sessionOrder";
    static final String TITLE = "title";
    static final String BACKGROUND = "background";
    static final String SUGGESTIONS = "suggestions";
    static final String REPLIES = "replies";

    /** The analysed parts of a proposal; each is indexed as words and as character pairs. */
    enum Part {
        TITLE, TEXT, REPLY;

        String words() {
            return name().toLowerCase() + "_w";
        }

        String bigrams() {
            return name().toLowerCase() + "_b";
        }
    }

    /**
     * How a similarity query weighs its terms.
     *
     * @param titleWeight  a term found in a proposal's title, against 1 for one found in its text
     * @param bigramWeight the character pairs, against 1 for words
     * @param maxTextTerms how many of the draft text's most distinctive terms (of each kind) it asks for,
     *                     besides every term of the draft's title
     */
    record Weights(float titleWeight, float bigramWeight, int maxTextTerms) {

        static final Weights DEFAULT = new Weights(1.5f, 0.6f, 30);
    }

    /** Which proposals a similarity query may find. */
    record Scope(Long excludeId, Long maxSessionOrder, Set<String> excludedStatuses, String visibleTo) {

        Scope {
            excludedStatuses = Set.copyOf(excludedStatuses);
        }

        /** Every proposal. */
        static Scope all() {
            return new Scope(null, null, Set.of(), null);
        }

        /** Without one proposal, e.g. the one whose similar proposals are asked for. */
        Scope excluding(long id) {
            return new Scope(id, maxSessionOrder, excludedStatuses, visibleTo);
        }
    }

    /** A proposal found like the draft; {@code score} from 0 to 1, higher is more alike. */
    record Hit(long id, String number, String title, String category, String status, String session, double score) {}

    /** A proposal found by the search, with the best passage, hits marked 【like this】. */
    record SearchHit(long id, String number, String title, String status, String snippet, double score) {}

    record SearchPage(List<SearchHit> items, long total) {}

    static final int SNIPPET_LENGTH = 120;
    /** Lucene's default; a search deeper than this is not a search any more. */
    static final int MAX_SEARCH_DEPTH = 10_000;

    private final Directory directory;
    private final Analyzer words = ChineseAnalysis.words();
    private final Analyzer bigrams = ChineseAnalysis.bigrams();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Weights weights;

    /** An index in {@code directory}, which it owns and closes; what was in it stays. */
    SimilarityIndex(Directory directory, Weights weights) {
        this.directory = directory;
        this.weights = weights;
        Map<String, Analyzer> perField = new HashMap<>();
        for (Part part : Part.values()) {
            perField.put(part.bigrams(), bigrams);
        }
        try {
            IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(words, perField));
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the similarity index", e);
        }
    }

    /** An empty index in memory. */
    static SimilarityIndex inMemory() {
        return new SimilarityIndex(new ByteBuffersDirectory(), Weights.DEFAULT);
    }

    // --- writing --------------------------------------------------------------------------------

    /** Adds the proposal, or replaces what the index had of it. */
    void put(IndexedProposal proposal) {
        putAll(List.of(proposal));
    }

    void putAll(Collection<IndexedProposal> proposals) {
        try {
            for (IndexedProposal proposal : proposals) {
                writer.updateDocument(new Term(ID, Long.toString(proposal.id())), document(proposal));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the similarity index", e);
        }
    }

    void remove(long id) {
        try {
            writer.deleteDocuments(new Term(ID, Long.toString(id)));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the similarity index", e);
        }
    }

    void clear() {
        try {
            writer.deleteAll();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the similarity index", e);
        }
    }

    /** Makes the writes so far durable (for an index on disk). */
    void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the similarity index", e);
        }
    }

    int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    private static Document document(IndexedProposal p) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(p.id()), Field.Store.YES));
        if (p.number() != null) {
            doc.add(new StringField(NUMBER, p.number(), Field.Store.YES));
            doc.add(new StringField(FILED, "true", Field.Store.NO));
        }
        doc.add(new StringField(STATUS, p.status(), Field.Store.YES));
        if (p.category() != null) {
            doc.add(new StoredField(CATEGORY, p.category()));
        }
        if (p.session() != null) {
            doc.add(new StoredField(SESSION, p.session()));
        }
        doc.add(new LongPoint(SESSION_ORDER, p.sessionOrder()));
        for (String user : p.participants()) {
            doc.add(new StringField(PARTICIPANT, user, Field.Store.NO));
        }
        doc.add(new StoredField(TITLE, p.title()));
        doc.add(new StoredField(BACKGROUND, p.background()));
        doc.add(new StoredField(SUGGESTIONS, p.suggestions()));
        addText(doc, Part.TITLE, p.title());
        addText(doc, Part.TEXT, text(p.background(), p.suggestions()));
        for (IndexedProposal.SentReply reply : p.replies()) {
            doc.add(new StoredField(REPLIES, reply.text()));
            addText(doc, Part.REPLY, reply.text());
        }
        return doc;
    }

    private static void addText(Document doc, Part part, String text) {
        doc.add(new TextField(part.words(), text, Field.Store.NO));
        doc.add(new TextField(part.bigrams(), text, Field.Store.NO));
    }

    // --- similar proposals ----------------------------------------------------------------------

    /**
     * The proposals most like the draft, best first.
     *
     * @param title       the draft's title, must not be {@code null}
     * @param background  its background 案据, may be {@code null}
     * @param suggestions its suggestions 办法, may be {@code null}
     */
    List<Hit> similar(String title, String background, String suggestions, Scope scope, int limit) {
        return withSearcher(searcher -> {
            WeightedQuery like = likeQuery(searcher, title, text(background, suggestions));
            if (like.maxScore() <= 0) {
                return List.of();
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(like.query(), Occur.MUST);
            restrict(query, scope);
            TopDocs top = searcher.search(query.build(), limit);
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                Document doc = stored.document(scoreDoc.doc);
                hits.add(new Hit(Long.parseLong(doc.get(ID)), doc.get(NUMBER), doc.get(TITLE), doc.get(CATEGORY),
                        doc.get(STATUS), doc.get(SESSION), Math.min(1.0, scoreDoc.score / like.maxScore())));
            }
            return hits;
        });
    }

    private static void restrict(BooleanQuery.Builder query, Scope scope) {
        if (scope.excludeId() != null) {
            query.add(new TermQuery(new Term(ID, Long.toString(scope.excludeId()))), Occur.MUST_NOT);
        }
        if (scope.maxSessionOrder() != null) {
            query.add(LongPoint.newRangeQuery(SESSION_ORDER, Long.MIN_VALUE, scope.maxSessionOrder()), Occur.FILTER);
        }
        for (String status : scope.excludedStatuses()) {
            query.add(new TermQuery(new Term(STATUS, status)), Occur.MUST_NOT);
        }
        if (scope.visibleTo() != null) {
            query.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(FILED, "true")), Occur.SHOULD)
                    .add(new TermQuery(new Term(PARTICIPANT, scope.visibleTo())), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
    }

    /** A query and the score a proposal would reach by containing each of its terms without end. */
    private record WeightedQuery(Query query, double maxScore) {}

    private WeightedQuery likeQuery(IndexSearcher searcher, String title, String text) throws IOException {
        Map<Term, Float> boosts = new LinkedHashMap<>();
        addLikeTerms(searcher, boosts, words, Part::words, title, text, 1f);
        addLikeTerms(searcher, boosts, bigrams, Part::bigrams, title, text, weights.bigramWeight());
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        double maxScore = 0;
        for (Map.Entry<Term, Float> entry : boosts.entrySet()) {
            double idf = idf(searcher, entry.getKey());
            if (idf <= 0) {
                continue; // in no proposal: cannot make one more alike than another
            }
            query.add(new BoostQuery(new TermQuery(entry.getKey()), entry.getValue()), Occur.SHOULD);
            maxScore += entry.getValue() * idf;
        }
        return new WeightedQuery(query.build(), maxScore);
    }

    private void addLikeTerms(IndexSearcher searcher, Map<Term, Float> boosts, Analyzer analyzer,
            Function<Part, String> field, String title, String text, float weight) throws IOException {
        Map<String, Float> wanted = new HashMap<>();
        // Every term of the title counts fully ...
        for (String term : terms(analyzer, title)) {
            wanted.put(term, 1f);
        }
        // ... and the text's most distinctive terms (frequent in it, rare in the index: tf-idf),
        // relative to the most distinctive one.
        Map<String, Integer> frequencies = new HashMap<>();
        for (String term : terms(analyzer, text)) {
            frequencies.merge(term, 1, Integer::sum);
        }
        Map<String, Double> relevance = new HashMap<>();
        for (Map.Entry<String, Integer> entry : frequencies.entrySet()) {
            double idf = idf(searcher, new Term(field.apply(Part.TEXT), entry.getKey()));
            if (idf > 0) {
                relevance.put(entry.getKey(), (1 + Math.log(entry.getValue())) * idf);
            }
        }
        double best = relevance.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        relevance.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(weights.maxTextTerms())
                .forEach(entry -> wanted.merge(entry.getKey(), (float) (entry.getValue() / best), Math::max));
        // Each is looked for in the proposals' titles, where it weighs more, and in their texts.
        for (Map.Entry<String, Float> entry : wanted.entrySet()) {
            boosts.merge(new Term(field.apply(Part.TITLE), entry.getKey()),
                    entry.getValue() * weights.titleWeight() * weight, Float::sum);
            boosts.merge(new Term(field.apply(Part.TEXT), entry.getKey()), entry.getValue() * weight, Float::sum);
        }
    }

    /** BM25's idf, as Lucene scores it; 0 when no proposal has the term. */
    private static double idf(IndexSearcher searcher, Term term) throws IOException {
        int docFreq = searcher.getIndexReader().docFreq(term);
        CollectionStatistics collection = searcher.collectionStatistics(term.field());
        if (docFreq == 0 || collection == null) {
            return 0;
        }
        long docCount = collection.docCount();
        return Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
    }

    // --- search ---------------------------------------------------------------------------------

    /**
     * The proposals containing the words of {@code q} (most of them when there are several), in
     * their title, text or replies, best first, with the proposal's number matched as well.
     */
    SearchPage search(String q, int page, int size) {
        return withSearcher(searcher -> {
            Set<String> wordTerms = new LinkedHashSet<>(terms(words, q));
            Set<String> bigramTerms = new LinkedHashSet<>(terms(bigrams, q));
            Query query = searchQuery(q.strip(), wordTerms, bigramTerms);
            if (query == null) {
                return new SearchPage(List.of(), 0);
            }
            long total = searcher.count(query);
            int from = page * size;
            if (from >= total || from >= MAX_SEARCH_DEPTH) {
                return new SearchPage(List.of(), total);
            }
            TopDocs top = searcher.search(query, Math.min(from + size, MAX_SEARCH_DEPTH));
            StoredFields stored = searcher.storedFields();
            List<SearchHit> items = new ArrayList<>();
            for (int i = from; i < top.scoreDocs.length; i++) {
                Document doc = stored.document(top.scoreDocs[i].doc);
                List<String> texts = new ArrayList<>(List.of(doc.get(BACKGROUND), doc.get(SUGGESTIONS)));
                texts.addAll(List.of(doc.getValues(REPLIES)));
                String snippet = Snippets.best(texts, wordTerms, bigramTerms, words, bigrams, SNIPPET_LENGTH);
                items.add(new SearchHit(Long.parseLong(doc.get(ID)), doc.get(NUMBER), doc.get(TITLE), doc.get(STATUS),
                        snippet, top.scoreDocs[i].score));
            }
            return new SearchPage(items, total);
        });
    }

    private static Query searchQuery(String q, Set<String> wordTerms, Set<String> bigramTerms) {
        BooleanQuery.Builder content = new BooleanQuery.Builder();
        if (!wordTerms.isEmpty()) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String term : wordTerms) {
                all.add(inEveryPart(term, Part::words), Occur.SHOULD);
            }
            // Most of the words, so that one word the segmenter cut differently does not hide a proposal.
            int n = wordTerms.size();
            all.setMinimumNumberShouldMatch(n <= 2 ? n : (int) Math.ceil(n * 0.75));
            content.add(all.build(), Occur.MUST);
        }
        if (!bigramTerms.isEmpty()) {
            BooleanQuery.Builder pairs = new BooleanQuery.Builder();
            for (String term : bigramTerms) {
                pairs.add(inEveryPart(term, Part::bigrams), Occur.SHOULD);
            }
            if (wordTerms.isEmpty()) {
                int n = bigramTerms.size();
                pairs.setMinimumNumberShouldMatch(n <= 2 ? n : (int) Math.ceil(n * 0.75));
            }
            content.add(new BoostQuery(pairs.build(), 0.5f), wordTerms.isEmpty() ? Occur.MUST : Occur.SHOULD);
        }
        if (wordTerms.isEmpty() && bigramTerms.isEmpty()) {
            return q.isEmpty() ? null : new TermQuery(new Term(NUMBER, q));
        }
        return new BooleanQuery.Builder()
                .add(content.build(), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(NUMBER, q)), 10f), Occur.SHOULD)
                .build();
    }

    private static Query inEveryPart(String term, Function<Part, String> field) {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(field.apply(Part.TITLE), term)), 3f), Occur.SHOULD)
                .add(new TermQuery(new Term(field.apply(Part.TEXT), term)), Occur.SHOULD)
                .add(new TermQuery(new Term(field.apply(Part.REPLY), term)), Occur.SHOULD)
                .build();
    }

    // --- shared ---------------------------------------------------------------------------------

    private static String text(String background, String suggestions) {
        return (background == null ? "" : background) + "\n" + (suggestions == null ? "" : suggestions);
    }

    /** The terms of {@code text} as {@code analyzer} cuts it, in order, with repetitions. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the similarity index", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }
}
