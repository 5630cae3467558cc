package com.tiercrm.web;

import java.util.Locale;

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

	private final MessageSource messages;

	ReasonText(MessageSource messages) {
		this.messages = messages;
	}

	public String text(@Nullable String stored) {
		if (stored == null || stored.isBlank()) {
			return "";
		}
		String[] parts = stored.split("\\|", -1);
		Object[] arguments = new Object[parts.length - 1];
		for (int i = 1; i < parts.length; i++) {
			arguments[i - 1] = argument(parts[i]);
		}
		Locale locale = LocaleContextHolder.getLocale();
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
