package com.tiercrm.bootstrap;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of an installation without users.
 *
 * @param initialPassword the password of the {@code admin} user created on first start; a
 * random one, logged once, when not set
 */
@ConfigurationProperties("tiercrm.admin")
public record AdminProperties(@Nullable String initialPassword) {

}
