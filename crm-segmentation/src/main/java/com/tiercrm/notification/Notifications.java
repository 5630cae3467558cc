package com.tiercrm.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's notifications: how many are unread, the latest, and marking them read. A user
 * only ever reads and marks their own.
 */
@Service
public class Notifications {

	/** The most notifications the list shows. */
	public static final int LIST_LIMIT = 50;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	@Autowired
	Notifications(NamedParameterJdbcTemplate jdbc) {
		this(jdbc, Clock.systemUTC());
	}

	Notifications(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * How many of the user's notifications are unread.
	 */
	@Transactional(readOnly = true)
	public long unread(long userId) {
		Long count = this.jdbc.queryForObject(
				"select count(*) from notifications where user_id = :user and read_at is null",
				new MapSqlParameterSource("user", userId), Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * The user's latest notifications, newest first.
	 * @param userId whose
	 * @param limit the most to return
	 */
	@Transactional(readOnly = true)
	public List<Notification> latest(long userId, int limit) {
		return this.jdbc.query(
				"select id, kind, message_key, arg0, arg1, arg2, link, created_at, read_at from notifications"
						+ " where user_id = :user order by id desc limit :limit",
				new MapSqlParameterSource("user", userId).addValue("limit", limit), (rs, row) -> {
					List<String> arguments = new ArrayList<>();
					for (String column : List.of("arg0", "arg1", "arg2")) {
						String argument = rs.getString(column);
						if (argument != null) {
							arguments.add(argument);
						}
					}
					return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
							rs.getString("message_key"), arguments, rs.getString("link"),
							rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null);
				});
	}

	/**
	 * Marks one of the user's notifications read.
	 * @return where it leads, empty if it is not the user's or leads nowhere
	 */
	@Transactional
	public Optional<String> markRead(long userId, long id) {
		MapSqlParameterSource params = new MapSqlParameterSource("user", userId).addValue("id", id)
			.addValue("now", Timestamp.from(this.clock.instant()));
		this.jdbc.update(
				"update notifications set read_at = :now where id = :id and user_id = :user" + " and read_at is null",
				params);
		List<@Nullable String> links = this.jdbc.query(
				"select link from notifications where id = :id and user_id = :user", params,
				(rs, row) -> rs.getString(1));
		return links.stream().filter((link) -> link != null).findFirst().map(String::valueOf);
	}

	/**
	 * Marks all the user's notifications read.
	 * @return how many were unread
	 */
	@Transactional
	public int markAllRead(long userId) {
		return this.jdbc.update("update notifications set read_at = :now where user_id = :user and read_at is null",
				new MapSqlParameterSource("user", userId).addValue("now", Timestamp.from(this.clock.instant())));
	}

	/**
	 * Whether a notification of the user exists (read or not).
	 */
	@Transactional(readOnly = true)
	public boolean exists(long userId, long id) {
		Long count = this.jdbc.queryForObject("select count(*) from notifications where id = :id and user_id = :user",
				new MapSqlParameterSource("user", userId).addValue("id", id), Long.class);
		return count != null && count > 0;
	}

}
