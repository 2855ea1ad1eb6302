package org.opencdp.images;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** What a JDK runtime directory says about itself in its {@code release} file. */
final class Runtimes {

    private Runtimes() {}

    /**
     * The exact build, e.g. {@code Temurin-25.0.3+9}: an AOT cache works only with the build that made it. A jlink-ed
     * runtime's release file keeps the vendor's build name but not {@code JAVA_RUNTIME_VERSION}.
     */
    static String javaRuntimeVersion(Path runtime) throws IOException {
        Properties release = new Properties();
        try (Reader reader = Files.newBufferedReader(runtime.resolve("release"))) {
            release.load(reader);
        }
        String build = unquote(release.getProperty("IMPLEMENTOR_VERSION", release.getProperty("JAVA_VERSION")));
        if (build == null) {
            throw new IOException(runtime + "/release names no JDK version: not a JDK runtime");
        }
        return build;
    }

    private static String unquote(String value) {
        return value == null ? null : value.replace("\"", "");
    }
}
