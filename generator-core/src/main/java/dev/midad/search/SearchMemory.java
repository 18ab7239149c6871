package dev.midad.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the search index of each edition was last written from, so that the next build writes only the files
 * of the articles that changed ({@link SearchIndex#write}): the article behind each id and every shard's
 * terms with their postings. A build's index becomes the one to compare with only through {@link #commit()},
 * once that build was published. The build cache keeps it between JVMs ({@link #stored}, {@link #restore}):
 * each shard's postings in a cache part of its own, read only when an article with one of its terms changed.
 */
public final class SearchMemory {
    /** The cache parts that hold shards' postings (see the build cache). */
    public interface Parts {
        /** Writes a part and returns its name. */
        String write(Object value) throws IOException;

        /** The value of a part {@link #write} wrote. */
        Object read(String part) throws IOException;
    }

    /** One edition's index as the build cache keeps it: the address of each id's article, and its shards. */
    public record Stored(String filePrefix, int block, List<String> urls, List<StoredShard> shards) {
        public Stored {
            urls = List.copyOf(urls);
            shards = List.copyOf(shards);
        }
    }

    /** A shard: the part holding its postings, and its blocked terms (whose block files it wrote). */
    public record StoredShard(String name, String part, List<Blocked> blocked) {
        public StoredShard {
            blocked = List.copyOf(blocked);
        }
    }

    /** A term whose postings went into {@code count} files {@code blocks/<name>-<i>.json}. */
    public record Blocked(String name, int count) {}

    /** The value of a part: a shard's terms and postings, packed (see {@link ShardTerms}). */
    public record ShardPart(String name, String postings) {}

    /** An edition's index as written: what its next build compares with. */
    static final class Edition {
        final int block;
        /** Id → the article's saved terms (and through them the very article object that had the id). */
        final List<SearchIndex.Saved> byId;

        final Map<String, Shard> shards;
        /** Where shards restored from the build cache are read from (null: every shard is in memory). */
        final Parts parts;
        /** Shards the build that made this regenerated. */
        final int shardsWritten;

        Edition(int block, List<SearchIndex.Saved> byId, Map<String, Shard> shards, Parts parts, int shardsWritten) {
            this.block = block;
            this.byId = byId;
            this.shards = shards;
            this.parts = parts;
            this.shardsWritten = shardsWritten;
        }
    }

    /**
     * One shard as written: its postings packed (in memory, or only in the cache part {@code part} until
     * needed) and its blocked terms. Immutable but for loading the postings once.
     */
    static final class Shard {
        final String name;
        /** The cache part holding exactly these postings, or null when no part does yet. */
        final String part;

        final List<Blocked> blocked;
        private volatile String packed;

        Shard(String name, String part, List<Blocked> blocked, String packed) {
            this.name = name;
            this.part = part;
            this.blocked = List.copyOf(blocked);
            this.packed = packed;
        }

        /** The shard's terms, read from the build cache the first time when it came from there. */
        ShardTerms terms(Parts parts) throws IOException {
            String known = packed;
            if (known == null) {
                Object value;
                try {
                    value = parts == null ? null : parts.read(part);
                } catch (IOException e) {
                    throw new IOException(
                            "the postings of shard " + name + " cannot be read (" + e.getMessage() + ")", e);
                }
                if (!(value instanceof ShardPart read) || !read.name().equals(name)) {
                    throw new IOException(
                            "the postings of shard " + name + " are not in the build cache's part " + part);
                }
                known = packed = read.postings();
            }
            try {
                return ShardTerms.unpack(known);
            } catch (RuntimeException e) {
                throw new IOException("the postings of shard " + name + " cannot be read: " + e, e);
            }
        }
    }

    /** Why a build could not read a shard's postings from the cache (its index was written whole), or null. */
    private volatile String unreadable;

    private Map<String, Edition> committed = Map.of();
    private final Map<String, Edition> pending = new HashMap<>();

    /** The index the last published build wrote under {@code filePrefix}, or null. */
    Edition committed(String filePrefix) {
        return committed.get(filePrefix);
    }

    /** The index a build wrote under {@code filePrefix}, compared with from {@link #commit()} on. */
    void written(String filePrefix, Edition edition) {
        pending.put(filePrefix, edition);
    }

    /** The build that wrote the indexes since the last commit was published. */
    public void commit() {
        committed = Map.copyOf(pending);
        pending.clear();
    }

    /** Why the last build wrote an index whole for want of a shard's postings, or null. */
    public String unreadable() {
        return unreadable;
    }

    void unreadable(String why) {
        unreadable = why;
    }

    /** Shards the last published build regenerated, over every edition (the others' files were kept). */
    public int shardsWritten() {
        return committed.values().stream().mapToInt(e -> e.shardsWritten).sum();
    }

    /**
     * The committed indexes for the build cache: a shard whose postings are in a part already names it again,
     * the others' are written into new parts (in parallel: they are independent).
     */
    public List<Stored> stored(Parts parts) throws IOException {
        List<Stored> stored = new ArrayList<>();
        List<String> prefixes = new ArrayList<>(committed.keySet());
        prefixes.sort(Comparator.naturalOrder());
        for (String prefix : prefixes) {
            Edition edition = committed.get(prefix);
            List<Shard> shards = new ArrayList<>(edition.shards.values());
            shards.sort(Comparator.comparing((Shard s) -> s.name));
            List<StoredShard> storedShards;
            try {
                storedShards = shards.parallelStream()
                        .map(shard -> {
                            try {
                                String part = shard.part != null
                                        ? shard.part
                                        : parts.write(new ShardPart(shard.name, shard.packed));
                                return new StoredShard(shard.name, part, shard.blocked);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                        .toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            stored.add(new Stored(
                    prefix,
                    edition.block,
                    edition.byId.stream().map(s -> s.article().url()).toList(),
                    storedShards));
        }
        return stored;
    }

    /**
     * A memory of what a build in another JVM wrote: {@code saved} are the terms it kept per article (their
     * article objects are the ones the model restored), {@code parts} reads the shards' postings when needed.
     * An edition one of whose articles has no saved terms is left out: its next index is written whole.
     */
    public static SearchMemory restore(List<Stored> stored, Collection<SearchIndex.Saved> saved, Parts parts) {
        Map<String, SearchIndex.Saved> byUrl = new HashMap<>(saved.size() * 2);
        saved.forEach(s -> byUrl.put(s.article().url(), s));
        Map<String, Edition> editions = new HashMap<>();
        for (Stored edition : stored) {
            List<SearchIndex.Saved> byId = new ArrayList<>(edition.urls().size());
            for (String url : edition.urls()) {
                SearchIndex.Saved one = byUrl.get(url);
                if (one == null) {
                    break;
                }
                byId.add(one);
            }
            if (byId.size() < edition.urls().size()) {
                continue;
            }
            Map<String, Shard> shards = new HashMap<>(edition.shards().size() * 2);
            edition.shards()
                    .forEach(shard ->
                            shards.put(shard.name(), new Shard(shard.name(), shard.part(), shard.blocked(), null)));
            editions.put(edition.filePrefix(), new Edition(edition.block(), List.copyOf(byId), shards, parts, 0));
        }
        SearchMemory memory = new SearchMemory();
        memory.committed = Map.copyOf(editions);
        return memory;
    }
}
