package dev.midad.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.problem.InternalFailure;
import org.junit.jupiter.api.Test;

/**
 * What a user reads when Midad itself fails: "internal error", the file being processed, a request for a
 * report, on one line and without a stack trace, also when a parallel stream re-threw the failure wrapped.
 */
class InternalFailureTest {
    @Test
    void namesTheFileBeingProcessedAndAsksForAReport() {
        IllegalStateException bug = new IllegalStateException("boom");
        // ForkJoin re-throws an exception from a worker as a new one whose cause is the original
        RuntimeException thrown = new RuntimeException(
                new InternalFailure("writing 2024/06/x/index.html with templates/article.ftlh", bug));
        String message = InternalFailure.describe(thrown, "running 'build' on news");
        assertTrue(
                message.startsWith("internal error while writing 2024/06/x/index.html with templates/article.ftlh"
                        + " (java.lang.IllegalStateException: boom at dev.midad.security.InternalFailureTest."),
                message);
        assertTrue(message.endsWith("please report it together with that file."), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void withoutAFileSaysWhatWasRunning() {
        String message = InternalFailure.describe(new NullPointerException("x"), "running 'build' on news");
        assertTrue(
                message.startsWith(
                        "internal error while running 'build' on news (java.lang.NullPointerException: x at "),
                message);
        assertEquals(1, message.lines().count());
    }
}
