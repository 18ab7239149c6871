package dev.midad.model.build;

import dev.midad.model.Link;
import dev.midad.text.PortableNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Terms (tags, categories, authors) are named by their address: two spellings with one address are one
 * term when they differ only in case, Unicode normalisation or spacing ("Edge Case", "edge  case"), and a
 * mistake to report otherwise ("C#" and "C++" both become /tag/c/).
 */
final class TermNames {
    private TermNames() {}

    static boolean sameTerm(String a, String b) {
        return a.equals(b) || key(a).equals(key(b)); // nearly always spelt alike: no folding needed
    }

    private static String key(String name) {
        return PortableNames.fold(name.strip().replaceAll("\\s+", " "));
    }

    static String clash(String kind, String name, String other, String otherSource, String path) {
        return "the " + kind + " '" + name + "' has the address " + path + ", which the " + kind + " '" + other
                + "' (" + otherSource + ") has too: the two would be one page; spell them alike or rename one"
                + " so it keeps its letters, e.g. 'C#' as 'سي شارب'";
    }

    /** {@code links} without a second link to an address already listed (the first spelling is kept). */
    static List<Link> oncePerAddress(List<Link> links) {
        if (links.size() < 2) {
            return links;
        }
        Set<String> seen = new HashSet<>();
        List<Link> once = new ArrayList<>(links.size());
        for (Link link : links) {
            if (seen.add(link.url())) {
                once.add(link);
            }
        }
        return once.size() == links.size() ? links : List.copyOf(once);
    }
}
