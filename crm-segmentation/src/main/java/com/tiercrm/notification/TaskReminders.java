package com.tiercrm.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells assignees of their open follow-ups coming due within the lead time (or already
 * overdue), once per due time: a sweep that marks the tasks it reminds of and writes
 * their notifications with one statement each. It runs on one instance at a time
 * (ShedLock); the mark keeps a task from being reminded twice whichever instance sweeps.
 */
@Component
public class TaskReminders {

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final NotificationProperties properties;

	private final Clock clock;

	@Autowired
	TaskReminders(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
			NotificationProperties properties) {
		this(jdbc, transactions, properties, Clock.systemUTC());
	}

	TaskReminders(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, NotificationProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tiercrm.notifications.sweep-interval:1m}",
			initialDelayString = "${tiercrm.notifications.sweep-interval:1m}")
	@SchedulerLock(name = "task-reminders", lockAtMostFor = "PT10M")
	void sweep() {
		remind();
	}

	/**
	 * Reminds of the open follow-ups due within the lead time that were not reminded of
	 * yet.
	 * @return how many reminders were written
	 */
	public int remind() {
		// Microseconds, as the database keeps them: the mark must find its own rows.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now)).addValue("horizon",
				Timestamp.from(now.plus(this.properties.taskLead())));
		@Nullable Integer written = this.transactions.execute((status) -> {
			int marked = this.jdbc.update("update tasks set reminded_at = :now where reminded_at is null"
					+ " and done_at is null and due_at <= :horizon", params);
			if (marked == 0) {
				return 0;
			}
			return this.jdbc.update("insert into notifications (user_id, kind, message_key, arg0, arg1, link,"
					+ " created_at) select t.assignee_id, 'TASK_DUE', 'notification.taskDue', c.name, c.code,"
					+ " '/tasks/' || t.id, :now from tasks t join customers c on c.id = t.customer_id"
					+ " where t.reminded_at = :now and t.done_at is null", params);
		});
		return (written != null) ? written : 0;
	}

}
