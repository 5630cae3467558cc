package com.tiercrm.imports;

import java.util.List;
import java.util.Locale;

/**
 * The columns of an order file.
 */
enum OrderColumn implements ImportColumn {

	ORDER_NO(true, 64, "订单编号", "order no", "订单号", "单号", "order number", "order id", "order"),
	CUSTOMER_CODE(true, 64, "客户编号", "customer code", "客户编码", "客户代码", "customer no", "customer id", "customer"),
	ORDERED_AT(true, 40, "下单时间", "order time", "订单时间", "下单日期", "订单日期", "日期", "order date", "date", "time"),
	AMOUNT(true, 40, "金额", "amount", "订单金额", "销售额", "order amount", "total"),
	GROSS_PROFIT(false, 40, "毛利", "gross profit", "毛利润", "利润", "profit"), CHANNEL(false, 50, "渠道", "channel", "销售渠道"),
	STATUS(false, 20, "状态", "status", "订单状态", "order status");

	private final boolean required;

	private final int maxLength;

	private final List<String> headers;

	OrderColumn(boolean required, int maxLength, String... headers) {
		this.required = required;
		this.maxLength = maxLength;
		this.headers = List.of(headers);
	}

	@Override
	public boolean required() {
		return this.required;
	}

	@Override
	public int maxLength() {
		return this.maxLength;
	}

	@Override
	public List<String> headers() {
		return this.headers;
	}

	@Override
	public String templateHeader(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.headers.get(0) : this.headers.get(1);
	}

}
