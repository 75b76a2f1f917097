package io.computeclearing.platform.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path templates and HTTP methods of every resource, to tell a path that does not exist (404) from a method the
 * path does not take (405). RESTEasy Reactive says 404 for the latter when a path is served by several resource
 * classes ({@code /indices/{indexId}} and {@code /indices/{indexId}/values}).
 */
final class ResourceMethods {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*[^}:\\s]+\\s*(?::\\s*([^}]*))?}");
    private static volatile List<Template> templates;

    private ResourceMethods() {
    }

    /** The methods the path takes, empty if no resource serves it at all. */
    static Set<String> allowedAt(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Set<String> methods = new TreeSet<>();
        for (Template template : templates()) {
            if (template.pattern().matcher(normalized).matches()) {
                methods.add(template.method());
            }
        }
        return methods;
    }

    private static List<Template> templates() {
        if (templates == null) {
            List<Template> found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getMethods()) {
                    String http = httpMethod(method);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        found.add(new Template(http, pattern(root.value() + "/" + (sub == null ? "" : sub.value()))));
                    }
                }
            }
            templates = List.copyOf(found);
        }
        return templates;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** "/indices/{indexId}/values" as a regular expression; "{name: regex}" keeps its regex. */
    private static Pattern pattern(String template) {
        String path = ("/" + template).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(path);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(path.substring(last, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1).strip() + ")");
            last = parameter.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private record Template(String method, Pattern pattern) {
    }
}
