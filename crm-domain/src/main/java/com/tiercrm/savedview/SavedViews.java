package com.tiercrm.savedview;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves, lists and deletes the customer list's saved views. A view shared with a team is
 * seen by its members and its manager; only the user who saved a view may delete it.
 */
@Service
public class SavedViews {

	private final SavedViewRepository views;

	private final NamedParameterJdbcTemplate jdbc;

	SavedViews(SavedViewRepository views, NamedParameterJdbcTemplate jdbc) {
		this.views = views;
		this.jdbc = jdbc;
	}

	/**
	 * The views a user may pick: their own and those shared with their team, by name.
	 */
	@Transactional(readOnly = true)
	public List<SavedView> visibleTo(long userId) {
		return this.views.visibleTo(userId);
	}

	/**
	 * One of the views a user may pick.
	 * @return the view, or empty when it does not exist or the user may not see it
	 */
	@Transactional(readOnly = true)
	public Optional<SavedView> visibleTo(long userId, long viewId) {
		return this.views.visibleTo(userId)
			.stream()
			.filter((view) -> Long.valueOf(viewId).equals(view.getId()))
			.findFirst();
	}

	/**
	 * Saves a view of the list.
	 * @param userId who saves it
	 * @param name its name, unique among the user's views
	 * @param filterQuery the list's query string
	 * @param shared whether the user's team sees it too
	 * @return the saved view
	 * @throws DuplicateViewNameException if the user has a view of that name
	 * @throws NoTeamToShareWithException if shared but the user has no team
	 */
	@Transactional
	public SavedView save(long userId, String name, String filterQuery, boolean shared) {
		String stripped = name.strip();
		if (this.views.existsByUserIdAndName(userId, stripped)) {
			throw new DuplicateViewNameException(stripped);
		}
		Long teamId = null;
		if (shared) {
			// The team the user is in, else the one they lead.
			teamId = this.jdbc
				.queryForList(
						"select coalesce((select u.team_id from users u where u.id = :user),"
								+ " (select min(t.id) from teams t where t.manager_id = :user))",
						new MapSqlParameterSource("user", userId), Long.class)
				.stream()
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElseThrow(() -> new NoTeamToShareWithException(userId));
		}
		return this.views.save(new SavedView(userId, teamId, stripped, filterQuery, Instant.now()));
	}

	/**
	 * Deletes one of the user's own views.
	 * @return whether there was such a view
	 */
	@Transactional
	public boolean delete(long userId, long viewId) {
		return this.views.findByIdAndUserId(viewId, userId).map((view) -> {
			this.views.delete(view);
			return true;
		}).orElse(false);
	}

}
