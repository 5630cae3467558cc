package com.tiercrm.imports;

import java.util.List;

import com.tiercrm.order.OrderRules;

/**
 * The columns of an order file.
 */
enum OrderColumn implements ImportColumn {

	ORDER_NO(true, OrderRules.MAX_ORDER_NO, "订单编号", "order no", "订单号", "单号", "order number", "order id", "order"),
	CUSTOMER_CODE(true, 64, "客户编号", "customer code", "客户编码", "客户代码", "customer no", "customer id", "customer"),
	ORDERED_AT(true, 40, "下单时间", "order time", "订单时间", "下单日期", "订单日期", "日期", "order date", "date", "time"),
	AMOUNT(true, 40, "金额", "amount", "订单金额", "销售额", "order amount", "total"),
	GROSS_PROFIT(false, 40, "毛利", "gross profit", "毛利润", "利润", "profit"),
	CHANNEL(false, OrderRules.MAX_CHANNEL, "渠道", "channel", "销售渠道"),
	STATUS(false, 20, "状态", "status", "订单状态", "order status");

	private final Spec spec;

	OrderColumn(boolean required, int maxLength, String... headers) {
		this.spec = new Spec(required, maxLength, List.of(headers));
	}

	@Override
	public Spec spec() {
		return this.spec;
	}

}
