package com.tiercrm.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What to look for in the audit log; every part is optional.
 *
 * @param action one action
 * @param actor one username, any case
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param text a fragment of the target or details, any case
 */
public record AuditQuery(@Nullable AuditAction action, @Nullable String actor, @Nullable Instant from,
		@Nullable Instant to, @Nullable String text) {

}
