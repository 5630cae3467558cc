package com.tiercrm.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.tiercrm.account.AccessScope;
import com.tiercrm.contact.Contact.ContactDetails;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's contacts, read and changed within the caller's scope: a customer the
 * caller may not see has no contacts to them, it does not exist. At most one contact of a
 * customer is primary; making one primary takes the mark from the others, and a
 * customer's first contact is its primary one.
 */
@Service
public class Contacts {

	private final ContactRepository contacts;

	private final CustomerRepository customers;

	private final Clock clock;

	@Autowired
	Contacts(ContactRepository contacts, CustomerRepository customers) {
		this(contacts, customers, Clock.systemUTC());
	}

	Contacts(ContactRepository contacts, CustomerRepository customers, Clock clock) {
		this.contacts = contacts;
		this.customers = customers;
		this.clock = clock;
	}

	/**
	 * The contacts of a customer the caller may see, primary first, then by name.
	 * @param customerCode the customer's code
	 * @param scope what the caller may see
	 * @return the contacts
	 * @throws ContactNotFoundException if the customer is not within the scope
	 */
	@Transactional(readOnly = true)
	public List<Contact> list(String customerCode, AccessScope scope) {
		return ofCustomer(customer(customerCode, scope));
	}

	/**
	 * The contacts of a customer already read within the caller's scope, as the customer
	 * page has.
	 * @param customer the customer
	 * @return the contacts, primary first, then by name
	 */
	@Transactional(readOnly = true)
	public List<Contact> ofCustomer(Customer customer) {
		return this.contacts.findByCustomerIdOrderByPrimaryDescNameAscIdAsc(id(customer));
	}

	/**
	 * One contact of a customer the caller may see.
	 * @throws ContactNotFoundException if there is none within the scope
	 */
	@Transactional(readOnly = true)
	public Contact find(String customerCode, long contactId, AccessScope scope) {
		Customer customer = customer(customerCode, scope);
		return this.contacts.findByIdAndCustomerId(contactId, id(customer))
			.orElseThrow(() -> new ContactNotFoundException(customerCode, contactId));
	}

	/**
	 * Adds a contact to a customer the caller may see.
	 * @return the new contact
	 * @throws ContactNotFoundException if the customer is not within the scope
	 */
	@Transactional
	public Contact add(String customerCode, ContactDetails details, AccessScope scope) {
		long customerId = id(customer(customerCode, scope));
		boolean first = !this.contacts.existsByCustomerIdAndPrimaryTrue(customerId);
		ContactDetails stored = (first && !details.primary()) ? new ContactDetails(details.name(), details.title(),
				details.phone(), details.email(), details.wechat(), true) : details;
		if (stored.primary()) {
			this.contacts.clearPrimary(customerId, -1L);
		}
		Contact contact = new Contact(customerId, stored.name(), now());
		contact.apply(stored, now());
		return this.contacts.save(contact);
	}

	/**
	 * Changes a contact, provided nobody changed it since the caller read the given
	 * version.
	 * @return the contact as saved
	 * @throws ContactNotFoundException if there is no such contact within the scope
	 * @throws ContactConflictException if the contact is no longer at that version
	 */
	@Transactional
	public Contact update(String customerCode, long contactId, long version, ContactDetails details,
			AccessScope scope) {
		long customerId = id(customer(customerCode, scope));
		if (details.primary()) {
			this.contacts.clearPrimary(customerId, contactId);
		}
		Contact contact = this.contacts.findByIdAndCustomerId(contactId, customerId)
			.orElseThrow(() -> new ContactNotFoundException(customerCode, contactId));
		if (contact.getVersion() != version) {
			throw new ContactConflictException(contact);
		}
		contact.apply(details, now());
		return this.contacts.save(contact);
	}

	/**
	 * Removes a contact.
	 * @throws ContactNotFoundException if there is no such contact within the scope
	 */
	@Transactional
	public void remove(String customerCode, long contactId, AccessScope scope) {
		long customerId = id(customer(customerCode, scope));
		Contact contact = this.contacts.findByIdAndCustomerId(contactId, customerId)
			.orElseThrow(() -> new ContactNotFoundException(customerCode, contactId));
		this.contacts.delete(contact);
	}

	private Customer customer(String code, AccessScope scope) {
		return this.customers.findByCode(code, scope).orElseThrow(() -> new ContactNotFoundException(code, null));
	}

	private static long id(Customer customer) {
		Long id = customer.getId();
		if (id == null) {
			throw new IllegalArgumentException("An unsaved customer has no contacts");
		}
		return id;
	}

	private Instant now() {
		return Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
	}

}
