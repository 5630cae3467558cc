package com.tiercrm.imports;

import java.util.Objects;

import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerStatus;
import com.tiercrm.customer.CustomerType;
import org.jspecify.annotations.Nullable;

/**
 * One valid row of a customer file, normalised. A column the file does not have is
 * {@code null} here and leaves the stored value alone; an empty cell clears it.
 */
record CustomerRow(long row, String code, String name, @Nullable CustomerType type, @Nullable String phone,
		@Nullable String phoneDisplay, @Nullable String email, @Nullable String province, @Nullable String city,
		@Nullable String region, @Nullable String industry, @Nullable CustomerStatus status, boolean hasPhone,
		boolean hasEmail, boolean hasLocation, boolean hasIndustry, @Nullable String owner, boolean hasOwner,
		@Nullable String referredBy, boolean hasReferredBy) {

	Customer newCustomer(@Nullable Long ownerId, @Nullable Long referrerId) {
		Customer customer = new Customer(this.code, this.name,
				(this.type != null) ? this.type : CustomerType.ENTERPRISE);
		applyTo(customer, ownerId, referrerId);
		return customer;
	}

	/**
	 * Whether the row would change the customer.
	 * @param ownerId the id of the row's owner (null when it names none)
	 * @param referrerId the id of the row's referrer (null when it names none)
	 */
	boolean differsFrom(Customer customer, @Nullable Long ownerId, @Nullable Long referrerId) {
		return (this.hasOwner && !Objects.equals(ownerId, customer.getOwnerId()))
				|| (this.hasReferredBy && !Objects.equals(referrerId, customer.getReferredById()))
				|| !this.name.equals(customer.getName()) || (this.type != null && this.type != customer.getType())
				|| (this.status != null && this.status != customer.getStatus())
				|| (this.hasPhone && (!Objects.equals(this.phone, customer.getPhone())
						|| !Objects.equals(shownPhone(), customer.getPhoneShown())))
				|| (this.hasEmail && !Objects.equals(this.email, customer.getEmail()))
				|| (this.hasLocation && (!Objects.equals(this.province, customer.getProvince())
						|| !Objects.equals(this.city, customer.getCity())
						|| !Objects.equals(this.region, customer.getRegion())))
				|| (this.hasIndustry && !Objects.equals(this.industry, customer.getIndustry()));
	}

	/**
	 * The number as written, as the customer keeps it: only when it differs from the
	 * normalised one (see {@code Customer.setPhone}).
	 */
	@Nullable String storedPhoneDisplay() {
		return (this.phoneDisplay != null && !this.phoneDisplay.equals(this.phone)) ? this.phoneDisplay : null;
	}

	/** The number the customer page would show after this row. */
	private @Nullable String shownPhone() {
		return (this.phoneDisplay != null) ? this.phoneDisplay : this.phone;
	}

	void applyTo(Customer customer, @Nullable Long ownerId, @Nullable Long referrerId) {
		customer.setName(this.name);
		if (this.hasOwner) {
			customer.setOwnerId(ownerId);
		}
		if (this.hasReferredBy) {
			customer.setReferredById(referrerId);
		}
		if (this.type != null) {
			customer.setType(this.type);
		}
		if (this.status != null) {
			customer.setStatus(this.status);
		}
		if (this.hasPhone) {
			customer.setPhone(this.phone, this.phoneDisplay);
		}
		if (this.hasEmail) {
			customer.setEmail(this.email);
		}
		if (this.hasLocation) {
			customer.locate(this.province, this.city, this.region);
		}
		if (this.hasIndustry) {
			customer.setIndustry(this.industry);
		}
	}

}
