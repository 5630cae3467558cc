package com.tiercrm.imports;

import java.util.List;

/**
 * The columns of an interaction file.
 */
enum InteractionColumn implements ImportColumn {

	CUSTOMER_CODE(true, 64, "客户编号", "customer code", "客户编码", "客户代码", "customer no", "customer id", "customer"),
	TYPE(true, 30, "互动类型", "type", "类型", "方式", "interaction type"),
	OCCURRED_AT(true, 40, "时间", "time", "互动时间", "日期", "date", "occurred at"),
	SATISFACTION(false, 10, "满意度", "satisfaction", "评分", "score"),
	NOTES(false, 2000, "备注", "notes", "内容", "说明", "note", "remarks");

	private final Spec spec;

	InteractionColumn(boolean required, int maxLength, String... headers) {
		this.spec = new Spec(required, maxLength, List.of(headers));
	}

	@Override
	public Spec spec() {
		return this.spec;
	}

}
