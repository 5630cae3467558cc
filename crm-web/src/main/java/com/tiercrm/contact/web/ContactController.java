package com.tiercrm.contact.web;

import com.tiercrm.contact.Contact;
import com.tiercrm.contact.ContactConflictException;
import com.tiercrm.contact.ContactNotFoundException;
import com.tiercrm.contact.Contacts;
import com.tiercrm.security.CrmUser;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adds, changes and removes a customer's contacts from the customer page, whose contacts
 * section is {@code contacts/section.html}.
 */
@Controller
class ContactController {

	private final Contacts contacts;

	ContactController(Contacts contacts) {
		this.contacts = contacts;
	}

	@GetMapping("/customers/{code}/contacts/new")
	String initCreationForm(@PathVariable String code, @AuthenticationPrincipal CrmUser user, Model model) {
		this.contacts.list(code, user.scope());
		model.addAttribute("contactForm", ContactForm.empty());
		model.addAttribute("code", code);
		return "contacts/form";
	}

	@PostMapping("/customers/{code}/contacts")
	String processCreationForm(@PathVariable String code, @Valid @ModelAttribute("contactForm") ContactForm form,
			BindingResult binding, @AuthenticationPrincipal CrmUser user, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			// Nothing is shown of a customer the user may not see, not even the form.
			this.contacts.list(code, user.scope());
			model.addAttribute("code", code);
			return "contacts/form";
		}
		Contact added = this.contacts.add(code, form.details(), user.scope());
		redirect.addFlashAttribute("contactMessage", "contact.added");
		redirect.addFlashAttribute("contactName", added.getName());
		return "redirect:/customers/{code}#contacts";
	}

	@GetMapping("/customers/{code}/contacts/{id}/edit")
	String initUpdateForm(@PathVariable String code, @PathVariable long id, @AuthenticationPrincipal CrmUser user,
			Model model) {
		model.addAttribute("contactForm", ContactForm.of(this.contacts.find(code, id, user.scope())));
		model.addAttribute("code", code);
		model.addAttribute("contactId", id);
		return "contacts/form";
	}

	@PostMapping("/customers/{code}/contacts/{id}")
	String processUpdateForm(@PathVariable String code, @PathVariable long id,
			@Valid @ModelAttribute("contactForm") ContactForm form, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model, RedirectAttributes redirect) {
		model.addAttribute("code", code);
		model.addAttribute("contactId", id);
		if (binding.hasErrors()) {
			this.contacts.find(code, id, user.scope());
			return "contacts/form";
		}
		try {
			long version = (form.version() != null) ? form.version() : -1L;
			Contact saved = this.contacts.update(code, id, version, form.details(), user.scope());
			redirect.addFlashAttribute("contactMessage", "contact.saved");
			redirect.addFlashAttribute("contactName", saved.getName());
			return "redirect:/customers/{code}#contacts";
		}
		catch (ContactConflictException | ObjectOptimisticLockingFailureException ex) {
			// Keep what the user typed, show what the other edit saved, and let a second
			// save overwrite it knowingly.
			Contact current = this.contacts.find(code, id, user.scope());
			model.addAttribute("current", ContactForm.of(current));
			model.addAttribute("contactForm", new ContactForm(form.name(), form.title(), form.phone(), form.email(),
					form.wechat(), form.primary(), current.getVersion()));
			return "contacts/form";
		}
	}

	@PostMapping("/customers/{code}/contacts/{id}/delete")
	String remove(@PathVariable String code, @PathVariable long id, @AuthenticationPrincipal CrmUser user,
			RedirectAttributes redirect) {
		Contact contact = this.contacts.find(code, id, user.scope());
		this.contacts.remove(code, id, user.scope());
		redirect.addFlashAttribute("contactMessage", "contact.removed");
		redirect.addFlashAttribute("contactName", contact.getName());
		return "redirect:/customers/{code}#contacts";
	}

	@ExceptionHandler(ContactNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
