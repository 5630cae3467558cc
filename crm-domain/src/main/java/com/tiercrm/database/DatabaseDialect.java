package com.tiercrm.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, asked once: PostgreSQL gets the fast paths
 * (COPY, parallel streams, session settings), every other database (the embedded H2) the
 * portable statements.
 */
@Component
public class DatabaseDialect {

	private static final String POSTGRESQL = "PostgreSQL";

	private final JdbcTemplate jdbc;

	private volatile @Nullable Boolean postgres;

	DatabaseDialect(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Whether the application's database is PostgreSQL.
	 */
	public boolean isPostgres() {
		Boolean known = this.postgres;
		if (known == null) {
			known = Boolean.TRUE.equals(this.jdbc.execute((ConnectionCallback<Boolean>) DatabaseDialect::isPostgres));
			this.postgres = known;
		}
		return known;
	}

	/**
	 * Whether a connection of its own, outside the application's data source, goes to
	 * PostgreSQL.
	 */
	public static boolean isPostgres(Connection connection) throws SQLException {
		return POSTGRESQL.equals(connection.getMetaData().getDatabaseProductName());
	}

}
