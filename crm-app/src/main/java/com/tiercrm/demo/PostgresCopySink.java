package com.tiercrm.demo;

import java.sql.Connection;
import java.sql.SQLException;

import com.tiercrm.postgres.CopyTextBuffer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into PostgreSQL with {@code COPY … FROM STDIN} in text format, one COPY
 * per table and chunk, so that foreign keys are checked against customers already sent.
 */
final class PostgresCopySink implements RowSink {

	static final String COPY_CUSTOMERS = "COPY customers (id, code, name, type, phone, email, province, city, region,"
			+ " industry, channel_type, channel, gender, age_band, income_band, occupation, owner_id, status,"
			+ " created_at, updated_at, last_contact_at, version) FROM STDIN";

	static final String COPY_ORDERS = "COPY sales_orders (id, order_no, customer_id, ordered_at, amount, gross_profit,"
			+ " channel, status) FROM STDIN";

	static final String COPY_INTERACTIONS = "COPY interactions (id, customer_id, type, occurred_at, rep_id,"
			+ " satisfaction, notes) FROM STDIN";

	private final CopyOpener copies;

	private final CopyTextBuffer buffer = new CopyTextBuffer();

	PostgresCopySink(Connection connection) throws SQLException {
		this(connection.unwrap(PGConnection.class).getCopyAPI()::copyIn);
	}

	PostgresCopySink(CopyOpener copies) {
		this.copies = copies;
	}

	@Override
	public void customers(CustomerChunk chunk) throws SQLException {
		copy(COPY_CUSTOMERS, (row) -> {
			long id = chunk.firstCustomerId();
			for (SyntheticCustomer customer : chunk.customers()) {
				row.number(id);
				row.text(CustomerChunk.customerCode(id));
				row.text(customer.name());
				row.text(customer.type().name());
				row.text(customer.phone());
				row.text(customer.email());
				row.text(customer.province());
				row.text(customer.city());
				row.text(customer.region());
				row.nullableText(customer.industry());
				row.text(customer.channelType().name());
				row.text(customer.channel());
				row.nullableText(customer.gender());
				row.nullableText(customer.ageBand());
				row.nullableText(customer.incomeBand());
				row.nullableText(customer.occupation());
				row.nullableNumber(customer.ownerId());
				row.text(customer.status().name());
				row.timestamp(customer.createdAt());
				row.timestamp(customer.updatedAt());
				long lastContact = customer.lastContactAt();
				if (lastContact >= 0) {
					row.timestamp(lastContact);
				}
				else {
					row.nul();
				}
				row.number(0);
				row.endRow();
				id++;
			}
		});
	}

	@Override
	public void orders(CustomerChunk chunk) throws SQLException {
		copy(COPY_ORDERS, (row) -> {
			long customerId = chunk.firstCustomerId();
			long id = chunk.firstOrderId();
			for (SyntheticCustomer customer : chunk.customers()) {
				for (SyntheticOrder order : customer.orders()) {
					row.number(id);
					row.text(CustomerChunk.orderNumber(id));
					row.number(customerId);
					row.timestamp(order.orderedAt());
					row.cents(order.amountCents());
					row.cents(order.grossProfitCents());
					row.text(order.channel());
					row.text(order.status().name());
					row.endRow();
					id++;
				}
				customerId++;
			}
		});
	}

	@Override
	public void interactions(CustomerChunk chunk) throws SQLException {
		copy(COPY_INTERACTIONS, (row) -> {
			long customerId = chunk.firstCustomerId();
			long id = chunk.firstInteractionId();
			for (SyntheticCustomer customer : chunk.customers()) {
				for (SyntheticInteraction interaction : customer.interactions()) {
					row.number(id);
					row.number(customerId);
					row.text(interaction.type().name());
					row.timestamp(interaction.occurredAt());
					row.nullableNumber(customer.ownerId());
					if (interaction.satisfaction() > 0) {
						row.number(interaction.satisfaction());
					}
					else {
						row.nul();
					}
					row.text(interaction.notes());
					row.endRow();
					id++;
				}
				customerId++;
			}
		});
	}

	private CopyTextBuffer start(String sql) throws SQLException {
		this.buffer.start(this.copies.open(sql));
		return this.buffer;
	}

	private void finish() throws SQLException {
		this.buffer.end();
	}

	/** Runs one COPY, cancelling it when writing fails half-way. */
	private void copy(String sql, CopyBody body) throws SQLException {
		CopyTextBuffer row = start(sql);
		try {
			body.write(row);
			finish();
		}
		catch (SQLException | RuntimeException ex) {
			this.buffer.cancel();
			throw ex;
		}
	}

	/** Starts a {@code COPY … FROM STDIN}: the driver's {@code CopyManager::copyIn}. */
	@FunctionalInterface
	interface CopyOpener {

		CopyIn open(String sql) throws SQLException;

	}

	@FunctionalInterface
	private interface CopyBody {

		void write(CopyTextBuffer row) throws SQLException;

	}

}
