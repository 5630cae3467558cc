package com.tiercrm.account;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The users whose customers a scope can see, for owner pickers and filters. Read with one
 * plain query: list pages ask on every request, and entities would be wasted on two
 * columns.
 */
@Component
public class OwnerOptions {

	private final NamedParameterJdbcTemplate jdbc;

	OwnerOptions(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Enabled reps and managers for everyone's scope, the manager and the members of
	 * their teams for a team, the user alone for their own customers; by name.
	 * @param scope what the asking user may see
	 * @return the owners to offer
	 */
	public List<OwnerOption> visibleTo(AccessScope scope) {
		String condition = switch (scope.kind()) {
			case ALL ->
				"u.enabled = true and u.role in ('" + Role.SALES_REP.name() + "', '" + Role.MANAGER.name() + "')";
			case TEAM -> "u.enabled = true and (u.id = :scopeUser"
					+ " or u.team_id in (select t.id from teams t where t.manager_id = :scopeUser))";
			case OWN -> "u.id = :scopeUser";
		};
		return this.jdbc.query(
				"select u.id, u.display_name from users u where " + condition + " order by u.display_name, u.id",
				new MapSqlParameterSource("scopeUser", scope.userId()),
				(rs, row) -> new OwnerOption(rs.getLong(1), rs.getString(2)));
	}

}
