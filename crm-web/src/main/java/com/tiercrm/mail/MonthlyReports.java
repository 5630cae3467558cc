package com.tiercrm.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.mail.MailSubscriptions.Kind;
import com.tiercrm.mail.MailSubscriptions.Recipient;
import com.tiercrm.report.TieringReport;
import com.tiercrm.report.TieringReportPdf;
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
 * The monthly tiering report: the workbook and the PDF that {@code /tiering/report.xlsx}
 * and {@code /tiering/report.pdf} download, attached to a mail in each recipient's
 * language and covering their scope, for the managers and admins who chose it, from the
 * configured day and time of each month on. At most once per month and recipient, however
 * many instances check (ShedLock, and the month claimed per recipient). Only there when
 * mail is configured and reports are enabled.
 */
@Component
@ConditionalOnBooleanProperty("tiercrm.mail.reports.enabled")
@ConditionalOnProperty("spring.mail.host")
public class MonthlyReports {

	private final TieringReport report;

	private final TieringReportPdf pdf;

	private final UserRepository users;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final MailingProperties properties;

	private final ZoneId zone;

	private final PeriodicMail mail;

	private final Clock clock = Clock.systemUTC();

	MonthlyReports(MailSubscriptions subscriptions, TieringReport report, TieringReportPdf pdf, UserRepository users,
			MailTemplates templates, MessageSource messages, JavaMailSender sender, MailingProperties properties,
			WebProperties web) {
		this.report = report;
		this.pdf = pdf;
		this.users = users;
		this.templates = templates;
		this.messages = messages;
		this.properties = properties;
		this.zone = web.timeZone();
		this.mail = new PeriodicMail(subscriptions, new MailDelivery(sender, properties));
	}

	@Scheduled(fixedDelayString = "${tiercrm.mail.sweep-interval:5m}",
			initialDelayString = "${tiercrm.mail.sweep-interval:5m}")
	@SchedulerLock(name = "mail-reports", lockAtMostFor = "PT30M")
	void sweep() {
		sendDue(this.clock.instant());
	}

	/**
	 * Sends the month's reports not sent yet, once the day and time to send them have
	 * come and a run is published.
	 * @param now the time of the check
	 * @return how many were sent
	 */
	public int sendDue(Instant now) {
		ZonedDateTime local = now.atZone(this.zone);
		if (!this.properties.reports().due(local)) {
			return 0;
		}
		LocalDate day = local.toLocalDate();
		// Nothing to report before the first run: the month's reports wait for it.
		if (!this.report.available()) {
			return 0;
		}
		LocalDate month = day.withDayOfMonth(1);
		return this.mail.send(Kind.REPORT, month, (recipient) -> compose(recipient, day));
	}

	private PeriodicMail.@Nullable Mail compose(Recipient recipient, LocalDate day) {
		User user = this.users.findById(recipient.userId()).orElse(null);
		if (user == null) {
			return null;
		}
		Locale locale = recipient.locale();
		ByteArrayOutputStream workbook = new ByteArrayOutputStream();
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			this.report.write(user.accessScope(), locale, workbook);
			this.pdf.write(user.accessScope(), locale, pdf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String month = YearMonth.from(day).toString();
		String subject = this.messages.getMessage("mail.report.subject", new Object[] { month }, locale);
		MailTemplates.Parts parts = this.templates.render("report", locale,
				Map.of("name", user.getDisplayName(), "month", month, "base", this.properties.base()));
		return new PeriodicMail.Mail(subject, parts,
				List.of(new MailDelivery.Attachment(TieringReport.filename(day), workbook.toByteArray(),
						TieringReport.CONTENT_TYPE),
						new MailDelivery.Attachment(TieringReportPdf.filename(day), pdf.toByteArray(),
								TieringReportPdf.CONTENT_TYPE)));
	}

}
