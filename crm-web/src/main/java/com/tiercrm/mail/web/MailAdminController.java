package com.tiercrm.mail.web;

import com.tiercrm.mail.MailSubscriptions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/mail}: for admins, every user's address, the mail they chose, its
 * language and when it was last sent.
 */
@Controller
class MailAdminController {

	private final MailSubscriptions subscriptions;

	MailAdminController(MailSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/admin/mail")
	String list(Model model) {
		model.addAttribute("subscribers", this.subscriptions.subscribers());
		return "admin/mail";
	}

}
