package com.tiercrm.audit.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import com.tiercrm.audit.AuditPage;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log for admins on {@code /admin/audit}: newest first, filtered by action,
 * user, days and text, a page of {@value #PAGE} at a time.
 */
@Controller
class AuditController {

	static final int PAGE = 50;

	private final AuditLog audit;

	private final ZoneId zone;

	AuditController(AuditLog audit, @Value("${tiercrm.segmentation.zone:Asia/Shanghai}") ZoneId zone) {
		this.audit = audit;
		this.zone = zone;
	}

	@GetMapping("/admin/audit")
	String page(@Valid @ModelAttribute("filter") AuditSearchForm filter, BindingResult binding, Model model) {
		model.addAttribute("actions", AuditAction.values());
		if (binding.hasErrors()) {
			// What could be read stays in the form; a record is not built from a bad
			// date.
			model.addAttribute("filter",
					new AuditSearchForm(null, text(binding, "actor"), null, null, text(binding, "text"), null));
			model.addAttribute("filterInvalid", true);
			model.addAttribute("entries", List.of());
			return "admin/audit";
		}
		AuditPage page = this.audit.search(filter.toQuery(this.zone), filter.before(), PAGE);
		model.addAttribute("entries", page.entries());
		if (page.nextBefore() != null) {
			model.addAttribute("older",
					UriComponentsBuilder.fromPath("/admin/audit")
						.queryParamIfPresent("action", Optional.ofNullable(filter.action()))
						.queryParamIfPresent("actor", Optional.ofNullable(filter.actor()))
						.queryParamIfPresent("from", Optional.ofNullable(filter.from()))
						.queryParamIfPresent("to", Optional.ofNullable(filter.to()))
						.queryParamIfPresent("text", Optional.ofNullable(filter.text()))
						.queryParam("before", page.nextBefore())
						.encode()
						.build()
						.toUriString());
		}
		return "admin/audit";
	}

	private static @Nullable String text(BindingResult binding, String field) {
		Object value = binding.getRawFieldValue(field);
		return (value instanceof String text && text.length() <= 100) ? text : null;
	}

}
