package dev.midad.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns news text into search terms, the same way the browser's {@code assets/search.js} turns a query into
 * terms (a test runs one word list through both). A word gives one exact term (normalised) and a few stems:
 * <ul>
 *   <li>split into words at anything but letters, digits and marks; Arabic and Latin runs are separate words,
 *       Latin letters and digits stay together ({@code G7}) and across a hyphen ({@code F-16});</li>
 *   <li>normalised: Arabic-Indic and Persian digits to 0-9, Persian kaf/yeh to Arabic, alef wasla to alef,
 *       tashkeel and tatweel dropped, Latin case-folded, then Lucene's {@link ArabicNormalizer} (hamza on
 *       alef, ى→ي and ة→ه in every position);</li>
 *   <li>stemmed by Lucene's light Arabic stemmer ({@link ArabicStemFilter}), plus what it lacks for news
 *       text: و/ف/ب/ك/ل before ا and before ال (وللحكومة, بإعلان), a single ل/ب/ك/ف/و before a longer word
 *       (لمجلس), and pronoun suffixes (حكومتها, وزرائهم); a Latin word's stem drops its hyphens.</li>
 * </ul>
 * Instances are thread-safe.
 */
public final class Analyser {
    /** One word: its exact term and its stems (the first is Lucene's stem of the exact term). */
    public record Terms(String exact, List<String> stems) {
        public Terms {
            stems = List.copyOf(stems);
        }
    }

    /** Particles too common to search for; compared after normalisation (so على is علي here). */
    static final Set<String> STOP_WORDS = Set.of(
            "في", "من", "الي", "علي", "عن", "ان", "او", "ثم", "قد", "لا", "ما", "لم", "لن", "هذا", "هذه", "ذلك", "تلك",
            "التي", "الذي", "الذين", "و", "مع", "كان", "كانت", "هو", "هي", "بين", "حتي", "اذا", "كما", "لقد", "منذ",
            "عند", "the", "of", "and", "a", "to", "in");

    /** Proclitic groups Lucene's stemmer leaves whole; the ا of ال is elided after ل, hence ولل. */
    private static final List<String> PROCLITIC_ARTICLES = List.of("وبال", "فبال", "وكال", "فكال", "ولل", "فلل");

    private static final String SINGLE_PROCLITICS = "وفبكل";
    /** Leading groups a shard name looks past (longest first where one starts another). */
    private static final List<String> SHARD_ARTICLES = List.of("وال", "بال", "كال", "فال", "ولل", "ال", "لل");
    /** Pronoun suffixes Lucene's stemmer does not remove, or removes leaving ت for ة. */
    private static final List<String> PRONOUNS_AFTER_TEH =
            List.of("هما", "ها", "هم", "هن", "كما", "كم", "نا", "ه", "ك", "ي");

    private static final List<String> PRONOUNS = List.of("هما", "هم", "هن", "كما", "كم", "نا");

    private final ArabicNormalizer normalizer = new ArabicNormalizer();
    private final Analyzer stemmer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer word = new KeywordTokenizer();
            return new TokenStreamComponents(word, new ArabicStemFilter(word));
        }
    };

    /** The words of {@code text}, as written (before normalisation). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        int startKind = 0;
        for (int i = 0; i <= text.length(); i++) {
            int kind = i < text.length() ? kind(text.charAt(i)) : SEPARATOR;
            if (start >= 0) {
                boolean joins = kind == MARK
                        || (kind == ARABIC) == (startKind == ARABIC) && kind != SEPARATOR
                        || kind == SEPARATOR
                                && startKind != ARABIC
                                && i + 1 < text.length()
                                && text.charAt(i) == '-'
                                && kind(text.charAt(i + 1)) != ARABIC
                                && kind(text.charAt(i + 1)) >= LATIN
                                && kind(text.charAt(i - 1)) >= LATIN;
                if (joins) {
                    continue;
                }
                words.add(text.substring(start, i));
                start = -1;
            }
            if (kind == ARABIC || kind == LATIN || kind == DIGIT) {
                start = i;
                startKind = kind;
            }
        }
        return words;
    }

    static final int SEPARATOR = 0;
    static final int MARK = 1;
    static final int LATIN = 2;
    static final int DIGIT = 3;
    static final int ARABIC = 4;

    static int kind(char c) {
        if (c >= '\u0660' && c <= '\u0669' || c >= '\u06F0' && c <= '\u06F9') {
            return DIGIT;
        }
        int type = Character.getType(c);
        boolean arabicBlock = c >= '\u0600' && c <= '\u06FF'
                || c >= '\u0750' && c <= '\u077F'
                || c >= '\u08A0' && c <= '\u08FF'
                || c >= '\uFB50' && c <= '\uFDFF'
                || c >= '\uFE70' && c <= '\uFEFF';
        if (type == Character.NON_SPACING_MARK) {
            return arabicBlock ? ARABIC : MARK;
        }
        if (Character.isLetter(c)) {
            return arabicBlock ? ARABIC : LATIN;
        }
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return DIGIT;
        }
        return SEPARATOR;
    }

    /** The normalised form of one word (see the class comment). */
    public String normalise(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= '\u0660' && c <= '\u0669') {
                folded.append((char) ('0' + c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                folded.append((char) ('0' + c - '\u06F0'));
            } else if (c == '\u06A9') {
                folded.append('\u0643');
            } else if (c == '\u06CC') {
                folded.append('\u064A');
            } else if (c == '\u0671') {
                folded.append('\u0627');
            } else if (c != '\u0640' && Character.getType(c) != Character.NON_SPACING_MARK) {
                folded.append(c);
            }
        }
        char[] chars = folded.toString().toLowerCase(Locale.ROOT).toCharArray();
        return new String(chars, 0, normalizer.normalize(chars, chars.length));
    }

    /** A word's terms, or null for a stop word or a word that normalises to nothing. */
    public Terms terms(String word) {
        String exact = normalise(word);
        if (exact.isEmpty() || STOP_WORDS.contains(exact)) {
            return null;
        }
        if (!isArabic(exact)) {
            return new Terms(exact, List.of(exact.replace("-", "")));
        }
        Set<String> stems = new LinkedHashSet<>();
        stems.add(luceneStem(exact));
        for (String variant : variants(exact)) {
            String stem = luceneStem(variant);
            if (stem.length() >= 3) {
                stems.add(stem);
            }
        }
        return new Terms(exact, new ArrayList<>(stems));
    }

    /** The terms of every word of {@code text}, in order, stop words left out. */
    public List<Terms> analyse(String text) {
        List<Terms> all = new ArrayList<>();
        for (String word : words(text)) {
            Terms terms = terms(word);
            if (terms != null) {
                all.add(terms);
            }
        }
        return all;
    }

    /** Forms of a normalised Arabic word without the proclitics and suffixes Lucene's stemmer keeps. */
    static List<String> variants(String word) {
        List<String> bases = new ArrayList<>();
        bases.add(word);
        for (String article : PROCLITIC_ARTICLES) {
            if (word.startsWith(article) && word.length() - article.length() >= 2) {
                bases.add(word.substring(article.length()));
            }
        }
        if (word.length() >= 4
                && SINGLE_PROCLITICS.indexOf(word.charAt(0)) >= 0
                && (word.charAt(1) == '\u0627' || word.length() >= 5)) {
            bases.add(word.substring(1));
        }
        List<String> variants = new ArrayList<>(bases.subList(1, bases.size()));
        for (String base : bases) {
            for (String pronoun : PRONOUNS_AFTER_TEH) {
                int teh = base.length() - pronoun.length() - 1;
                if (teh >= 2 && base.endsWith(pronoun) && base.charAt(teh) == '\u062A') {
                    variants.add(base.substring(0, teh) + '\u0647');
                    break;
                }
            }
            for (String pronoun : PRONOUNS) {
                if (base.endsWith(pronoun) && base.length() - pronoun.length() >= 3) {
                    variants.add(base.substring(0, base.length() - pronoun.length()));
                    break;
                }
            }
        }
        return variants;
    }

    static boolean isArabic(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (kind(word.charAt(i)) == ARABIC) {
                return true;
            }
        }
        return false;
    }

    /** Lucene's light Arabic stemmer (prefixes ال وال بال كال فال لل و, then suffixes) on a normalised word. */
    String luceneStem(String word) {
        try (TokenStream stream = stemmer.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /**
     * The index file a term lives in: its first {@code depth} characters, past a leading ال-group (الح, والح at
     * depth 1 or 2; الحك, والحك at 3) so that the common ال words spread over many files; the browser computes
     * the same from the depth in the index's {@code meta.json} (see {@link SearchIndex#shardDepth}).
     */
    public static String shardOf(String term, int depth) {
        int length = depth;
        for (String article : SHARD_ARTICLES) {
            if (term.startsWith(article)) {
                length = article.length() + Math.max(1, depth - 1);
                break;
            }
        }
        String prefix = term.substring(0, Math.min(length, term.length()));
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < prefix.length(); i++) {
            String digits = Integer.toHexString(prefix.charAt(i));
            hex.append("0000", digits.length(), 4).append(digits);
        }
        return hex.toString();
    }
}
