package com.tiercrm.mail;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.tiercrm.mail.MailSubscriptions.Kind;
import com.tiercrm.mail.MailSubscriptions.Recipient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailException;

/**
 * Sends one kind of mail of one period to everyone it is due to, each claimed before it
 * is written. A mail server that fails is logged and the claim given back, and the rest
 * wait for the next check instead of failing one by one; the application carries on
 * either way.
 */
class PeriodicMail {

	private static final Log logger = LogFactory.getLog(PeriodicMail.class);

	private final MailSubscriptions subscriptions;

	private final MailDelivery delivery;

	PeriodicMail(MailSubscriptions subscriptions, MailDelivery delivery) {
		this.subscriptions = subscriptions;
		this.delivery = delivery;
	}

	/**
	 * Sends the period's mail.
	 * @param kind which mail
	 * @param period the day or the month (its first day)
	 * @param composer writes each recipient's mail
	 * @return how many were sent
	 */
	int send(Kind kind, LocalDate period, Composer composer) {
		int sent = 0;
		for (Recipient recipient : this.subscriptions.due(kind, period)) {
			if (!this.subscriptions.claim(kind, recipient, period)) {
				continue;
			}
			try {
				Mail mail = composer.compose(recipient);
				if (mail == null) {
					continue;
				}
				this.delivery.send(recipient.email(), mail.subject(), mail.parts(), mail.attachments());
				sent++;
			}
			catch (MailException ex) {
				this.subscriptions.release(kind, recipient, period);
				logger.warn("Could not send the " + kind.name().toLowerCase(Locale.ROOT) + " of " + period + " to user "
						+ recipient.userId() + "; trying again at the next check: " + ex.getMessage());
				break;
			}
			catch (RuntimeException ex) {
				this.subscriptions.release(kind, recipient, period);
				logger.error("Could not write the " + kind.name().toLowerCase(Locale.ROOT) + " of " + period
						+ " for user " + recipient.userId(), ex);
			}
		}
		if (sent > 0) {
			logger.info("Sent " + sent + " " + kind.name().toLowerCase(Locale.ROOT) + " mails of " + period);
		}
		return sent;
	}

	/**
	 * Writes one recipient's mail.
	 */
	@FunctionalInterface
	interface Composer {

		/**
		 * The recipient's mail, {@code null} when there is nothing to tell them this
		 * period.
		 */
		@Nullable Mail compose(Recipient recipient);

	}

	/**
	 * A mail ready to send.
	 *
	 * @param subject its subject
	 * @param parts its text
	 * @param attachments its attachments
	 */
	record Mail(String subject, MailTemplates.Parts parts, List<MailDelivery.Attachment> attachments) {

	}

}
