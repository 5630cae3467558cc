package com.tiercrm.customer.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.tiercrm.customer.ChannelType;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerChange;
import com.tiercrm.customer.CustomerChangeRefusedException;
import com.tiercrm.customer.CustomerCodeTakenException;
import com.tiercrm.customer.CustomerDetails;
import com.tiercrm.customer.CustomerEditConflictException;
import com.tiercrm.customer.CustomerManagement;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.CustomerStatus;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.customer.DuplicateCandidate;
import com.tiercrm.customer.InvalidCustomerDetailsException;
import com.tiercrm.customer.LikelyDuplicatesException;
import com.tiercrm.customer.NoSuchCustomerException;
import com.tiercrm.security.CrmUser;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creating, editing, deactivating and merging customers through
 * {@code /api/v1/customers}, within the caller's scope. Edits name the version they
 * change, in {@code If-Match} (the {@code ETag} of {@code GET}) or as {@code version} in
 * the body; a creation that looks like existing customers is refused with them (409)
 * unless {@code ?allowDuplicate=true}.
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerEditApiController {

	private static final Set<String> EXTRA_FIELDS = Set.of("code", "status", "version");

	private final CustomerManagement management;

	private final CustomerRepository customers;

	private final CustomerApiController reader;

	private final CustomerHistory history;

	private final MessageSource messages;

	CustomerEditApiController(CustomerManagement management, CustomerRepository customers, CustomerApiController reader,
			CustomerHistory history, MessageSource messages) {
		this.management = management;
		this.customers = customers;
		this.reader = reader;
		this.history = history;
		this.messages = messages;
	}

	/**
	 * Creates a customer owned by the caller from the fields of {@code GET}'s JSON
	 * ({@code name} required, {@code code} generated when absent).
	 */
	@PostMapping
	ResponseEntity<CustomerApiController.CustomerJson> create(@RequestBody Map<String, @Nullable Object> body,
			@RequestParam(defaultValue = "false") boolean allowDuplicate, @AuthenticationPrincipal CrmUser user,
			Locale locale) {
		Map<String, @Nullable String> values = values(body);
		CustomerDetails details = details(values);
		Customer customer = this.management.create(values.get("code"), details, allowDuplicate, user.id(),
				user.scope());
		if ("INACTIVE".equals(values.get("status"))) {
			this.management.setActive(customer.getCode(), false, user.id(), user.scope());
		}
		ResponseEntity<CustomerApiController.CustomerJson> created = this.reader.show(customer.getCode(), user, locale);
		return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.getCode()))
			.headers(created.getHeaders())
			.body(created.getBody());
	}

	/**
	 * Replaces a customer's fields: those absent become empty.
	 */
	@PutMapping("/{code}")
	ResponseEntity<CustomerApiController.CustomerJson> replace(@PathVariable String code,
			@RequestBody Map<String, @Nullable Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CrmUser user, Locale locale) {
		find(code, user);
		return edit(code, values(body), ifMatch, user, locale);
	}

	/**
	 * Changes the fields present (JSON merge patch: {@code null} empties a field); a
	 * {@code status} of {@code INACTIVE} or {@code ACTIVE} deactivates or reactivates.
	 */
	@PatchMapping(path = "/{code}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<CustomerApiController.CustomerJson> patch(@PathVariable String code,
			@RequestBody Map<String, @Nullable Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CrmUser user, Locale locale) {
		Customer customer = find(code, user);
		Map<String, @Nullable String> values = new HashMap<>(this.management.details(customer).values());
		values.putAll(values(body));
		if (!body.containsKey("status")) {
			values.remove("status");
		}
		return edit(code, values, ifMatch, user, locale);
	}

	/** Merges the customer into the one named by {@code into} (managers and admins). */
	@PostMapping("/{code}/merge")
	ResponseEntity<CustomerApiController.CustomerJson> merge(@PathVariable String code,
			@RequestBody Map<String, @Nullable Object> body, @AuthenticationPrincipal CrmUser user, Locale locale) {
		Object into = body.get("into");
		if (!(into instanceof String intoCode) || intoCode.isBlank()) {
			throw new InvalidCustomerDetailsException(
					List.of(new InvalidCustomerDetailsException.Problem("into", "customer.error.mergeTarget", "")));
		}
		Customer kept = this.management.merge(code, intoCode, user.id(), user.scope());
		return this.reader.show(kept.getCode(), user, locale);
	}

	/** The customer's latest changes, newest first. */
	@GetMapping("/{code}/changes")
	List<CustomerChange> changes(@PathVariable String code, @AuthenticationPrincipal CrmUser user) {
		Customer customer = find(code, user);
		return this.management.history(customer.getId(), CustomerHistory.SHOWN);
	}

	private ResponseEntity<CustomerApiController.CustomerJson> edit(String code, Map<String, @Nullable String> values,
			@Nullable String ifMatch, CrmUser user, Locale locale) {
		Long version;
		boolean header = ifMatch != null && !ifMatch.isBlank();
		if (header) {
			version = parseVersion(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
		}
		else {
			version = parseVersion(values.get("version"));
		}
		if (version == null) {
			throw new VersionRequiredException();
		}
		try {
			this.management.update(code, details(values), version, user.id(), user.scope());
		}
		catch (CustomerEditConflictException ex) {
			throw new VersionConflictException(ex, header);
		}
		String status = values.get("status");
		if (status != null) {
			this.management.setActive(code, CustomerStatus.ACTIVE.name().equals(status), user.id(), user.scope());
		}
		return this.reader.show(code, user, locale);
	}

	private Customer find(String code, CrmUser user) {
		return this.customers.findByCode(code, user.scope()).orElseThrow(() -> new NoSuchCustomerException(code));
	}

	private static @Nullable Long parseVersion(@Nullable String text) {
		try {
			return (text != null && !text.isBlank()) ? Long.valueOf(text.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return -1L;
		}
	}

	/** The body's fields as text, refusing fields that do not exist. */
	private static Map<String, @Nullable String> values(Map<String, @Nullable Object> body) {
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		List<InvalidCustomerDetailsException.Problem> unknown = new ArrayList<>();
		body.forEach((field, value) -> {
			if (!CustomerDetails.FIELDS.contains(field) && !EXTRA_FIELDS.contains(field)) {
				unknown.add(new InvalidCustomerDetailsException.Problem(field, "customer.error.unknownField", field));
			}
			else if (value != null && !(value instanceof String) && !(value instanceof Number)) {
				unknown.add(new InvalidCustomerDetailsException.Problem(field, "customer.error.notText",
						String.valueOf(value)));
			}
			else {
				values.put(field, (value != null) ? value.toString() : null);
			}
		});
		if (!unknown.isEmpty()) {
			throw new InvalidCustomerDetailsException(unknown);
		}
		return values;
	}

	private static CustomerDetails details(Map<String, @Nullable String> values) {
		List<InvalidCustomerDetailsException.Problem> problems = new ArrayList<>();
		CustomerType type = choice(values, "type", CustomerType.class, problems);
		ChannelType channelType = choice(values, "channelType", ChannelType.class, problems);
		String status = values.get("status");
		if (status != null && !Set.of("ACTIVE", "INACTIVE").contains(status)) {
			problems.add(new InvalidCustomerDetailsException.Problem("status", "customer.error.choice", status));
		}
		if (!problems.isEmpty()) {
			throw new InvalidCustomerDetailsException(problems);
		}
		return new CustomerDetails(Objects.requireNonNullElse(values.get("name"), ""),
				(type != null) ? type : CustomerType.INDIVIDUAL, values.get("phone"), values.get("email"),
				values.get("province"), values.get("city"), values.get("region"), values.get("industry"), channelType,
				values.get("channel"), values.get("gender"), values.get("ageBand"), values.get("incomeBand"),
				values.get("occupation"), values.get("referredBy"));
	}

	private static <E extends Enum<E>> @Nullable E choice(Map<String, @Nullable String> values, String field,
			Class<E> type, List<InvalidCustomerDetailsException.Problem> problems) {
		String value = values.get(field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new InvalidCustomerDetailsException.Problem(field, "customer.error.choice", value));
			return null;
		}
	}

	@ExceptionHandler(NoSuchCustomerException.class)
	ProblemDetail notFound(NoSuchCustomerException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(InvalidCustomerDetailsException.class)
	ProblemDetail invalid(InvalidCustomerDetailsException ex, Locale locale) {
		List<Map<String, Object>> errors = ex.problems().stream().map((problem) -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("field", problem.field());
			error.put("reason", problem.messageKey());
			error.put("message", this.messages.getMessage(problem.messageKey(), new Object[] { problem.value() },
					problem.messageKey(), locale));
			error.put("rejectedValue", problem.value());
			return error;
		}).toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("customer.api.invalid",
						new Object[] { errors.stream()
							.map((error) -> error.get("field") + ": " + error.get("message"))
							.reduce((a, b) -> a + "; " + b)
							.orElse("") },
						locale));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(CustomerCodeTakenException.class)
	ProblemDetail codeTaken(CustomerCodeTakenException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.messages.getMessage("customer.error.codeTaken", new Object[] { ex.code() }, locale));
		problem.setProperty("errors", List.of(Map.of("field", "code", "reason", "customer.error.codeTaken")));
		return problem;
	}

	@ExceptionHandler(LikelyDuplicatesException.class)
	ProblemDetail duplicates(LikelyDuplicatesException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.messages.getMessage("customer.api.duplicates", null, locale));
		problem.setProperty("candidates", ex.candidates().stream().map(CustomerEditApiController::candidate).toList());
		return problem;
	}

	private static Map<String, Object> candidate(DuplicateCandidate candidate) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (candidate.visible()) {
			json.put("code", candidate.code());
			json.put("name", candidate.name());
			if (candidate.city() != null) {
				json.put("city", candidate.city());
			}
		}
		if (candidate.ownerName() != null) {
			json.put("ownerName", candidate.ownerName());
		}
		List<String> matches = new ArrayList<>();
		if (candidate.samePhone()) {
			matches.add("phone");
		}
		if (candidate.sameEmail()) {
			matches.add("email");
		}
		if (candidate.similarName()) {
			matches.add("name");
		}
		json.put("matches", matches);
		return json;
	}

	@ExceptionHandler(VersionRequiredException.class)
	ProblemDetail versionRequired(Locale locale) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
				this.messages.getMessage("customer.api.versionRequired", null, locale));
	}

	@ExceptionHandler(VersionConflictException.class)
	ProblemDetail conflict(VersionConflictException ex, Locale locale) {
		CustomerEditConflictException conflict = ex.conflict;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(
				ex.header ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
				this.messages.getMessage("customer.api.conflict", new Object[] { conflict.currentVersion() }, locale));
		problem.setProperty("currentVersion", conflict.currentVersion());
		problem.setProperty("changes", this.history.entries(conflict.otherChanges(), locale));
		return problem;
	}

	@ExceptionHandler(CustomerChangeRefusedException.class)
	ProblemDetail refused(CustomerChangeRefusedException ex, Locale locale) {
		HttpStatus status = "customer.error.mergeNotAllowed".equals(ex.messageKey()) ? HttpStatus.FORBIDDEN
				: HttpStatus.CONFLICT;
		return ProblemDetail.forStatusAndDetail(status, this.messages.getMessage(ex.messageKey(), null, locale));
	}

	/** An edit that names no version. */
	static class VersionRequiredException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

	/** An edit of another version than the customer's, named by header or body. */
	static class VersionConflictException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient CustomerEditConflictException conflict;

		private final boolean header;

		VersionConflictException(CustomerEditConflictException conflict, boolean header) {
			super(conflict.getMessage(), conflict);
			this.conflict = conflict;
			this.header = header;
		}

	}

}
