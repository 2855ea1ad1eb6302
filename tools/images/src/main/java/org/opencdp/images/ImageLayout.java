package org.opencdp.images;

import java.util.List;

/**
 * Where things are in every service image, and how it starts. The Helm chart (helm/opencdp) relies on these: the
 * user matches its pod security context, the AOT cache's path its {@code image.aotCache}, and the JVM options it sets
 * go into {@code JDK_JAVA_OPTIONS}, which the {@code java} launcher itself reads (the image has no shell to expand
 * anything else).
 */
final class ImageLayout {

    /** The jlink-ed JDK runtime. */
    static final String JAVA_HOME = "/opt/java";
    /** The Quarkus aot-jar (the fast-jar's layout): quarkus-run.jar, lib/, app/, quarkus/. */
    static final String APP_DIR = "/deployments";
    /** The JDK AOT cache of the jvm-aot variant (the chart's default {@code image.aotCache}). */
    static final String AOT_CACHE = APP_DIR + "/app.aot";
    /** Numeric, non-root, and the chart's {@code runAsUser}/{@code runAsGroup}; it owns no file of the image. */
    static final String USER = "185:185";
    /** The API over HTTP (mesh mode), over HTTPS (cert-manager mode), and health and metrics. */
    static final List<Integer> PORTS = List.of(8080, 8443, 9000);

    static final List<String> ENTRYPOINT = List.of(JAVA_HOME + "/bin/java", "-jar", APP_DIR + "/quarkus-run.jar");

    private ImageLayout() {}
}
