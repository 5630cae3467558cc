package com.tiercrm.account.web;

import com.tiercrm.account.AccountManagement.UserChange;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The edit-user form: what an admin may change, and the version it started from.
 */
record UserEditForm(@NotBlank @Size(max = 100) @Nullable String displayName, @NotNull @Nullable Role role,
		@Nullable Long teamId, @Nullable Boolean headOfSales, @NotNull @Nullable Long version) {

	static UserEditForm of(User user) {
		return new UserEditForm(user.getDisplayName(), user.getRole(), user.getTeamId(), user.isHeadOfSales(),
				user.getVersion());
	}

	UserChange toChange() {
		return new UserChange(String.valueOf(this.displayName), (this.role != null) ? this.role : Role.SALES_REP,
				this.teamId, Boolean.TRUE.equals(this.headOfSales), (this.version != null) ? this.version : -1);
	}

}
