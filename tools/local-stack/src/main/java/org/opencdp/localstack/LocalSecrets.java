package org.opencdp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The personal-data keys of a local suite. They are generated on the first start and read back on every later one:
 * the services encrypt personal fields with them, so new keys would make the stored data unreadable. The file is
 * readable by its owner only, and its values are never printed.
 */
public final class LocalSecrets {

    public static final String MASTER_KEY = "OPENCDP_PERSONAL_DATA_MASTER_KEY";
    public static final String BLIND_INDEX_KEY = "OPENCDP_PERSONAL_DATA_BLIND_INDEX_KEY";
    /** Keys the audit trail's hash chain (libs/audit); kept outside the database it protects. */
    public static final String AUDIT_CHAIN_KEY = "OPENCDP_AUDIT_CHAIN_KEY";

    private static final List<String> KEYS = List.of(MASTER_KEY, BLIND_INDEX_KEY, AUDIT_CHAIN_KEY);
    /**
     * Keys that came later than the file of an existing suite: added to it when missing. The personal-data keys
     * are never added: new ones would not decrypt the stored data.
     */
    private static final List<String> ADDED_LATER = List.of(AUDIT_CHAIN_KEY);

    private static final int KEY_BYTES = 32;

    private final Map<String, String> values;

    private LocalSecrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Reads the file, or creates it with fresh random keys if there is none yet. */
    public static LocalSecrets loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        addMissingLaterKeys(file);
        return load(file);
    }

    /** The variables to hand to every service. */
    public Map<String, String> environment() {
        return values;
    }

    private static void create(Path file) {
        SecureRandom random = new SecureRandom();
        StringBuilder content = new StringBuilder(
                "# Personal-data keys of this local suite, generated on its first start.\n"
                        + "# The stored data is encrypted with them: deleting or changing this file makes it unreadable.\n");
        for (String key : KEYS) {
            content.append(key).append('=').append(randomKey(random)).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            // Created with its final permissions, so the keys are never readable by others, not even for a moment.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            // Another start created it meanwhile: use that one.
        } catch (IOException e) {
            throw new LocalStackException("could not write the local keys to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String randomKey(SecureRandom random) {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * A suite created before a key existed gets it appended; what the file holds already stays as it is. A damaged
     * file is left alone for {@link #load} to report.
     */
    private static void addMissingLaterKeys(Path file) {
        Map<String, String> present = read(file);
        boolean intact =
                KEYS.stream().filter(key -> !ADDED_LATER.contains(key)).allMatch(key -> isKey(present.get(key)));
        if (!intact) {
            return;
        }
        StringBuilder added = new StringBuilder();
        SecureRandom random = new SecureRandom();
        for (String key : ADDED_LATER) {
            if (!present.containsKey(key)) {
                added.append(key).append('=').append(randomKey(random)).append('\n');
            }
        }
        if (!added.isEmpty()) {
            try {
                Files.writeString(file, added, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new LocalStackException("could not add keys to " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static LocalSecrets load(Path file) {
        return checked(file, read(file));
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
                    values.put(
                            line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new LocalStackException("could not read the local keys from " + file + ": " + e.getMessage(), e);
        }
        return values;
    }

    private static LocalSecrets checked(Path file, Map<String, String> values) {
        for (String key : KEYS) {
            if (!isKey(values.get(key))) {
                // Never regenerate over a damaged file: the data encrypted with the old keys would be lost for good.
                throw new LocalStackException(
                        file + " has no valid " + key + " (base64 of 32 bytes). Restore the file, "
                                + "or run `make reset` to start over with an empty suite.");
            }
        }
        values.keySet().retainAll(KEYS);
        return new LocalSecrets(values);
    }

    private static boolean isKey(String value) {
        if (value == null) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(value).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "LocalSecrets" + values.keySet() + " (values hidden)";
    }
}
