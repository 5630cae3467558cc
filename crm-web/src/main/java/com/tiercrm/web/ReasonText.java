package com.tiercrm.web;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns a stored model reason ({@code key|arg|arg…}) into a sentence in the user's
 * language, for templates: {@code ${@reasons.text(segment.abcReason)}}.
 */
@Component("reasons")
public class ReasonText {

	/** Which arguments of a reason are amounts, shown in the installation's currency. */
	private static final Map<String, Set<Integer>> AMOUNTS = Map.of("rfm.reason.matrix", Set.of(4, 5),
			"clv.reason.model", Set.of(0, 6), "clv.reason.simple", Set.of(0, 3));

	private final MessageSource messages;

	private final Formats formats;

	ReasonText(MessageSource messages, Formats formats) {
		this.messages = messages;
		this.formats = formats;
	}

	public String text(@Nullable String stored) {
		if (stored == null || stored.isBlank()) {
			return "";
		}
		String[] parts = stored.split("\\|", -1);
		Locale locale = LocaleContextHolder.getLocale();
		// Every variant of the CLV model's reason (MBG/NBD, simplified spend, one-time
		// buyers)
		// has its amounts where the plain one has them.
		String family = parts[0].startsWith("clv.reason.model") ? "clv.reason.model" : parts[0];
		Set<Integer> amounts = AMOUNTS.getOrDefault(family, Set.of());
		@Nullable NumberFormat money = amounts.isEmpty() ? null : this.formats.moneyFormat(locale);
		Object[] arguments = new Object[parts.length - 1];
		for (int i = 1; i < parts.length; i++) {
			Object argument = argument(parts[i]);
			arguments[i - 1] = (money != null && amounts.contains(i - 1) && argument instanceof Number number)
					? money.format(number.doubleValue()) : argument;
		}
		return this.messages.getMessage(parts[0], arguments, parts[0], locale);
	}

	private static Object argument(String text) {
		try {
			double value = Double.parseDouble(text);
			return (value == Math.rint(value) && Math.abs(value) < 1e15) ? (Object) (long) value : (Object) value;
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

}
