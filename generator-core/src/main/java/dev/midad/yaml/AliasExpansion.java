package dev.midad.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;

/**
 * How many values a document holds once every alias is expanded, counted from the event stream. snakeyaml
 * shares an aliased value rather than copying it, but everything after it (templates, comparisons, copies)
 * walks the expanded tree: 45 aliases in 4 KB expand to billions of values. The parser's
 * {@code maxAliasesForCollections} counts aliases, not what they expand to, so this counts the latter.
 */
final class AliasExpansion {
    /** Far above any real front matter (a few dozen values) or site.yaml (a few hundred). */
    static final long MAX_VALUES = 100_000;

    private final Map<String, Long> sizeOfAnchor = new HashMap<>();
    private final Deque<long[]> open = new ArrayDeque<>();
    private final Deque<String> openAnchors = new ArrayDeque<>();
    private long total;

    /** Counts {@code event}; returns the values counted so far, expanded. */
    long add(Event event) {
        if (event instanceof CollectionStartEvent start) {
            open.push(new long[] {1});
            openAnchors.push(start.getAnchor().map(Anchor::getValue).orElse(""));
        } else if (event instanceof CollectionEndEvent && !open.isEmpty()) {
            long size = open.pop()[0];
            String anchor = openAnchors.pop();
            if (!anchor.isEmpty()) {
                sizeOfAnchor.put(anchor, size);
            }
            count(size);
        } else if (event instanceof ScalarEvent scalar) {
            scalar.getAnchor().ifPresent(a -> sizeOfAnchor.put(a.getValue(), 1L));
            count(1);
        } else if (event instanceof AliasEvent alias) {
            count(sizeOfAnchor.getOrDefault(alias.getAlias().getValue(), 1L));
        }
        return open.isEmpty() ? total : Math.max(total, open.peekLast()[0]);
    }

    private void count(long size) {
        if (open.isEmpty()) {
            total = saturated(total, size);
        } else {
            long[] parent = open.peek();
            parent[0] = saturated(parent[0], size);
        }
    }

    private static long saturated(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
