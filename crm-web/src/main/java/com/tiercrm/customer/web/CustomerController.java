package com.tiercrm.customer.web;

import com.tiercrm.account.UserRepository;
import com.tiercrm.customer.CustomerSearch;
import com.tiercrm.customer.CustomerSort;
import com.tiercrm.customer.InvalidCursorException;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.order.SalesProperties;
import com.tiercrm.security.CrmUser;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The customer list and a customer's page.
 */
@Controller
class CustomerController {

	private final CustomerSearch search;

	private final CustomerProfiles profiles;

	private final UserRepository users;

	private final SalesProperties sales;

	CustomerController(CustomerSearch search, CustomerProfiles profiles, UserRepository users, SalesProperties sales) {
		this.search = search;
		this.profiles = profiles;
		this.users = users;
		this.sales = sales;
	}

	@GetMapping("/customers")
	String list(@Valid CustomerFilterForm filter, BindingResult binding, @AuthenticationPrincipal CrmUser user,
			Model model) {
		model.addAttribute("owners", this.users.findOwnersVisibleTo(user.scope()));
		model.addAttribute("regions", ReferenceData.REGIONS);
		model.addAttribute("industries", ReferenceData.INDUSTRIES);
		model.addAttribute("sorts", CustomerSort.values());
		if (binding.hasErrors()) {
			model.addAttribute("page", null);
			return "customers/list";
		}
		model.addAttribute("page", this.search.search(filter.toCriteria(), user.scope()));
		return "customers/list";
	}

	@GetMapping("/customers/{code}")
	String show(@PathVariable String code, @AuthenticationPrincipal CrmUser user, Model model) {
		CustomerProfile profile = this.profiles.find(code, user.scope())
			.orElseThrow(() -> new CustomerNotFoundException(code));
		model.addAttribute("profile", profile);
		model.addAttribute("currency", this.sales.currency().getCurrencyCode());
		return "customers/detail";
	}

	@ExceptionHandler(InvalidCursorException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalidCursor(Model model) {
		model.addAttribute("reason", "error.badCursor");
		return "error/4xx";
	}

}
