package dev.midad;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Java names files in the encoding of the locale it started in ({@code sun.jnu.encoding}), fixed at start-up.
 * Without a UTF-8 locale (LANG and LC_* unset, as under cron, systemd or a bare container) it cannot name a
 * single Arabic file, so a build is refused before it starts, with the fix, instead of failing on the first
 * Arabic name. {@code bin/midad} sets a UTF-8 locale itself.
 */
final class FileNameEncoding {
    private FileNameEncoding() {}

    /** Why this JVM cannot build a site, if it cannot. */
    static Optional<String> problem(String encoding) {
        try {
            if (encoding != null && Charset.forName(encoding).equals(StandardCharsets.UTF_8)) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            // an unknown name: not UTF-8
        }
        return Optional.of("Java was started without a UTF-8 locale (file names are " + encoding + "), so it"
                + " cannot name Arabic files. Run it with a UTF-8 locale, e.g. export LC_ALL=C.UTF-8 (in cron,"
                + " systemd or a container too), or use bin/midad, which does this itself");
    }

    static void check() throws BuildException {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return; // Windows names files in UTF-16, whatever the code page
        }
        Optional<String> problem = problem(System.getProperty("sun.jnu.encoding"));
        if (problem.isPresent()) {
            throw new BuildException(problem.get(), null);
        }
    }
}
