package com.tiercrm.savedview.web;

import com.tiercrm.savedview.DuplicateViewNameException;
import com.tiercrm.savedview.NoTeamToShareWithException;
import com.tiercrm.savedview.SavedViews;
import com.tiercrm.security.CrmUser;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saves the customer list's filter and sort under a name, and deletes the user's own
 * views; the list offers them in a menu ({@code savedviews/bar.html}).
 */
@Controller
class SavedViewController {

	private final SavedViews views;

	SavedViewController(SavedViews views) {
		this.views = views;
	}

	@PostMapping("/customers/views")
	String save(@Valid SavedViewForm form, BindingResult binding, @AuthenticationPrincipal CrmUser user,
			RedirectAttributes redirect) {
		String back = "redirect:/customers"
				+ (form.queryOrEmpty().isEmpty() || binding.hasFieldErrors("query") ? "" : "?" + form.queryOrEmpty());
		String error = null;
		if (binding.hasFieldErrors("name")) {
			error = "views.name.invalid";
		}
		else if (binding.hasErrors()) {
			error = "views.query.invalid";
		}
		else {
			try {
				this.views.save(user.id(), String.valueOf(form.name()), form.queryOrEmpty(),
						Boolean.TRUE.equals(form.shared()));
				redirect.addFlashAttribute("viewMessage", "views.saved");
				redirect.addFlashAttribute("viewName", String.valueOf(form.name()).strip());
				return back;
			}
			catch (DuplicateViewNameException ex) {
				error = "views.name.taken";
			}
			catch (NoTeamToShareWithException ex) {
				error = "views.noTeam";
			}
		}
		// The list shows the reason and the name typed, ready to correct.
		redirect.addFlashAttribute("viewError", error);
		redirect.addFlashAttribute("viewName", form.name());
		redirect.addFlashAttribute("viewShared", Boolean.TRUE.equals(form.shared()));
		return back;
	}

	@PostMapping("/customers/views/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal CrmUser user, RedirectAttributes redirect) {
		boolean deleted = this.views.delete(user.id(), id);
		redirect.addFlashAttribute(deleted ? "viewMessage" : "viewError", deleted ? "views.deleted" : "views.notYours");
		return "redirect:/customers";
	}

}
