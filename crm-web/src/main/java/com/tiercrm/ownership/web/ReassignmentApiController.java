package com.tiercrm.ownership.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.tiercrm.ownership.CustomerMergedException;
import com.tiercrm.ownership.CustomerOutOfScopeException;
import com.tiercrm.ownership.CustomerReassignments;
import com.tiercrm.ownership.OwnerNotAllowedException;
import com.tiercrm.ownership.Reassignment;
import com.tiercrm.ownership.ReassignmentNotAllowedException;
import com.tiercrm.security.CrmUser;
import com.tiercrm.tiering.list.TieredCriteria;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/reassignments}: gives customers to another owner, as the pages do
 * (managers within their teams, the head of sales and admins everyone, reps not at all):
 * the customers named by code (those outside the caller's scope stay where they are), or
 * every customer a filter of the customer list matches.
 */
@RestController
class ReassignmentApiController {

	private final CustomerReassignments reassignments;

	private final MessageSource messages;

	ReassignmentApiController(CustomerReassignments reassignments, MessageSource messages) {
		this.reassignments = reassignments;
		this.messages = messages;
	}

	@PostMapping("/api/v1/reassignments")
	ResponseEntity<?> reassign(@RequestBody ReassignmentBody body, @AuthenticationPrincipal CrmUser user,
			Locale locale) {
		if (body.toOwner() == null || (body.customers() == null) == (body.filter() == null)) {
			return problem(HttpStatus.BAD_REQUEST, "ownership.api.body", locale);
		}
		Reassignment done;
		if (body.customers() != null) {
			done = this.reassignments.reassignSelected(body.customers(), body.toOwner(), user.scope());
		}
		else {
			TieredCriteria criteria;
			try {
				criteria = body.filter().toCriteria();
			}
			catch (IllegalArgumentException ex) {
				return problem(HttpStatus.BAD_REQUEST, "ownership.api.body", locale);
			}
			done = this.reassignments.reassignMatching(criteria, body.toOwner(), user.scope());
		}
		return ResponseEntity.ok(Map.of("id", done.id(), "customers", done.customers(), "toOwner", done.toOwnerId(),
				"toOwnerName", done.toOwnerName()));
	}

	@ExceptionHandler(ReassignmentNotAllowedException.class)
	ResponseEntity<ProblemDetail> notAllowed(Locale locale) {
		return problem(HttpStatus.FORBIDDEN, "ownership.notAllowed", locale);
	}

	@ExceptionHandler(OwnerNotAllowedException.class)
	ResponseEntity<ProblemDetail> ownerNotAllowed(Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, "ownership.ownerNotAllowed", locale);
	}

	@ExceptionHandler(CustomerMergedException.class)
	ResponseEntity<ProblemDetail> merged(CustomerMergedException ex, Locale locale) {
		ResponseEntity<ProblemDetail> problem = problem(HttpStatus.CONFLICT, "ownership.merged", locale);
		Objects.requireNonNull(problem.getBody()).setProperty("customers", ex.codes());
		return problem;
	}

	@ExceptionHandler(CustomerOutOfScopeException.class)
	ResponseEntity<ProblemDetail> outOfScope(Locale locale) {
		return problem(HttpStatus.NOT_FOUND, "api.classify.noCustomer", locale);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, this.messages.getMessage(code, null, locale));
		problem.setProperty("code", code);
		return ResponseEntity.status(status).body(problem);
	}

	/**
	 * Whom to give which customers: {@code customers} (codes) or {@code filter} (the
	 * customer list's filters), not both.
	 */
	record ReassignmentBody(@Nullable Long toOwner, @Nullable List<String> customers, @Nullable Filter filter) {

	}

	/**
	 * The customer list's filters, as its query string names them.
	 */
	record Filter(@Nullable String q, @Nullable Long owner, @Nullable String region, @Nullable String industry,
			@Nullable String tier, @Nullable String abc, @Nullable String rfm, @Nullable String clv,
			@Nullable String alive) {

		TieredCriteria toCriteria() {
			ReassignFilterForm form = new ReassignFilterForm();
			form.setQ(this.q);
			form.setOwner((this.owner != null) ? this.owner.toString() : null);
			form.setRegion(this.region);
			form.setIndustry(this.industry);
			form.setTier(this.tier);
			form.setAbc(this.abc);
			form.setRfm(this.rfm);
			form.setClv(this.clv);
			form.setAlive(this.alive);
			return form.toCriteria();
		}

	}

}
