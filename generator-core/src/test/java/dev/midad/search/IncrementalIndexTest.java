package dev.midad.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.TestSites;
import dev.midad.model.ArticleView;
import dev.midad.model.DateView;
import dev.midad.problem.Problem;
import dev.midad.render.RenderMemo;
import dev.midad.write.InPlaceOutput;
import dev.midad.write.Manifest;
import dev.midad.write.StagedOutput;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index written from what the last published build wrote ({@link SearchMemory}) against the index written
 * whole: after every kind of change to the articles its files are the same, byte for byte, and only the shards
 * of the changed articles' terms were regenerated. Blocks of 3 postings, so that common words' blocks are kept
 * and rewritten too, and shards named by three characters as a large archive's are (sixty articles would make
 * one-character shards, a few dozen).
 */
class IncrementalIndexTest {
    private static final int BLOCK = 3;

    IntUnaryOperator depthOf = n -> 3;

    @TempDir
    Path tmp;

    Path out;
    Manifest published;
    SearchMemory memory = new SearchMemory();
    List<ArticleView> articles;
    int all;
    int step;

    @BeforeEach
    void writeWhole() throws Exception {
        Site loaded = Site.load(BlockedPostingsTest.site(tmp.resolve("site")), TestSites.options());
        articles = new ArrayList<>(loaded.model().articles());
        out = tmp.resolve("out");
        List<Problem> problems = new ArrayList<>();
        try (StagedOutput staged = new StagedOutput(out)) {
            SearchIndex.write(articles, "", staged, problems, RenderMemo.none(), memory, BLOCK, depthOf);
            staged.commit();
            published = staged.manifest();
        }
        memory.commit();
        assertEquals(List.of(), problems);
        all = memory.shardsWritten();
        assertTrue(all > 50, "shards: " + all);
        assertSameAsWhole();
    }

    @Test
    void everyKindOfChangeGivesTheFilesOfTheWholeIndex() throws Exception {
        assertEquals(0, update(), "nothing changed: no shard regenerated");

        List<ArticleView> byId = byId();
        ArticleView middle = byId.get(byId.size() / 2);
        ArticleView edited = middle.withContentHtml(middle.contentHtml() + "<p>زار الوفد المصفاة qxzv1234</p>");
        replace(middle, edited);
        int shards = update();
        assertTrue(shards > 0 && shards < all / 3, "an edit: " + shards + " of " + all + " shards");
        String unique = "search/terms/" + Analyser.shardOf("qxzv1234", 3) + ".json";
        assertTrue(Files.exists(out.resolve(unique)));
        replace(edited, middle);
        update();
        assertFalse(Files.exists(out.resolve(unique)), "a shard whose every term is gone is deleted");

        ArticleView last = byId.get(byId.size() - 1);
        ArticleView newest =
                copy(last, last.url() + "newest/", later(last.date(), 86_400_000L), "مصفاة جديدة في الميناء");
        articles.add(newest);
        shards = update();
        assertTrue(shards > 0 && shards < all / 3, "a newest article: " + shards + " of " + all + " shards");
        assertTrue(Files.exists(out.resolve("search/docs/" + byId.size() + ".json")), "it takes the next id");

        ArticleView near = byId.get(byId.size() - 3);
        articles.add(copy(near, near.url() + "older/", later(near.date(), -60_000L), "خبر أقدم عن القمح"));
        shards = update();
        assertTrue(shards < all, "an older article among the newest: the ids from it on shift, " + shards);

        articles.remove(newest);
        update();
        assertFalse(Files.exists(out.resolve("search/docs/" + (byId.size() + 1) + ".json")), "the last id is gone");

        articles.remove(byId.get(1)); // every newer id shifts: the index is written whole
        assertEquals(all, update());
    }

    @Test
    void aBuildThatWasNotPublishedIsNotComparedWith() throws Exception {
        List<ArticleView> byId = byId();
        ArticleView one = byId.get(10);
        replace(one, one.withContentHtml(one.contentHtml() + "<p>الزلزال</p>"));
        try (InPlaceOutput unpublished = new InPlaceOutput(out, published, Set.of())) {
            SearchIndex.write(articles, "", unpublished, new ArrayList<>(), RenderMemo.none(), memory, BLOCK, depthOf);
            // closed without committing, as a build that failed after the index was written
        }
        ArticleView other = byId.get(20);
        replace(other, other.withContentHtml(other.contentHtml() + "<p>المنتدى</p>"));
        int shards = update();
        assertTrue(shards > 0 && shards < all / 3, shards + " of " + all);
    }

    @Test
    void anIndexKeptInPartsIsReadOnlyWhereItChanged() throws Exception {
        Map<String, Object> stored = new HashMap<>();
        List<String> read = new ArrayList<>();
        SearchMemory.Parts parts = new SearchMemory.Parts() {
            @Override
            public synchronized String write(Object value) { // called in parallel
                String name = "part-" + stored.size();
                stored.put(name, value);
                return name;
            }

            @Override
            public Object read(String part) throws IOException {
                synchronized (read) {
                    read.add(part);
                }
                if (!stored.containsKey(part)) {
                    throw new IOException("no part " + part);
                }
                return stored.get(part);
            }
        };
        List<SearchMemory.Stored> kept = memory.stored(parts);
        assertEquals(all, stored.size(), "a part per shard");
        List<SearchIndex.Saved> saved = memory.committed("").byId;
        memory = SearchMemory.restore(kept, saved, parts);
        assertEquals(0, update(), "nothing changed: no part read");
        assertEquals(List.of(), read);

        List<ArticleView> byId = byId();
        ArticleView one = byId.get(byId.size() - 5);
        ArticleView edited = one.withContentHtml(one.contentHtml() + "<p>الأرشيف</p>");
        replace(one, edited);
        int shards = update();
        assertTrue(shards > 0 && read.size() == shards, read.size() + " parts read, " + shards + " shards written");
        List<SearchMemory.Stored> again = memory.stored(parts);
        assertEquals(all + shards, stored.size(), "only the regenerated shards are written into new parts");
        assertEquals(kept.get(0).urls(), again.get(0).urls());

        stored.clear(); // the parts are lost: the index is written whole, with the same bytes
        memory = SearchMemory.restore(again, memory.committed("").byId, parts);
        replace(edited, one.withContentHtml(one.contentHtml() + "<p>القمح</p>"));
        assertEquals(all, update());
    }

    @Test
    void anArchiveGrowingPastADepthIsWrittenWholeWithTheNewShardNames() throws Exception {
        int size = articles.size();
        depthOf = n -> n <= size ? 1 : 2;
        memory = new SearchMemory();
        int shallow = update(); // no memory: written whole, in one-character shards
        String refinery = "search/terms/" + Analyser.shardOf("مصفاه", 1) + ".json";
        assertTrue(Files.exists(out.resolve(refinery)));
        ArticleView last = byId().get(size - 1);
        articles.remove(last);
        int edited = update();
        assertTrue(edited < shallow, "the same depth: updated in place, " + edited + " of " + shallow);

        articles.add(last);
        ArticleView newest = copy(last, last.url() + "b/", later(last.date(), 120_000L), "مصفاة جديدة");
        articles.add(newest);
        int deeper = update();
        assertEquals("{\"depth\":2}\n", Files.readString(out.resolve("search/meta.json")));
        assertTrue(Files.exists(out.resolve("search/terms/" + Analyser.shardOf("مصفاه", 2) + ".json")));
        assertFalse(Files.exists(out.resolve(refinery)), "the one-character shards are gone");
        assertTrue(deeper > shallow, "two-character shards, written whole: " + deeper + " against " + shallow);

        articles.remove(newest);
        assertEquals(shallow, update(), "back to one-character shards, written whole");
        assertEquals("{\"depth\":1}\n", Files.readString(out.resolve("search/meta.json")));
    }

    /** Writes the index from the memory into the published folder, as the next build does; its regenerated shards. */
    private int update() throws Exception {
        List<Problem> problems = new ArrayList<>();
        try (InPlaceOutput inPlace = new InPlaceOutput(out, published, Set.of())) {
            SearchIndex.write(articles, "", inPlace, problems, RenderMemo.none(), memory, BLOCK, depthOf);
            inPlace.commit();
            published = inPlace.manifest();
        }
        memory.commit();
        assertEquals(List.of(), problems);
        assertSameAsWhole();
        return memory.shardsWritten();
    }

    private void assertSameAsWhole() throws IOException {
        step++;
        Path whole = tmp.resolve("whole-" + step);
        try (StagedOutput staged = new StagedOutput(whole)) {
            SearchIndex.write(articles, "", staged, new ArrayList<>(), RenderMemo.none(), null, BLOCK, depthOf);
            staged.commit();
        }
        TestSites.assertSameFiles(whole.resolve("search"), out.resolve("search"), "step " + step);
    }

    /** The articles in id order (oldest first). */
    private List<ArticleView> byId() {
        List<ArticleView> sorted = new ArrayList<>(articles);
        sorted.sort(Comparator.comparingLong((ArticleView a) -> a.date().epochMilli())
                .thenComparing(ArticleView::url));
        return sorted;
    }

    private void replace(ArticleView was, ArticleView now) {
        articles.set(articles.indexOf(was), now);
    }

    private static DateView later(DateView date, long millis) {
        return new DateView(
                date.value().plusNanos(millis * 1_000_000),
                date.text(),
                date.time(),
                date.hijri(),
                date.iso(),
                date.rfc822(),
                date.epochMilli() + millis);
    }

    /** A copy of {@code article} at another address and date, with another title. */
    private static ArticleView copy(ArticleView article, String url, DateView date, String title) throws Exception {
        RecordComponent[] components = ArticleView.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Map<String, Object> changed = Map.of("url", url, "date", date, "title", title);
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = changed.containsKey(components[i].getName())
                    ? changed.get(components[i].getName())
                    : components[i].getAccessor().invoke(article);
        }
        return ArticleView.class.getDeclaredConstructor(types).newInstance(values);
    }
}
