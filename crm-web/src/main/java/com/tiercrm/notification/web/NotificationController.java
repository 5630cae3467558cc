package com.tiercrm.notification.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.tiercrm.notification.NotificationText;
import com.tiercrm.notification.Notifications;
import com.tiercrm.security.CrmUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The user's notifications, newest first; opening one marks it read and follows it.
 */
@Controller
class NotificationController {

	private final Notifications notifications;

	private final NotificationText text;

	NotificationController(Notifications notifications, NotificationText text) {
		this.notifications = notifications;
		this.text = text;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal CrmUser user, Locale locale, Model model) {
		List<Row> rows = this.notifications.latest(user.id(), Notifications.LIST_LIMIT)
			.stream()
			.map((n) -> new Row(n.id(), this.text.text(n, locale), n.link(), n.createdAt(), n.read()))
			.toList();
		model.addAttribute("rows", rows);
		return "notifications/index";
	}

	@PostMapping("/notifications/{id}/read")
	String open(@PathVariable long id, @AuthenticationPrincipal CrmUser user) {
		if (!this.notifications.exists(user.id(), id)) {
			throw new UnknownNotificationException();
		}
		return "redirect:" + this.notifications.markRead(user.id(), id).orElse("/notifications");
	}

	@PostMapping("/notifications/read")
	String readAll(@AuthenticationPrincipal CrmUser user) {
		this.notifications.markAllRead(user.id());
		return "redirect:/notifications";
	}

	@ExceptionHandler(UnknownNotificationException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/**
	 * A notification as the list shows it.
	 */
	record Row(long id, String text, @Nullable String link, Instant createdAt, boolean read) {

	}

	/**
	 * Another user's notification, or none.
	 */
	static class UnknownNotificationException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
