package org.opencdp.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the annotated test class against the one end-to-end suite of this test run (see {@link LocalSuiteExtension}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalSuiteExtension.class)
public @interface WithLocalSuite {}
