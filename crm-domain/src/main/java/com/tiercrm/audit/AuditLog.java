package com.tiercrm.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and searches the audit log. An entry is written in the caller's transaction, so
 * that it is kept exactly when the change it records is (call it after the change, never
 * from a read-only transaction), or in one of its own outside a transaction (a sign-in,
 * an export). Entries are never changed; those older than {@code tiercrm.audit.retention}
 * (a year by default) are deleted.
 */
@Service
public class AuditLog {

	/** The longest text kept in an entry's target and details. */
	static final int MAX_TARGET = 200;

	static final int MAX_DETAILS = 2000;

	private static final Log logger = LogFactory.getLog(AuditLog.class);

	/** The client's address of the request being served, set by the web layer. */
	private static final ThreadLocal<@Nullable String> ADDRESS = new ThreadLocal<>();

	private final JdbcTemplate jdbc;

	private final Duration retention;

	AuditLog(JdbcTemplate jdbc, @Value("${tiercrm.audit.retention:365d}") Duration retention) {
		this.jdbc = jdbc;
		this.retention = retention;
	}

	/**
	 * Makes the client's address known to the entries this thread records until the
	 * returned scope is closed.
	 * @param address the address
	 * @return the scope, to close when the request has been served
	 */
	public static AddressScope from(@Nullable String address) {
		String before = ADDRESS.get();
		ADDRESS.set(address);
		return () -> ADDRESS.set(before);
	}

	/**
	 * Records an action of the signed-in user, from the address of the request being
	 * served.
	 * @param action what
	 * @param target what it was done to
	 * @param details more
	 */
	@Transactional
	public void record(AuditAction action, @Nullable String target, @Nullable String details) {
		record(action, currentUser(), ADDRESS.get(), target, details);
	}

	/**
	 * Records an action.
	 * @param action what
	 * @param actor who, {@code null} when nobody is signed in
	 * @param address from where, {@code null} outside a request
	 * @param target what it was done to
	 * @param details more
	 */
	@Transactional
	public void record(AuditAction action, @Nullable String actor, @Nullable String address, @Nullable String target,
			@Nullable String details) {
		this.jdbc.update(
				"insert into audit_entries (occurred_at, actor, address, action, target, details)"
						+ " values (?, ?, ?, ?, ?, ?)",
				Timestamp.from(Instant.now()), cut(actor, 100), cut(address, 64), action.name(),
				cut(target, MAX_TARGET), cut(details, MAX_DETAILS));
	}

	/**
	 * A page of the entries matching a query, newest first.
	 * @param query what to match
	 * @param beforeId only entries older than this one (the next page), or {@code null}
	 * @param size the most entries on the page
	 * @return the entries, and where the next page starts if there is one
	 */
	@Transactional(readOnly = true)
	public AuditPage search(AuditQuery query, @Nullable Long beforeId, int size) {
		StringBuilder sql = new StringBuilder(
				"select id, occurred_at, actor, address, action, target, details from audit_entries where 1 = 1");
		List<Object> arguments = new ArrayList<>();
		if (beforeId != null) {
			sql.append(" and id < ?");
			arguments.add(beforeId);
		}
		if (query.action() != null) {
			sql.append(" and action = ?");
			arguments.add(query.action().name());
		}
		if (query.actor() != null && !query.actor().isBlank()) {
			sql.append(" and lower(actor) = lower(?)");
			arguments.add(query.actor().strip());
		}
		if (query.from() != null) {
			sql.append(" and occurred_at >= ?");
			arguments.add(Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" and occurred_at < ?");
			arguments.add(Timestamp.from(query.to()));
		}
		if (query.text() != null && !query.text().isBlank()) {
			sql.append(" and (lower(target) like ? escape '\\' or lower(details) like ? escape '\\')");
			String like = "%"
					+ query.text().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%";
			arguments.add(like);
			arguments.add(like);
		}
		// One more than the page: whether there is a next page.
		sql.append(" order by id desc limit ?");
		arguments.add(size + 1);
		List<AuditEntry> entries = this.jdbc.query(sql.toString(),
				(rs, row) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
						rs.getString(4), AuditAction.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)),
				arguments.toArray());
		if (entries.size() <= size) {
			return new AuditPage(entries, null);
		}
		List<AuditEntry> page = entries.subList(0, size);
		return new AuditPage(page, page.getLast().id());
	}

	/**
	 * Deletes the entries older than the retention period; every instance may do it.
	 */
	@Scheduled(fixedDelayString = "${tiercrm.audit.sweep-interval:6h}", initialDelayString = "1m")
	public void deleteExpired() {
		int deleted = this.jdbc.update("delete from audit_entries where occurred_at < ?",
				Timestamp.from(Instant.now().minus(this.retention)));
		if (deleted > 0) {
			logger.info("Deleted " + deleted + " audit entries older than " + this.retention);
		}
	}

	/** The time a request's address is known; closing it forgets the address. */
	@FunctionalInterface
	public interface AddressScope extends AutoCloseable {

		@Override
		void close();

	}

	private static @Nullable String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : null;
	}

	private static @Nullable String cut(@Nullable String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

}
