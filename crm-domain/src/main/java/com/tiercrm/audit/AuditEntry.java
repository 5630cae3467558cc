package com.tiercrm.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One audit entry.
 *
 * @param id its number, increasing
 * @param occurredAt when
 * @param actor the username, {@code null} when nobody was signed in
 * @param address the client's address, {@code null} outside a request
 * @param action what
 * @param target what it was done to (a username, a tier, a job, a customer code)
 * @param details more, in the words of the action (a filter, a row count)
 */
public record AuditEntry(long id, Instant occurredAt, @Nullable String actor, @Nullable String address,
		AuditAction action, @Nullable String target, @Nullable String details) {

}
