package com.tiercrm.book.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.tiercrm.account.Role;
import com.tiercrm.account.OwnerOption;
import com.tiercrm.account.OwnerOptions;
import com.tiercrm.book.RepBook;
import com.tiercrm.book.RepBooks;
import com.tiercrm.interaction.InteractionLog;
import com.tiercrm.interaction.UnknownCustomerException;
import com.tiercrm.security.CrmUser;
import com.tiercrm.web.EntryTimes;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A rep's book a page at a time, and for managers and admins the books of the owners they
 * may see.
 */
@Controller
class BookController {

	private final RepBooks books;

	private final InteractionLog interactions;

	private final OwnerOptions owners;

	private final EntryTimes times;

	private final BookRows rows;

	BookController(RepBooks books, InteractionLog interactions, OwnerOptions owners, EntryTimes times, BookRows rows) {
		this.books = books;
		this.interactions = interactions;
		this.owners = owners;
		this.times = times;
		this.rows = rows;
	}

	@GetMapping("/book")
	String show(@Valid BookForm bookForm, BindingResult binding, @AuthenticationPrincipal CrmUser user, Locale locale,
			Model model, HttpServletResponse response) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			if (binding.hasFieldErrors("page")) {
				model.addAttribute("reason", "book.page.invalid");
			}
			return "error/4xx";
		}
		populate(bookForm.repId(), bookForm.pageNumber(), user, locale, null, model);
		return "book/index";
	}

	@PostMapping("/book/interactions")
	String logInteraction(@Valid InteractionForm interactionForm, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Locale locale, Model model, RedirectAttributes redirect) {
		Integer page = binding.hasFieldErrors("page") ? null : interactionForm.page();
		Instant occurredAt = (interactionForm.occurredAt() != null) ? this.times.instant(interactionForm.occurredAt())
				: null;
		if (occurredAt != null && !this.interactions.acceptable(occurredAt)) {
			binding.rejectValue("occurredAt", "interaction.occurredAt.future",
					new Object[] { InteractionLog.FUTURE_TOLERANCE.toMinutes() }, null);
		}
		if (binding.hasErrors()) {
			model.addAttribute("failed", true);
			populate(interactionForm.rep(), (page != null) ? page : 1, user, locale, interactionForm.customer(), model);
			return "book/index";
		}
		this.interactions.log(Objects.requireNonNull(interactionForm.customer()),
				Objects.requireNonNull(interactionForm.type()), occurredAt, interactionForm.notes(),
				interactionForm.satisfaction(), user.id(), user.scope());
		redirect.addFlashAttribute("message", "book.logged");
		redirect.addFlashAttribute("messageArg", interactionForm.customer());
		// Back to the page the contact was logged on, which the customer may have left.
		Long rep = bookOwner(interactionForm.rep(), user);
		UriComponentsBuilder book = UriComponentsBuilder.fromPath("/book");
		if (rep != null && rep != user.id()) {
			book.queryParam("rep", rep);
		}
		if (page != null && page > 1) {
			book.queryParam("page", page);
		}
		return "redirect:" + book.toUriString();
	}

	private void populate(@Nullable Long requested, int page, CrmUser user, Locale locale, @Nullable String failed,
			Model model) {
		Long rep = bookOwner(requested, user);
		model.addAttribute("rep", rep);
		if (user.role() != Role.SALES_REP) {
			List<OwnerOption> owners = this.owners.visibleTo(user.scope());
			if (rep != null && owners.stream().noneMatch((owner) -> rep == owner.id())) {
				throw new UnknownRepException();
			}
			model.addAttribute("owners", owners);
			// Counting every owner's overdue contacts reads the whole scope: only on the
			// overview.
			model.addAttribute("workloads", (rep == null) ? this.books.workloads(user.scope()) : null);
		}
		RepBook book = (rep != null) ? this.books.book(rep, user.scope(), page) : null;
		model.addAttribute("book", book);
		if (book != null) {
			model.addAttribute("sections", this.rows.sections(book, locale, failed));
			model.addAttribute("types", this.rows.types(locale));
		}
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
