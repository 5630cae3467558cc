package com.tiercrm.policy.web;

import com.tiercrm.order.SalesProperties;
import com.tiercrm.policy.PolicyConflictException;
import com.tiercrm.policy.ServiceChannel;
import com.tiercrm.policy.TierPolicies;
import com.tiercrm.policy.TierPolicy;
import com.tiercrm.policy.UnknownTierException;
import com.tiercrm.security.CrmUser;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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
 * The tiers with their policies, one policy with its history, and the form managers
 * change it with.
 */
@Controller
class TierPolicyController {

	private static final String FORM = "policies/form";

	private final TierPolicies policies;

	private final SalesProperties sales;

	TierPolicyController(TierPolicies policies, SalesProperties sales) {
		this.policies = policies;
		this.sales = sales;
	}

	@ModelAttribute("currency")
	String currency() {
		return this.sales.currency().getCurrencyCode();
	}

	@ModelAttribute("channels")
	ServiceChannel[] channels() {
		return ServiceChannel.values();
	}

	@GetMapping("/tiers")
	String list(@RequestParam(required = false) @Nullable String model, Model page) {
		page.addAttribute("book", this.policies.book(model));
		return "policies/list";
	}

	@GetMapping("/tiers/{code}/policy")
	String show(@PathVariable String code, Model model) {
		model.addAttribute("tierPolicy", this.policies.find(code));
		model.addAttribute("history", this.policies.history(code));
		return "policies/detail";
	}

	@GetMapping("/tiers/{code}/policy/edit")
	String initUpdateForm(@PathVariable String code, Model model) {
		TierPolicy tierPolicy = this.policies.find(code);
		model.addAttribute("tierPolicy", tierPolicy);
		model.addAttribute("policyForm", PolicyForm.of(tierPolicy));
		model.addAttribute("baseVersion", tierPolicy.version());
		return FORM;
	}

	@PostMapping("/tiers/{code}/policy/edit")
	String processUpdateForm(@PathVariable String code, @Valid PolicyForm policyForm, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model, RedirectAttributes redirect) {
		model.addAttribute("tierPolicy", this.policies.find(code));
		model.addAttribute("baseVersion", policyForm.baseVersion());
		if (binding.hasErrors()) {
			return FORM;
		}
		try {
			TierPolicy saved = this.policies.save(code, policyForm.base(), policyForm.toTerms(), user.getUsername());
			redirect.addFlashAttribute("message", "policy.saved");
			redirect.addFlashAttribute("messageArg", saved.version());
			return "redirect:/tiers/{code}/policy";
		}
		catch (PolicyConflictException ex) {
			// Keep what the user typed; the next save deliberately replaces the newer
			// version.
			model.addAttribute("conflict", ex.current());
			model.addAttribute("tierPolicy", ex.current());
			model.addAttribute("baseVersion", ex.current().version());
			return FORM;
		}
	}

	@ExceptionHandler(UnknownTierException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknownTier() {
		return "error/404";
	}

}
