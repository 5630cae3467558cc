package com.tiercrm.interaction.web;

import java.time.Instant;
import java.util.Objects;

import com.tiercrm.interaction.InteractionLog;
import com.tiercrm.interaction.InteractionType;
import com.tiercrm.interaction.UnknownCustomerException;
import com.tiercrm.security.CrmUser;
import com.tiercrm.web.EntryTimes;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Logs a contact from the customer page, now or back-dated. A form with errors comes back
 * on a page of its own with the input kept.
 */
@Controller
class ContactLogController {

	private final InteractionLog interactions;

	private final EntryTimes times;

	ContactLogController(InteractionLog interactions, EntryTimes times) {
		this.interactions = interactions;
		this.times = times;
	}

	@PostMapping("/customers/{code}/interactions")
	String log(@PathVariable String code, @Valid ContactForm contactForm, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Instant occurredAt = (contactForm.occurredAt() != null) ? this.times.instant(contactForm.occurredAt()) : null;
		if (occurredAt != null && !this.interactions.acceptable(occurredAt)) {
			binding.rejectValue("occurredAt", "interaction.occurredAt.future",
					new Object[] { InteractionLog.FUTURE_TOLERANCE.toMinutes() }, null);
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("customerCode", code);
			model.addAttribute("types", InteractionType.values());
			return "interactions/form";
		}
		this.interactions.log(code, Objects.requireNonNull(contactForm.type()), occurredAt, contactForm.notes(),
				contactForm.satisfaction(), user.id(), user.scope());
		redirect.addFlashAttribute("contactMessage", "contacts.logged");
		return "redirect:" + UriComponentsBuilder.fromPath("/customers/{code}")
			.fragment("interactions-section")
			.buildAndExpand(code)
			.encode()
			.toUriString();
	}

	@ExceptionHandler(UnknownCustomerException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
