package com.tiercrm.imports;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.ArrayList;
import java.util.Objects;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.tiercrm.bookorder.BookKeys;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerStatus;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceKind;
import jakarta.persistence.EntityManager;

/**
 * Customers, matched to stored ones by code: new codes are inserted, changed rows update
 * the customer, identical rows leave it alone.
 */
final class CustomerImport implements RowImport<CustomerRow> {

	private final HeaderMapping<CustomerColumn> mapping;

	private final CustomerRowParser parser;

	private final EntityManager entities;

	private final NamedParameterJdbcTemplate jdbc;

	private final ReferenceData references;

	private final ReferenceValues industries;

	private final ReferenceValues regions;

	CustomerImport(List<String> header, ColumnMapping correction, EntityManager entities, JdbcTemplate jdbc,
			ReferenceData references, boolean addReferenceData) {
		this.mapping = HeaderMapping.match(header, CustomerColumn.class, correction);
		this.references = references;
		this.industries = new ReferenceValues(references.catalog(ReferenceKind.INDUSTRY), addReferenceData);
		this.regions = new ReferenceValues(references.catalog(ReferenceKind.REGION), addReferenceData);
		this.parser = new CustomerRowParser(this.mapping, this.industries, this.regions);
		this.entities = entities;
		this.jdbc = new NamedParameterJdbcTemplate(jdbc);
	}

	@Override
	public Optional<CustomerRow> parse(ImportFile.Row row, Consumer<RowError> errors) {
		return this.parser.parse(row, errors);
	}

	@Override
	public String key(CustomerRow row) {
		return row.code();
	}

	@Override
	public RowError duplicate(CustomerRow row) {
		return duplicate(row.row(), row.code());
	}

	RowError duplicate(long row, String code) {
		return new RowError(row, this.mapping.headerOf(CustomerColumn.CODE), code, "import.error.duplicateInFile");
	}

	RowError unknownReferrer(long row, String code) {
		return new RowError(row, this.mapping.headerOf(CustomerColumn.REFERRED_BY), code,
				"import.error.unknownReferrer");
	}

	RowError unknownOwner(long row, String owner) {
		return new RowError(row, this.mapping.headerOf(CustomerColumn.OWNER), owner, "import.error.unknownOwner");
	}

	/**
	 * A row giving a status to a merged customer: only the customer it was merged into
	 * lives on, and setting it back to active would bring back a customer without its
	 * orders.
	 */
	RowError mergedCustomer(long row, String status) {
		return new RowError(row, this.mapping.headerOf(CustomerColumn.STATUS), status, "import.error.mergedCustomer");
	}

	/** Whether the file has the column; without it the stored values stay. */
	boolean sets(CustomerColumn column) {
		return this.parser.has(column);
	}

	/** Whether the file sets the customers' province, city and region. */
	boolean setsLocation() {
		return this.parser.setsLocation();
	}

	/** The ids of the users the rows name as owners, by username. */
	private Map<String, Long> owners(List<CustomerRow> chunk) {
		List<String> usernames = chunk.stream().map(CustomerRow::owner).filter(Objects::nonNull).distinct().toList();
		Map<String, Long> ids = new HashMap<>();
		if (!usernames.isEmpty()) {
			this.jdbc.query("SELECT username, id FROM users WHERE username IN (:usernames)",
					new MapSqlParameterSource("usernames", usernames), (rs) -> {
						ids.put(rs.getString(1), rs.getLong(2));
					});
		}
		return ids;
	}

	/**
	 * The ids of the stored customers (not merged away) the rows name as referrers, by
	 * code.
	 */
	private Map<String, Long> referrers(List<CustomerRow> chunk) {
		List<String> codes = chunk.stream().map(CustomerRow::referredBy).filter(Objects::nonNull).distinct().toList();
		Map<String, Long> ids = new HashMap<>();
		if (!codes.isEmpty()) {
			this.jdbc.query("SELECT code, id FROM customers WHERE code IN (:codes) AND status <> 'MERGED'",
					new MapSqlParameterSource("codes", codes), (rs) -> {
						ids.put(rs.getString(1), rs.getLong(2));
					});
		}
		return ids;
	}

	/**
	 * Stores the industries and regions the rows read so far added, when the admin chose
	 * to add unknown ones: before any customer that names them is written.
	 */
	void storeAddedReferenceData() {
		this.references.add(ReferenceKind.INDUSTRY, this.industries.toStore());
		this.references.add(ReferenceKind.REGION, this.regions.toStore());
	}

	@Override
	public void apply(List<CustomerRow> chunk, ImportTally tally, boolean write) {
		List<String> codes = chunk.stream().map(CustomerRow::code).toList();
		Map<String, Customer> existing = this.entities
			.createQuery("select c from Customer c where c.code in :codes", Customer.class)
			.setParameter("codes", codes)
			.getResultList()
			.stream()
			.collect(Collectors.toMap(Customer::getCode, Function.identity()));
		Map<String, Long> owners = owners(chunk);
		Map<String, Long> referrers = referrers(chunk);
		if (write) {
			storeAddedReferenceData();
		}
		List<Customer> written = new ArrayList<>();
		for (CustomerRow row : chunk) {
			Long ownerId = (row.owner() != null) ? owners.get(row.owner()) : null;
			if (row.owner() != null && ownerId == null) {
				tally.invalid(List.of(unknownOwner(row.row(), row.owner())));
				continue;
			}
			Long referrerId = (row.referredBy() != null) ? referrers.get(row.referredBy()) : null;
			if (row.referredBy() != null && (referrerId == null || row.referredBy().equals(row.code()))) {
				tally.invalid(List.of(unknownReferrer(row.row(), row.referredBy())));
				continue;
			}
			Customer customer = existing.get(row.code());
			if (customer != null && row.status() != null && customer.getStatus() == CustomerStatus.MERGED) {
				tally.invalid(List.of(mergedCustomer(row.row(), row.status().name())));
				continue;
			}
			tally.valid++;
			if (customer == null) {
				tally.inserted++;
				if (write) {
					Customer added = row.newCustomer(ownerId, referrerId);
					this.entities.persist(added);
					written.add(added);
				}
			}
			else if (row.differsFrom(customer, ownerId, referrerId)) {
				tally.updated++;
				if (write) {
					row.applyTo(customer, ownerId, referrerId);
					written.add(customer);
				}
			}
			else {
				tally.unchanged++;
			}
		}
		if (write) {
			this.entities.flush();
			BookKeys.sync(this.jdbc, written.stream().map(Customer::getId).toList());
		}
		this.entities.clear();
	}

}
