package com.tiercrm.audit.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.audit.AuditLog;
import com.tiercrm.audit.AuditPage;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit} for admins: the audit log newest first, with the page's
 * filter, and {@code nextBefore} to ask for the next page.
 */
@RestController
class AuditApiController {

	static final int MAX_PAGE = 500;

	private final AuditLog audit;

	private final ZoneId zone;

	private final MessageSource messages;

	AuditApiController(AuditLog audit, @Value("${tiercrm.segmentation.zone:Asia/Shanghai}") ZoneId zone,
			MessageSource messages) {
		this.audit = audit;
		this.zone = zone;
		this.messages = messages;
	}

	@GetMapping("/api/v1/audit")
	ResponseEntity<?> api(@Valid @ModelAttribute AuditSearchForm filter, BindingResult binding,
			@RequestParam(defaultValue = "100") int size, Locale locale) {
		if (binding.hasErrors() || size < 1 || size > MAX_PAGE) {
			return ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						this.messages.getMessage("audit.api.invalid", new Object[] { MAX_PAGE }, locale)));
		}
		AuditPage page = this.audit.search(filter.toQuery(this.zone), filter.before(), size);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("entries", page.entries());
		body.put("nextBefore", page.nextBefore());
		return ResponseEntity.ok(body);
	}

}
