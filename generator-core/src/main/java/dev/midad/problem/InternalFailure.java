package dev.midad.problem;

/**
 * An unexpected exception inside a build — a bug in Midad, not a mistake in the site — with what was being
 * processed when it happened ("resolving articles/2024/06/x.md", "writing 2024/06/x/index.html with
 * templates/article.ftlh"), so that the message a user sees can name the file a bug report needs.
 */
public final class InternalFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String subject;

    public InternalFailure(String subject, RuntimeException cause) {
        super("internal error while " + subject, cause);
        this.subject = subject;
    }

    /** What was being processed: a verb and a file. */
    public String subject() {
        return subject;
    }

    /**
     * {@code failure} as one line for a user: "internal error while <what it processed>", the exception and
     * where it was thrown (no stack trace), and a request for a report. {@code fallback} says what was being
     * processed when the failure carries no {@link InternalFailure} (e.g. "running 'build' on news").
     */
    public static String describe(Throwable failure, String fallback) {
        InternalFailure found = null;
        for (Throwable t = failure; t != null && found == null; t = t.getCause()) {
            if (t instanceof InternalFailure internal) {
                found = internal;
            }
        }
        Throwable cause = found != null && found.getCause() != null ? found.getCause() : failure;
        StackTraceElement[] trace = cause.getStackTrace();
        return "internal error while " + (found != null ? found.subject : fallback) + " (" + cause
                + (trace.length > 0 ? " at " + trace[0] : "") + "); the previous output is unchanged."
                + " This is a bug in Midad: please report it together with that file.";
    }
}
