package com.tiercrm.account.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.tiercrm.account.AccountChangeRefusedException;
import com.tiercrm.account.AccountManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.Team;
import com.tiercrm.account.UnknownTeamException;
import com.tiercrm.account.User;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
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
 * Admins create, rename and remove teams and choose who leads them. A team is removed
 * only when nobody belongs to it.
 */
@Controller
@RequestMapping("/admin/teams")
class TeamAdminController {

	private static final String FORM = "admin/teams/form";

	private final AccountManagement accounts;

	TeamAdminController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@ModelAttribute("managers")
	List<User> managers() {
		return this.accounts.allUsers().stream().filter((user) -> user.getRole() == Role.MANAGER).toList();
	}

	@GetMapping
	String list(Model model) {
		List<User> users = this.accounts.allUsers();
		Map<Long, User> byId = users.stream().collect(Collectors.toMap(User::getId, Function.identity()));
		Map<Long, Long> members = users.stream()
			.filter((user) -> user.getTeamId() != null)
			.collect(Collectors.groupingBy(User::getTeamId, Collectors.counting()));
		model.addAttribute("teams", this.accounts.allTeams());
		model.addAttribute("usersById", byId);
		model.addAttribute("members", members);
		return "admin/teams/list";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("teamForm", TeamForm.empty());
		return FORM;
	}

	@PostMapping("/new")
	String processCreationForm(@Valid TeamForm teamForm, BindingResult binding, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return FORM;
		}
		try {
			this.accounts.createTeam(String.valueOf(teamForm.name()), teamForm.managerId());
		}
		catch (AccountChangeRefusedException ex) {
			UserAdminController.reject(binding, ex);
			return FORM;
		}
		redirect.addFlashAttribute("message", "team.created");
		redirect.addFlashAttribute("messageArg", Objects.requireNonNull(teamForm.name()).strip());
		return "redirect:/admin/teams";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		Team team = this.accounts.findTeam(id);
		model.addAttribute("team", team);
		model.addAttribute("teamForm", TeamForm.of(team));
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, @Valid TeamForm teamForm, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("team", this.accounts.findTeam(id));
		if (binding.hasErrors()) {
			return FORM;
		}
		try {
			this.accounts.updateTeam(id, String.valueOf(teamForm.name()), teamForm.managerId());
		}
		catch (AccountChangeRefusedException ex) {
			UserAdminController.reject(binding, ex);
			return FORM;
		}
		redirect.addFlashAttribute("message", "team.updated");
		redirect.addFlashAttribute("messageArg", Objects.requireNonNull(teamForm.name()).strip());
		return "redirect:/admin/teams";
	}

	@PostMapping("/{id}/remove")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		try {
			Team team = this.accounts.removeTeam(id);
			redirect.addFlashAttribute("message", "team.removed");
			redirect.addFlashAttribute("messageArg", team.getName());
		}
		catch (AccountChangeRefusedException ex) {
			UserAdminController.refuse(redirect, ex);
		}
		return "redirect:/admin/teams";
	}

	@ExceptionHandler(UnknownTeamException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknownTeam() {
		return "error/404";
	}

}
