package io.computeclearing.margin.spanfile;

import io.computeclearing.platform.problem.Problem;
import io.computeclearing.platform.problem.ProblemException;

import java.util.List;

/**
 * The two ways a SPAN risk parameter file is refused, each naming the element at fault (a path such as
 * {@code clearingOrg/ccDef[GH100]/dSpread[3]/rate/val}) so that the risk team can correct the file. Nothing is written
 * when a file is refused.
 */
final class SpanFileProblems {

    private SpanFileProblems() {
    }

    /** 400 {@code /problems/malformed-span-file}: not well-formed, a DOCTYPE, not SPAN 4.00, a missing or bad value. */
    static ProblemException malformed(String element, String message) {
        return new ProblemException(400, "malformed-span-file", "Malformed SPAN file",
                "The SPAN file was not imported: " + element + ": " + message,
                List.of(new Problem.Violation(element, message)));
    }

    /**
     * 422 {@code /problems/inconsistent-span-file}: readable, but contradicting itself (a risk array that does not
     * follow from its price and scan range) or asking for what margin-service does not margin (options,
     * inter-commodity spreads, a non-standard scenario grid, different spread rates within a family).
     */
    static ProblemException inconsistent(String element, String message) {
        return new ProblemException(422, "inconsistent-span-file", "Inconsistent SPAN file",
                "The SPAN file was not imported: " + element + ": " + message,
                List.of(new Problem.Violation(element, message)));
    }
}
