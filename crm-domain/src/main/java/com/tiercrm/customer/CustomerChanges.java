package com.tiercrm.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code customer_changes} table: written in the transaction of each change, read
 * newest first.
 */
@Repository
public class CustomerChanges {

	private static final int MAX_TEXT = 200;

	private static final String SELECT = """
			select h.change_kind, h.field_name, h.old_value, h.new_value, u.display_name, h.changed_at,
			  h.customer_version
			from customer_changes h left join users u on u.id = h.changed_by
			where h.customer_id = :customer""";

	private final NamedParameterJdbcTemplate jdbc;

	CustomerChanges(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The latest changes of a customer, newest first.
	 * @param customerId the customer
	 * @param limit how many at most
	 * @return the changes
	 */
	public List<CustomerChange> latest(long customerId, int limit) {
		return this.jdbc.query(SELECT + " order by h.changed_at desc, h.id desc limit :limit",
				new MapSqlParameterSource("customer", customerId).addValue("limit", limit), CustomerChanges::change);
	}

	/** The changes that made versions after the given one, oldest first. */
	List<CustomerChange> after(long customerId, long version) {
		return this.jdbc.query(SELECT + " and h.customer_version > :version order by h.changed_at, h.id",
				new MapSqlParameterSource("customer", customerId).addValue("version", version),
				CustomerChanges::change);
	}

	void record(long customerId, long version, CustomerChange.Kind kind, @Nullable String field,
			@Nullable String oldValue, @Nullable String newValue, long userId, Instant at) {
		this.jdbc.update("""
				insert into customer_changes (customer_id, customer_version, change_kind, field_name, old_value,
				  new_value, changed_by, changed_at)
				values (:customer, :version, :kind, :field, :old, :new, :user, :at)""",
				new MapSqlParameterSource("customer", customerId).addValue("version", version)
					.addValue("kind", kind.name())
					.addValue("field", field)
					.addValue("old", shorten(oldValue))
					.addValue("new", shorten(newValue))
					.addValue("user", userId)
					.addValue("at", Timestamp.from(at)));
	}

	/** Moves a merged customer's history to the customer kept. */
	void move(long fromCustomerId, long toCustomerId) {
		this.jdbc.update("update customer_changes set customer_id = :to where customer_id = :from",
				new MapSqlParameterSource("from", fromCustomerId).addValue("to", toCustomerId));
	}

	private static @Nullable String shorten(@Nullable String text) {
		return (text != null && text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT - 1) + "…" : text;
	}

	private static CustomerChange change(ResultSet rs, int row) throws SQLException {
		return new CustomerChange(CustomerChange.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getLong(7));
	}

}
