package com.tiercrm.policy.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.order.SalesProperties;
import com.tiercrm.policy.PolicyConflictException;
import com.tiercrm.policy.PolicyVersion;
import com.tiercrm.policy.TierPolicies;
import com.tiercrm.policy.Tier;
import com.tiercrm.policy.TierPolicy;
import com.tiercrm.policy.UnknownTierException;
import com.tiercrm.security.CrmUser;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tiers}: the tiers with their policies, and new policy versions.
 */
@RestController
@RequestMapping("/api/v1/tiers")
class TierPolicyApiController {

	private final TierPolicies policies;

	private final MessageSource messages;

	private final String currency;

	private final SmartValidator validator;

	TierPolicyApiController(TierPolicies policies, MessageSource messages, SalesProperties sales,
			SmartValidator validator) {
		this.policies = policies;
		this.messages = messages;
		this.currency = sales.currency().getCurrencyCode();
		this.validator = validator;
	}

	@GetMapping
	List<PolicyJson> list() {
		return this.policies.all().stream().map(this::json).toList();
	}

	@GetMapping("/{code}/policy")
	PolicyJson show(@PathVariable String code) {
		return json(this.policies.find(code));
	}

	/**
	 * Saves a new version from what {@code GET} returned, changed, or from the flat
	 * fields; the credit limit is in the installation's currency.
	 */
	@PutMapping("/{code}/policy")
	PolicyJson update(@PathVariable String code, @RequestBody PolicyPut body, @AuthenticationPrincipal CrmUser user)
			throws BindException {
		PolicyForm policy = body.form();
		BeanPropertyBindingResult binding = new BeanPropertyBindingResult(policy, "policy");
		this.validator.validate(policy, binding);
		if (body.currency() != null && !body.currency().equals(this.currency)) {
			binding.rejectValue("creditLimit", "policy.api.currency", new Object[] { this.currency }, null);
		}
		if (binding.hasErrors()) {
			throw new BindException(binding);
		}
		return json(this.policies.save(code, policy.base(), policy.toTerms(), user.getUsername()));
	}

	private PolicyJson json(TierPolicy policy) {
		return new PolicyJson(policy.tier(), policy.current(), this.currency);
	}

	@ExceptionHandler(UnknownTierException.class)
	ProblemDetail notFound(UnknownTierException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(PolicyConflictException.class)
	ProblemDetail conflict(PolicyConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("currentVersion", ex.current().version());
		problem.setProperty("current", ex.current());
		problem.setProperty("currency", this.currency);
		return problem;
	}

	@ExceptionHandler(BindException.class)
	ProblemDetail invalid(BindException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid policy");
		problem.setProperty("errors", ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "reason", this.messages.getMessage(error, locale)))
			.toList());
		return problem;
	}

	/**
	 * A tier's policy in force, with the currency of its credit limit.
	 */
	record PolicyJson(Tier tier, @Nullable PolicyVersion current, String currency) {

	}

}
