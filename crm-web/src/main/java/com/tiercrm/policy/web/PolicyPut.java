package com.tiercrm.policy.web;

import java.math.BigDecimal;
import java.util.Set;

import com.tiercrm.policy.ServiceChannel;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/v1/tiers/{code}/policy}, in either shape: what {@code GET}
 * returns ({@code current.version} and {@code current.terms}; the tier, currency, author,
 * date and changes are read-only and ignored), so that a client can change what it read
 * and send it back, or the flat fields of the {@link PolicyForm}.
 */
record PolicyPut(@Nullable Current current, @Nullable String currency, @Nullable BigDecimal discountPercent,
		@Nullable BigDecimal creditLimit, @Nullable Integer paymentTermsDays, @Nullable Integer responseSlaHours,
		@Nullable Integer contactCadenceDays, @Nullable Boolean dedicatedAccountManager,
		@Nullable Set<ServiceChannel> preferredChannels, @Nullable String perks, @Nullable Integer baseVersion) {

	/**
	 * The form to validate and save: from {@code current} when the body has it.
	 */
	PolicyForm form() {
		if (this.current != null) {
			Terms t = (this.current.terms() != null) ? this.current.terms() : Terms.NONE;
			return new PolicyForm(t.discountPercent(), t.creditLimit(), t.paymentTermsDays(), t.responseSlaHours(),
					t.contactCadenceDays(), t.dedicatedAccountManager(), t.preferredChannels(), t.perks(),
					this.current.version());
		}
		return new PolicyForm(this.discountPercent, this.creditLimit, this.paymentTermsDays, this.responseSlaHours,
				this.contactCadenceDays, this.dedicatedAccountManager, this.preferredChannels, this.perks,
				this.baseVersion);
	}

	/**
	 * The version read, which the new one is based on, and its terms as changed.
	 */
	record Current(@Nullable Integer version, @Nullable Terms terms) {

	}

	/**
	 * A policy's terms as {@code GET} shows them.
	 */
	record Terms(@Nullable BigDecimal discountPercent, @Nullable BigDecimal creditLimit,
			@Nullable Integer paymentTermsDays, @Nullable Integer responseSlaHours,
			@Nullable Integer contactCadenceDays, @Nullable Boolean dedicatedAccountManager,
			@Nullable Set<ServiceChannel> preferredChannels, @Nullable String perks) {

		static final Terms NONE = new Terms(null, null, null, null, null, null, null, null);

	}

}
