package com.tiercrm.customer.web;

import java.util.Locale;

import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerChangeRefusedException;
import com.tiercrm.customer.CustomerCodeTakenException;
import com.tiercrm.customer.CustomerEditConflictException;
import com.tiercrm.customer.CustomerManagement;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.InvalidCustomerDetailsException;
import com.tiercrm.customer.LikelyDuplicatesException;
import com.tiercrm.customer.NoSuchCustomerException;
import com.tiercrm.security.CrmUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating, editing, deactivating, reactivating and merging customers on pages, within
 * the user's scope.
 */
@Controller
class CustomerEditController {

	private static final String FORM = "customers/form";

	private final CustomerManagement management;

	private final CustomerRepository customers;

	private final CustomerFormOptions options;

	private final CustomerHistory history;

	CustomerEditController(CustomerManagement management, CustomerRepository customers, CustomerFormOptions options,
			CustomerHistory history) {
		this.management = management;
		this.customers = customers;
		this.options = options;
		this.history = history;
	}

	@GetMapping("/customers/new")
	String initCreationForm(Model model, Locale locale) {
		return form(CustomerForm.empty(), null, model, locale);
	}

	@PostMapping("/customers/new")
	String processCreationForm(@Valid @ModelAttribute("customerForm") CustomerForm customerForm, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!binding.hasErrors()) {
			try {
				Customer customer = this.management.create(customerForm.code(), customerForm.toDetails(),
						customerForm.duplicateAllowed(), user.id(), user.scope());
				redirect.addFlashAttribute("message", "customer.created");
				redirect.addFlashAttribute("messageArg", customer.getCode());
				return "redirect:/customers/" + customer.getCode();
			}
			catch (InvalidCustomerDetailsException ex) {
				reject(binding, ex);
			}
			catch (CustomerCodeTakenException ex) {
				binding.rejectValue("code", "customer.error.codeTaken", new Object[] { ex.code() }, null);
			}
			catch (LikelyDuplicatesException ex) {
				model.addAttribute("duplicates", ex.candidates());
				response.setStatus(HttpStatus.CONFLICT.value());
				return form(customerForm, null, model, locale);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return form(customerForm, null, model, locale);
	}

	@GetMapping("/customers/{code}/edit")
	String initUpdateForm(@PathVariable String code, @AuthenticationPrincipal CrmUser user, Model model,
			Locale locale) {
		Customer customer = find(code, user);
		return form(CustomerForm.of(this.management.details(customer), customer.getVersion()), customer, model, locale);
	}

	@PostMapping("/customers/{code}/edit")
	String processUpdateForm(@PathVariable String code,
			@Valid @ModelAttribute("customerForm") CustomerForm customerForm, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		Customer customer = find(code, user);
		if (customerForm.version() == null) {
			binding.reject("customer.error.noVersion");
		}
		if (!binding.hasErrors()) {
			try {
				this.management.update(code, customerForm.toDetails(), customerForm.version(), user.id(), user.scope());
				redirect.addFlashAttribute("message", "customer.updated");
				redirect.addFlashAttribute("messageArg", code);
				return "redirect:/customers/" + code;
			}
			catch (InvalidCustomerDetailsException ex) {
				reject(binding, ex);
			}
			catch (CustomerEditConflictException ex) {
				// The user's input stays; saving again overwrites the other edit.
				model.addAttribute("conflict", this.history.entries(ex.otherChanges(), locale));
				model.addAttribute("current", CustomerForm.of(ex.current(), ex.currentVersion()));
				model.addAttribute("customerForm", customerForm.atVersion(ex.currentVersion()));
				response.setStatus(HttpStatus.CONFLICT.value());
				return form(customerForm.atVersion(ex.currentVersion()), customer, model, locale);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return form(customerForm, customer, model, locale);
	}

	@PostMapping("/customers/{code}/deactivate")
	String deactivate(@PathVariable String code, @AuthenticationPrincipal CrmUser user, RedirectAttributes redirect) {
		this.management.setActive(code, false, user.id(), user.scope());
		redirect.addFlashAttribute("message", "customer.deactivated");
		redirect.addFlashAttribute("messageArg", code);
		return "redirect:/customers/" + code;
	}

	@PostMapping("/customers/{code}/reactivate")
	String reactivate(@PathVariable String code, @AuthenticationPrincipal CrmUser user, RedirectAttributes redirect) {
		this.management.setActive(code, true, user.id(), user.scope());
		redirect.addFlashAttribute("message", "customer.reactivated");
		redirect.addFlashAttribute("messageArg", code);
		return "redirect:/customers/" + code;
	}

	@PostMapping("/customers/{code}/merge")
	String merge(@PathVariable String code, @RequestParam(defaultValue = "") String into,
			@AuthenticationPrincipal CrmUser user, RedirectAttributes redirect) {
		find(code, user);
		if (into.isBlank()) {
			redirect.addFlashAttribute("error", "customer.error.mergeTarget");
			return "redirect:/customers/" + code;
		}
		try {
			Customer kept = this.management.merge(code, into, user.id(), user.scope());
			redirect.addFlashAttribute("message", "customer.merged");
			redirect.addFlashAttribute("messageArg", code);
			return "redirect:/customers/" + kept.getCode();
		}
		catch (NoSuchCustomerException ex) {
			redirect.addFlashAttribute("error", "customer.error.mergeTarget");
		}
		catch (CustomerChangeRefusedException ex) {
			if ("customer.error.mergeNotAllowed".equals(ex.messageKey())) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/customers/" + code;
	}

	private Customer find(String code, CrmUser user) {
		return this.customers.findByCode(code, user.scope()).orElseThrow(() -> new NoSuchCustomerException(code));
	}

	private String form(CustomerForm form, Customer customer, Model model, Locale locale) {
		if (!model.containsAttribute("customerForm")) {
			model.addAttribute("customerForm", form);
		}
		model.addAttribute("customer", customer);
		model.addAttribute("selects", this.options.of(form, locale));
		return FORM;
	}

	private static void reject(BindingResult binding, InvalidCustomerDetailsException ex) {
		ex.problems()
			.forEach((problem) -> binding.rejectValue(problem.field(), problem.messageKey(),
					new Object[] { problem.value() }, null));
	}

	@ExceptionHandler(NoSuchCustomerException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	@ExceptionHandler(CustomerChangeRefusedException.class)
	String refused(CustomerChangeRefusedException ex, HttpServletResponse response, Model model) {
		boolean forbidden = "customer.error.mergeNotAllowed".equals(ex.messageKey());
		response.setStatus(forbidden ? HttpStatus.FORBIDDEN.value() : HttpStatus.CONFLICT.value());
		model.addAttribute("reason", ex.messageKey());
		return forbidden ? "error/403" : "error/4xx";
	}

}
