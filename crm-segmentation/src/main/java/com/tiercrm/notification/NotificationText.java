package com.tiercrm.notification;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Renders a stored notification in the reader's language: its message with its arguments,
 * an argument written {@code #{key}} being a message of its own: on the bell's list and
 * in the mail digest alike.
 */
@Component
public class NotificationText {

	private final MessageSource messages;

	public NotificationText(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The notification's text.
	 * @param notification what was stored
	 * @param locale the reader's language
	 * @return the text, or the message key where the bundle has no such message
	 */
	public String text(Notification notification, Locale locale) {
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
