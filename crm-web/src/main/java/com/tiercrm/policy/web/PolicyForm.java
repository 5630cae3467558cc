package com.tiercrm.policy.web;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

import com.tiercrm.policy.PolicyTerms;
import com.tiercrm.policy.ServiceChannel;
import com.tiercrm.policy.TierPolicy;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The policy form, and what a {@link PolicyPut} amounts to: new values and the version
 * they are based on.
 */
record PolicyForm(
		@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3,
				fraction = 2) @Nullable BigDecimal discountPercent,
		@NotNull @DecimalMin("0") @Digits(integer = 13, fraction = 2) @Nullable BigDecimal creditLimit,
		@NotNull @Min(0) @Max(3650) @Nullable Integer paymentTermsDays,
		@NotNull @Min(1) @Max(8760) @Nullable Integer responseSlaHours,
		@NotNull @Min(1) @Max(3650) @Nullable Integer contactCadenceDays, @Nullable Boolean dedicatedAccountManager,
		@Nullable Set<ServiceChannel> preferredChannels, @Size(max = 1000) @Nullable String perks,
		@NotNull @Min(0) @Nullable Integer baseVersion) {

	static PolicyForm of(TierPolicy policy) {
		PolicyTerms terms = (policy.current() != null) ? policy.current().terms() : null;
		if (terms == null) {
			return new PolicyForm(BigDecimal.ZERO, BigDecimal.ZERO, 0, 24, 30, false, Set.of(), "", 0);
		}
		return new PolicyForm(terms.discountPercent(), terms.creditLimit(), terms.paymentTermsDays(),
				terms.responseSlaHours(), terms.contactCadenceDays(), terms.dedicatedAccountManager(),
				terms.preferredChannels(), terms.perks(), policy.version());
	}

	int base() {
		return Objects.requireNonNull(this.baseVersion);
	}

	PolicyTerms toTerms() {
		return new PolicyTerms(Objects.requireNonNull(this.discountPercent), Objects.requireNonNull(this.creditLimit),
				Objects.requireNonNull(this.paymentTermsDays), Objects.requireNonNull(this.responseSlaHours),
				Objects.requireNonNull(this.contactCadenceDays), Boolean.TRUE.equals(this.dedicatedAccountManager),
				(this.preferredChannels != null) ? this.preferredChannels : Set.of(), this.perks);
	}

}
