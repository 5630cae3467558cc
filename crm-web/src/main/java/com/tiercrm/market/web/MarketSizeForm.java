package com.tiercrm.market.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A market size as a manager enters it.
 *
 * @param segment {@code REGION|code} or {@code INDUSTRY|code}
 * @param start the period's first day
 * @param end the period's last day
 * @param amount the market size in the installation's currency
 */
record MarketSizeForm(@NotBlank @Pattern(regexp = "(REGION|INDUSTRY)\\|.{1,50}") @Nullable String segment,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate start,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate end,
		@NotNull @Positive @Digits(integer = 17, fraction = 2) @Nullable BigDecimal amount) {

	static MarketSizeForm empty() {
		return new MarketSizeForm(null, null, null, null);
	}

}
