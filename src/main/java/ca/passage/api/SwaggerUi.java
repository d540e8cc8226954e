package ca.passage.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Swagger UI at {@value #PATH}/ on the officers' listener, from the {@code org.webjars:swagger-ui} jar on the class
 * path: nothing is fetched from the internet. The WebJar's own initializer (a public demo document) is replaced by
 * {@code src/main/resources/swagger-ui/swagger-initializer.js}, which opens {@code /api/v1/openapi.json}.
 * The access gate runs first: the pages are for authenticated people only ({@code AccessTable}).
 */
public final class SwaggerUi {

    public static final String PATH = "/api/docs";
    static final String INITIALIZER = "swagger-initializer.js";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private SwaggerUi() {
    }

    /** The WebJar's folder on the class path; its version is read from the jar, so upgrading is a pom change only. */
    static String webJarRoot() {
        try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the class path (" + WEBJAR_POM + ")");
            }
            Properties pom = new Properties();
            pom.load(in);
            return "META-INF/resources/webjars/swagger-ui/" + pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR_POM, e);
        }
    }

    private static String initializer() {
        try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream("swagger-ui/" + INITIALIZER)) {
            if (in == null) {
                throw new IllegalStateException("swagger-ui/" + INITIALIZER + " is not on the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read swagger-ui/" + INITIALIZER, e);
        }
    }

    /** Adds the pages to {@code router} (behind the access gate). */
    public static void mount(Router router) {
        // Vert.x matches /api/docs/ on this route too: only the bare path is sent on to the folder (relative links)
        router.get(PATH).handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                ctx.next();
            } else {
                ctx.redirect(PATH + "/");
            }
        });
        String initializer = initializer();
        router.get(PATH + "/" + INITIALIZER).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/javascript; charset=utf-8").end(initializer));
        router.get(PATH + "/*").handler(StaticHandler.create(webJarRoot()).setIndexPage("index.html"));
    }
}
