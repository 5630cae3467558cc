package com.tiercrm.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes rows with batched JDBC inserts, for databases without PostgreSQL's COPY (the
 * embedded H2).
 */
final class JdbcBatchSink implements RowSink {

	private static final int BATCH_SIZE = 1000;

	private final Connection connection;

	JdbcBatchSink(Connection connection) {
		this.connection = connection;
	}

	@Override
	public void customers(CustomerChunk chunk) throws SQLException {
		try (PreparedStatement insert = this.connection.prepareStatement("""
				INSERT INTO customers (id, code, name, type, phone, email, province, city, region, industry,
				    channel_type, channel, gender, age_band, income_band, occupation, owner_id, status,
				    created_at, updated_at, last_contact_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
			long id = chunk.firstCustomerId();
			int pending = 0;
			for (SyntheticCustomer customer : chunk.customers()) {
				insert.setLong(1, id);
				insert.setString(2, CustomerChunk.customerCode(id));
				insert.setString(3, customer.name());
				insert.setString(4, customer.type().name());
				insert.setString(5, customer.phone());
				insert.setString(6, customer.email());
				insert.setString(7, customer.province());
				insert.setString(8, customer.city());
				insert.setString(9, customer.region());
				insert.setString(10, customer.industry());
				insert.setString(11, customer.channelType().name());
				insert.setString(12, customer.channel());
				insert.setString(13, customer.gender());
				insert.setString(14, customer.ageBand());
				insert.setString(15, customer.incomeBand());
				insert.setString(16, customer.occupation());
				setNullableLong(insert, 17, customer.ownerId());
				insert.setString(18, customer.status().name());
				insert.setObject(19, timestamp(customer.createdAt()));
				insert.setObject(20, timestamp(customer.updatedAt()));
				long lastContact = customer.lastContactAt();
				if (lastContact >= 0) {
					insert.setObject(21, timestamp(lastContact));
				}
				else {
					insert.setNull(21, Types.TIMESTAMP_WITH_TIMEZONE);
				}
				pending = add(insert, pending);
				id++;
			}
			flush(insert, pending);
		}
	}

	@Override
	public void orders(CustomerChunk chunk) throws SQLException {
		try (PreparedStatement insert = this.connection.prepareStatement("""
				INSERT INTO sales_orders (id, order_no, customer_id, ordered_at, amount, gross_profit, channel, status)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
			long customerId = chunk.firstCustomerId();
			long id = chunk.firstOrderId();
			int pending = 0;
			for (SyntheticCustomer customer : chunk.customers()) {
				for (SyntheticOrder order : customer.orders()) {
					insert.setLong(1, id);
					insert.setString(2, CustomerChunk.orderNumber(id));
					insert.setLong(3, customerId);
					insert.setObject(4, timestamp(order.orderedAt()));
					insert.setBigDecimal(5, BigDecimal.valueOf(order.amountCents(), 2));
					insert.setBigDecimal(6, BigDecimal.valueOf(order.grossProfitCents(), 2));
					insert.setString(7, order.channel());
					insert.setString(8, order.status().name());
					pending = add(insert, pending);
					id++;
				}
				customerId++;
			}
			flush(insert, pending);
		}
	}

	@Override
	public void interactions(CustomerChunk chunk) throws SQLException {
		try (PreparedStatement insert = this.connection.prepareStatement("""
				INSERT INTO interactions (id, customer_id, type, occurred_at, rep_id, satisfaction, notes)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
			long customerId = chunk.firstCustomerId();
			long id = chunk.firstInteractionId();
			int pending = 0;
			for (SyntheticCustomer customer : chunk.customers()) {
				for (SyntheticInteraction interaction : customer.interactions()) {
					insert.setLong(1, id);
					insert.setLong(2, customerId);
					insert.setString(3, interaction.type().name());
					insert.setObject(4, timestamp(interaction.occurredAt()));
					setNullableLong(insert, 5, customer.ownerId());
					if (interaction.satisfaction() > 0) {
						insert.setShort(6, (short) interaction.satisfaction());
					}
					else {
						insert.setNull(6, Types.SMALLINT);
					}
					insert.setString(7, interaction.notes());
					pending = add(insert, pending);
					id++;
				}
				customerId++;
			}
			flush(insert, pending);
		}
	}

	private static OffsetDateTime timestamp(long epochSecond) {
		return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC);
	}

	private static void setNullableLong(PreparedStatement statement, int index,
			@org.jspecify.annotations.Nullable Long value) throws SQLException {
		if (value != null) {
			statement.setLong(index, value);
		}
		else {
			statement.setNull(index, Types.BIGINT);
		}
	}

	private static int add(PreparedStatement statement, int pending) throws SQLException {
		statement.addBatch();
		if (pending + 1 == BATCH_SIZE) {
			statement.executeBatch();
			return 0;
		}
		return pending + 1;
	}

	private static void flush(PreparedStatement statement, int pending) throws SQLException {
		if (pending > 0) {
			statement.executeBatch();
		}
	}

}
