package dev.midad.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.NonPrintableStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Writes Markdown files with YAML front matter: a real YAML emitter, UTF-8, LF, atomically, never by accident over a file. */
final class ContentFiles {
    /** Short lists of names stay on one line ({@code tags: [a, b]}); lists of addresses get a line each. */
    private static final Set<String> FLOW_LISTS = Set.of("tags", "author");

    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setSchema(new CoreSchema())
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setUseUnicodeEncoding(true)
            .setNonPrintableStyle(NonPrintableStyle.ESCAPE)
            .setSplitLines(false)
            .setWidth(Integer.MAX_VALUE)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setBestLineBreak("\n")
            .build();

    private ContentFiles() {}

    /**
     * "---", the front matter (keys in the map's order; strings quoted exactly when YAML needs it), "---", a blank
     * line, then the body ending in one newline.
     */
    static String markdown(Map<String, Object> frontMatter, String body) {
        String text = body.strip();
        return "---\n" + yaml(frontMatter) + "---\n\n" + (text.isEmpty() ? "" : text + "\n");
    }

    /** A YAML document of {@code values} (keys in the map's order), as front matter is written. */
    static String yaml(Map<String, Object> values) {
        Node root = new StandardRepresenter(SETTINGS).represent(values);
        if (root instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key
                        && tuple.getValueNode() instanceof SequenceNode list
                        && FLOW_LISTS.contains(key.getValue())) {
                    list.setFlowStyle(FlowStyle.FLOW);
                }
            }
        }
        StringBuilder yaml = new StringBuilder();
        new Dump(SETTINGS).dumpNode(root, new StreamDataWriter() {
            @Override
            public void write(String str) {
                yaml.append(str);
            }

            @Override
            public void write(String str, int off, int len) {
                yaml.append(str, off, off + len);
            }
        });
        return yaml.toString();
    }

    /** What {@link #write} did. */
    enum Outcome {
        WRITTEN,
        REPLACED,
        EXISTS
    }

    /**
     * Writes {@code text} to {@code target} through a temporary file in the same folder and one move, so readers
     * (and a build running at the same time) see the old file or the new one, never half of one.
     */
    static Outcome write(Path target, String text, boolean overwrite) throws IOException {
        boolean existed = Files.exists(target);
        if (existed && !overwrite) {
            return Outcome.EXISTS;
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (overwrite) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                try {
                    Files.move(temp, target);
                } catch (FileAlreadyExistsException e) {
                    return Outcome.EXISTS;
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return existed ? Outcome.REPLACED : Outcome.WRITTEN;
    }
}
