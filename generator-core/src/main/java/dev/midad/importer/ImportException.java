package dev.midad.importer;

import dev.midad.problem.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The import could not run at all (unreadable or malformed source); nothing was written. */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ImportException(Problem problem) {
        super(problem.toString());
        this.problems = List.of(problem);
    }

    public ImportException(Problem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problems = List.of(problem);
    }

    public ImportException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
