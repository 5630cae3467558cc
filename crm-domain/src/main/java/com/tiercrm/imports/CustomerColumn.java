package com.tiercrm.imports;

import java.util.List;
import java.util.Locale;

/**
 * The columns of a customer file, with the header names they are recognised by, in
 * Chinese and English.
 */
enum CustomerColumn implements ImportColumn {

	CODE(true, 64, "客户编号", "code", "客户编码", "客户代码", "编号", "customer code", "customer no", "customer id"),
	NAME(true, 200, "客户名称", "name", "客户名", "名称", "客户姓名", "姓名", "customer name", "company"),
	TYPE(false, 20, "类型", "type", "客户类型", "customer type"),
	PHONE(false, 40, "电话", "phone", "手机", "手机号", "联系电话", "电话号码", "mobile", "telephone", "tel"),
	EMAIL(false, 200, "邮箱", "email", "电子邮箱", "电子邮件", "e-mail", "mail"), PROVINCE(false, 50, "省份", "province", "省"),
	CITY(false, 50, "城市", "city", "市"), REGION(false, 30, "区域", "region", "大区", "地区"),
	INDUSTRY(false, 50, "行业", "industry", "所属行业"), STATUS(false, 20, "状态", "status", "客户状态");

	private final boolean required;

	private final int maxLength;

	private final List<String> headers;

	CustomerColumn(boolean required, int maxLength, String... headers) {
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
