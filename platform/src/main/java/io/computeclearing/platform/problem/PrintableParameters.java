package io.computeclearing.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * A path or query parameter is an id, a date, a number or a word, all in printable ASCII: never control characters
 * nor other scripts. A percent-encoded NUL ({@code %00}) would otherwise reach PostgreSQL, which cannot store or
 * compare it, and a non-ASCII id a header (a file name, a location) that cannot carry it: both answered 500. Refused
 * before matching, so it holds for every operation.
 */
public class PrintableParameters {

    static final String EXPECTATION = "must be printable ASCII, without control characters";

    @ServerRequestFilter(preMatching = true)
    public void refuseUnprintable(ContainerRequestContext request) {
        if (unprintable(request.getUriInfo().getPath())) {
            throw ProblemException.malformedParameter("path", "path", EXPECTATION);
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (unprintable(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(PrintableParameters::unprintable)) {
                throw ProblemException.malformedParameter("query", printable(parameter.getKey()), EXPECTATION);
            }
        }
    }

    private static boolean unprintable(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c > 0x7e);
    }

    private static String printable(String name) {
        return name.chars().filter(c -> c >= 0x20 && c <= 0x7e)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
