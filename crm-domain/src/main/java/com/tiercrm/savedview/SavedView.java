package com.tiercrm.savedview;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A named filter and sort of the customer list, as the list's query string; shared when
 * it names a team.
 */
@Entity
@Table(name = "saved_views")
public class SavedView {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long userId;

	private @Nullable Long teamId;

	private String name;

	private String filterQuery;

	private Instant createdAt;

	protected SavedView() {
		this(0, null, "", "", Instant.EPOCH);
	}

	SavedView(long userId, @Nullable Long teamId, String name, String filterQuery, Instant createdAt) {
		this.userId = userId;
		this.teamId = teamId;
		this.name = name;
		this.filterQuery = filterQuery;
		this.createdAt = createdAt;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public long getUserId() {
		return this.userId;
	}

	public @Nullable Long getTeamId() {
		return this.teamId;
	}

	public boolean isShared() {
		return this.teamId != null;
	}

	public String getName() {
		return this.name;
	}

	/**
	 * The list's query string without a cursor, such as
	 * {@code tier=ABC%3AA&sort=NAME_ASC}.
	 */
	public String getFilterQuery() {
		return this.filterQuery;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
