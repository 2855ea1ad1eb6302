package org.opencdp.images;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An OCI image tarball as Jib writes it (an OCI image layout: {@code index.json}, {@code blobs/sha256/...}), read back
 * without a container engine: the image's config and every layer's files. Used to print what was built and by the
 * tests that check the images' configuration.
 */
final class OciTarball {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A layer: its uncompressed digest (the config's diff id) and its files by path, with mode and owner. */
    record Layer(String diffId, Map<String, Entry> files) {

        /** The first path segments of its files, e.g. [opt] or [deployments]. */
        TreeSet<String> topDirectories() {
            TreeSet<String> tops = new TreeSet<>();
            files.keySet().forEach(path -> tops.add(path.split("/")[0]));
            return tops;
        }
    }

    /** Files up to this size keep their content, for checks of small files such as quarkus-run.jar's manifest. */
    static final int KEPT_CONTENT = 64 * 1024;

    /** A file or directory in a layer: its POSIX mode, owner ids, size, and its content if at most 64 KiB. */
    record Entry(int mode, boolean directory, long uid, long gid, long size, byte[] content) {}

    private final JsonNode config;
    private final List<Layer> layers;

    private OciTarball(JsonNode config, List<Layer> layers) {
        this.config = config;
        this.layers = layers;
    }

    /** The image config's {@code config} object: User, Entrypoint, Env, ExposedPorts, WorkingDir, Labels. */
    JsonNode config() {
        return config.path("config");
    }

    /** The whole config blob (created, architecture, os, rootfs, history). */
    JsonNode configBlob() {
        return config;
    }

    List<Layer> layers() {
        return layers;
    }

    static OciTarball open(Path tarball) throws IOException {
        Map<String, byte[]> blobs = new HashMap<>();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    blobs.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode index = JSON.readTree(required(blobs, "index.json"));
        JsonNode manifest = JSON.readTree(
                blob(blobs, index.path("manifests").path(0).path("digest").asText()));
        JsonNode config =
                JSON.readTree(blob(blobs, manifest.path("config").path("digest").asText()));
        List<Layer> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            byte[] compressed = blob(blobs, layer.path("digest").asText());
            layers.add(readLayer(compressed));
        }
        return new OciTarball(config, layers);
    }

    private static Layer readLayer(byte[] compressed) throws IOException {
        MessageDigest sha256 = sha256();
        Map<String, Entry> files = new LinkedHashMap<>();
        try (InputStream uncompressed =
                        new DigestInputStream(new GZIPInputStream(new ByteArrayInputStream(compressed)), sha256);
                TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                byte[] content = entry.getSize() <= KEPT_CONTENT ? tar.readAllBytes() : new byte[0];
                files.put(
                        entry.getName().replaceFirst("^/", "").replaceFirst("/$", ""),
                        new Entry(
                                entry.getMode(),
                                entry.isDirectory(),
                                entry.getLongUserId(),
                                entry.getLongGroupId(),
                                entry.getSize(),
                                content));
            }
            // The digest covers the whole uncompressed stream, the end-of-archive blocks included.
            uncompressed.transferTo(OutputStream.nullOutputStream());
        }
        return new Layer("sha256:" + HexFormat.of().formatHex(sha256.digest()), files);
    }

    private static byte[] blob(Map<String, byte[]> blobs, String digest) throws IOException {
        return required(blobs, "blobs/" + digest.replace(':', '/'));
    }

    private static byte[] required(Map<String, byte[]> blobs, String name) throws IOException {
        byte[] content = blobs.get(name);
        if (content == null) {
            throw new IOException("not an OCI image layout: " + name + " is missing");
        }
        return content;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
