package com.tiercrm.mail;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.tiercrm.account.Role;
import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's e-mail address and the mail they chose, and which day's digest and which
 * month's report they were last sent. Sending claims a user's day or month by moving the
 * last one sent forward in one statement, so that of several instances (or a job that
 * runs again) only one sends it; a send that fails gives the claim back.
 */
@Service
public class MailSubscriptions {

	private final NamedParameterJdbcTemplate jdbc;

	private final AuditLog audit;

	MailSubscriptions(NamedParameterJdbcTemplate jdbc, AuditLog audit) {
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * What the user chose; a user who chose nothing yet gets nothing, in the given
	 * language.
	 * @param userId the user
	 * @param locale the language to offer when they chose none yet
	 */
	@Transactional(readOnly = true)
	public MailSettings settingsOf(long userId, Locale locale) {
		return this.jdbc.query(
				"select u.email, s.language, s.daily_digest, s.monthly_report from users u"
						+ " left join mail_subscriptions s on s.user_id = u.id where u.id = :user",
				new MapSqlParameterSource("user", userId), (rs, row) -> {
					String language = rs.getString("language");
					return new MailSettings(rs.getString("email"), (language != null) ? language : language(locale),
							rs.getBoolean("daily_digest"), rs.getBoolean("monthly_report"));
				})
			.stream()
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Stores what the user chose. Only managers and admins get the monthly report.
	 * @param userId the user
	 * @param settings their choice
	 */
	@Transactional
	public void save(long userId, MailSettings settings) {
		MapSqlParameterSource params = new MapSqlParameterSource("user", userId)
			.addValue("email", blankToNull(settings.email()))
			.addValue("language", MailSettings.LANGUAGES.contains(settings.language()) ? settings.language() : "en")
			.addValue("digest", settings.dailyDigest())
			.addValue("report", settings.monthlyReport());
		this.jdbc.update("update users set email = :email where id = :user", params);
		int updated = this.jdbc.update("update mail_subscriptions set language = :language, daily_digest = :digest,"
				+ " monthly_report = :report and (select u.role from users u where u.id = :user) in ('MANAGER', 'ADMIN')"
				+ " where user_id = :user", params);
		if (updated == 0) {
			this.jdbc.update("insert into mail_subscriptions (user_id, language, daily_digest, monthly_report)"
					+ " select u.id, :language, :digest, :report and u.role in ('MANAGER', 'ADMIN') from users u"
					+ " where u.id = :user", params);
		}
		String username = this.jdbc.queryForObject("select username from users where id = :user", params, String.class);
		this.audit.record(AuditAction.MAIL_SETTINGS_CHANGED, username,
				"e-mail " + ((settings.email() != null && !settings.email().isBlank()) ? settings.email() : "-")
						+ ", digest " + settings.dailyDigest() + ", report " + settings.monthlyReport() + ", "
						+ params.getValue("language"));
	}

	/**
	 * Every user with an e-mail address or a choice of mail, by username.
	 */
	@Transactional(readOnly = true)
	public List<MailSubscriber> subscribers() {
		return this.jdbc.query("select u.id, u.username, u.display_name, u.role, u.email, s.language,"
				+ " s.daily_digest, s.monthly_report, s.digest_sent_on, s.report_sent_for from users u"
				+ " left join mail_subscriptions s on s.user_id = u.id"
				+ " where u.email is not null or s.user_id is not null order by u.username", (rs, row) -> {
					String language = rs.getString("language");
					return new MailSubscriber(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
							Role.valueOf(rs.getString("role")),
							new MailSettings(rs.getString("email"), (language != null) ? language : "en",
									rs.getBoolean("daily_digest"), rs.getBoolean("monthly_report")),
							rs.getObject("digest_sent_on", LocalDate.class),
							rs.getObject("report_sent_for", LocalDate.class));
				});
	}

	/**
	 * The enabled users with an address who chose a kind of mail and were not yet sent
	 * the given period's.
	 */
	List<Recipient> due(Kind kind, LocalDate period) {
		return this.jdbc.query(
				"select u.id, u.email, s.language, s." + kind.sentColumn + " as sent from users u"
						+ " join mail_subscriptions s on s.user_id = u.id where s." + kind.choiceColumn + " = true"
						+ " and u.enabled = true and u.email is not null" + kind.roleCondition + " and (s."
						+ kind.sentColumn + " is null or s." + kind.sentColumn + " < :period) order by u.id",
				new MapSqlParameterSource("period", Date.valueOf(period)),
				(rs, row) -> new Recipient(rs.getLong("id"), rs.getString("email"),
						Locale.forLanguageTag(rs.getString("language")), rs.getObject("sent", LocalDate.class)));
	}

	/**
	 * Claims the user's mail of a period: only one caller gets {@code true}.
	 */
	boolean claim(Kind kind, Recipient recipient, LocalDate period) {
		return this.jdbc.update(
				"update mail_subscriptions set " + kind.sentColumn + " = :period where user_id = :user" + " and ("
						+ kind.sentColumn + " is null or " + kind.sentColumn + " < :period)",
				new MapSqlParameterSource("user", recipient.userId()).addValue("period", Date.valueOf(period))) == 1;
	}

	/**
	 * Gives a claim back after the mail could not be sent, so that it is tried again.
	 */
	void release(Kind kind, Recipient recipient, LocalDate period) {
		LocalDate before = recipient.lastSent();
		this.jdbc.update(
				"update mail_subscriptions set " + kind.sentColumn + " = :before where user_id = :user and "
						+ kind.sentColumn + " = :period",
				new MapSqlParameterSource("user", recipient.userId()).addValue("period", Date.valueOf(period))
					.addValue("before", (before != null) ? Date.valueOf(before) : null, java.sql.Types.DATE));
	}

	private static String language(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A kind of mail and where its choice and its last period are kept.
	 */
	enum Kind {

		DIGEST("daily_digest", "digest_sent_on", ""),

		REPORT("monthly_report", "report_sent_for", " and u.role in ('MANAGER', 'ADMIN')");

		private final String choiceColumn;

		private final String sentColumn;

		private final String roleCondition;

		Kind(String choiceColumn, String sentColumn, String roleCondition) {
			this.choiceColumn = choiceColumn;
			this.sentColumn = sentColumn;
			this.roleCondition = roleCondition;
		}

	}

	/**
	 * Someone a mail is due to.
	 *
	 * @param userId the user
	 * @param email their address
	 * @param locale their language
	 * @param lastSent the last period they were sent, {@code null} for none
	 */
	record Recipient(long userId, String email, Locale locale, @Nullable LocalDate lastSent) {

	}

}
