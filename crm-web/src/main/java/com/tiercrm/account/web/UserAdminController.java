package com.tiercrm.account.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.tiercrm.account.AccountChangeRefusedException;
import com.tiercrm.account.AccountManagement;
import com.tiercrm.account.PasswordPolicy;
import com.tiercrm.account.Role;
import com.tiercrm.account.SignInLocks;
import com.tiercrm.account.Team;
import com.tiercrm.account.UnknownTeamException;
import com.tiercrm.account.UnknownUserException;
import com.tiercrm.account.User;
import com.tiercrm.account.UserEditConflictException;
import com.tiercrm.account.UsernameTakenException;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins list, create, edit, deactivate and reactivate users and reset their passwords.
 * The rules that keep users and teams consistent are {@link AccountManagement}'s; a
 * refusal comes back next to the field it concerns, in the admin's language. The acting
 * admin's id is read from the principal by expression: the security package depends on
 * this module, not the other way round.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private static final String FORM = "admin/users/form";

	private static final String PASSWORD_FORM = "admin/users/password";

	private static final String EDIT_FORM = "admin/users/edit";

	private final AccountManagement accounts;

	private final SignInLocks signInLocks;

	private final PasswordPolicy passwordPolicy;

	UserAdminController(AccountManagement accounts, SignInLocks signInLocks, PasswordPolicy passwordPolicy) {
		this.accounts = accounts;
		this.signInLocks = signInLocks;
		this.passwordPolicy = passwordPolicy;
	}

	@ModelAttribute("teams")
	Map<Long, Team> teams() {
		return this.accounts.allTeams()
			.stream()
			.collect(Collectors.toMap(Team::getId, Function.identity(), (a, b) -> a, java.util.TreeMap::new));
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping
	String list(Model model) {
		List<User> users = this.accounts.allUsers();
		model.addAttribute("users", users);
		model.addAttribute("lockedUsers",
				users.stream().map(User::getUsername).filter(this.signInLocks::locked).collect(Collectors.toSet()));
		model.addAttribute("failedLogins",
				users.stream()
					.flatMap((user) -> this.signInLocks.failedSignIns(user.getUsername())
						.stream()
						.mapToObj((count) -> Map.entry(user.getUsername(), count)))
					.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
		return "admin/users/list";
	}

	@PostMapping("/{id}/require-password-change")
	String requirePasswordChange(@PathVariable long id, RedirectAttributes redirect) {
		this.accounts.requirePasswordChange(id);
		redirect.addFlashAttribute("message", "user.passwordChangeRequired.done");
		redirect.addFlashAttribute("messageArg", this.accounts.find(id).getUsername());
		return "redirect:/admin/users";
	}

	private void checkPolicy(@Nullable String password, String username, BindingResult binding) {
		if (password != null && !binding.hasFieldErrors("password")) {
			this.passwordPolicy.violation(password, username)
				.ifPresent((reason) -> binding.rejectValue("password", reason));
		}
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		String username = this.accounts.find(id).getUsername();
		this.signInLocks.unlock(username);
		redirect.addFlashAttribute("message", "user.unlocked.done");
		redirect.addFlashAttribute("messageArg", username);
		return "redirect:/admin/users";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("userForm", UserForm.empty());
		return FORM;
	}

	@PostMapping("/new")
	String processCreationForm(@Valid UserForm userForm, BindingResult binding, RedirectAttributes redirect) {
		if (!userForm.passwordsMatch()) {
			binding.rejectValue("passwordConfirmation", "user.password.mismatch");
		}
		checkPolicy(userForm.password(), String.valueOf(userForm.username()), binding);
		if (binding.hasErrors()) {
			return FORM;
		}
		try {
			this.accounts.createUser(userForm.toNewUser());
		}
		catch (UsernameTakenException ex) {
			binding.rejectValue("username", "user.username.taken");
			return FORM;
		}
		catch (UnknownTeamException ex) {
			binding.rejectValue("teamId", "user.team.unknown");
			return FORM;
		}
		catch (AccountChangeRefusedException ex) {
			reject(binding, ex);
			return FORM;
		}
		redirect.addFlashAttribute("message", "user.created");
		redirect.addFlashAttribute("messageArg", userForm.username());
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled,
			@AuthenticationPrincipal(expression = "id()") long adminId, RedirectAttributes redirect) {
		try {
			User user = this.accounts.setEnabled(id, enabled, adminId);
			redirect.addFlashAttribute("message", enabled ? "user.enabled.done" : "user.disabled.done");
			redirect.addFlashAttribute("messageArg", user.getUsername());
		}
		catch (AccountChangeRefusedException ex) {
			refuse(redirect, ex);
		}
		return "redirect:/admin/users";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		User user = this.accounts.find(id);
		model.addAttribute("user", user);
		model.addAttribute("userEditForm", UserEditForm.of(user));
		return EDIT_FORM;
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, @Valid UserEditForm userEditForm, BindingResult binding,
			@AuthenticationPrincipal(expression = "id()") long adminId, Model model, RedirectAttributes redirect) {
		User user = this.accounts.find(id);
		model.addAttribute("user", user);
		if (binding.hasErrors()) {
			return EDIT_FORM;
		}
		try {
			this.accounts.updateUser(id, userEditForm.toChange(), adminId);
		}
		catch (UserEditConflictException ex) {
			model.addAttribute("conflict", ex.current());
			binding.reject("user.edit.conflict");
			return EDIT_FORM;
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			model.addAttribute("conflict", this.accounts.find(id));
			binding.reject("user.edit.conflict");
			return EDIT_FORM;
		}
		catch (UnknownTeamException ex) {
			binding.rejectValue("teamId", "user.team.unknown");
			return EDIT_FORM;
		}
		catch (AccountChangeRefusedException ex) {
			reject(binding, ex);
			return EDIT_FORM;
		}
		redirect.addFlashAttribute("message", "user.updated");
		redirect.addFlashAttribute("messageArg", user.getUsername());
		return "redirect:/admin/users";
	}

	static void reject(BindingResult binding, AccountChangeRefusedException ex) {
		if (ex.field() != null) {
			binding.rejectValue(ex.field(), ex.reason(), ex.arguments(), null);
		}
		else {
			binding.reject(ex.reason(), ex.arguments(), null);
		}
	}

	static void refuse(RedirectAttributes redirect, AccountChangeRefusedException ex) {
		redirect.addFlashAttribute("refusal", ex.reason());
		redirect.addFlashAttribute("refusalArgs", List.of(ex.arguments()));
	}

	@GetMapping("/{id}/password")
	String initPasswordForm(@PathVariable long id, Model model) {
		model.addAttribute("user", this.accounts.find(id));
		model.addAttribute("passwordForm", PasswordForm.empty());
		return PASSWORD_FORM;
	}

	@PostMapping("/{id}/password")
	String processPasswordForm(@PathVariable long id, @Valid PasswordForm passwordForm, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (!passwordForm.passwordsMatch()) {
			binding.rejectValue("passwordConfirmation", "user.password.mismatch");
		}
		checkPolicy(passwordForm.password(), this.accounts.find(id).getUsername(), binding);
		if (binding.hasErrors()) {
			model.addAttribute("user", this.accounts.find(id));
			return PASSWORD_FORM;
		}
		this.accounts.resetPassword(id, String.valueOf(passwordForm.password()));
		redirect.addFlashAttribute("message", "user.password.reset");
		redirect.addFlashAttribute("messageArg", this.accounts.find(id).getUsername());
		return "redirect:/admin/users";
	}

	@ExceptionHandler(UnknownUserException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknownUser() {
		return "error/404";
	}

}
