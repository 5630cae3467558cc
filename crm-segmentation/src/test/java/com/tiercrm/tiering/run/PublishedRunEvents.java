package com.tiercrm.tiering.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the {@link RunPublished} events a listener hears, with the published run the
 * database shows to another connection at that moment.
 */
class PublishedRunEvents {

	private final DataSource dataSource;

	private final List<Heard> heard = new CopyOnWriteArrayList<>();

	PublishedRunEvents(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@TransactionalEventListener
	void on(RunPublished event) throws SQLException {
		// A connection of its own, outside the run's transaction: it sees only what was
		// committed.
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select published_run_id from segmentation_state where id = 1")) {
			rs.next();
			long published = rs.getLong(1);
			this.heard.add(new Heard(event, rs.wasNull() ? null : published));
		}
	}

	List<Heard> heard() {
		return List.copyOf(this.heard);
	}

	void clear() {
		this.heard.clear();
	}

	record Heard(RunPublished event, @Nullable Long publishedRunId) {

	}

}
