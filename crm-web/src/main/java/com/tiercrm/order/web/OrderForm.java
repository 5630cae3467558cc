package com.tiercrm.order.web;

import java.time.LocalDateTime;

import com.tiercrm.order.OrderInput;
import com.tiercrm.order.OrderRules;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An order or a return as the customer page's form writes it. Amounts stay text so that
 * the import's rules read them ({@code ¥12,345.60}) and a mistyped one is shown back as
 * typed.
 *
 * @param kind an order, or a return (its amount is stored negative)
 * @param orderNo the order number; blank for a generated one
 * @param orderedAt when, in the installation's time zone
 * @param amount the amount as typed
 * @param grossProfit the gross profit as typed, blank for none
 * @param channel the sales channel, blank for none
 * @param status the order's status
 * @param version the version the user read, when editing
 */
record OrderForm(@NotNull @Nullable Kind kind, @Size(max = OrderRules.MAX_ORDER_NO) @Nullable String orderNo,
		@NotNull @DateTimeFormat(pattern = OrderTimes.INPUT_PATTERN,
				fallbackPatterns = OrderTimes.INPUT_PATTERN_SECONDS) @Nullable LocalDateTime orderedAt,
		@NotBlank @Size(max = 40) @Nullable String amount, @Size(max = 40) @Nullable String grossProfit,
		@Size(max = OrderRules.MAX_CHANNEL) @Nullable String channel, @NotNull @Nullable OrderStatus status,
		@Nullable Long version) {

	/** A new completed order, placed now. */
	static OrderForm blank(OrderTimes times) {
		return new OrderForm(Kind.ORDER, null, times.now(), null, null, null, OrderStatus.COMPLETED, null);
	}

	/** An order as stored, for editing: a return shows its amount without the sign. */
	static OrderForm of(SalesOrder order, OrderTimes times) {
		boolean isReturn = order.isReturn();
		return new OrderForm(isReturn ? Kind.RETURN : Kind.ORDER, order.getOrderNo(), times.local(order.getOrderedAt()),
				order.getAmount().abs().stripTrailingZeros().toPlainString(),
				(isReturn ? order.getGrossProfit().abs() : order.getGrossProfit()).stripTrailingZeros().toPlainString(),
				order.getChannel(), order.getStatus(), order.getVersion());
	}

	OrderInput toInput(String customer, OrderTimes times) {
		return new OrderInput(customer, this.orderNo, (this.orderedAt != null) ? times.instant(this.orderedAt) : null,
				this.amount, this.grossProfit, this.channel, (this.status != null) ? this.status.name() : null,
				this.kind == Kind.RETURN);
	}

	/**
	 * What the form records.
	 */
	enum Kind {

		ORDER, RETURN

	}

}
