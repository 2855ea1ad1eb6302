package org.opencdp.images;

/** The image builds of a service this tool makes; the chart's {@code image.variant} picks one by its tag suffix. */
enum Variant {
    JVM(""),
    JVM_AOT("-aot");

    private final String tagSuffix;

    Variant(String tagSuffix) {
        this.tagSuffix = tagSuffix;
    }

    String tag(String version) {
        return version + tagSuffix;
    }
}
