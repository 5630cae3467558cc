package com.tiercrm.account.web;

import com.tiercrm.account.AccountManagement.NewUser;
import com.tiercrm.account.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The new-user form.
 */
record UserForm(@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]*") @Nullable String username,
		@NotBlank @Size(max = 100) @Nullable String displayName, @NotNull @Nullable Role role, @Nullable Long teamId,
		@Nullable Boolean headOfSales, @NotBlank @Size(min = 12, max = 100) @Nullable String password,
		@Nullable String passwordConfirmation) {

	static UserForm empty() {
		return new UserForm("", "", Role.SALES_REP, null, false, "", "");
	}

	boolean passwordsMatch() {
		return this.password == null || this.password.equals(this.passwordConfirmation);
	}

	NewUser toNewUser() {
		return new NewUser(String.valueOf(this.username), String.valueOf(this.displayName),
				(this.role != null) ? this.role : Role.SALES_REP, this.teamId, Boolean.TRUE.equals(this.headOfSales),
				String.valueOf(this.password));
	}

}
