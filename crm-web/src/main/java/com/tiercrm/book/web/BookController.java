package com.tiercrm.book.web;

import java.util.List;
import java.util.Objects;

import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.book.RepBooks;
import com.tiercrm.interaction.InteractionLog;
import com.tiercrm.interaction.InteractionType;
import com.tiercrm.interaction.UnknownCustomerException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A rep's book, and for managers and admins the books of the owners they may see.
 */
@Controller
class BookController {

	private final RepBooks books;

	private final InteractionLog interactions;

	private final UserRepository users;

	BookController(RepBooks books, InteractionLog interactions, UserRepository users) {
		this.books = books;
		this.interactions = interactions;
		this.users = users;
	}

	@GetMapping("/book")
	String show(@RequestParam(name = "rep", required = false) @Nullable Long rep, @AuthenticationPrincipal CrmUser user,
			Model model) {
		populate(rep, user, model);
		return "book/index";
	}

	@PostMapping("/book/interactions")
	String logInteraction(@Valid InteractionForm interactionForm, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("failed", true);
			populate(interactionForm.rep(), user, model);
			return "book/index";
		}
		this.interactions.log(Objects.requireNonNull(interactionForm.customer()),
				Objects.requireNonNull(interactionForm.type()), interactionForm.notes(), interactionForm.satisfaction(),
				user.id(), user.scope());
		redirect.addFlashAttribute("message", "book.logged");
		redirect.addFlashAttribute("messageArg", interactionForm.customer());
		Long rep = bookOwner(interactionForm.rep(), user);
		return (rep != null && rep != user.id()) ? "redirect:/book?rep=" + rep : "redirect:/book";
	}

	private void populate(@Nullable Long requested, CrmUser user, Model model) {
		Long rep = bookOwner(requested, user);
		model.addAttribute("types", InteractionType.values());
		model.addAttribute("rep", rep);
		if (user.role() != Role.SALES_REP) {
			List<User> owners = this.users.findOwnersVisibleTo(user.scope());
			if (rep != null && owners.stream().noneMatch((owner) -> rep.equals(owner.getId()))) {
				throw new UnknownRepException();
			}
			model.addAttribute("owners", owners);
			// Counting every owner's overdue contacts reads the whole scope: only on the
			// overview.
			model.addAttribute("workloads", (rep == null) ? this.books.workloads(user.scope()) : null);
		}
		model.addAttribute("book", (rep != null) ? this.books.book(rep, user.scope()) : null);
	}

	/**
	 * A rep always sees their own book; others see the one they pick, if any.
	 */
	private static @Nullable Long bookOwner(@Nullable Long requested, CrmUser user) {
		return (user.role() == Role.SALES_REP) ? Long.valueOf(user.id()) : requested;
	}

	@ExceptionHandler({ UnknownRepException.class, UnknownCustomerException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/**
	 * A book was asked for an owner the user may not see.
	 */
	static class UnknownRepException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
