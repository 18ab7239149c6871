package dev.midad.text;

import dev.midad.problem.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a source file as strict UTF-8. A byte-order mark and CRLF (or old Mac CR) line endings are accepted
 * silently; anything that is not UTF-8 is reported with the line and column it occurs on, what the file
 * probably is (legacy Arabic windows-1256, UTF-16 from Notepad, or damaged UTF-8) and how to convert it.
 */
public final class SourceText {
    /**
     * Largest source file read (32 MB). A long article is 50 KB and a 5 MB one builds in seconds; anything
     * this big is a mistake, usually images pasted into the text as data: URLs, or a file that is not text.
     */
    public static final long MAX_BYTES = 32L << 20;

    private static final String ICONV_1256 = "iconv -f WINDOWS-1256 -t UTF-8 in.md > out.md";

    private SourceText() {}

    /** The file's text with LF line endings, or null after adding a problem. */
    public static String read(Path file, Path shownAs, List<Problem> problems) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.add(Problem.of(
                        shownAs,
                        "file is " + (size >> 20) + " MB; a source file may be at most "
                                + (MAX_BYTES >> 20) + " MB: put images and media in static/ and link them instead of"
                                + " pasting them into the text"));
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(Problem.of(shownAs, "cannot read: " + e.getMessage()));
            return null;
        }
        return decode(bytes, shownAs, problems);
    }

    /** {@code bytes} as text with LF line endings, or null after adding a problem. */
    public static String decode(byte[] bytes, Path shownAs, List<Problem> problems) {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            problems.add(Problem.at(
                    shownAs,
                    1,
                    "file is saved as UTF-16 (Notepad's \"Unicode\"), not UTF-8:"
                            + " save it again choosing the encoding \"UTF-8\", or convert it with"
                            + " iconv -f UTF-16 -t UTF-8 in.md > out.md"));
            return null;
        }
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        // The String constructor's decoder is the JDK's fastest; it replaces every malformed sequence with
        // U+FFFD, so text without one is valid. Only text with one (rare: damaged, or written on purpose)
        // goes through the strict decoder, which finds where it stops being UTF-8.
        String fast = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return lf(fast);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            problems.add(notUtf8(bytes, start, in.position(), shownAs));
            return null;
        }
        return lf(out.flip().toString());
    }

    private static String lf(String text) {
        return text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
    }

    /** The problem for a file whose bytes stop being UTF-8 at {@code badOffset}. */
    private static Problem notUtf8(byte[] bytes, int start, int badOffset, Path shownAs) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < badOffset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, badOffset - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        String message;
        if (looksLikeWindows1256(bytes, start)) {
            message = "file is not UTF-8: it looks like legacy Arabic Windows text (windows-1256, the encoding"
                    + " of old Arabic Word and CMS exports). Save it as UTF-8, or convert it with: " + ICONV_1256;
        } else if (hasUtf8Letters(bytes, start, badOffset)) {
            message = "file is UTF-8 but has bytes here that are not (0x" + hex(bytes[badOffset]) + "): the text"
                    + " was damaged or partly pasted from another encoding; retype the garbled characters at this"
                    + " place and save as UTF-8";
        } else {
            message = "file is not valid UTF-8 (byte 0x" + hex(bytes[badOffset]) + "). Save it as UTF-8;"
                    + " an old Arabic Windows file (windows-1256) converts with: " + ICONV_1256;
        }
        return new Problem(shownAs, line, column, message);
    }

    /**
     * Whether the file reads as windows-1256: most bytes above 127 are Arabic letters there, and hardly any
     * form UTF-8 sequences (a few do by chance, e.g. alef followed by the Arabic question mark).
     */
    private static boolean looksLikeWindows1256(byte[] bytes, int start) {
        String decoded = new String(bytes, start, bytes.length - start, Charset.forName("windows-1256"));
        int high = 0;
        int arabic = 0;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c > 0x7F) {
                high++;
                if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC) {
                    arabic++;
                }
            }
        }
        return high > 0 && arabic * 2 >= high && utf8Sequences(bytes, start, bytes.length) * 10 < high;
    }

    private static boolean hasUtf8Letters(byte[] bytes, int from, int to) {
        return utf8Sequences(bytes, from, to) > 0;
    }

    /** How many well-formed UTF-8 sequences of two bytes or more {@code bytes[from, to)} holds. */
    private static int utf8Sequences(byte[] bytes, int from, int to) {
        int count = 0;
        for (int i = from; i < to - 1; i++) {
            int b = bytes[i] & 0xFF;
            int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 0 || i + length > to) {
                continue;
            }
            boolean continuation = true;
            for (int k = 1; k < length; k++) {
                continuation &= (bytes[i + k] & 0xC0) == 0x80;
            }
            if (continuation) {
                count++;
                i += length - 1;
            }
        }
        return count;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte b) {
        return "%02X".formatted(b & 0xFF);
    }
}
