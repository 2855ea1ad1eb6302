package org.opencdp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a PostgreSQL cluster's files live: its data directory, socket, server log and, during initdb, the
 * superuser's password file.
 *
 * <p>PostgreSQL refuses to run as root, so as root its programs run as the postgres user, and that user may not
 * enter the caller's directories: a checkout below /root or in a {@code mktemp -d} directory is closed to it. So as
 * root every cluster lives below {@link #SERVER_USER_ROOT} (not world-writable, kept across reboots, unlike /tmp and
 * /var/tmp), in a directory of its own that the postgres user owns, mode 700. A durable cluster's directory is named
 * after the path it was asked for ({@code clusters/<hash of the path>}), so stop, status and reset find it from that
 * path alone; the path itself becomes a symbolic link to it, for people and for the logs' paths. Throwaway test
 * clusters go to {@code test-clusters/}. Anyone else runs the server as themselves, and the files stay where asked.
 */
final class ClusterLocation {

    static final Path SERVER_USER_ROOT = Path.of("/var/lib/opencdp");
    private static final int HASH_HEX_DIGITS = 16;

    /** Null when the files stay where they are asked for. */
    private final Path root;

    private ClusterLocation(Path root) {
        this.root = root;
    }

    /** As root: below {@link #SERVER_USER_ROOT}; otherwise where asked. */
    static ClusterLocation forThisProcess() {
        return Commands.runningAsRoot() ? below(SERVER_USER_ROOT) : inPlace();
    }

    static ClusterLocation below(Path root) {
        return new ClusterLocation(root.toAbsolutePath().normalize());
    }

    static ClusterLocation inPlace() {
        return new ClusterLocation(null);
    }

    /**
     * The directory of the durable cluster asked for at {@code requested}. A cluster that already lives at that path
     * itself (made before this rule, where the server user could reach it) stays there.
     */
    Path durable(Path requested) {
        Path asked = requested.toAbsolutePath().normalize();
        if (root == null || holdsCluster(asked)) {
            return asked;
        }
        return root.resolve("clusters").resolve(hash(asked));
    }

    /** The directory below which throwaway test clusters are made. */
    Path throwawayRoot() {
        return root == null
                ? Path.of(System.getProperty("java.io.tmpdir"), "opencdp-test-pg")
                : root.resolve("test-clusters");
    }

    /**
     * Makes {@code requested} a symbolic link to {@code dir}, the cluster's real directory, unless they are the same.
     * Refuses, saying what to do, when the link points elsewhere: the directory it was made in was moved or copied.
     */
    static void link(Path requested, Path dir) {
        Path asked = requested.toAbsolutePath().normalize();
        if (asked.equals(dir)) {
            return;
        }
        try {
            if (Files.isSymbolicLink(asked)) {
                Path target = Files.readSymbolicLink(asked);
                if (target.equals(dir)) {
                    return;
                }
                throw new LocalStackException(asked + " points to the database cluster " + target
                        + ", but for this path "
                        + "the cluster belongs in " + dir
                        + ": the checkout was moved or copied after its cluster was made. "
                        + "To keep the data of a moved checkout, move the cluster along while it is stopped: `mv "
                        + target
                        + " " + dir + "`. To start over with an empty suite, run `make reset`, and delete " + target
                        + " if no other checkout uses it.");
            }
            if (Files.isDirectory(asked, LinkOption.NOFOLLOW_LINKS)) {
                // Left by an attempt that failed before this rule; an empty directory holds nothing to keep.
                try (Stream<Path> entries = Files.list(asked)) {
                    if (entries.findAny().isPresent()) {
                        throw new LocalStackException(
                                asked + " holds files but no database cluster; the cluster of this " + "path lives in "
                                        + dir + ". Move those files away, then start again.");
                    }
                }
                Files.delete(asked);
            }
            Files.createDirectories(asked.getParent());
            Files.createSymbolicLink(asked, dir);
        } catch (IOException e) {
            throw new LocalStackException("could not link " + asked + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * As root, for a directory below {@link #SERVER_USER_ROOT}: creates the directories above it, each open to be
     * passed through (mode 755, whatever root's umask), so that the postgres user reaches the cluster's directory.
     */
    static void createParentsReachable(Path dir) {
        if (!Commands.runningAsRoot()) {
            return;
        }
        List<Path> parents = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize().getParent();
                p != null && p.startsWith(SERVER_USER_ROOT);
                p = p.getParent()) {
            parents.add(0, p);
        }
        for (Path parent : parents) {
            try {
                Files.createDirectories(parent);
                Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new LocalStackException("could not create " + parent + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean holdsCluster(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && Files.exists(dir.resolve("data/PG_VERSION"));
    }

    private static String hash(Path path) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(path.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
