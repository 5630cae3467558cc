package com.tiercrm.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications.
 *
 * @param taskLead how long before its due time a follow-up is notified
 * @param sweepInterval how often open follow-ups are checked for coming due
 */
@ConfigurationProperties("tiercrm.notifications")
public record NotificationProperties(@DefaultValue("1h") Duration taskLead,
		@DefaultValue("1m") Duration sweepInterval) {

}
