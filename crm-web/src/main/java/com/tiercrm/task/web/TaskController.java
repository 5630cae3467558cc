package com.tiercrm.task.web;

import java.util.Objects;

import com.tiercrm.security.CrmUser;
import com.tiercrm.task.InvalidAssigneeException;
import com.tiercrm.task.TaskConflictException;
import com.tiercrm.task.TaskManagement;
import com.tiercrm.task.TaskView;
import com.tiercrm.task.UnknownTaskException;
import com.tiercrm.interaction.UnknownCustomerException;
import com.tiercrm.web.WebProperties;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Follow-ups on pages: planned from a customer's page or a book row, edited on a page of
 * their own, marked done, and the user's own list.
 */
@Controller
class TaskController {

	/** The most tasks the user's list shows. */
	static final int LIST_LIMIT = 200;

	private final TaskManagement tasks;

	private final WebProperties web;

	TaskController(TaskManagement tasks, WebProperties web) {
		this.tasks = tasks;
		this.web = web;
	}

	@GetMapping("/tasks")
	String list(@RequestParam(defaultValue = "false") boolean done, @AuthenticationPrincipal CrmUser user,
			Model model) {
		model.addAttribute("done", done);
		model.addAttribute("tasks", this.tasks.assignedTo(user.id(), user.scope(), null, done, LIST_LIMIT));
		model.addAttribute("now", java.time.Instant.now());
		return "tasks/list";
	}

	@PostMapping("/tasks")
	String create(@Valid @ModelAttribute("taskForm") TaskForm taskForm, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model, RedirectAttributes redirect) {
		String code = Objects.requireNonNullElse(taskForm.customer(), "");
		if (!binding.hasErrors()) {
			try {
				TaskView task = this.tasks.create(code, taskForm.assignee(), taskForm.dueAt(this.web.timeZone()),
						taskForm.note(), user.id(), user.scope());
				redirect.addFlashAttribute("message", "task.created");
				redirect.addFlashAttribute("messageArg", task.customerName());
				return "redirect:" + back(taskForm.returnTo(), task);
			}
			catch (InvalidAssigneeException ex) {
				binding.rejectValue("assignee", "task.assignee.invalid");
			}
		}
		return form(model, code, null, user);
	}

	@GetMapping("/tasks/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal CrmUser user) {
		return "redirect:" + customerPage(this.tasks.find(id, user.scope()));
	}

	@GetMapping("/tasks/{id}/edit")
	String edit(@PathVariable long id, @RequestParam(required = false) @Nullable String returnTo,
			@AuthenticationPrincipal CrmUser user, Model model) {
		TaskView task = this.tasks.find(id, user.scope());
		var due = task.dueAt().atZone(this.web.timeZone());
		model.addAttribute("taskForm", new TaskForm(task.customerCode(), task.assigneeId(), due.toLocalDate(),
				due.toLocalTime().withSecond(0).withNano(0), task.note(), task.version(), safe(returnTo)));
		return form(model, task.customerCode(), task, user);
	}

	@PostMapping("/tasks/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("taskForm") TaskForm taskForm, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model, RedirectAttributes redirect) {
		TaskView task = this.tasks.find(id, user.scope());
		if (!binding.hasErrors()) {
			try {
				TaskView saved = this.tasks.update(id, Objects.requireNonNullElse(taskForm.version(), -1L),
						taskForm.assignee(), taskForm.dueAt(this.web.timeZone()), taskForm.note(), user.id(),
						user.scope());
				redirect.addFlashAttribute("message", "task.saved");
				redirect.addFlashAttribute("messageArg", saved.customerName());
				return "redirect:" + back(taskForm.returnTo(), saved);
			}
			catch (TaskConflictException ex) {
				// The input stays; saving again overwrites the other edit, now seen.
				model.addAttribute("conflict", ex.current());
				task = ex.current();
			}
			catch (InvalidAssigneeException ex) {
				binding.rejectValue("assignee", "task.assignee.invalid");
			}
		}
		return form(model, task.customerCode(), task, user);
	}

	@PostMapping("/tasks/{id}/done")
	String complete(@PathVariable long id, @RequestParam(required = false) @Nullable String returnTo,
			@AuthenticationPrincipal CrmUser user, RedirectAttributes redirect) {
		TaskView task = this.tasks.complete(id, user.id(), user.scope());
		redirect.addFlashAttribute("message", "task.completed");
		redirect.addFlashAttribute("messageArg", task.customerName());
		return "redirect:" + back(safe(returnTo), task);
	}

	private String form(Model model, String customerCode, @Nullable TaskView task, CrmUser user) {
		model.addAttribute("task", task);
		model.addAttribute("customerCode", customerCode);
		model.addAttribute("assignees", this.tasks.assignees(customerCode, user.id(), user.scope()));
		return "tasks/form";
	}

	private static String back(@Nullable String returnTo, TaskView task) {
		return (returnTo != null && !returnTo.isEmpty()) ? returnTo : customerPage(task);
	}

	private static String customerPage(TaskView task) {
		return UriComponentsBuilder.fromPath("/customers/{code}")
			.fragment("follow-ups")
			.buildAndExpand(task.customerCode())
			.encode()
			.toUriString();
	}

	/** A path on this site, never another host ({@code //host} or {@code /\host}). */
	private static @Nullable String safe(@Nullable String returnTo) {
		return (returnTo != null && returnTo.matches("/(?![/\\\\]).*")) ? returnTo : null;
	}

	@ExceptionHandler({ UnknownTaskException.class, UnknownCustomerException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
