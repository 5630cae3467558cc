package com.tiercrm.demo;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs JDBC work on one connection in one transaction of its own: a load is committed
 * whole or not at all, and SQL errors come out as Spring's data access exceptions.
 */
final class Transactions {

	private Transactions() {
	}

	static <T> T inTransaction(DataSource dataSource, JdbcWork<T> work) {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		T result = transaction.execute((status) -> jdbc.execute((ConnectionCallback<T>) work::apply));
		if (result == null) {
			throw new IllegalStateException("The transaction returned nothing");
		}
		return result;
	}

	@FunctionalInterface
	interface JdbcWork<T> {

		T apply(Connection connection) throws SQLException;

	}

}
