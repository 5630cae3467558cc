package com.tiercrm.mail;

import java.time.LocalDate;

import com.tiercrm.account.Role;
import org.jspecify.annotations.Nullable;

/**
 * A user's mail as an admin sees it.
 *
 * @param userId the user
 * @param username their login
 * @param displayName their name
 * @param role their role
 * @param settings what they chose
 * @param digestSentOn the day of the last digest sent to them, {@code null} for none
 * @param reportSentFor the month (its first day) of the last report sent to them,
 * {@code null} for none
 */
public record MailSubscriber(long userId, String username, String displayName, Role role, MailSettings settings,
		@Nullable LocalDate digestSentOn, @Nullable LocalDate reportSentFor) {

}
