package com.tiercrm.notification.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.tiercrm.notification.Notification;
import com.tiercrm.notification.NotificationKind;
import com.tiercrm.notification.NotificationText;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTextTests {

	private final NotificationText text = new NotificationText(messages());

	@Test
	void argumentsThatAreMessageKeysAreRenderedInTheReadersLanguage() {
		Notification failed = notification("notification.import.FAILED", "orders.csv", "#{import.kind.orders}");
		assertThat(this.text.text(failed, Locale.ENGLISH))
			.isEqualTo("Import of Orders from orders.csv failed; nothing was written.");
		assertThat(this.text.text(failed, Locale.SIMPLIFIED_CHINESE)).isEqualTo("orders.csv 的订单导入失败，未写入任何数据。");
	}

	@Test
	void plainArgumentsAreShownAsStored() {
		Notification downgrades = notification("notification.downgrades", "50", "2026-12-01", "+");
		assertThat(this.text.text(downgrades, Locale.ENGLISH))
			.isEqualTo("50+ of your customers moved to a lower tier in the run of 2026-12-01.");
		assertThat(this.text.text(downgrades, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("在 2026-12-01 的分级中，您有 50+ 位客户等级下降。");
	}

	@Test
	void anUnknownKeyShowsTheKeyRatherThanFailingThePage() {
		assertThat(this.text.text(notification("notification.gone"), Locale.ENGLISH)).isEqualTo("notification.gone");
	}

	private static Notification notification(String key, String... arguments) {
		return new Notification(1, NotificationKind.IMPORT, key, List.of(arguments), null, Instant.EPOCH, false);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
