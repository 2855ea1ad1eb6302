package org.opencdp.tracking.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.WithTestResource;

/** The test's application asks {@link DecisionsServer} for consent decisions. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(DecisionsServer.class)
public @interface WithConsentService {}
