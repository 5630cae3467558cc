package com.tiercrm.ownership.web;

import java.util.List;

import com.tiercrm.ownership.CustomerMergedException;
import com.tiercrm.ownership.CustomerOutOfScopeException;
import com.tiercrm.ownership.CustomerReassignments;
import com.tiercrm.ownership.OwnerNotAllowedException;
import com.tiercrm.ownership.Reassignment;
import com.tiercrm.ownership.ReassignmentNotAllowedException;
import com.tiercrm.security.CrmUser;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reassigns one customer from its page, the customers ticked on the list, or, after a
 * confirmation that says how many, every customer the list's filter matches. What may be
 * moved and to whom is {@link CustomerReassignments}'s to decide.
 */
@Controller
class ReassignmentController {

	private static final String CONFIRM = "ownership/confirm";

	private final CustomerReassignments reassignments;

	ReassignmentController(CustomerReassignments reassignments) {
		this.reassignments = reassignments;
	}

	@PostMapping("/customers/{code}/owner")
	String reassignOne(@PathVariable String code, @RequestParam long newOwner, @AuthenticationPrincipal CrmUser user,
			RedirectAttributes redirect) {
		checkAllowed(user);
		try {
			done(redirect, this.reassignments.reassignOne(code, newOwner, user.scope()));
		}
		catch (CustomerMergedException ex) {
			redirect.addFlashAttribute("reassignError", "ownership.merged");
		}
		return "redirect:/customers/{code}";
	}

	@PostMapping("/customers/reassign")
	String reassignSelected(@RequestParam(name = "customer", required = false) @Nullable List<String> customers,
			@RequestParam long newOwner, @RequestParam(required = false) @Nullable String back,
			@AuthenticationPrincipal CrmUser user, RedirectAttributes redirect) {
		checkAllowed(user);
		if (customers == null || customers.isEmpty()) {
			redirect.addFlashAttribute("reassignError", "ownership.noneSelected");
		}
		else {
			try {
				done(redirect, this.reassignments.reassignSelected(customers, newOwner, user.scope()));
			}
			catch (CustomerMergedException ex) {
				// Ticked on a list read before the merge.
				redirect.addFlashAttribute("reassignError", "ownership.merged");
			}
		}
		return "redirect:/customers" + ((back != null && !back.isBlank()) ? "?" + back : "");
	}

	@GetMapping("/customers/reassign")
	String confirmFilter(@Valid @ModelAttribute("reassign") ReassignFilterForm reassign, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model) {
		checkAllowed(user);
		if (binding.hasErrors()) {
			model.addAttribute("reason", "ownership.invalidFilter");
			return "error/4xx";
		}
		model.addAttribute("matching", this.reassignments.countMatching(reassign.toCriteria(), user.scope()));
		model.addAttribute("targets", this.reassignments.targets(user.scope()));
		model.addAttribute("listQuery", reassign.query());
		return CONFIRM;
	}

	@PostMapping("/customers/reassign/filter")
	String reassignFilter(
			@Validated({ jakarta.validation.groups.Default.class,
					ReassignFilterForm.Execution.class }) @ModelAttribute("reassign") ReassignFilterForm reassign,
			BindingResult binding, @AuthenticationPrincipal CrmUser user, Model model, RedirectAttributes redirect) {
		checkAllowed(user);
		if (binding.hasErrors()) {
			model.addAttribute("matching", this.reassignments.countMatching(reassign.toCriteria(), user.scope()));
			model.addAttribute("targets", this.reassignments.targets(user.scope()));
			model.addAttribute("listQuery", reassign.query());
			return CONFIRM;
		}
		done(redirect, this.reassignments.reassignMatching(reassign.toCriteria(),
				java.util.Objects.requireNonNull(reassign.getNewOwner()), user.scope()));
		String query = reassign.query();
		return "redirect:/customers" + (query.isEmpty() ? "" : "?" + query);
	}

	private static void checkAllowed(CrmUser user) {
		if (!CustomerReassignments.mayReassign(user.scope())) {
			throw new NotAllowed();
		}
	}

	private static void done(RedirectAttributes redirect, Reassignment reassignment) {
		redirect.addFlashAttribute("reassigned", reassignment);
	}

	@ExceptionHandler({ ReassignmentNotAllowedException.class, NotAllowed.class })
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String notAllowed(Model model) {
		model.addAttribute("reason", "ownership.notAllowed");
		return "error/403";
	}

	@ExceptionHandler(OwnerNotAllowedException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String ownerNotAllowed(Model model) {
		model.addAttribute("reason", "ownership.ownerNotAllowed");
		return "error/4xx";
	}

	@ExceptionHandler(CustomerOutOfScopeException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/**
	 * A rep asked for a page only managers and admins have.
	 */
	private static final class NotAllowed extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
