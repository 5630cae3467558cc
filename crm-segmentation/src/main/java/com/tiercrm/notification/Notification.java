package com.tiercrm.notification;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One notification as stored: what to say (a message key and its arguments, rendered in
 * the reader's language; an argument written {@code #{key}} is a message key itself) and
 * where it leads.
 *
 * @param id the notification
 * @param kind what it is about
 * @param messageKey the message
 * @param arguments its arguments, in order
 * @param link the path it leads to, {@code null} for none
 * @param createdAt when it was written
 * @param read whether the user has read it
 */
public record Notification(long id, NotificationKind kind, String messageKey, List<String> arguments,
		@Nullable String link, Instant createdAt, boolean read) {

}
