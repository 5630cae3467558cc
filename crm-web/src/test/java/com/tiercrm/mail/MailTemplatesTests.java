package com.tiercrm.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.book.BookEntry;
import com.tiercrm.interaction.ContactDue;
import com.tiercrm.task.TaskList;
import com.tiercrm.task.TaskView;
import com.tiercrm.today.CustomerMove;
import com.tiercrm.today.Moves;
import com.tiercrm.today.Today;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest's two parts, rendered from the templates and the bundles in both languages:
 * every section that has something, the links on the configured address, no key left
 * unresolved.
 */
class MailTemplatesTests {

	private final MailTemplates templates = new MailTemplates(messages());

	@Test
	void theDigestIsWrittenInTheRecipientsLanguageWithLinksToTheConfiguredAddress() {
		MailTemplates.Parts english = this.templates.render("digest", Locale.ENGLISH, variables());
		assertThat(english.html()).contains("Hello Li Lei,", "Follow-ups due today (1)", "Overdue",
				"Contacts overdue (3)", "Moved to a lower tier (1)", "A → B",
				"href=\"https://crm.example.com/customers/C-1\"", "Unread notifications (1)",
				"href=\"https://crm.example.com/today\"");
		assertThat(english.text()).contains("Hello Li Lei,", "- Acme Ltd (C-1) 2026-12-05 10:00 Overdue · Call back",
				"- Beta Co (C-2) A → B", "https://crm.example.com/account/mail");
		// One blank line between sections.
		assertThat(english.text()).contains("on 2026-12-07.\n\nFollow-ups due today (1)\n- Acme Ltd")
			.doesNotContain("\n\n\n");
		MailTemplates.Parts chinese = this.templates.render("digest", Locale.SIMPLIFIED_CHINESE, variables());
		assertThat(chinese.html()).contains("Li Lei，您好：", "今日待跟进（1）", "已逾期", "等级下降（1）");
		assertThat(chinese.text()).contains("今日待跟进（1）", "- Beta Co (C-2) A → B");
		for (MailTemplates.Parts parts : List.of(english, chinese)) {
			assertThat(parts.html() + parts.text()).doesNotContain("??", "[(", "[#");
		}
	}

	@Test
	void theReportMailSaysWhatIsAttached() {
		MailTemplates.Parts chinese = this.templates.render("report", Locale.SIMPLIFIED_CHINESE,
				Map.of("name", "韩梅梅", "month", "2026-12", "base", "https://crm.example.com"));
		assertThat(chinese.text()).contains("韩梅梅，您好：", "附件是 2026-12 已发布分级的客户分级报告",
				"https://crm.example.com/tiering/evaluation");
	}

	private static Map<String, Object> variables() {
		Instant now = Instant.parse("2026-12-07T00:00:00Z");
		TaskView task = new TaskView(1, "C-1", "Acme Ltd", 7, "Li Lei", Instant.parse("2026-12-05T02:00:00Z"),
				"Call back", now, null, null, 0);
		BookEntry overdue = new BookEntry(1, "C-1", "Acme Ltd", "A", new ContactDue(null, 30, null, true));
		Moves down = new Moves(List.of(new CustomerMove("C-2", "Beta Co", "A", "B", null, 0.8)), 1);
		Today today = new Today(new TaskList(List.of(task), 1), List.of(overdue), 3, down, new Moves(List.of(), 0), 0.3,
				LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 1));
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", "Li Lei");
		variables.put("day", LocalDate.of(2026, 12, 7));
		variables.put("now", now);
		variables.put("today", today);
		variables.put("unread", 1L);
		variables.put("notifications", List.of(new DailyDigests.Line("Follow-up is due.", null)));
		variables.put("base", "https://crm.example.com");
		variables.put("fmt", new Times());
		variables.put("tierLabels", new Labels());
		return variables;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/** As the pages' formats show times, in Shanghai. */
	public static final class Times {

		public String dateTime(Instant instant) {
			return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.format(instant.atZone(java.time.ZoneId.of("Asia/Shanghai")));
		}

	}

	/** Tier codes as their labels. */
	public static final class Labels {

		public String label(String code, Locale locale) {
			return code;
		}

	}

}
