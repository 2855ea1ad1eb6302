package org.opencdp.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.WithTestResource;

/**
 * The test class needs PostgreSQL: its application gets a throwaway cluster with one database
 * ({@link PostgresTestResource}). Every {@code @QuarkusTest} whose application has a datasource says so, directly or
 * through a base class such as {@link ServiceBaselineTest}; a class that forgets gets no database and fails at
 * start, instead of working by the luck of another class registering one.
 *
 * <p>Test classes with the same {@code @WithPostgres} (and no other test resources) share one application start and
 * one database, so state written by one class may be seen by the next: tests make their own data, never count
 * what others left.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(PostgresTestResource.class)
public @interface WithPostgres {

    /**
     * A plain SQL dump on the test classpath (pg_dump, {@code --inserts}) to fill the database with before the
     * application starts, e.g. a database as an earlier release left it. Empty: an empty database.
     */
    String startingFrom() default "";
}
