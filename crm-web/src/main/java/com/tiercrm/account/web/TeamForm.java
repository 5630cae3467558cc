package com.tiercrm.account.web;

import com.tiercrm.account.Team;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The team form: its name and the manager who leads it.
 */
record TeamForm(@NotBlank @Size(max = 100) @Nullable String name, @Nullable Long managerId) {

	static TeamForm empty() {
		return new TeamForm("", null);
	}

	static TeamForm of(Team team) {
		return new TeamForm(team.getName(), team.getManagerId());
	}

}
