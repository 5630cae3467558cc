package com.tiercrm.imports;

import java.util.List;

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
	INDUSTRY(false, 50, "行业", "industry", "所属行业"), STATUS(false, 20, "状态", "status", "客户状态"),
	OWNER(false, 50, "负责人", "owner", "客户负责人", "销售负责人", "归属销售", "客户经理", "owner username", "sales rep"),
	REFERRED_BY(false, 64, "推荐人", "referred by", "推荐人编号", "推荐客户", "referrer", "referrer code");

	private final Spec spec;

	CustomerColumn(boolean required, int maxLength, String... headers) {
		this.spec = new Spec(required, maxLength, List.of(headers));
	}

	@Override
	public Spec spec() {
		return this.spec;
	}

}
