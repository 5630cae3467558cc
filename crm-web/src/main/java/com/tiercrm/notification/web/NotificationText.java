package com.tiercrm.notification.web;

import java.util.Locale;

import com.tiercrm.notification.Notification;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Renders a stored notification in the reader's language: its message with its arguments,
 * an argument written {@code #{key}} being a message of its own.
 */
@Component
class NotificationText {

	private final MessageSource messages;

	NotificationText(MessageSource messages) {
		this.messages = messages;
	}

	String text(Notification notification, Locale locale) {
		Object[] arguments = notification.arguments().stream().map(NotificationText::argument).toArray();
		return this.messages.getMessage(notification.messageKey(), arguments, notification.messageKey(), locale);
	}

	private static Object argument(String argument) {
		if (argument.startsWith("#{") && argument.endsWith("}")) {
			String key = argument.substring(2, argument.length() - 1);
			return new DefaultMessageSourceResolvable(new String[] { key }, key);
		}
		return argument;
	}

}
