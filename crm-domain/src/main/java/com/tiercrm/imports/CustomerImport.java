package com.tiercrm.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.tiercrm.customer.Customer;
import jakarta.persistence.EntityManager;

/**
 * Customers, matched to stored ones by code: new codes are inserted, changed rows update
 * the customer, identical rows leave it alone.
 */
final class CustomerImport implements RowImport<CustomerRow> {

	private final HeaderMapping<CustomerColumn> mapping;

	private final CustomerRowParser parser;

	private final EntityManager entities;

	CustomerImport(List<String> header, ColumnMapping correction, EntityManager entities) {
		this.mapping = HeaderMapping.match(header, CustomerColumn.class, correction);
		this.parser = new CustomerRowParser(this.mapping);
		this.entities = entities;
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
		return new RowError(row.row(), this.mapping.headerOf(CustomerColumn.CODE), row.code(),
				"import.error.duplicateInFile");
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
		for (CustomerRow row : chunk) {
			tally.valid++;
			Customer customer = existing.get(row.code());
			if (customer == null) {
				tally.inserted++;
				if (write) {
					this.entities.persist(row.newCustomer());
				}
			}
			else if (row.differsFrom(customer)) {
				tally.updated++;
				if (write) {
					row.applyTo(customer);
				}
			}
			else {
				tally.unchanged++;
			}
		}
		if (write) {
			this.entities.flush();
		}
		this.entities.clear();
	}

}
