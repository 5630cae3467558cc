package com.tiercrm.customer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.tiercrm.customer.Customer;
import com.tiercrm.order.OrderTotals;
import com.tiercrm.order.SalesProperties;
import com.tiercrm.policy.TierPolicy;
import com.tiercrm.security.CrmUser;
import com.tiercrm.tiering.list.InvalidListCursorException;
import com.tiercrm.tiering.list.TierFilterOptions;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredCustomer;
import com.tiercrm.tiering.list.TieredCustomerSearch;
import com.tiercrm.tiering.list.TieredPage;
import com.tiercrm.tiering.run.CustomerSegment;
import com.tiercrm.web.ReasonText;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/customers}: the same scoped search (filters, tier filters, sorts and
 * cursors) and profile as the pages, as JSON.
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerApiController {

	private final TieredCustomerSearch search;

	private final CustomerProfiles profiles;

	private final SalesProperties sales;

	private final CustomerWords words;

	private final MessageSource messages;

	private final ReasonText reasons;

	private final CustomerHistory history;

	CustomerApiController(TieredCustomerSearch search, CustomerProfiles profiles, SalesProperties sales,
			CustomerWords words, MessageSource messages, ReasonText reasons, CustomerHistory history) {
		this.reasons = reasons;
		this.history = history;
		this.search = search;
		this.profiles = profiles;
		this.sales = sales;
		this.words = words;
		this.messages = messages;
	}

	/**
	 * A page of the customers the caller may see, with the published run's results; the
	 * query parameters are the customer page's.
	 */
	@GetMapping
	CustomerListJson list(@ParameterObject @Valid CustomerListForm filter, BindingResult binding,
			@AuthenticationPrincipal CrmUser user) {
		TierFilterOptions options = this.search.filterOptions();
		filter.rejectUnknownValues(options, binding);
		if (binding.hasErrors()) {
			throw new InvalidRequestException(binding, CustomerListForm.allowedValues(options));
		}
		TieredPage page = this.search.search(filter.toCriteria(), user.scope());
		return new CustomerListJson(page.items(), page.next(), page.previous(),
				this.sales.currency().getCurrencyCode());
	}

	/**
	 * A customer with its totals and published segmentation; the {@code ETag} is the
	 * version that {@code If-Match} of an edit names.
	 */
	@GetMapping("/{code}")
	ResponseEntity<CustomerJson> show(@PathVariable String code, @AuthenticationPrincipal CrmUser user, Locale locale) {
		CustomerJson customer = this.profiles.find(code, user.scope())
			.map((profile) -> CustomerJson.of(profile, this.sales.currency().getCurrencyCode(),
					this.words.region(profile.customer().getRegion(), locale),
					this.words.industry(profile.customer().getIndustry(), locale), mergedInto(profile.customer()),
					referredBy(profile.customer()), this.reasons))
			.orElseThrow(() -> new CustomerNotFoundException(code));
		return ResponseEntity.ok().eTag(Long.toString(customer.version())).body(customer);
	}

	private @Nullable String referredBy(Customer customer) {
		Long referrer = customer.getReferredById();
		return (referrer != null) ? this.history.code(referrer) : null;
	}

	private @Nullable String mergedInto(Customer customer) {
		Long kept = customer.getMergedIntoId();
		return (kept != null) ? this.history.code(kept) : null;
	}

	@ExceptionHandler(CustomerNotFoundException.class)
	ProblemDetail notFound(CustomerNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(InvalidListCursorException.class)
	ProblemDetail badRequest(InvalidListCursorException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("error.badCursor", null, locale));
		problem.setProperty("errors", List.of(Map.of("field", "cursor", "reason", "Invalid")));
		return problem;
	}

	/**
	 * Names each invalid parameter with the value given and, for {@code size} and the
	 * enumerated parameters ({@code sort}, {@code alive} and the tier filters), the
	 * values allowed.
	 */
	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail badRequest(InvalidRequestException ex, Locale locale) {
		String each = ex.fieldErrors.stream()
			.map((error) -> describe(error, ex.allowed, locale))
			.collect(Collectors.joining(this.messages.getMessage("api.invalidParameter.separator", null, locale)));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("api.invalidParameters", new Object[] { each }, locale));
		problem.setProperty("errors", ex.errors);
		return problem;
	}

	private String describe(FieldError error, Map<String, List<String>> allowedValues, Locale locale) {
		List<String> allowed = allowedValues.get(error.getField());
		if (allowed != null) {
			return this.messages.getMessage("api.invalidParameter.allowed",
					new Object[] { error.getField(), String.join(", ", allowed) }, locale);
		}
		if (error.getField().equals("size")) {
			return this.messages.getMessage("api.invalidParameter.size",
					new Object[] { error.getField(), TieredCriteria.MAX_SIZE }, locale);
		}
		return this.messages.getMessage("api.invalidParameter.other",
				new Object[] { error.getField(), String.valueOf(error.getCode()) }, locale);
	}

	/**
	 * Query parameters that failed validation.
	 */
	static class InvalidRequestException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient List<Map<String, Object>> errors;

		private final transient List<FieldError> fieldErrors;

		private final transient Map<String, List<String>> allowed;

		InvalidRequestException(BindingResult binding, Map<String, List<String>> allowed) {
			super("Invalid parameters: "
					+ binding.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.joining(", ")));
			this.fieldErrors = binding.getFieldErrors();
			this.allowed = allowed;
			this.errors = binding.getFieldErrors().stream().map((error) -> {
				Map<String, Object> described = new LinkedHashMap<>();
				described.put("field", error.getField());
				described.put("rejectedValue", String.valueOf(error.getRejectedValue()));
				if (allowed.containsKey(error.getField())) {
					described.put("allowed", allowed.get(error.getField()));
				}
				else if (error.getField().equals("size")) {
					described.put("minimum", 1);
					described.put("maximum", TieredCriteria.MAX_SIZE);
				}
				else {
					described.put("reason", error.getCode());
				}
				return described;
			}).toList();
		}

	}

	/**
	 * A page of customers: each with the published run's tier, classes, spend, recency,
	 * predicted value and probability alive ({@code null} where no run is published or
	 * the customer is not in it), the cursors of the neighbouring pages, and the
	 * {@code currency} of every amount.
	 */
	record CustomerListJson(List<TieredCustomer> items, @Nullable String next, @Nullable String previous,
			String currency) {

	}

	/**
	 * A customer as the API returns it: region and industry as codes and by name in the
	 * request's language; every amount (totals, segmentation, policy) in
	 * {@code currency}; {@code version} is what an edit names in {@code If-Match}; a
	 * merged customer names the one it was merged into; {@code referredBy} is the code of
	 * the customer who referred this one.
	 */
	record CustomerJson(String code, String name, String type, @Nullable String phone, @Nullable String phoneDisplay,
			@Nullable String email, @Nullable String province, @Nullable String city, @Nullable String region,
			@Nullable String industry, @Nullable String channelType, @Nullable String channel, @Nullable String gender,
			@Nullable String ageBand, @Nullable String incomeBand, @Nullable String occupation, @Nullable Long ownerId,
			@Nullable String ownerName, String status, @Nullable String mergedInto, @Nullable String referredBy,
			long version, Instant createdAt, Instant updatedAt, Totals totals, @Nullable SegmentJson segmentation,
			@Nullable TierPolicy policy, String currency, @Nullable String regionName, @Nullable String industryName) {

		static CustomerJson of(CustomerProfile profile, String currency, @Nullable String regionName,
				@Nullable String industryName, @Nullable String mergedInto, @Nullable String referredBy,
				ReasonText reasons) {
			Customer c = profile.customer();
			OrderTotals t = profile.totals();
			return new CustomerJson(c.getCode(), c.getName(), c.getType().name(), c.getPhone(), c.getPhoneShown(),
					c.getEmail(), c.getProvince(), c.getCity(), c.getRegion(), c.getIndustry(),
					(c.getChannelType() != null) ? c.getChannelType().name() : null, c.getChannel(), c.getGender(),
					c.getAgeBand(), c.getIncomeBand(), c.getOccupation(), c.getOwnerId(), profile.ownerName(),
					c.getStatus().name(), mergedInto, referredBy, c.getVersion(), c.getCreatedAt(), c.getUpdatedAt(),
					new Totals(currency, t.orders(), t.amount(), t.grossProfit(), t.firstOrderAt(), t.lastOrderAt(),
							t.returns(), t.returnAmount()),
					SegmentJson.of(profile.segment(), reasons), profile.policy(), currency, regionName, industryName);
		}

	}

	/**
	 * A customer's results in the published run, each reason as a stable code, its
	 * arguments and the sentence in the request's language.
	 */
	record SegmentJson(long runId, LocalDate asOf, String tier, String abcClass, double abcValue, int abcRank,
			double abcShareBefore, @Nullable ReasonJson abcReason, @Nullable Integer recencyDays, int frequency,
			double monetary, int recencyScore, int frequencyScore, int monetaryScore, String rfmSegment,
			@Nullable ReasonJson rfmReason, double clvHistorical, double clvPredicted, String clvMethod,
			@Nullable Double probabilityAlive, @Nullable Double expectedPurchases, @Nullable Double expectedSpend,
			int clvRank, String clvClass, @Nullable ReasonJson clvReason) {

		static @Nullable SegmentJson of(@Nullable CustomerSegment s, ReasonText reasons) {
			if (s == null) {
				return null;
			}
			return new SegmentJson(s.runId(), s.asOf(), s.tier(), s.abcClass(), s.abcValue(), s.abcRank(),
					s.abcShareBefore(), ReasonJson.of(s.abcReason(), reasons), s.recencyDays(), s.frequency(),
					s.monetary(), s.recencyScore(), s.frequencyScore(), s.monetaryScore(), s.rfmSegment(),
					ReasonJson.of(s.rfmReason(), reasons), s.clvHistorical(), s.clvPredicted(), s.clvMethod(),
					s.probabilityAlive(), s.expectedPurchases(), s.expectedSpend(), s.clvRank(), s.clvClass(),
					ReasonJson.of(s.clvReason(), reasons));
		}

	}

	/**
	 * Why a model chose a class: {@code code} is stable (such as
	 * {@code abc.reason.share.a}), {@code arguments} are its numbers as stored, and
	 * {@code text} says it in the request's language.
	 */
	record ReasonJson(String code, List<String> arguments, String text) {

		static @Nullable ReasonJson of(@Nullable String stored, ReasonText reasons) {
			if (stored == null || stored.isBlank()) {
				return null;
			}
			List<String> parts = List.of(stored.split("\\|", -1));
			return new ReasonJson(parts.getFirst(), parts.subList(1, parts.size()), reasons.text(stored));
		}

	}

	/**
	 * Completed orders, summed: revenue and gross profit are net of returns (completed
	 * orders with a negative amount), which are counted apart and are not orders.
	 */
	record Totals(String currency, long completedOrders, BigDecimal revenue, BigDecimal grossProfit,
			@Nullable Instant firstOrderAt, @Nullable Instant lastOrderAt, long returns, BigDecimal returnAmount) {

	}

}
