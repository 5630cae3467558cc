package com.tiercrm.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import com.tiercrm.order.OrderRules;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.orderfacts.OrderFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Orders, matched to stored ones by order number. The customer must exist: an unknown
 * customer code is an error, never a new customer.
 */
final class OrderImport implements RowImport<OrderImport.OrderRow> {

	private final HeaderMapping<OrderColumn> mapping;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final PlausibleDates dates;

	private final FileReading reading;

	private final OrderFacts facts;

	/**
	 * One valid order row; gross profit and channel are null when the file lacks them.
	 */
	record OrderRow(long row, String orderNo, String customerCode, Instant orderedAt, BigDecimal amount,
			@Nullable BigDecimal grossProfit, @Nullable String channel, OrderStatus status) {

	}

	OrderImport(List<String> header, ColumnMapping correction, JdbcTemplate jdbc, PlausibleDates dates,
			FileReading reading, OrderFacts facts) {
		this.facts = facts;
		this.mapping = HeaderMapping.match(header, OrderColumn.class, correction);
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.dates = dates;
		this.reading = reading;
	}

	/** Decides how the dates and amounts of an order file are read. */
	static FileReading reading(List<String> header, ColumnMapping correction, Iterable<ImportFile.Row> rows,
			ReadingSettings settings, int sampleRows) {
		HeaderMapping<OrderColumn> mapping = HeaderMapping.match(header, OrderColumn.class, correction);
		return ReadingEvidence.scan(rows, (row) -> List.of(mapping.value(row, OrderColumn.ORDERED_AT)),
				(row) -> mapping.has(OrderColumn.GROSS_PROFIT)
						? List.of(mapping.value(row, OrderColumn.AMOUNT), mapping.value(row, OrderColumn.GROSS_PROFIT))
						: List.of(mapping.value(row, OrderColumn.AMOUNT)),
				settings, sampleRows);
	}

	@Override
	public Optional<OrderRow> parse(ImportFile.Row row, Consumer<RowError> errors) {
		RowCells<OrderColumn> cells = new RowCells<>(this.mapping, row, errors);
		String orderNo = cells.text(OrderColumn.ORDER_NO);
		String customerCode = cells.text(OrderColumn.CUSTOMER_CODE);
		Instant orderedAt = null;
		String time = cells.text(OrderColumn.ORDERED_AT);
		if (time != null) {
			orderedAt = this.dates.read(cells, OrderColumn.ORDERED_AT, time, this.reading.dateOrder());
		}
		// A negative amount is a return or credit note: stored as it is, it reduces the
		// customer's net revenue without being a purchase.
		BigDecimal amount = amount(cells, OrderColumn.AMOUNT);
		BigDecimal grossProfit = amount(cells, OrderColumn.GROSS_PROFIT);
		String channel = cells.text(OrderColumn.CHANNEL);
		OrderStatus status = cells.choice(OrderColumn.STATUS, OrderRules.statusWords(), "import.error.orderStatus");
		if (cells.failed() || orderNo == null || customerCode == null || orderedAt == null || amount == null) {
			return Optional.empty();
		}
		return Optional.of(new OrderRow(row.number(), orderNo, customerCode, orderedAt, amount,
				(grossProfit != null) ? grossProfit
						: (this.mapping.has(OrderColumn.GROSS_PROFIT) ? BigDecimal.ZERO.setScale(2) : null),
				(channel == null || channel.isEmpty()) ? null : channel,
				(status != null) ? status : OrderStatus.COMPLETED));
	}

	private @Nullable BigDecimal amount(RowCells<OrderColumn> cells, OrderColumn column) {
		String text = cells.text(column);
		if (text == null || text.isEmpty()) {
			return null;
		}
		DecimalMark mark = this.reading.decimalMark();
		Optional<BigDecimal> amount = Values.amount(text, mark);
		if (amount.isEmpty()) {
			cells.reject(column, text,
					Values.amount(text, mark.other()).isPresent() ? "import.error.decimalMark" : "import.error.amount");
		}
		return amount.orElse(null);
	}

	@Override
	public String key(OrderRow row) {
		return row.orderNo();
	}

	@Override
	public RowError duplicate(OrderRow row) {
		return duplicate(row.row(), row.orderNo());
	}

	RowError duplicate(long row, String orderNo) {
		return new RowError(row, this.mapping.headerOf(OrderColumn.ORDER_NO), orderNo, "import.error.duplicateInFile");
	}

	RowError unknownCustomer(long row, String customerCode) {
		return new RowError(row, this.mapping.headerOf(OrderColumn.CUSTOMER_CODE), customerCode,
				"import.error.unknownCustomer");
	}

	/** Whether the file sets gross profits; without the column stored ones are kept. */
	boolean setsGrossProfit() {
		return this.mapping.has(OrderColumn.GROSS_PROFIT);
	}

	/** Whether the file sets channels; without the column stored ones are kept. */
	boolean setsChannel() {
		return this.mapping.has(OrderColumn.CHANNEL);
	}

	@Override
	public void apply(List<OrderRow> chunk, ImportTally tally, boolean write) {
		Map<String, Long> customers = CustomerIds.find(this.named, chunk.stream().map(OrderRow::customerCode).toList());
		Map<String, Stored> stored = new HashMap<>();
		this.named.query(
				"SELECT order_no, id, customer_id, ordered_at, amount, gross_profit, channel, status FROM sales_orders"
						+ " WHERE order_no IN (:numbers)",
				new MapSqlParameterSource("numbers", chunk.stream().map(OrderRow::orderNo).toList()), (rs) -> {
					stored.put(rs.getString(1),
							new Stored(rs.getLong(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
									rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7),
									OrderStatus.valueOf(rs.getString(8))));
				});
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Long> changedCustomers = new ArrayList<>();
		for (OrderRow row : chunk) {
			Long customerId = customers.get(row.customerCode());
			if (customerId == null) {
				tally.invalid(List.of(unknownCustomer(row.row(), row.customerCode())));
				continue;
			}
			tally.valid++;
			Stored existing = stored.get(row.orderNo());
			BigDecimal grossProfit = (row.grossProfit() != null) ? row.grossProfit()
					: (existing != null) ? existing.grossProfit() : BigDecimal.ZERO.setScale(2);
			String channel = this.mapping.has(OrderColumn.CHANNEL) ? row.channel()
					: (existing != null) ? existing.channel() : null;
			OffsetDateTime orderedAt = row.orderedAt().atOffset(ZoneOffset.UTC);
			if (existing == null) {
				tally.inserted++;
				inserts.add(new Object[] { row.orderNo(), customerId, orderedAt, row.amount(), grossProfit, channel,
						row.status().name() });
				changedCustomers.add(customerId);
			}
			else if (existing.customerId() != customerId || !existing.orderedAt().equals(row.orderedAt())
					|| existing.amount().compareTo(row.amount()) != 0
					|| existing.grossProfit().compareTo(grossProfit) != 0
					|| !Objects.equals(existing.channel(), channel) || existing.status() != row.status()) {
				tally.updated++;
				updates.add(new Object[] { customerId, orderedAt, row.amount(), grossProfit, channel,
						row.status().name(), existing.id() });
				changedCustomers.add(customerId);
				changedCustomers.add(existing.customerId());
			}
			else {
				tally.unchanged++;
			}
		}
		if (write) {
			this.jdbc.batchUpdate("INSERT INTO sales_orders (order_no, customer_id, ordered_at, amount, gross_profit,"
					+ " channel, status) VALUES (?, ?, ?, ?, ?, ?, ?)", inserts);
			this.jdbc.batchUpdate(
					"UPDATE sales_orders SET customer_id = ?, ordered_at = ?, amount = ?,"
							+ " gross_profit = ?, channel = ?, status = ?, version = version + 1 WHERE id = ?",
					updates);
			this.facts.refresh(changedCustomers);
		}
	}

	private record Stored(long id, long customerId, Instant orderedAt, BigDecimal amount, BigDecimal grossProfit,
			@Nullable String channel, OrderStatus status) {

	}

}
