package com.tiercrm.security.web;

import com.tiercrm.account.ApiTokenAccess;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The new-token form.
 */
record ApiTokenForm(@NotBlank @Size(max = 100) @Nullable String name, @NotNull @Nullable ApiTokenAccess access,
		@NotNull @Min(1) @Max(365) @Nullable Integer validDays) {

	static ApiTokenForm empty() {
		return new ApiTokenForm("", ApiTokenAccess.READ_ONLY, 90);
	}

}
