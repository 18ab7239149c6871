package dev.midad.content;

import dev.midad.Problem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a source file as strict UTF-8. A byte-order mark and CRLF line endings are accepted silently;
 * anything that is not UTF-8 is reported with the line it occurs on and how to convert it.
 */
public final class SourceText {
    private SourceText() {
    }

    /** The file's text with LF line endings, or null after adding a problem. */
    public static String read(Path file, Path shownAs, List<Problem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(Problem.of(shownAs, "cannot read: " + e.getMessage()));
            return null;
        }
        return decode(bytes, shownAs, problems);
    }

    static String decode(byte[] bytes, Path shownAs, List<Problem> problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            String text = decoder.decode(buffer).toString();
            return text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
        } catch (CharacterCodingException e) {
            int badOffset = buffer.position();
            int line = 1;
            for (int i = start; i < badOffset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String what = e instanceof MalformedInputException ? "is not valid UTF-8" : "has bytes UTF-8 cannot map";
            problems.add(Problem.at(shownAs, line, "file " + what + " (byte " + badOffset + "). Save it as UTF-8;"
                    + " an old Arabic Windows file (windows-1256) converts with:"
                    + " iconv -f WINDOWS-1256 -t UTF-8 in.md > out.md"));
            return null;
        }
    }
}
