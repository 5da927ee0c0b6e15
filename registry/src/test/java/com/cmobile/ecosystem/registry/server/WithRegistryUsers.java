package com.cmobile.ecosystem.registry.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns on basic auth in the registry {@link IsolatedRegistry} gives the annotated test class: each
 * value is {@code name:role:password}. The extension hashes them into a users file in a temporary
 * directory at start, so no hash or file is kept in the repository.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface WithRegistryUsers {
    String[] value();
}
