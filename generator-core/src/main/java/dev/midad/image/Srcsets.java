package dev.midad.image;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** {@code srcset} attributes, whose URLs feeds need absolute like every {@code src}. */
public final class Srcsets {
    private Srcsets() {}

    /** Makes every URL of every {@code srcset} below {@code root} absolute against the document's base. */
    public static void absolutize(Element root) {
        for (Element element : root.select("[srcset]")) {
            List<String> candidates = new ArrayList<>();
            for (String candidate : element.attr("srcset").split(",")) {
                String[] parts = candidate.strip().split("\\s+", 2);
                if (parts[0].isEmpty()) {
                    continue;
                }
                String absolute = org.jsoup.internal.StringUtil.resolve(element.baseUri(), parts[0]);
                candidates.add((absolute.isEmpty() ? parts[0] : absolute) + (parts.length > 1 ? " " + parts[1] : ""));
            }
            element.attr("srcset", String.join(", ", candidates));
        }
    }
}
