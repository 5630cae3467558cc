package com.tiercrm.security.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A user's change of their own password.
 */
record PasswordChangeForm(@NotBlank @Nullable String currentPassword,
		@NotBlank @Size(min = 12, max = 100) @Nullable String password, @Nullable String passwordConfirmation) {

	static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}

	boolean passwordsMatch() {
		return this.password == null || this.password.equals(this.passwordConfirmation);
	}

}
