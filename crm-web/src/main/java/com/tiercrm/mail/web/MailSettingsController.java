package com.tiercrm.mail.web;

import java.util.Locale;

import com.tiercrm.account.Role;
import com.tiercrm.mail.DailyDigests;
import com.tiercrm.mail.MailSettings;
import com.tiercrm.mail.MailSubscriptions;
import com.tiercrm.mail.MonthlyReports;
import com.tiercrm.security.CrmUser;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/mail}: the user's e-mail address, the mail they want (the daily digest;
 * the monthly tiering report for managers and admins) and its language. The page says
 * when this installation sends no such mail.
 */
@Controller
class MailSettingsController {

	private static final String VIEW = "account/mail";

	private final MailSubscriptions subscriptions;

	private final ObjectProvider<DailyDigests> digests;

	private final ObjectProvider<MonthlyReports> reports;

	MailSettingsController(MailSubscriptions subscriptions, ObjectProvider<DailyDigests> digests,
			ObjectProvider<MonthlyReports> reports) {
		this.subscriptions = subscriptions;
		this.digests = digests;
		this.reports = reports;
	}

	@GetMapping("/account/mail")
	String show(@AuthenticationPrincipal CrmUser user, Locale locale, Model model) {
		if (!model.containsAttribute("mailSettingsForm")) {
			model.addAttribute("mailSettingsForm",
					MailSettingsForm.of(this.subscriptions.settingsOf(user.id(), locale)));
		}
		return view(user, model);
	}

	@PostMapping("/account/mail")
	String save(@AuthenticationPrincipal CrmUser user, @Valid MailSettingsForm mailSettingsForm, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (mailSettingsForm.wantsMailWithoutAddress()) {
			binding.rejectValue("email", "mail.email.required");
		}
		if (binding.hasErrors()) {
			return view(user, model);
		}
		this.subscriptions.save(user.id(), mailSettingsForm.settings());
		redirect.addFlashAttribute("message", "mail.saved");
		return "redirect:/account/mail";
	}

	private String view(CrmUser user, Model model) {
		model.addAttribute("languages", MailSettings.LANGUAGES);
		model.addAttribute("mayGetReports", user.role() != Role.SALES_REP);
		model.addAttribute("digestsOn", this.digests.getIfAvailable() != null);
		model.addAttribute("reportsOn", this.reports.getIfAvailable() != null);
		return VIEW;
	}

}
