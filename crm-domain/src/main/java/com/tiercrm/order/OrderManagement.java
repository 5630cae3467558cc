package com.tiercrm.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.tiercrm.account.AccessScope;
import com.tiercrm.orderfacts.OrderFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders and returns that reps, managers and admins record, edit and cancel for the
 * customers they may see, checked by the same rules as the order import. Runs count them
 * like imported ones: the customer's figures change at the next run.
 */
@Service
public class OrderManagement {

	/** Orders recorded without a number are numbered CRM-000001, CRM-000002, ... */
	static final String GENERATED_PREFIX = "CRM-";

	private static final String CUSTOMER_COLUMNS = "select c.id, c.code, c.name from customers c where ";

	private final SalesOrderRepository orders;

	private final NamedParameterJdbcTemplate jdbc;

	private final LocalDate earliest;

	private final ZoneId zone;

	private final Clock clock;

	private final OrderFacts facts;

	/**
	 * Reads the earliest accepted date and the zone of dates from the import's settings:
	 * an order is plausible on the same days, whether imported or recorded.
	 */
	@Autowired
	OrderManagement(SalesOrderRepository orders, NamedParameterJdbcTemplate jdbc, OrderFacts facts,
			@Value("${tiercrm.imports.earliest-date:1970-01-01}") String earliest,
			@Value("${tiercrm.imports.time-zone:Asia/Shanghai}") String zone) {
		this(orders, jdbc, facts, LocalDate.parse(earliest), ZoneId.of(zone), Clock.systemUTC());
	}

	OrderManagement(SalesOrderRepository orders, NamedParameterJdbcTemplate jdbc, OrderFacts facts, LocalDate earliest,
			ZoneId zone, Clock clock) {
		this.orders = orders;
		this.facts = facts;
		this.jdbc = jdbc;
		this.earliest = earliest;
		this.zone = zone;
		this.clock = clock;
	}

	/**
	 * Records an order or a return.
	 * @param input the order as written
	 * @param scope whose customers the user may see
	 * @return the stored order
	 * @throws UnknownOrderCustomerException if the customer is not within the scope
	 * @throws InvalidOrderException if the order breaks a rule
	 */
	@Transactional
	public ScopedOrder record(OrderInput input, AccessScope scope) {
		CustomerRef customer = customer(input.customer(), scope);
		List<OrderProblem> problems = new ArrayList<>();
		String orderNo = trimmed(input.orderNo());
		if (orderNo != null) {
			if (orderNo.length() > OrderRules.MAX_ORDER_NO) {
				problems.add(new OrderProblem("orderNo", "order.error.tooLong", OrderRules.MAX_ORDER_NO));
			}
			else if (this.orders.existsByOrderNo(orderNo)) {
				problems.add(new OrderProblem("orderNo", "order.error.orderNoTaken", orderNo));
			}
		}
		Checked checked = check(input, problems);
		if (!problems.isEmpty()) {
			throw new InvalidOrderException(problems);
		}
		SalesOrder order = new SalesOrder((orderNo != null) ? orderNo : nextNumber(), customer.id(), checked.orderedAt,
				checked.amount, checked.grossProfit, checked.status);
		order.setChannel(checked.channel);
		SalesOrder saved = this.orders.save(order);
		this.facts.refresh(List.of(customer.id()));
		return new ScopedOrder(saved, customer.code(), customer.name());
	}

	/**
	 * Changes an order by the same rules; its number stays.
	 * @param id the order
	 * @param version the version the user read
	 * @param input the order as written
	 * @param scope whose customers the user may see
	 * @return the changed order
	 * @throws UnknownOrderException if the order is not within the scope
	 * @throws OrderConflictException if the order changed since the user read it
	 * @throws InvalidOrderException if the order breaks a rule
	 */
	@Transactional
	public ScopedOrder change(long id, long version, OrderInput input, AccessScope scope) {
		ScopedOrder current = find(id, scope).orElseThrow(() -> new UnknownOrderException(id));
		if (current.order().getVersion() != version) {
			throw new OrderConflictException(current);
		}
		CustomerRef customer = (input.customer() == null || input.customer().isBlank()
				|| input.customer().strip().equals(current.customerCode()))
						? new CustomerRef(current.order().getCustomerId(), current.customerCode(),
								current.customerName())
						: customer(input.customer(), scope);
		List<OrderProblem> problems = new ArrayList<>();
		Checked checked = check(input, problems);
		if (!problems.isEmpty()) {
			throw new InvalidOrderException(problems);
		}
		SalesOrder order = current.order();
		long before = order.getCustomerId();
		order.change(customer.id(), checked.orderedAt, checked.amount, checked.grossProfit, checked.channel,
				checked.status);
		SalesOrder saved = this.orders.save(order);
		this.facts.refresh(List.of(before, customer.id()));
		return new ScopedOrder(saved, customer.code(), customer.name());
	}

	/**
	 * Cancels an order: it stays on record and no longer counts.
	 * @param id the order
	 * @param version the version the user read, or {@code null} to cancel whatever it is
	 * now
	 * @param scope whose customers the user may see
	 * @return the cancelled order
	 * @throws UnknownOrderException if the order is not within the scope
	 * @throws OrderConflictException if the order changed since the user read it
	 */
	@Transactional
	public ScopedOrder cancel(long id, @Nullable Long version, AccessScope scope) {
		ScopedOrder current = find(id, scope).orElseThrow(() -> new UnknownOrderException(id));
		if (version != null && current.order().getVersion() != version) {
			throw new OrderConflictException(current);
		}
		current.order().setStatus(OrderStatus.CANCELLED);
		SalesOrder saved = this.orders.save(current.order());
		this.facts.refresh(List.of(saved.getCustomerId()));
		return new ScopedOrder(saved, current.customerCode(), current.customerName());
	}

	/**
	 * An order, if its customer is within the scope.
	 */
	@Transactional(readOnly = true)
	public Optional<ScopedOrder> find(long id, AccessScope scope) {
		List<CustomerRef> owners = this.jdbc.query(
				"select c.id, c.code, c.name from sales_orders o join customers c on c.id = o.customer_id"
						+ " where o.id = :id and " + scope.ownerCondition("c.owner_id"),
				new MapSqlParameterSource("id", id).addValue("scopeUser", scope.userId()),
				(rs, row) -> new CustomerRef(rs.getLong(1), rs.getString(2), rs.getString(3)));
		if (owners.isEmpty()) {
			return Optional.empty();
		}
		CustomerRef customer = owners.getFirst();
		return this.orders.findById(id).map((order) -> new ScopedOrder(order, customer.code(), customer.name()));
	}

	/**
	 * A page of a customer's orders, newest first.
	 * @param customerCode the customer
	 * @param scope whose customers the user may see
	 * @param page the page, from 1
	 * @param size orders per page
	 * @return the page
	 * @throws UnknownOrderCustomerException if the customer is not within the scope
	 */
	@Transactional(readOnly = true)
	public CustomerOrders ofCustomer(String customerCode, AccessScope scope, int page, int size) {
		CustomerRef customer = customer(customerCode, scope);
		List<SalesOrder> found = this.orders.findByCustomerIdOrderByOrderedAtDescIdDesc(customer.id(),
				PageRequest.of(page - 1, size));
		return new CustomerOrders(customer.code(), customer.name(), found, page, size,
				this.orders.countByCustomerId(customer.id()));
	}

	/**
	 * What is wrong with an order's fields by the import's rules, without looking up its
	 * customer or number: for callers that found problems of their own and report all at
	 * once.
	 * @param input the order as written
	 * @return the problems, empty if none
	 */
	public List<OrderProblem> problems(OrderInput input) {
		List<OrderProblem> problems = new ArrayList<>();
		check(input, problems);
		return problems;
	}

	private Checked check(OrderInput input, List<OrderProblem> problems) {
		// Microseconds, as the database keeps them.
		Instant orderedAt = (input.orderedAt() != null) ? input.orderedAt().truncatedTo(ChronoUnit.MICROS) : null;
		if (orderedAt == null) {
			problems.add(new OrderProblem("orderedAt", "order.error.required"));
		}
		else if (!OrderRules.plausibleDay(orderedAt.atZone(this.zone).toLocalDate(), this.earliest,
				LocalDate.now(this.clock.withZone(this.zone)))) {
			problems.add(new OrderProblem("orderedAt", "order.error.dateOutOfRange", this.earliest.toString(),
					LocalDate.now(this.clock.withZone(this.zone)).plusDays(1).toString()));
		}
		BigDecimal amount = amount(input.amount(), "amount", true, problems);
		if (amount != null && input.asReturn()) {
			amount = amount.abs().negate();
		}
		BigDecimal grossProfit = amount(input.grossProfit(), "grossProfit", false, problems);
		if (grossProfit != null && input.asReturn() && amount != null) {
			grossProfit = grossProfit.abs().negate();
		}
		String channel = trimmed(input.channel());
		if (channel != null && channel.length() > OrderRules.MAX_CHANNEL) {
			problems.add(new OrderProblem("channel", "order.error.tooLong", OrderRules.MAX_CHANNEL));
		}
		OrderStatus status = OrderStatus.COMPLETED;
		String statusWord = trimmed(input.status());
		if (statusWord != null) {
			Optional<OrderStatus> named = OrderRules.status(statusWord);
			if (named.isEmpty()) {
				problems.add(new OrderProblem("status", "order.error.status", statusWord));
			}
			else {
				status = named.get();
			}
		}
		return new Checked(Objects.requireNonNullElse(orderedAt, Instant.EPOCH),
				Objects.requireNonNullElse(amount, BigDecimal.ZERO),
				Objects.requireNonNullElse(grossProfit, BigDecimal.ZERO.setScale(2)), channel, status);
	}

	private static @Nullable BigDecimal amount(@Nullable String text, String field, boolean required,
			List<OrderProblem> problems) {
		String written = trimmed(text);
		if (written == null) {
			if (required) {
				problems.add(new OrderProblem(field, "order.error.required"));
			}
			return null;
		}
		Optional<BigDecimal> amount = OrderRules.amount(written, false);
		if (amount.isEmpty()) {
			problems.add(new OrderProblem(field, "order.error.amount", written, OrderRules.MAX_AMOUNT));
		}
		return amount.orElse(null);
	}

	private CustomerRef customer(@Nullable String code, AccessScope scope) {
		String trimmed = trimmed(code);
		if (trimmed == null) {
			throw new InvalidOrderException(List.of(new OrderProblem("customer", "order.error.required")));
		}
		return this.jdbc
			.query(CUSTOMER_COLUMNS + "c.code = :code and " + scope.ownerCondition("c.owner_id"),
					new MapSqlParameterSource("code", trimmed).addValue("scopeUser", scope.userId()),
					(rs, row) -> new CustomerRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.stream()
			.findFirst()
			.orElseThrow(() -> new UnknownOrderCustomerException(trimmed));
	}

	/** The next free generated number: an imported order may already have one. */
	private String nextNumber() {
		while (true) {
			Long next = this.jdbc.getJdbcTemplate().queryForObject("select nextval('sales_order_numbers')", Long.class);
			String number = GENERATED_PREFIX + String.format("%06d", next);
			if (!this.orders.existsByOrderNo(number)) {
				return number;
			}
		}
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private record CustomerRef(long id, String code, String name) {

	}

	private record Checked(Instant orderedAt, BigDecimal amount, BigDecimal grossProfit, @Nullable String channel,
			OrderStatus status) {

	}

}
