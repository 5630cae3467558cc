package com.tiercrm.order;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One order of one customer. The customer is referenced by id: orders are read in sets,
 * never navigated.
 */
@Entity
@Table(name = "sales_orders")
public class SalesOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String orderNo;

	private long customerId;

	private Instant orderedAt;

	private BigDecimal amount;

	private BigDecimal grossProfit;

	private @Nullable String channel;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	@Version
	private long version;

	protected SalesOrder() {
		this("", 0, Instant.EPOCH, BigDecimal.ZERO, BigDecimal.ZERO, OrderStatus.COMPLETED);
	}

	public SalesOrder(String orderNo, long customerId, Instant orderedAt, BigDecimal amount, BigDecimal grossProfit,
			OrderStatus status) {
		this.orderNo = orderNo;
		this.customerId = customerId;
		this.orderedAt = orderedAt;
		this.amount = amount;
		this.grossProfit = grossProfit;
		this.status = status;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getOrderNo() {
		return this.orderNo;
	}

	public long getCustomerId() {
		return this.customerId;
	}

	public Instant getOrderedAt() {
		return this.orderedAt;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public BigDecimal getGrossProfit() {
		return this.grossProfit;
	}

	public @Nullable String getChannel() {
		return this.channel;
	}

	public void setChannel(@Nullable String channel) {
		this.channel = channel;
	}

	/**
	 * Changes what the order says; the order number stays.
	 */
	public void change(long customerId, Instant orderedAt, BigDecimal amount, BigDecimal grossProfit,
			@Nullable String channel, OrderStatus status) {
		this.customerId = customerId;
		this.orderedAt = orderedAt;
		this.amount = amount;
		this.grossProfit = grossProfit;
		this.channel = channel;
		this.status = status;
	}

	/** Whether this is a return or credit note: a negative amount. */
	public boolean isReturn() {
		return this.amount.signum() < 0;
	}

	public long getVersion() {
		return this.version;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public void setStatus(OrderStatus status) {
		this.status = status;
	}

}
