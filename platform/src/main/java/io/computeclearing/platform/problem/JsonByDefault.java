package io.computeclearing.platform.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Our operations speak JSON unless they declare otherwise. JAX-RS matches {@code Accept} and {@code Content-Type}
 * only against a declared {@code @Produces}/{@code @Consumes}; an operation without them would answer JSON to a client
 * that accepts only image/png, or hand a text/plain body to the JSON reader. Here such requests are refused as
 * JAX-RS refuses them for declared media types: 406 and 415.
 */
public class JsonByDefault {

    @ServerRequestFilter
    public void refuseOtherMediaTypes(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Class<?> type = resource.getResourceClass();
        if (!declares(method, type, Produces.class) && request.getAcceptableMediaTypes().stream()
                .noneMatch(accepted -> accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            throw new NotAcceptableException();
        }
        MediaType body = request.getMediaType();
        if (!declares(method, type, Consumes.class) && body != null && carriesABody(request)
                && !body.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new NotSupportedException();
        }
    }

    /** Clients label even an empty POST with a Content-Type; only a body that is really there must be JSON. */
    private static boolean carriesABody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    private static boolean declares(Method method, Class<?> type, Class<? extends Annotation> annotation) {
        return method.isAnnotationPresent(annotation) || type != null && type.isAnnotationPresent(annotation);
    }
}
