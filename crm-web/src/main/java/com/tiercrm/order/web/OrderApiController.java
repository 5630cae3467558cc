package com.tiercrm.order.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.tiercrm.order.CustomerOrders;
import com.tiercrm.order.InvalidOrderException;
import com.tiercrm.order.OrderConflictException;
import com.tiercrm.order.OrderInput;
import com.tiercrm.order.OrderManagement;
import com.tiercrm.order.OrderProblem;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesProperties;
import com.tiercrm.order.ScopedOrder;
import com.tiercrm.order.UnknownOrderCustomerException;
import com.tiercrm.order.UnknownOrderException;
import com.tiercrm.security.CrmUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/orders}: a customer's orders, and recording, changing and cancelling
 * orders and returns by the same rules as the order import, within the caller's scope. An
 * order of a customer the caller may not see is a 404.
 */
@RestController
@RequestMapping("/api/v1/orders")
class OrderApiController {

	static final int MAX_SIZE = 200;

	private final OrderManagement orders;

	private final SalesProperties sales;

	private final OrderTimes times;

	private final MessageSource messages;

	OrderApiController(OrderManagement orders, SalesProperties sales, OrderTimes times, MessageSource messages) {
		this.orders = orders;
		this.sales = sales;
		this.times = times;
		this.messages = messages;
	}

	/** A page of a customer's orders, newest first. */
	@GetMapping
	OrderPageJson list(@RequestParam String customer, @RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size, @AuthenticationPrincipal CrmUser user) {
		CustomerOrders found = this.orders.ofCustomer(customer, user.scope(), page, size);
		return new OrderPageJson(found.customerCode(), found.customerName(),
				found.orders().stream().map((order) -> json(order, found.customerCode())).toList(), found.page(),
				found.size(), found.total(), found.pages(), currency());
	}

	@GetMapping("/{id}")
	OrderJson show(@PathVariable long id, @AuthenticationPrincipal CrmUser user) {
		return json(this.orders.find(id, user.scope()).orElseThrow(() -> new UnknownOrderException(id)));
	}

	/**
	 * Records an order or, with a negative amount, a return. Without an order number one
	 * is generated; without a status it is completed. It counts from the next run.
	 */
	@PostMapping
	ResponseEntity<OrderJson> record(@RequestBody OrderRequest request, @AuthenticationPrincipal CrmUser user) {
		ScopedOrder recorded = this.orders.record(input(request), user.scope());
		return ResponseEntity.created(URI.create("/api/v1/orders/" + recorded.order().getId())).body(json(recorded));
	}

	/**
	 * Changes an order; {@code version} is the one read, and a changed order answers 409
	 * with the order as it now is.
	 */
	@PutMapping("/{id}")
	OrderJson change(@PathVariable long id, @RequestBody OrderRequest request, @AuthenticationPrincipal CrmUser user) {
		if (request.version() == null) {
			throw new InvalidOrderException(List.of(new OrderProblem("version", "order.error.required")));
		}
		return json(this.orders.change(id, request.version(), input(request), user.scope()));
	}

	/** Cancels an order, optionally only if it still has the version read. */
	@PostMapping("/{id}/cancel")
	OrderJson cancel(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@AuthenticationPrincipal CrmUser user) {
		return json(this.orders.cancel(id, version, user.scope()));
	}

	private OrderInput input(OrderRequest request) {
		List<OrderProblem> problems = new ArrayList<>();
		if (request.currency() != null && !request.currency().isBlank()
				&& !request.currency().strip().equalsIgnoreCase(currency())) {
			problems.add(new OrderProblem("currency", "order.error.currency", request.currency(), currency()));
		}
		Instant orderedAt = null;
		if (request.orderedAt() != null && !request.orderedAt().isBlank()) {
			orderedAt = instant(request.orderedAt().strip());
			if (orderedAt == null) {
				problems.add(new OrderProblem("orderedAt", "order.error.dateTime", request.orderedAt()));
			}
		}
		OrderInput input = new OrderInput(request.customer(), request.orderNo(), orderedAt, request.amount(),
				request.grossProfit(), request.channel(), request.status(), false);
		if (!problems.isEmpty()) {
			// Every problem at once: the rules' too, but for the time already refused.
			boolean timeRefused = orderedAt == null
					&& problems.stream().anyMatch((problem) -> problem.field().equals("orderedAt"));
			this.orders.problems(input)
				.stream()
				.filter((problem) -> !(timeRefused && problem.field().equals("orderedAt")))
				.forEach(problems::add);
			throw new InvalidOrderException(problems);
		}
		return input;
	}

	/**
	 * An ISO date-time with an offset, or without one or a bare date in the zone pages
	 * use.
	 */
	private @Nullable Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			// Try without an offset.
		}
		try {
			return this.times.instant(LocalDateTime.parse(text));
		}
		catch (DateTimeParseException ex) {
			// Try a date.
		}
		try {
			return this.times.instant(LocalDate.parse(text).atStartOfDay());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String currency() {
		return this.sales.currency().getCurrencyCode();
	}

	private OrderJson json(ScopedOrder order) {
		return json(order.order(), order.customerCode());
	}

	private OrderJson json(SalesOrder order, String customerCode) {
		return new OrderJson(order.getId(), order.getOrderNo(), customerCode, order.getOrderedAt(), order.getAmount(),
				order.getGrossProfit(), order.getChannel(), order.getStatus().name(), order.isReturn(),
				order.getVersion(), currency());
	}

	@ExceptionHandler({ UnknownOrderException.class, UnknownOrderCustomerException.class })
	ProblemDetail notFound(RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(InvalidOrderException.class)
	ProblemDetail invalid(InvalidOrderException ex, Locale locale) {
		List<Map<String, Object>> errors = ex.problems().stream().map((problem) -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("field", problem.field());
			error.put("reason", problem.code());
			error.put("message", message(problem, locale));
			return error;
		}).toList();
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("orders.api.invalid",
						new Object[] { errors.stream()
							.map((error) -> error.get("field") + ": " + error.get("message"))
							.collect(Collectors.joining("; ")) },
						locale));
		detail.setProperty("errors", errors);
		return detail;
	}

	@ExceptionHandler(OrderConflictException.class)
	ProblemDetail conflict(OrderConflictException ex, Locale locale) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, this.messages
			.getMessage("orders.api.conflict", new Object[] { ex.current().order().getVersion() }, locale));
		detail.setProperty("current", json(ex.current()));
		return detail;
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ProblemDetail lostRace(Locale locale) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.messages.getMessage("orders.api.conflict.retry", null, locale));
	}

	private String message(OrderProblem problem, Locale locale) {
		return this.messages.getMessage(problem.code(), problem.arguments().toArray(), locale);
	}

	/**
	 * An order or a return as a client writes it.
	 *
	 * @param customer the customer's code
	 * @param orderNo the order number; omitted for a generated one when recording
	 * @param orderedAt ISO-8601: {@code 2026-12-01T10:30:00+08:00}, or without an offset
	 * or a bare date in the installation's time zone
	 * @param amount a number or text as the import reads it ({@code "¥12,345.60"});
	 * negative for a return
	 * @param grossProfit as the amount; omitted for zero
	 * @param channel the sales channel
	 * @param status {@code COMPLETED} (the default), {@code CANCELLED} or
	 * {@code REFUNDED}, or the import's Chinese words
	 * @param currency if given, must be the installation's currency
	 * @param version the version read; required to change an order
	 */
	record OrderRequest(@Nullable String customer, @Nullable String orderNo, @Nullable String orderedAt,
			@Nullable String amount, @Nullable String grossProfit, @Nullable String channel, @Nullable String status,
			@Nullable String currency, @Nullable Long version) {

	}

	/**
	 * An order: a return has a negative amount; only completed orders count.
	 */
	record OrderJson(@Nullable Long id, String orderNo, String customer, Instant orderedAt, BigDecimal amount,
			BigDecimal grossProfit, @Nullable String channel, String status, boolean isReturn, long version,
			String currency) {

	}

	/**
	 * A page of a customer's orders, newest first.
	 */
	record OrderPageJson(String customer, String customerName, List<OrderJson> items, int page, int size, long total,
			int pages, String currency) {

	}

}
