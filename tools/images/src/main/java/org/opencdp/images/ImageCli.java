package org.opencdp.images;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar tools/images/target/images.jar --service profile-service --version 0.1.0 --runtime DIR --app
 * DIR [--aot-cache FILE] --out FILE [--repository ghcr.io/opencdp]}: writes one OCI image tarball and prints its
 * layers. scripts/images (make images) calls it for every service and variant.
 */
public final class ImageCli {

    private ImageCli() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage("unexpected " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            usage("an option without a value: " + args[args.length - 1]);
        }
        String service = required(options, "service");
        String repository = options.getOrDefault("repository", "ghcr.io/opencdp") + "/" + service;
        Optional<Path> aotCache = Optional.ofNullable(options.get("aot-cache")).map(Path::of);
        Variant variant = aotCache.isPresent() ? Variant.JVM_AOT : Variant.JVM;
        Path tarball = Path.of(required(options, "out"));
        ServiceImage image = new ServiceImage(
                repository,
                required(options, "version"),
                Path.of(required(options, "runtime")),
                Path.of(required(options, "app")));
        image.writeTarball(
                variant, aotCache, tarball, tarball.toAbsolutePath().getParent().resolve("jib-cache"));
        OciTarball written = OciTarball.open(tarball);
        System.out.printf("%s -> %s%n", image.reference(variant), tarball);
        for (OciTarball.Layer layer : written.layers()) {
            System.out.printf(
                    "  layer %s  %,d files  %s%n", layer.diffId(), layer.files().size(), layer.topDirectories());
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            usage("--" + name + " is required");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: java -jar images.jar --service NAME --version V --runtime DIR --app DIR"
                + " [--aot-cache FILE] --out FILE [--repository REGISTRY]");
        System.exit(2);
    }
}
