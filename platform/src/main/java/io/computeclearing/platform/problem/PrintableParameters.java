package io.computeclearing.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * A path or query parameter is an id, a date, a number or a word: never control characters. A percent-encoded NUL
 * ({@code %00}) would otherwise reach PostgreSQL, which cannot store or compare it, and answer 500. Refused before
 * matching, so it holds for every operation.
 */
public class PrintableParameters {

    @ServerRequestFilter(preMatching = true)
    public void refuseControlCharacters(ContainerRequestContext request) {
        if (control(request.getUriInfo().getPath())) {
            throw ProblemException.malformedParameter("path", "path", "must not contain control characters");
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (control(parameter.getKey()) || parameter.getValue().stream().anyMatch(PrintableParameters::control)) {
                throw ProblemException.malformedParameter("query", printable(parameter.getKey()),
                        "must not contain control characters");
            }
        }
    }

    private static boolean control(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String printable(String name) {
        return name.chars().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
