package ca.passage.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

import java.lang.reflect.Field;

import java.util.List;

/**
 * Errors the HTTP layer answers before any route runs (no such path, a method the path does not take, a body over
 * the server's limit, ...) as {@code application/problem+json}, like every error the routes answer, instead of
 * Vert.x's plain-text pages. Installed on the REST port's router and on the management port's router.
 */
public final class HttpLayerProblems {

    /** The statuses Vert.x answers on its own; anything else reaching its error handling is a 500. */
    static final List<Integer> STATUSES = List.of(400, 401, 403, 404, 405, 406, 413, 414, 415, 431, 500, 501, 503);

    private final ObjectMapper json = new ObjectMapper();

    private HttpLayerProblems() {
    }

    /** Installs the handlers on the router of every given port that has one. */
    public static void install(CamelContext camel, int... ports) {
        HttpLayerProblems problems = new HttpLayerProblems();
        java.util.Set<VertxPlatformHttpRouter> routers = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        routers.add(VertxPlatformHttpRouter.lookup(camel));
        for (int port : ports) {
            routers.add(VertxPlatformHttpRouter.lookup(camel, VertxPlatformHttpRouter.getRouterNameFromPort(port)));
        }
        routers.remove(null);
        routers.stream().map(HttpLayerProblems::topRouter).forEach(problems::install);
    }

    /**
     * The server's top router: Camel mounts its routes on a sub-router, and only the top router's error handlers
     * answer an unmatched path, a refused method or a body over the limit. Camel 4.17 does not expose it, hence
     * the reflective read of {@code VertxPlatformHttpServer.router}; a Camel upgrade that renames it fails here
     * at start-up (and in HttpLayerErrorsTest), never silently.
     */
    private static Router topRouter(VertxPlatformHttpRouter platformRouter) {
        try {
            Field field = VertxPlatformHttpServer.class.getDeclaredField("router");
            field.setAccessible(true);
            return (Router) field.get(platformRouter.getServer());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach the HTTP server's router to answer its errors as "
                    + "problem+json: " + e, e);
        }
    }

    /** Installs the handlers on a server's top router (the access listeners own theirs). */
    public static void installOn(Router router) {
        new HttpLayerProblems().install(router);
    }

    private void install(Router router) {
        for (int status : STATUSES) {
            router.errorHandler(status, ctx -> answer(ctx, status));
        }
    }

    private void answer(RoutingContext ctx, int status) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + ctx.request().path();
            case 405 -> ctx.request().method() + " is not allowed on " + ctx.request().path();
            case 413 -> "the request body is over the server's size limit";
            case 500 -> "the request could not be processed";
            default -> title;
        };
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", ApiResponse.PROBLEM)
                .end(write(Problem.of(status, title, detail, List.of())));
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem answer", e);
        }
    }
}
