package com.tiercrm.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.tiercrm.account.Role;
import org.jspecify.annotations.Nullable;

/**
 * Creates teams and users with plain JDBC on the connection of a load, so that accounts
 * and the customers they own are committed together or not at all.
 */
final class AccountWriter {

	private final Connection connection;

	private final String passwordHash;

	private int created;

	AccountWriter(Connection connection, String passwordHash) {
		this.connection = connection;
		this.passwordHash = passwordHash;
	}

	/**
	 * The enabled sales reps already there, by id.
	 */
	static long[] existingReps(Connection connection) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement query = connection
			.prepareStatement("SELECT id FROM users WHERE role = ? AND enabled = TRUE ORDER BY id")) {
			query.setString(1, Role.SALES_REP.name());
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getLong(1));
				}
			}
		}
		return ids.stream().mapToLong(Long::longValue).toArray();
	}

	/**
	 * A team led by a new manager, who is made a member of it.
	 */
	long team(String name, String managerUsername, String managerName, boolean headOfSales) throws SQLException {
		long manager = user(managerUsername, managerName, Role.MANAGER, null, headOfSales);
		long team;
		try (PreparedStatement insert = this.connection
			.prepareStatement("INSERT INTO teams (name, manager_id) VALUES (?, ?)", new String[] { "id" })) {
			insert.setString(1, name);
			insert.setLong(2, manager);
			insert.executeUpdate();
			team = generatedId(insert);
		}
		try (PreparedStatement update = this.connection.prepareStatement("UPDATE users SET team_id = ? WHERE id = ?")) {
			update.setLong(1, team);
			update.setLong(2, manager);
			update.executeUpdate();
		}
		return team;
	}

	long user(String username, String displayName, Role role, @Nullable Long teamId, boolean headOfSales)
			throws SQLException {
		try (PreparedStatement insert = this.connection.prepareStatement("""
				INSERT INTO users (username, display_name, password_hash, role, enabled, team_id, head_of_sales,
				    created_at, version)
				VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, 0)""", new String[] { "id" })) {
			insert.setString(1, username);
			insert.setString(2, displayName);
			insert.setString(3, this.passwordHash);
			insert.setString(4, role.name());
			if (teamId != null) {
				insert.setLong(5, teamId);
			}
			else {
				insert.setNull(5, Types.BIGINT);
			}
			insert.setBoolean(6, headOfSales);
			insert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
			insert.executeUpdate();
			this.created++;
			return generatedId(insert);
		}
	}

	/**
	 * How many users this writer created.
	 */
	int created() {
		return this.created;
	}

	private static long generatedId(PreparedStatement statement) throws SQLException {
		try (ResultSet keys = statement.getGeneratedKeys()) {
			if (!keys.next()) {
				throw new SQLException("No id was generated");
			}
			return keys.getLong(1);
		}
	}

}
