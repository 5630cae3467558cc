package com.tiercrm.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import com.tiercrm.account.AccessScope;
import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import com.tiercrm.bookorder.BookKeys;
import com.tiercrm.interaction.LastContacts;
import com.tiercrm.orderfacts.OrderFacts;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, edits, deactivates, reactivates and merges customers within the caller's
 * scope, and keeps each change in the customer's history. A rep's new customers are the
 * rep's own.
 */
@Service
public class CustomerManagement {

	/** Codes people may give: letters, digits, dashes and underscores. */
	static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final CustomerRepository customers;

	private final CustomerChanges changes;

	private final DuplicateCustomers duplicates;

	private final ReferenceData references;

	private final NamedParameterJdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OrderFacts orderFacts;

	private final EntityManager entityManager;

	private final AuditLog audit;

	CustomerManagement(CustomerRepository customers, CustomerChanges changes, DuplicateCustomers duplicates,
			ReferenceData references, NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events,
			EntityManager entityManager, AuditLog audit, OrderFacts orderFacts) {
		this.customers = customers;
		this.orderFacts = orderFacts;
		this.audit = audit;
		this.changes = changes;
		this.duplicates = duplicates;
		this.references = references;
		this.jdbc = jdbc;
		this.events = events;
		this.entityManager = entityManager;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Creates a customer owned by the caller.
	 * @param code the code to give it, or blank for a generated one ({@code C} and the
	 * customer's id in seven digits, as the demo data's)
	 * @param details what it is
	 * @param allowDuplicate whether to create it even when it looks like existing
	 * customers
	 * @param userId who creates it, and owns it
	 * @param scope what the caller may see, for the duplicates shown
	 * @return the new customer
	 * @throws InvalidCustomerDetailsException when a value cannot be stored
	 * @throws CustomerCodeTakenException when the code is another customer's
	 * @throws LikelyDuplicatesException when it looks like existing customers and
	 * {@code allowDuplicate} is not set
	 */
	@Transactional
	public Customer create(@Nullable String code, CustomerDetails details, boolean allowDuplicate, long userId,
			AccessScope scope) {
		String given = (code != null) ? code.strip() : "";
		List<InvalidCustomerDetailsException.Problem> problems = problems(details);
		if (!given.isEmpty() && !CODE.matcher(given).matches()) {
			problems.add(new InvalidCustomerDetailsException.Problem("code", "customer.error.code", given));
		}
		Long referrerId = referrerId(details, given, problems);
		if (!problems.isEmpty()) {
			throw new InvalidCustomerDetailsException(problems);
		}
		if (!given.isEmpty() && this.customers.existsByCode(given)) {
			throw new CustomerCodeTakenException(given);
		}
		if (!allowDuplicate) {
			List<DuplicateCandidate> candidates = this.duplicates.find(details, scope);
			if (!candidates.isEmpty()) {
				throw new LikelyDuplicatesException(candidates);
			}
		}
		Customer customer = new Customer(given.isEmpty() ? "~" + UUID.randomUUID() : given, details.name(),
				details.type());
		details.applyTo(customer);
		customer.setReferredById(referrerId);
		customer.setOwnerId(userId);
		store(customer);
		if (given.isEmpty()) {
			customer.assignCode(generatedCode(customer.getId()));
			store(customer);
		}
		BookKeys.sync(this.jdbc, List.of(customer.getId()));
		this.changes.record(customer.getId(), customer.getVersion(), CustomerChange.Kind.CREATED, null, null,
				customer.getCode(), userId, now());
		return customer;
	}

	/**
	 * Changes a customer's details, unless someone changed it since the version the
	 * caller read.
	 * @param code the customer's code
	 * @param details what it is now
	 * @param version the version the caller edited
	 * @param userId who edits it
	 * @param scope what the caller may see
	 * @return the customer
	 * @throws NoSuchCustomerException when the scope holds no such customer
	 * @throws CustomerEditConflictException when the customer is at another version
	 * @throws CustomerChangeRefusedException when the customer was merged
	 * @throws InvalidCustomerDetailsException when a value cannot be stored
	 */
	@Transactional
	public Customer update(String code, CustomerDetails details, long version, long userId, AccessScope scope) {
		Customer customer = find(code, scope);
		refuseMerged(customer);
		if (customer.getVersion() != version) {
			throw new CustomerEditConflictException(details(customer), customer.getVersion(),
					this.changes.after(customer.getId(), version));
		}
		Map<String, @Nullable String> before = details(customer).values();
		Map<String, @Nullable String> after = details.values();
		List<InvalidCustomerDetailsException.Problem> all = problems(details);
		boolean referrerChanged = !Objects.equals(before.get("referredBy"), after.get("referredBy"));
		Long referrerId = referrerChanged ? referrerId(details, customer.getCode(), all) : customer.getReferredById();
		// A value stored before (by an import) that the rules refuse stays while
		// unchanged.
		List<InvalidCustomerDetailsException.Problem> problems = all.stream()
			.filter((problem) -> !Objects.equals(before.get(problem.field()), after.get(problem.field())))
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidCustomerDetailsException(problems);
		}
		if (before.equals(after)) {
			return customer;
		}
		details.applyTo(customer);
		customer.setReferredById(referrerId);
		store(customer);
		BookKeys.sync(this.jdbc, List.of(customer.getId()));
		Instant now = now();
		before.forEach((field, old) -> {
			String changed = after.get(field);
			if (!Objects.equals(old, changed)) {
				this.changes.record(customer.getId(), customer.getVersion(), CustomerChange.Kind.EDITED, field, old,
						changed, userId, now);
			}
		});
		return customer;
	}

	/**
	 * Sets a customer inactive, or active again.
	 * @param code the customer's code
	 * @param active whether the customer is served again
	 * @param userId who changes it
	 * @param scope what the caller may see
	 * @return the customer
	 * @throws NoSuchCustomerException when the scope holds no such customer
	 * @throws CustomerChangeRefusedException when the customer was merged
	 */
	@Transactional
	public Customer setActive(String code, boolean active, long userId, AccessScope scope) {
		Customer customer = find(code, scope);
		refuseMerged(customer);
		CustomerStatus status = active ? CustomerStatus.ACTIVE : CustomerStatus.INACTIVE;
		if (customer.getStatus() == status) {
			return customer;
		}
		CustomerStatus old = customer.getStatus();
		customer.setStatus(status);
		store(customer);
		this.changes.record(customer.getId(), customer.getVersion(),
				active ? CustomerChange.Kind.REACTIVATED : CustomerChange.Kind.DEACTIVATED, "status", old.name(),
				status.name(), userId, now());
		return customer;
	}

	/**
	 * Merges a customer into another one, which keeps its orders, interactions and
	 * history; the merged customer keeps a pointer to the one kept. Results of past
	 * segmentation runs stay as they were. Other modules holding rows of customers move
	 * them on {@link CustomersMerged}.
	 * @param code the customer merged away
	 * @param intoCode the customer kept
	 * @param userId who merges them
	 * @param scope what the caller may see: both customers must be within it, and a rep's
	 * own scope may not merge
	 * @return the customer kept
	 * @throws NoSuchCustomerException when the scope holds either customer not
	 * @throws CustomerChangeRefusedException when the caller may not merge, the two are
	 * one, or either was merged already
	 */
	@Transactional
	public Customer merge(String code, String intoCode, long userId, AccessScope scope) {
		if (scope.kind() == AccessScope.Kind.OWN) {
			throw new CustomerChangeRefusedException("customer.error.mergeNotAllowed");
		}
		Customer merged = find(code, scope);
		Customer kept = find(intoCode.strip(), scope);
		if (Objects.equals(merged.getId(), kept.getId())) {
			throw new CustomerChangeRefusedException("customer.error.mergeSelf");
		}
		refuseMerged(merged);
		refuseMerged(kept);
		long mergedId = merged.getId();
		long keptId = kept.getId();
		MapSqlParameterSource ids = new MapSqlParameterSource("from", mergedId).addValue("to", keptId);
		this.jdbc.update("update sales_orders set customer_id = :to where customer_id = :from", ids);
		this.orderFacts.refresh(List.of(mergedId, keptId));
		this.jdbc.update("update interactions set customer_id = :to where customer_id = :from", ids);
		LastContacts.recompute(this.jdbc, List.of(mergedId, keptId));
		this.changes.move(mergedId, keptId);
		this.events.publishEvent(new CustomersMerged(keptId, mergedId));
		CustomerStatus oldStatus = merged.getStatus();
		merged.mergeInto(keptId);
		store(merged);
		// Out of every book; the kept customer's last contact may have moved.
		BookKeys.sync(this.jdbc, List.of(mergedId, keptId));
		Instant now = now();
		this.changes.record(mergedId, merged.getVersion(), CustomerChange.Kind.MERGED_INTO, "status", oldStatus.name(),
				kept.getCode(), userId, now);
		this.changes.record(keptId, kept.getVersion(), CustomerChange.Kind.MERGED_FROM, null, null, merged.getCode(),
				userId, now);
		this.audit.record(AuditAction.CUSTOMERS_MERGED, kept.getCode(), merged.getCode() + " merged into it");
		return kept;
	}

	/**
	 * What a customer holds now, its referrer named by code.
	 * @param customer the customer
	 * @return its details
	 */
	@Transactional(readOnly = true)
	public CustomerDetails details(Customer customer) {
		Long referrer = customer.getReferredById();
		String code = (referrer != null) ? this.jdbc
			.queryForList("select code from customers where id = :id", new MapSqlParameterSource("id", referrer),
					String.class)
			.stream()
			.findFirst()
			.orElse(null) : null;
		return CustomerDetails.of(customer, code);
	}

	/**
	 * The id of the referrer the details name by code, or a problem when no customer (not
	 * merged away) has that code or it is the customer's own.
	 */
	private @Nullable Long referrerId(CustomerDetails details, String ownCode,
			List<InvalidCustomerDetailsException.Problem> problems) {
		String code = details.referredBy();
		if (code == null) {
			return null;
		}
		if (code.equals(ownCode)) {
			problems
				.add(new InvalidCustomerDetailsException.Problem("referredBy", "customer.error.referredBySelf", code));
			return null;
		}
		List<Long> ids = this.jdbc.queryForList("select id from customers where code = :code and status <> 'MERGED'",
				new MapSqlParameterSource("code", code), Long.class);
		if (ids.isEmpty()) {
			problems.add(new InvalidCustomerDetailsException.Problem("referredBy", "customer.error.referredBy", code));
			return null;
		}
		return ids.getFirst();
	}

	/**
	 * The latest changes of a customer, newest first.
	 */
	@Transactional(readOnly = true)
	public List<CustomerChange> history(long customerId, int limit) {
		return this.changes.latest(customerId, limit);
	}

	/** Writes the customer now, so that its id and version are those stored. */
	private void store(Customer customer) {
		this.customers.save(customer);
		this.entityManager.flush();
	}

	private Customer find(String code, AccessScope scope) {
		return this.customers.findByCode(code, scope).orElseThrow(() -> new NoSuchCustomerException(code));
	}

	private static void refuseMerged(Customer customer) {
		if (customer.getStatus() == CustomerStatus.MERGED) {
			throw new CustomerChangeRefusedException("customer.error.merged");
		}
	}

	private List<InvalidCustomerDetailsException.Problem> problems(CustomerDetails details) {
		List<InvalidCustomerDetailsException.Problem> problems = new ArrayList<>();
		if (details.name().isEmpty()) {
			problems.add(new InvalidCustomerDetailsException.Problem("name", "customer.error.name", ""));
		}
		if (details.phone() != null && details.normalisedPhone() == null) {
			problems.add(new InvalidCustomerDetailsException.Problem("phone", "customer.error.phone", details.phone()));
		}
		if (details.email() != null && !EMAIL.matcher(details.email()).matches()) {
			problems.add(new InvalidCustomerDetailsException.Problem("email", "customer.error.email", details.email()));
		}
		if (details.region() != null
				&& this.references.catalog(ReferenceKind.REGION).find(details.region()).isEmpty()) {
			problems
				.add(new InvalidCustomerDetailsException.Problem("region", "customer.error.region", details.region()));
		}
		if (details.industry() != null
				&& this.references.catalog(ReferenceKind.INDUSTRY).find(details.industry()).isEmpty()) {
			problems.add(new InvalidCustomerDetailsException.Problem("industry", "customer.error.industry",
					details.industry()));
		}
		choice(problems, "gender", details.gender(), CustomerDetails.GENDERS);
		choice(problems, "ageBand", details.ageBand(), CustomerDetails.AGE_BANDS);
		choice(problems, "incomeBand", details.incomeBand(), CustomerDetails.INCOME_BANDS);
		length(problems, "name", details.name(), 200);
		length(problems, "email", details.email(), 200);
		length(problems, "province", details.province(), 50);
		length(problems, "city", details.city(), 50);
		length(problems, "channel", details.channel(), 50);
		length(problems, "occupation", details.occupation(), 50);
		return problems;
	}

	private static void choice(List<InvalidCustomerDetailsException.Problem> problems, String field,
			@Nullable String value, List<String> allowed) {
		if (value != null && !allowed.contains(value)) {
			problems.add(new InvalidCustomerDetailsException.Problem(field, "customer.error.choice", value));
		}
	}

	private static void length(List<InvalidCustomerDetailsException.Problem> problems, String field,
			@Nullable String value, int max) {
		if (value != null && value.length() > max) {
			problems.add(new InvalidCustomerDetailsException.Problem(field, "customer.error.tooLong", value));
		}
	}

	private String generatedCode(long id) {
		String code = String.format(Locale.ROOT, "C%07d", id);
		// An imported customer may hold the code already.
		String candidate = code;
		for (int n = 2; this.customers.existsByCode(candidate); n++) {
			candidate = code + "-" + n;
		}
		return candidate;
	}

	private Instant now() {
		return Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
	}

}
