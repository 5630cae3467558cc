package com.tiercrm.security.web;

import java.time.Duration;
import java.time.Instant;

import com.tiercrm.account.ApiTokenAccess;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.account.ApiTokenManagement.IssuedToken;
import com.tiercrm.account.UnknownApiTokenException;
import com.tiercrm.security.CrmUser;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each user's own personal access tokens for the JSON API: list, create (the token is
 * shown once), revoke.
 */
@Controller
@RequestMapping("/account/tokens")
class ApiTokenController {

	private static final String VIEW = "account/tokens";

	private final ApiTokenManagement tokens;

	ApiTokenController(ApiTokenManagement tokens) {
		this.tokens = tokens;
	}

	@ModelAttribute("accessLevels")
	ApiTokenAccess[] accessLevels() {
		return ApiTokenAccess.values();
	}

	@ModelAttribute("now")
	Instant now() {
		return Instant.now();
	}

	@GetMapping
	String list(@AuthenticationPrincipal CrmUser user, Model model) {
		model.addAttribute("tokens", this.tokens.tokensOf(user.id()));
		if (!model.containsAttribute("apiTokenForm")) {
			model.addAttribute("apiTokenForm", ApiTokenForm.empty());
		}
		return VIEW;
	}

	@PostMapping
	String create(@AuthenticationPrincipal CrmUser user, @Valid ApiTokenForm apiTokenForm, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("tokens", this.tokens.tokensOf(user.id()));
			return VIEW;
		}
		IssuedToken issued = this.tokens.issue(user.id(), String.valueOf(apiTokenForm.name()),
				(apiTokenForm.access() != null) ? apiTokenForm.access() : ApiTokenAccess.READ_ONLY,
				Duration.ofDays((apiTokenForm.validDays() != null) ? apiTokenForm.validDays() : 1));
		redirect.addFlashAttribute("newToken", issued.secret());
		redirect.addFlashAttribute("message", "tokens.created");
		redirect.addFlashAttribute("messageArg", issued.token().getName());
		return "redirect:/account/tokens";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal CrmUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(user.id(), id);
		redirect.addFlashAttribute("message", "tokens.revoked");
		return "redirect:/account/tokens";
	}

	@ExceptionHandler(UnknownApiTokenException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknownToken() {
		return "error/404";
	}

}
