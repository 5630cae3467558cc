package com.tiercrm.imports;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.tiercrm.customer.CustomerStatus;
import com.tiercrm.customer.Phones;
import com.tiercrm.customer.CustomerType;
import org.jspecify.annotations.Nullable;

/**
 * Validates and normalises the rows of a customer file. Values are kept as text: a cell
 * starting with {@code =}, {@code +}, {@code -} or {@code @} is stored exactly as
 * written.
 */
final class CustomerRowParser {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Map<String, CustomerType> TYPES = Map.of("enterprise", CustomerType.ENTERPRISE, "企业",
			CustomerType.ENTERPRISE, "公司", CustomerType.ENTERPRISE, "company", CustomerType.ENTERPRISE, "individual",
			CustomerType.INDIVIDUAL, "个人", CustomerType.INDIVIDUAL, "person", CustomerType.INDIVIDUAL);

	private static final Map<String, CustomerStatus> STATUSES = Map.of("active", CustomerStatus.ACTIVE, "有效",
			CustomerStatus.ACTIVE, "正常", CustomerStatus.ACTIVE, "活跃", CustomerStatus.ACTIVE, "inactive",
			CustomerStatus.INACTIVE, "无效", CustomerStatus.INACTIVE, "停用", CustomerStatus.INACTIVE, "流失",
			CustomerStatus.INACTIVE);

	private final HeaderMapping<CustomerColumn> mapping;

	private final ReferenceValues industries;

	private final ReferenceValues regions;

	CustomerRowParser(HeaderMapping<CustomerColumn> mapping, ReferenceValues industries, ReferenceValues regions) {
		this.mapping = mapping;
		this.industries = industries;
		this.regions = regions;
	}

	/** The valid row, or empty after reporting each problem to {@code errors}. */
	Optional<CustomerRow> parse(ImportFile.Row row, Consumer<RowError> errors) {
		RowCells<CustomerColumn> cells = new RowCells<>(this.mapping, row, errors);
		String code = cells.text(CustomerColumn.CODE);
		String name = cells.text(CustomerColumn.NAME);
		CustomerType type = cells.choice(CustomerColumn.TYPE, TYPES, "import.error.type");
		CustomerStatus status = cells.choice(CustomerColumn.STATUS, STATUSES, "import.error.status");
		String phone = cells.text(CustomerColumn.PHONE);
		String phoneDisplay = phone;
		if (phone != null && !phone.isEmpty()) {
			Optional<String> normalised = Phones.normalise(phone);
			if (normalised.isEmpty()) {
				cells.reject(CustomerColumn.PHONE, phone, "import.error.phone");
			}
			phone = normalised.orElse(null);
		}
		String email = cells.text(CustomerColumn.EMAIL);
		if (email != null && !email.isEmpty()) {
			if (!EMAIL.matcher(email).matches()) {
				cells.reject(CustomerColumn.EMAIL, email, "import.error.email");
			}
			email = email.toLowerCase(Locale.ROOT);
		}
		String region = code(cells, CustomerColumn.REGION, this.regions, "import.error.unknownRegion");
		String industry = code(cells, CustomerColumn.INDUSTRY, this.industries, "import.error.unknownIndustry");
		String owner = cells.text(CustomerColumn.OWNER);
		String referredBy = cells.text(CustomerColumn.REFERRED_BY);
		if (cells.failed() || code == null || name == null) {
			return Optional.empty();
		}
		return Optional.of(new CustomerRow(row.number(), code, name, type, emptyToNull(phone),
				emptyToNull(phoneDisplay), emptyToNull(email), emptyToNull(cells.text(CustomerColumn.PROVINCE)),
				emptyToNull(cells.text(CustomerColumn.CITY)), emptyToNull(region), emptyToNull(industry), status,
				has(CustomerColumn.PHONE), has(CustomerColumn.EMAIL), setsLocation(), has(CustomerColumn.INDUSTRY),
				emptyToNull(owner), has(CustomerColumn.OWNER), emptyToNull(referredBy),
				has(CustomerColumn.REFERRED_BY)));
	}

	/** The code of a region or industry cell: null when blank, refused when unknown. */
	private static @Nullable String code(RowCells<CustomerColumn> cells, CustomerColumn column, ReferenceValues values,
			String reasonKey) {
		String written = cells.text(column);
		if (written == null || written.isEmpty()) {
			return null;
		}
		Optional<String> code = values.code(written);
		if (code.isEmpty()) {
			cells.reject(column, written, reasonKey);
		}
		return code.orElse(null);
	}

	/**
	 * Whether the file sets the customers' location: any of province, city and region
	 * sets all three.
	 */
	boolean setsLocation() {
		return has(CustomerColumn.PROVINCE) || has(CustomerColumn.CITY) || has(CustomerColumn.REGION);
	}

	/** Whether the file has the column; without it the stored values stay. */
	boolean has(CustomerColumn column) {
		return this.mapping.has(column);
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
