package dev.midad;

import dev.midad.problem.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The build could not finish; carries every problem found, not just the first. */
public class BuildException extends Exception {
    private final List<Problem> problems;

    public BuildException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public BuildException(Problem problem) {
        this(List.of(problem));
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(new Problem(null, 0, 0, message));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        String header = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + ":\n", ""));
    }
}
