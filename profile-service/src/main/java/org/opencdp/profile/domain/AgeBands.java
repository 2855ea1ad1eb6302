package org.opencdp.profile.domain;

/** The age bands marketing segments and reports use. */
public final class AgeBands {

    private AgeBands() {}

    public static String of(int age) {
        if (age < 18) {
            return "under-18";
        }
        if (age >= 65) {
            return "65+";
        }
        int[] lower = {18, 25, 35, 45, 55};
        int[] upper = {24, 34, 44, 54, 64};
        for (int i = 0; i < lower.length; i++) {
            if (age <= upper[i]) {
                return lower[i] + "-" + upper[i];
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
