package dev.midad.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.midad.model.ArticleView;
import dev.midad.model.DateView;
import dev.midad.model.EditorialView;
import dev.midad.model.Term;
import dev.midad.text.PackedText;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A long list of articles (a busy tag's, shared by its list pages) is hashed by address once and corrected for
 * the articles a page read: the same value as hashing it item by item, and it still tells every difference the
 * render memo's comparison tells.
 */
class FingerprintTest {
    private static final int SIZE = 300;

    @Test
    void aSharedListHashesAsTheSameListItemByItem() throws Exception {
        List<ArticleView> articles = articles("body");
        Set<String> read = Set.of(
                articles.get(0).url(),
                articles.get(7).url(),
                articles.get(SIZE - 1).url());
        Fingerprint shared = new Fingerprint();
        Fingerprint.Value first = shared.of(page(List.copyOf(articles)), read);
        // a mutable copy is never taken for a known list: it is hashed item by item, by another fingerprint
        Fingerprint.Value direct = new Fingerprint().of(page(new ArrayList<>(articles)), read);
        assertEquals(direct, first);
        Term term = new Term("t", "t", "/tag/t/", articles); // its own immutable copy
        assertEquals(new Fingerprint().of(Map.of("term", term), read), shared.of(Map.of("term", term), read));
        // nothing read, every article read: both ways agree too
        assertEquals(
                new Fingerprint().of(page(new ArrayList<>(articles)), Set.of()),
                shared.of(page(List.copyOf(articles)), Set.of()));
        assertEquals(new Fingerprint().of(page(new ArrayList<>(articles)), null), shared.of(page(articles), null));
    }

    @Test
    void whatARenderMemoTellsApartStaysApart() throws Exception {
        List<ArticleView> articles = List.copyOf(articles("body"));
        Fingerprint prints = new Fingerprint();
        Set<String> read = Set.of(articles.get(3).url());
        Fingerprint.Value base = prints.of(page(articles), read);

        List<ArticleView> readChanged = new ArrayList<>(articles);
        readChanged.set(3, articles("other body").get(3)); // the same address, other content: it was read
        assertNotEquals(base, prints.of(page(List.copyOf(readChanged)), read));

        List<ArticleView> unreadChanged = new ArrayList<>(articles);
        unreadChanged.set(4, articles("other body").get(4)); // not read: only its address counts
        assertEquals(base, prints.of(page(List.copyOf(unreadChanged)), read));

        List<ArticleView> swapped = new ArrayList<>(articles);
        Collections.swap(swapped, 10, 11);
        assertNotEquals(base, prints.of(page(List.copyOf(swapped)), read));

        assertNotEquals(base, prints.of(page(articles.subList(0, SIZE - 1)), read));
        assertNotEquals(base, prints.of(page(articles), Set.of(articles.get(4).url())));
        prints.forgetShared();
        assertEquals(base, prints.of(page(articles), read));
    }

    /** A record of many components, such as a feed's view. */
    record Many(String a, String b, String c, String d, String e, String f, String g, List<ArticleView> articles) {}

    @Test
    void aRecordOfManyComponentsIsKeptOnlyWhenItHoldsNoArticle() throws Exception {
        List<ArticleView> articles = articles("body").subList(0, 3);
        Fingerprint prints = new Fingerprint();
        Many withArticles = new Many("a", "b", "c", "d", "e", "f", "g", articles);
        Set<String> first = Set.of(articles.get(0).url());
        Fingerprint.Value read = prints.of(Map.of("feed", withArticles), first);
        assertNotEquals(read, prints.of(Map.of("feed", withArticles), Set.of()));
        assertEquals(read, prints.of(Map.of("feed", withArticles), first));
        Many without = new Many("a", "b", "c", "d", "e", "f", "g", List.of());
        Fingerprint.Value plain = prints.of(Map.of("feed", without), first);
        assertEquals(plain, prints.of(Map.of("feed", without), Set.of()));
        assertEquals(
                plain,
                new Fingerprint().of(Map.of("feed", new Many("a", "b", "c", "d", "e", "f", "g", List.of())), null));
        assertNotEquals(plain, prints.of(Map.of("feed", new Many("a", "b", "c", "d", "e", "f", "h", List.of())), null));
    }

    /** A page's data as a list page has it: the term's whole list. */
    private static Map<String, Object> page(List<ArticleView> articles) {
        return Map.of("articles", articles, "kind", "tag");
    }

    private static List<ArticleView> articles(String body) {
        List<ArticleView> articles = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            ZonedDateTime when =
                    ZonedDateTime.parse("2024-06-20T10:00:00+03:00").minusHours(i);
            DateView date = new DateView(
                    when,
                    "20 يونيو 2024",
                    "10:00",
                    "",
                    when.toString(),
                    "",
                    when.toInstant().toEpochMilli());
            articles.add(new ArticleView(
                    "خبر " + i,
                    "/2024/06/story-" + i + "/",
                    "https://example.com/2024/06/story-" + i + "/",
                    date,
                    null,
                    List.of(),
                    null,
                    List.of(),
                    "",
                    "",
                    null,
                    "",
                    "",
                    false,
                    PackedText.of("<p>" + body + " " + i + "</p>"),
                    1,
                    Map.of(),
                    "articles/" + i + ".md",
                    "ar",
                    "rtl",
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    EditorialView.NEWS,
                    List.of()));
        }
        return articles;
    }
}
