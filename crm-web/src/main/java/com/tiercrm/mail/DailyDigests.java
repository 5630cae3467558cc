package com.tiercrm.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.mail.MailSubscriptions.Kind;
import com.tiercrm.mail.MailSubscriptions.Recipient;
import com.tiercrm.notification.NotificationText;
import com.tiercrm.notification.Notifications;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.today.Today;
import com.tiercrm.today.TodayAgenda;
import com.tiercrm.web.Formats;
import com.tiercrm.web.WebProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily digest: what the user's Today page and bell show (follow-ups due and overdue,
 * contacts overdue by tier cadence, customers moved down or fallen below the churn
 * threshold in the last run, unread notifications), read by the same code and mailed in
 * the user's language from the configured time of day on. Each instance checks now and
 * then, one at a time (ShedLock); a user gets at most one digest a day, and none on a day
 * with nothing to tell. Only there when mail is configured and digests are enabled.
 */
@Component
@ConditionalOnBooleanProperty("tiercrm.mail.digests.enabled")
@ConditionalOnProperty("spring.mail.host")
public class DailyDigests {

	private final MailSubscriptions subscriptions;

	private final TodayAgenda agenda;

	private final Notifications notifications;

	private final NotificationText notificationText;

	private final UserRepository users;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final Formats formats;

	private final TierLabels tierLabels;

	private final MailingProperties properties;

	private final ZoneId zone;

	private final PeriodicMail mail;

	private final Clock clock = Clock.systemUTC();

	DailyDigests(MailSubscriptions subscriptions, TodayAgenda agenda, Notifications notifications,
			NotificationText notificationText, UserRepository users, MailTemplates templates, MessageSource messages,
			Formats formats, TierLabels tierLabels, JavaMailSender sender, MailingProperties properties,
			WebProperties web) {
		this.subscriptions = subscriptions;
		this.agenda = agenda;
		this.notifications = notifications;
		this.notificationText = notificationText;
		this.users = users;
		this.templates = templates;
		this.messages = messages;
		this.formats = formats;
		this.tierLabels = tierLabels;
		this.properties = properties;
		this.zone = web.timeZone();
		this.mail = new PeriodicMail(subscriptions, new MailDelivery(sender, properties));
	}

	@Scheduled(fixedDelayString = "${tiercrm.mail.sweep-interval:5m}",
			initialDelayString = "${tiercrm.mail.sweep-interval:5m}")
	@SchedulerLock(name = "mail-digests", lockAtMostFor = "PT30M")
	void sweep() {
		sendDue(this.clock.instant());
	}

	/**
	 * Sends the day's digests not sent yet, once the time of day to send them has come.
	 * @param now the time of the check
	 * @return how many were sent
	 */
	public int sendDue(Instant now) {
		ZonedDateTime local = now.atZone(this.zone);
		if (!this.properties.digests().due(local)) {
			return 0;
		}
		LocalDate day = local.toLocalDate();
		return this.mail.send(Kind.DIGEST, day, (recipient) -> compose(recipient, day, now));
	}

	private PeriodicMail.@Nullable Mail compose(Recipient recipient, LocalDate day, Instant now) {
		User user = this.users.findById(recipient.userId()).orElse(null);
		if (user == null) {
			return null;
		}
		int limit = this.properties.digests().limit();
		Today today = this.agenda.today(recipient.userId(), user.accessScope(),
				day.plusDays(1).atStartOfDay(this.zone).toInstant(), limit);
		long unread = this.notifications.unread(recipient.userId());
		if (today.tasks().total() == 0 && today.overdueContactCount() == 0 && today.downgrades().total() == 0
				&& today.fellBelow().total() == 0 && unread == 0) {
			return null;
		}
		Locale locale = recipient.locale();
		List<Line> unreadLines = (unread == 0) ? List.of()
				: this.notifications.latest(recipient.userId(), limit)
					.stream()
					.filter((notification) -> !notification.read())
					.map((notification) -> new Line(this.notificationText.text(notification, locale),
							(notification.link() != null) ? this.properties.base() + notification.link() : null))
					.toList();
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", user.getDisplayName());
		variables.put("day", day);
		variables.put("now", now);
		variables.put("today", today);
		variables.put("unread", unread);
		variables.put("notifications", unreadLines);
		variables.put("base", this.properties.base());
		variables.put("fmt", this.formats);
		variables.put("tierLabels", this.tierLabels);
		String subject = this.messages.getMessage("mail.digest.subject", new Object[] { day }, locale);
		return new PeriodicMail.Mail(subject, this.templates.render("digest", locale, variables), List.of());
	}

	/**
	 * A notification as the digest lists it.
	 *
	 * @param text what it says
	 * @param link the full address it leads to, {@code null} for none
	 */
	public record Line(String text, @Nullable String link) {

	}

}
