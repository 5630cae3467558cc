package com.tiercrm.security.web;

import com.tiercrm.account.AccountManagement;
import com.tiercrm.account.PasswordPolicy;
import com.tiercrm.account.User;
import com.tiercrm.account.WrongPasswordException;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.LoginThrottle;
import com.tiercrm.security.SessionPrincipal;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users change their own password here, and are sent here until they do when an admin
 * requires it. Wrong current passwords count as failed sign-ins: a stolen session cannot
 * be used to guess the password faster than the login form allows.
 */
@Controller
@RequestMapping("/account/password")
class PasswordChangeController {

	private static final String VIEW = "account/password";

	private final AccountManagement accounts;

	private final PasswordPolicy passwordPolicy;

	private final SessionPrincipal sessionPrincipal;

	private final LoginThrottle throttle;

	PasswordChangeController(AccountManagement accounts, PasswordPolicy passwordPolicy,
			SessionPrincipal sessionPrincipal, LoginThrottle throttle) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
		this.sessionPrincipal = sessionPrincipal;
	}

	@GetMapping
	String initChangeForm(Model model) {
		model.addAttribute("passwordChangeForm", PasswordChangeForm.empty());
		return VIEW;
	}

	@PostMapping
	String processChangeForm(@AuthenticationPrincipal CrmUser user, @Valid PasswordChangeForm passwordChangeForm,
			BindingResult binding, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!passwordChangeForm.passwordsMatch()) {
			binding.rejectValue("passwordConfirmation", "user.password.mismatch");
		}
		if (passwordChangeForm.password() != null && !binding.hasFieldErrors("password")) {
			this.passwordPolicy.violation(passwordChangeForm.password(), user.getUsername())
				.ifPresent((reason) -> binding.rejectValue("password", reason));
		}
		if (binding.hasErrors()) {
			return VIEW;
		}
		String address = request.getRemoteAddr();
		Optional<LoginThrottle.Wait> wait = this.throttle.check(user.getUsername(), address);
		if (wait.isPresent()) {
			binding.rejectValue("currentPassword",
					wait.get().locked() ? "password.current.locked" : "password.current.wait",
					new Object[] { wait.get().locked() ? wait.get().minutes() : wait.get().seconds() }, null);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return VIEW;
		}
		User changed;
		try {
			changed = this.accounts.changeOwnPassword(user.id(), String.valueOf(passwordChangeForm.currentPassword()),
					String.valueOf(passwordChangeForm.password()));
		}
		catch (WrongPasswordException ex) {
			this.throttle.failed(user.getUsername(), address);
			binding.rejectValue("currentPassword", "password.current.wrong");
			return VIEW;
		}
		this.throttle.succeeded(user.getUsername());
		this.sessionPrincipal.replace(changed, request, response);
		redirect.addFlashAttribute("message", "password.changed");
		return "redirect:/account/password";
	}

}
