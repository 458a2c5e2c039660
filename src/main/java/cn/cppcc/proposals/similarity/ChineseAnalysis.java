package cn.cppcc.proposals.similarity;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The two ways Chinese text is cut into terms, shared by indexing and querying.
 *
 * <ul>
 *   <li><b>words</b>: SmartChineseAnalyzer's chain (HMM word segmentation, Porter stemming of
 *   Latin words) with a stop list of function words and the boilerplate every proposal repeats
 *   (关于、建议、进一步加强……). Single Chinese characters are dropped: the segmenter falls back
 *   to them for words it does not know (老旧 → 老|旧), where they carry little meaning alone.</li>
 *   <li><b>bigrams</b>: overlapping pairs of Chinese characters. They catch what the segmenter
 *   cuts differently in two texts (电动车 is one word, 电动自行车 two, both hold 电动) and the
 *   unknown words it splits into single characters (加装 → 加|装). Pairs across a joining character (的, 和, 与…) are
 *   dropped: they span two words.</li>
 * </ul>
 */
final class ChineseAnalysis {

    /** Function words and the phrases of every proposal: they say nothing about its matter. */
    static final List<String> STOP_WORDS = List.of(
            "关于", "建议", "提案", "意见", "问题", "情况", "方面", "工作", "方式", "措施", "方法", "目前", "当前", "现在",
            "存在", "进一步", "加强", "加快", "推进", "推动", "完善", "强化", "提升", "提高", "落实", "切实", "积极", "有效",
            "全面", "不断", "着力", "做好", "开展", "进行", "通过", "有关", "相关", "部门", "政府", "我区", "全区", "我县",
            "全县", "我市", "全市", "一是", "二是", "三是", "四是", "五是", "其中", "同时", "以及", "并且", "而且", "但是",
            "因此", "所以", "由于", "对于", "为了", "可以", "应当", "应该", "需要", "没有", "一些", "部分", "主要", "较为",
            "比较", "非常", "很多", "许多", "已经", "正在", "能够", "我们", "他们", "这些", "那些", "这个", "那个", "如何",
            "一定", "具体", "实际", "有关部门", "相关部门", "以上", "以下", "之一", "年来", "近年来", "今年", "去年");

    /** The same phrases as character pairs, e.g. 进一 and 一步 of 进一步. */
    static final List<String> STOP_BIGRAMS = List.of(
            "关于", "建议", "提案", "意见", "问题", "情况", "方面", "工作", "目前", "当前", "存在", "进一", "一步", "加强",
            "加快", "推进", "推动", "完善", "强化", "提升", "提高", "落实", "切实", "积极", "有效", "有关", "相关", "部门",
            "我区", "全区", "我县", "全县", "我市", "全市", "一是", "二是", "三是", "四是", "五是", "同时", "以及", "可以",
            "需要", "应当", "没有", "一些", "部分", "主要", "较为", "比较", "已经", "我们", "近年", "年来", "是否");

    private ChineseAnalysis() {
    }

    static Analyzer words() {
        CharArraySet stop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        stop.addAll(STOP_WORDS);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                TokenStream stream = new CJKWidthFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                stream = new PorterStemFilter(stream);
                stream = new StopFilter(stream, stop);
                stream = new NoSingleHanFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    static Analyzer bigrams() {
        CharArraySet stop = new CharArraySet(STOP_BIGRAMS, false);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream);
                stream = new StopFilter(stream, stop);
                stream = new NoFunctionCharacterFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** Characters that join words: a pair with one of them (扰民的, 的建) spans two words. */
    static final String FUNCTION_CHARACTERS = "的了和与及或等把被之其是";

    /** Drops character pairs with a function character. */
    private static final class NoFunctionCharacterFilter extends FilteringTokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        NoFunctionCharacterFilter(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            for (int i = 0; i < term.length(); i++) {
                if (FUNCTION_CHARACTERS.indexOf(term.charAt(i)) >= 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Drops terms of one Chinese character. */
    private static final class NoSingleHanFilter extends FilteringTokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        NoSingleHanFilter(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            return !(term.length() == 1 && Character.UnicodeScript.of(term.charAt(0)) == Character.UnicodeScript.HAN);
        }
    }
}
