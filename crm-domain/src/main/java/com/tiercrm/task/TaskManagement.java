package com.tiercrm.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.OwnerOption;
import com.tiercrm.account.OwnerOptions;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.interaction.UnknownCustomerException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans, edits and completes follow-ups, and reads them, always within the user's scope:
 * a task is seen by whoever may see its customer, so another rep's customer's task looks
 * exactly like one that does not exist.
 */
@Service
public class TaskManagement {

	/** The most tasks a customer's page lists. */
	public static final int CUSTOMER_LIMIT = 50;

	private static final String COLUMNS = "select t.id, c.code, c.name, t.assignee_id, a.display_name as assignee_name,"
			+ " t.due_at, t.note, t.created_at, t.done_at, d.display_name as done_by_name, t.version";

	private static final String FROM = " from tasks t join customers c on c.id = t.customer_id"
			+ " join users a on a.id = t.assignee_id left join users d on d.id = t.done_by";

	private final NamedParameterJdbcTemplate jdbc;

	private final TaskRepository tasks;

	private final CustomerRepository customers;

	private final OwnerOptions owners;

	private final Clock clock;

	@Autowired
	TaskManagement(NamedParameterJdbcTemplate jdbc, TaskRepository tasks, CustomerRepository customers,
			OwnerOptions owners) {
		this(jdbc, tasks, customers, owners, Clock.systemUTC());
	}

	TaskManagement(NamedParameterJdbcTemplate jdbc, TaskRepository tasks, CustomerRepository customers,
			OwnerOptions owners, Clock clock) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.customers = customers;
		this.owners = owners;
		this.clock = clock;
	}

	/**
	 * Plans a follow-up on a customer the user may see.
	 * @param customerCode the customer's code
	 * @param assigneeId who is to do it; {@code null} for the customer's owner if they
	 * may be given it, else the user
	 * @param dueAt when it is due
	 * @param note what to do, blank for nothing
	 * @param userId who plans it
	 * @param scope what the user may see
	 * @return the task
	 * @throws UnknownCustomerException if the customer is not within the scope
	 * @throws InvalidAssigneeException if the assignee cannot be given the task
	 */
	@Transactional
	public TaskView create(String customerCode, @Nullable Long assigneeId, Instant dueAt, @Nullable String note,
			long userId, AccessScope scope) {
		Customer customer = this.customers.findByCode(customerCode, scope)
			.orElseThrow(() -> new UnknownCustomerException(customerCode));
		long customerId = customer.getId();
		List<Long> assignable = assignees(customerId, userId, scope).stream().map(OwnerOption::id).toList();
		Long owner = customer.getOwnerId();
		long assignee = (assigneeId != null) ? assigneeId
				: (owner != null && assignable.contains(owner)) ? owner : userId;
		if (!assignable.contains(assignee)) {
			throw new InvalidAssigneeException(assignee);
		}
		Task task = this.tasks
			.save(new Task(customerId, assignee, dueAt.truncatedTo(ChronoUnit.MICROS), clean(note), userId, now()));
		return find(task.getId(), scope);
	}

	/**
	 * Changes a task from the version the user saw.
	 * @param id the task
	 * @param version the version the change is based on
	 * @param assigneeId who is to do it; {@code null} to keep
	 * @param dueAt when it is due
	 * @param note what to do, blank for nothing
	 * @param userId who changes it
	 * @param scope what the user may see
	 * @return the task as changed
	 * @throws UnknownTaskException if the task is not within the scope
	 * @throws TaskConflictException if someone changed it since that version
	 * @throws InvalidAssigneeException if the new assignee cannot be given the task
	 */
	@Transactional
	public TaskView update(long id, long version, @Nullable Long assigneeId, Instant dueAt, @Nullable String note,
			long userId, AccessScope scope) {
		TaskView current = find(id, scope);
		Task task = this.tasks.findById(id).orElseThrow(() -> new UnknownTaskException(id));
		if (task.getVersion() != version) {
			throw new TaskConflictException(current);
		}
		long assignee = (assigneeId != null) ? assigneeId : current.assigneeId();
		if (assignee != current.assigneeId() && assignees(task.getCustomerId(), userId, scope).stream()
			.noneMatch((option) -> option.id() == assignee)) {
			throw new InvalidAssigneeException(assignee);
		}
		task.plan(assignee, dueAt.truncatedTo(ChronoUnit.MICROS), clean(note));
		this.tasks.saveAndFlush(task);
		return find(id, scope);
	}

	/**
	 * Marks a task done, now, by the user; a task already done stays as it was.
	 * @param id the task
	 * @param userId who did it
	 * @param scope what the user may see
	 * @return the task
	 * @throws UnknownTaskException if the task is not within the scope
	 */
	@Transactional
	public TaskView complete(long id, long userId, AccessScope scope) {
		find(id, scope);
		Task task = this.tasks.findById(id).orElseThrow(() -> new UnknownTaskException(id));
		task.complete(userId, now());
		this.tasks.saveAndFlush(task);
		return find(id, scope);
	}

	/**
	 * A task on a customer the user may see.
	 * @throws UnknownTaskException otherwise
	 */
	@Transactional(readOnly = true)
	public TaskView find(long id, AccessScope scope) {
		return this.jdbc
			.query(COLUMNS + FROM + " where t.id = :id and " + scope.ownerCondition("c.owner_id"),
					params(scope).addValue("id", id), TaskManagement::view)
			.stream()
			.findFirst()
			.orElseThrow(() -> new UnknownTaskException(id));
	}

	/**
	 * The user's own tasks (assigned to them) on customers they may see: open ones by due
	 * time, done ones latest first.
	 * @param userId the assignee
	 * @param scope what the user may see
	 * @param dueBefore only tasks due before this, if given
	 * @param done only done ({@code true}) or open ({@code false}) tasks, if given
	 * @param limit the most to return
	 * @return the first tasks and how many match
	 */
	@Transactional(readOnly = true)
	public TaskList assignedTo(long userId, AccessScope scope, @Nullable Instant dueBefore, @Nullable Boolean done,
			int limit) {
		MapSqlParameterSource params = params(scope).addValue("assignee", userId).addValue("limit", limit);
		StringBuilder where = new StringBuilder(" where t.assignee_id = :assignee and ")
			.append(scope.ownerCondition("c.owner_id"));
		if (done != null) {
			where.append(done ? " and t.done_at is not null" : " and t.done_at is null");
		}
		if (dueBefore != null) {
			where.append(" and t.due_at < :before");
			params.addValue("before", Timestamp.from(dueBefore));
		}
		String order = Boolean.TRUE.equals(done) ? " order by t.done_at desc, t.id desc" : " order by t.due_at, t.id";
		long[] total = { 0 };
		List<TaskView> items = this.jdbc.query(
				COLUMNS + ", count(*) over () as total" + FROM + where + order + " limit :limit", params, (rs, row) -> {
					total[0] = rs.getLong("total");
					return view(rs, row);
				});
		return new TaskList(items, total[0]);
	}

	/**
	 * A customer's tasks, open ones first by due time, then the latest done.
	 * @param customerCode the customer's code
	 * @param scope what the user may see; another rep's customer has none
	 * @return at most {@link #CUSTOMER_LIMIT} tasks
	 */
	@Transactional(readOnly = true)
	public List<TaskView> forCustomer(String customerCode, AccessScope scope) {
		return this.jdbc.query(COLUMNS + FROM + " where c.code = :code and " + scope.ownerCondition("c.owner_id")
				+ " order by case when t.done_at is null then 0 else 1 end, t.due_at, t.done_at desc, t.id limit "
				+ CUSTOMER_LIMIT, params(scope).addValue("code", customerCode), TaskManagement::view);
	}

	/**
	 * Who a user may give a task on a customer to: the owners in the user's scope and the
	 * user, of them those who may see the customer, by name.
	 * @param customerCode the customer's code
	 * @param userId who plans the task
	 * @param scope what the user may see
	 * @return the users to offer; empty if the customer is not within the scope
	 */
	@Transactional(readOnly = true)
	public List<OwnerOption> assignees(String customerCode, long userId, AccessScope scope) {
		return this.customers.findByCode(customerCode, scope)
			.map((customer) -> assignees(customer.getId(), userId, scope))
			.orElse(List.of());
	}

	/**
	 * The assignee a new task on the customer gets by default: the owner if they may be
	 * given it, else the user.
	 */
	@Transactional(readOnly = true)
	public long defaultAssignee(String customerCode, long userId, AccessScope scope) {
		return this.customers.findByCode(customerCode, scope)
			.map(Customer::getOwnerId)
			.filter((owner) -> assignees(customerCode, userId, scope).stream()
				.anyMatch((option) -> option.id() == owner))
			.orElse(userId);
	}

	private List<OwnerOption> assignees(long customerId, long userId, AccessScope scope) {
		List<Long> candidates = new ArrayList<>(this.owners.visibleTo(scope).stream().map(OwnerOption::id).toList());
		candidates.add(userId);
		// Who may see the customer: its owner, admins and heads of sales, and the
		// manager of the owner's team (AccessScope, from the assignee's side).
		return this.jdbc.query("select u.id, u.display_name from users u join customers c on c.id = :customer"
				+ " where u.id in (:candidates) and (u.id = c.owner_id or u.role = 'ADMIN' or (u.role = 'MANAGER'"
				+ " and (u.head_of_sales = true or c.owner_id in (select m.id from users m"
				+ " join teams tm on tm.id = m.team_id where tm.manager_id = u.id))))"
				+ " order by u.display_name, u.id",
				new MapSqlParameterSource("customer", customerId).addValue("candidates", candidates),
				(rs, row) -> new OwnerOption(rs.getLong(1), rs.getString(2)));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static MapSqlParameterSource params(AccessScope scope) {
		return new MapSqlParameterSource("scopeUser", scope.userId());
	}

	private static @Nullable String clean(@Nullable String note) {
		return (note == null || note.isBlank()) ? null : note.strip();
	}

	private static TaskView view(ResultSet rs, int row) throws SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		return new TaskView(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getLong("assignee_id"),
				rs.getString("assignee_name"), rs.getTimestamp("due_at").toInstant(), rs.getString("note"),
				rs.getTimestamp("created_at").toInstant(), (done != null) ? done.toInstant() : null,
				rs.getString("done_by_name"), rs.getLong("version"));
	}

}
