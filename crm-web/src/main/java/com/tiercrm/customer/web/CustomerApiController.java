package com.tiercrm.customer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerCriteria;
import com.tiercrm.customer.CustomerPage;
import com.tiercrm.customer.CustomerSearch;
import com.tiercrm.customer.CustomerSort;
import com.tiercrm.customer.InvalidCursorException;
import com.tiercrm.order.OrderTotals;
import com.tiercrm.order.SalesProperties;
import com.tiercrm.policy.TierPolicy;
import com.tiercrm.security.CrmUser;
import com.tiercrm.tiering.run.CustomerSegment;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/customers}: the same scoped search and profile as the pages, as JSON.
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerApiController {

	private final CustomerSearch search;

	private final CustomerProfiles profiles;

	private final SalesProperties sales;

	private final CustomerWords words;

	private final MessageSource messages;

	CustomerApiController(CustomerSearch search, CustomerProfiles profiles, SalesProperties sales, CustomerWords words,
			MessageSource messages) {
		this.search = search;
		this.profiles = profiles;
		this.sales = sales;
		this.words = words;
		this.messages = messages;
	}

	@GetMapping
	CustomerPage list(@Valid CustomerFilterForm filter, BindingResult binding, @AuthenticationPrincipal CrmUser user) {
		if (binding.hasErrors()) {
			throw new InvalidRequestException(binding);
		}
		return this.search.search(filter.toCriteria(), user.scope());
	}

	@GetMapping("/{code}")
	CustomerJson show(@PathVariable String code, @AuthenticationPrincipal CrmUser user, Locale locale) {
		return this.profiles.find(code, user.scope())
			.map((profile) -> CustomerJson.of(profile, this.sales.currency().getCurrencyCode(),
					this.words.region(profile.customer().getRegion(), locale),
					this.words.industry(profile.customer().getIndustry(), locale)))
			.orElseThrow(() -> new CustomerNotFoundException(code));
	}

	@ExceptionHandler(CustomerNotFoundException.class)
	ProblemDetail notFound(CustomerNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(InvalidCursorException.class)
	ProblemDetail badRequest(InvalidCursorException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * Names each invalid parameter with the value given and, for {@code sort} and
	 * {@code size}, the values allowed.
	 */
	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail badRequest(InvalidRequestException ex, Locale locale) {
		String each = ex.fieldErrors.stream()
			.map((error) -> describe(error, locale))
			.collect(Collectors.joining(this.messages.getMessage("api.invalidParameter.separator", null, locale)));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("api.invalidParameters", new Object[] { each }, locale));
		problem.setProperty("errors", ex.errors);
		return problem;
	}

	private String describe(FieldError error, Locale locale) {
		return switch (error.getField()) {
			case "sort" -> this.messages.getMessage("api.invalidParameter.sort",
					new Object[] { error.getField(), String.join(", ", InvalidRequestException.SORTS) }, locale);
			case "size" -> this.messages.getMessage("api.invalidParameter.size",
					new Object[] { error.getField(), CustomerCriteria.MAX_SIZE }, locale);
			default -> this.messages.getMessage("api.invalidParameter.other",
					new Object[] { error.getField(), String.valueOf(error.getCode()) }, locale);
		};
	}

	/**
	 * Query parameters that failed validation.
	 */
	static class InvalidRequestException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private static final List<String> SORTS = Arrays.stream(CustomerSort.values()).map(Enum::name).toList();

		private final transient List<Map<String, Object>> errors;

		private final transient List<FieldError> fieldErrors;

		InvalidRequestException(BindingResult binding) {
			super("Invalid parameters: "
					+ binding.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.joining(", ")));
			this.fieldErrors = binding.getFieldErrors();
			this.errors = binding.getFieldErrors().stream().map((error) -> {
				Map<String, Object> described = new LinkedHashMap<>();
				described.put("field", error.getField());
				described.put("rejectedValue", String.valueOf(error.getRejectedValue()));
				switch (error.getField()) {
					case "sort" -> described.put("allowed", SORTS);
					case "size" -> {
						described.put("minimum", 1);
						described.put("maximum", CustomerCriteria.MAX_SIZE);
					}
					default -> described.put("reason", error.getCode());
				}
				return described;
			}).toList();
		}

	}

	/**
	 * A customer as the API returns it: region and industry as codes and by name in the
	 * request's language; every amount (totals, segmentation, policy) in
	 * {@code currency}.
	 */
	record CustomerJson(String code, String name, String type, @Nullable String phone, @Nullable String phoneDisplay,
			@Nullable String email, @Nullable String province, @Nullable String city, @Nullable String region,
			@Nullable String industry, @Nullable String channelType, @Nullable String channel, @Nullable Long ownerId,
			@Nullable String ownerName, String status, Instant createdAt, Instant updatedAt, Totals totals,
			@Nullable CustomerSegment segmentation, @Nullable TierPolicy policy, String currency,
			@Nullable String regionName, @Nullable String industryName) {

		static CustomerJson of(CustomerProfile profile, String currency, @Nullable String regionName,
				@Nullable String industryName) {
			Customer c = profile.customer();
			OrderTotals t = profile.totals();
			return new CustomerJson(c.getCode(), c.getName(), c.getType().name(), c.getPhone(), c.getPhoneShown(),
					c.getEmail(), c.getProvince(), c.getCity(), c.getRegion(), c.getIndustry(),
					(c.getChannelType() != null) ? c.getChannelType().name() : null, c.getChannel(), c.getOwnerId(),
					profile.ownerName(), c.getStatus().name(), c.getCreatedAt(), c.getUpdatedAt(),
					new Totals(currency, t.orders(), t.amount(), t.grossProfit(), t.firstOrderAt(), t.lastOrderAt(),
							t.returns(), t.returnAmount()),
					profile.segment(), profile.policy(), currency, regionName, industryName);
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
