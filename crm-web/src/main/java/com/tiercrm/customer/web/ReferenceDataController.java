package com.tiercrm.customer.web;

import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceEntry;
import com.tiercrm.customer.ReferenceEntryConflictException;
import com.tiercrm.customer.ReferenceKind;
import com.tiercrm.customer.UnknownReferenceEntryException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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
 * Admins list, add and rename industries and regions ({@code /admin/industries},
 * {@code /admin/regions}).
 */
@Controller
@RequestMapping("/admin/{kind:industries|regions}")
class ReferenceDataController {

	private static final String LIST = "admin/reference/list";

	private static final String FORM = "admin/reference/form";

	private final ReferenceData references;

	ReferenceDataController(ReferenceData references) {
		this.references = references;
	}

	@GetMapping
	String list(@PathVariable String kind, Model model) {
		ReferenceKind referenceKind = kind(kind);
		model.addAttribute("entryForm", ReferenceEntryForm.empty(this.references.nextSortOrder(referenceKind)));
		return list(referenceKind, model);
	}

	@PostMapping
	String processCreationForm(@PathVariable String kind,
			@Valid @ModelAttribute("entryForm") ReferenceEntryForm entryForm, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ReferenceKind referenceKind = kind(kind);
		String code = entryForm.upperCaseCode();
		if (code.isEmpty()) {
			binding.rejectValue("code", "reference.error.codeRequired");
		}
		else if (code.length() > referenceKind.maxCodeLength()) {
			binding.rejectValue("code", "reference.error.codeTooLong", new Object[] { referenceKind.maxCodeLength() },
					null);
		}
		if (!binding.hasErrors()) {
			try {
				this.references.create(referenceKind, entryForm.toEntry(code));
				redirect.addFlashAttribute("message", "reference.created");
				redirect.addFlashAttribute("messageArg", code);
				return "redirect:/admin/" + kind;
			}
			catch (ReferenceEntryConflictException ex) {
				reject(binding, ex, entryForm);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return list(referenceKind, model);
	}

	@GetMapping("/{code}/edit")
	String initUpdateForm(@PathVariable String kind, @PathVariable String code, Model model) {
		ReferenceKind referenceKind = kind(kind);
		ReferenceEntry entry = find(referenceKind, code);
		model.addAttribute("entryForm", ReferenceEntryForm.of(entry));
		return form(referenceKind, entry, model);
	}

	@PostMapping("/{code}/edit")
	String processUpdateForm(@PathVariable String kind, @PathVariable String code,
			@Valid @ModelAttribute("entryForm") ReferenceEntryForm entryForm, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ReferenceKind referenceKind = kind(kind);
		ReferenceEntry entry = find(referenceKind, code);
		if (!binding.hasErrors()) {
			try {
				this.references.update(referenceKind, entryForm.toEntry(entry.code()));
				redirect.addFlashAttribute("message", "reference.updated");
				redirect.addFlashAttribute("messageArg", entry.code());
				return "redirect:/admin/" + kind;
			}
			catch (ReferenceEntryConflictException ex) {
				reject(binding, ex, entryForm);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return form(referenceKind, entry, model);
	}

	private String list(ReferenceKind kind, Model model) {
		model.addAttribute("kind", kind.table());
		model.addAttribute("entries", this.references.catalog(kind).entries());
		return LIST;
	}

	private String form(ReferenceKind kind, ReferenceEntry entry, Model model) {
		model.addAttribute("kind", kind.table());
		model.addAttribute("entry", entry);
		return FORM;
	}

	private ReferenceEntry find(ReferenceKind kind, String code) {
		return this.references.catalog(kind)
			.find(code)
			.orElseThrow(() -> new ReferenceEntryNotFoundException(kind, code));
	}

	private static void reject(BindingResult binding, ReferenceEntryConflictException ex, ReferenceEntryForm form) {
		String field = "reference.error.codeTaken".equals(ex.messageKey()) ? "code"
				: ex.argument().equals(String.valueOf(form.chineseName()).strip()) ? "chineseName" : "englishName";
		binding.rejectValue(field, ex.messageKey(), new Object[] { ex.argument() }, null);
	}

	private static ReferenceKind kind(String table) {
		return ReferenceKind.ofTable(table).orElseThrow(() -> new ReferenceEntryNotFoundException(null, table));
	}

	@ExceptionHandler({ ReferenceEntryNotFoundException.class, UnknownReferenceEntryException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/** No such industry or region, or no such kind. */
	static class ReferenceEntryNotFoundException extends RuntimeException {

		ReferenceEntryNotFoundException(@Nullable ReferenceKind kind, String code) {
			super("No " + ((kind != null) ? kind.table() : "reference data") + " entry " + code);
		}

	}

}
