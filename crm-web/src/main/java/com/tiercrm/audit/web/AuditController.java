package com.tiercrm.audit.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditEntry;
import com.tiercrm.audit.AuditLog;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log for admins: {@code /admin/audit}, newest first, filtered by action, user,
 * days and text, a page of {@value #PAGE} at a time; and {@code GET /api/v1/audit} with
 * the same filter.
 */
@Controller
class AuditController {

	static final int PAGE = 50;

	static final int MAX_API_PAGE = 500;

	private final AuditLog audit;

	private final ZoneId zone;

	private final MessageSource messages;

	AuditController(AuditLog audit, @Value("${tiercrm.segmentation.zone:Asia/Shanghai}") ZoneId zone,
			MessageSource messages) {
		this.audit = audit;
		this.messages = messages;
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
		List<AuditEntry> entries = this.audit.search(filter.toQuery(this.zone), filter.before(), PAGE + 1);
		boolean more = entries.size() > PAGE;
		List<AuditEntry> shown = more ? entries.subList(0, PAGE) : entries;
		model.addAttribute("entries", shown);
		if (more) {
			model.addAttribute("older",
					UriComponentsBuilder.fromPath("/admin/audit")
						.queryParamIfPresent("action", Optional.ofNullable(filter.action()))
						.queryParamIfPresent("actor", Optional.ofNullable(filter.actor()))
						.queryParamIfPresent("from", Optional.ofNullable(filter.from()))
						.queryParamIfPresent("to", Optional.ofNullable(filter.to()))
						.queryParamIfPresent("text", Optional.ofNullable(filter.text()))
						.queryParam("before", shown.getLast().id())
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

	@GetMapping("/api/v1/audit")
	@ResponseBody
	ResponseEntity<?> api(@Valid @ModelAttribute AuditSearchForm filter, BindingResult binding,
			@RequestParam(defaultValue = "100") int size, Locale locale) {
		if (binding.hasErrors() || size < 1 || size > MAX_API_PAGE) {
			return ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						this.messages.getMessage("audit.api.invalid", new Object[] { MAX_API_PAGE }, locale)));
		}
		List<AuditEntry> entries = this.audit.search(filter.toQuery(this.zone), filter.before(), size + 1);
		boolean more = entries.size() > size;
		Map<String, Object> body = new LinkedHashMap<>();
		List<AuditEntry> shown = more ? entries.subList(0, size) : entries;
		body.put("entries", shown);
		body.put("nextBefore", more ? shown.getLast().id() : null);
		return ResponseEntity.ok(body);
	}

}
