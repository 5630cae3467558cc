package com.tiercrm.database.web;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;

import com.tiercrm.database.ReplicaReads;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.OnCommittedResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the requests that only read (GET, HEAD) read from the replica, and keeps every
 * user's reads on the primary until the replica has replayed the user's last write. A
 * write is a request of any other method, or a GET that committed a read-write
 * transaction. With a session, its start and end are noted in the session (kept in the
 * database, so every instance sees them; a session marked as writing reads from the
 * primary). Without one (API tokens, HTTP Basic), the primary's WAL position is noted for
 * the user in the database before the response is sent, so that the user's next request,
 * on any instance, reads from the primary until the replica has replayed it
 * ({@link ReplicaReads#noteWrites}). Runs after Spring Security, so that signing in,
 * tokens and the user's account are always read from the primary.
 */
@Component
@Order(0)
class ReplicaReadFilter extends OncePerRequestFilter {

	static final String WRITE_STARTED = ReplicaReadFilter.class.getName() + ".writeStarted";

	static final String WRITE_ENDED = ReplicaReadFilter.class.getName() + ".writeEnded";

	private final ObjectProvider<ReplicaReads> replicaReads;

	ReplicaReadFilter(ObjectProvider<ReplicaReads> replicaReads) {
		this.replicaReads = replicaReads;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ReplicaReads reads = this.replicaReads.getIfAvailable();
		if (reads == null || !reads.configured()) {
			chain.doFilter(request, response);
			return;
		}
		Principal principal = request.getUserPrincipal();
		HttpSession session = request.getSession(false);
		// Without a session, the user's writes are noted by name in the database.
		String writer = (session == null && principal != null) ? principal.getName() : null;
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			if (writer != null) {
				WritesNotedOnCommit noting = new WritesNotedOnCommit(response, reads, writer);
				try {
					chain.doFilter(request, noting);
				}
				finally {
					noting.note();
				}
				return;
			}
			started(session);
			try {
				chain.doFilter(request, response);
			}
			finally {
				ended(request.getSession(false));
			}
			return;
		}
		if (writing(session)) {
			chain.doFilter(request, response);
			return;
		}
		// A GET that commits a read-write transaction reads from the primary from then
		// on, but is no write of the user's: many pages note something in passing.
		ReplicaReads.Scope scope = reads.allow(lastWrite(session), writer);
		try {
			chain.doFilter(request, response);
		}
		finally {
			scope.close();
		}
	}

	private static void started(@Nullable HttpSession session) {
		if (session != null) {
			// Saved with the session when the response is committed: a request that
			// reaches another instance before the end is noted reads from the primary.
			session.setAttribute(WRITE_STARTED, Instant.now());
		}
	}

	private static void ended(@Nullable HttpSession session) {
		if (session != null) {
			try {
				session.setAttribute(WRITE_ENDED, Instant.now());
			}
			catch (IllegalStateException invalidated) {
				// Signed out: no later request of this session.
			}
		}
	}

	private static boolean writing(@Nullable HttpSession session) {
		if (session == null) {
			return false;
		}
		Instant started = (Instant) session.getAttribute(WRITE_STARTED);
		Instant ended = (Instant) session.getAttribute(WRITE_ENDED);
		return started != null && (ended == null || ended.isBefore(started));
	}

	private static @Nullable Instant lastWrite(@Nullable HttpSession session) {
		return (session != null) ? (Instant) session.getAttribute(WRITE_ENDED) : null;
	}

	/**
	 * Notes a client's writes when its response is committed, before the client can read
	 * it and send its next request, or at the end of the request.
	 */
	private static final class WritesNotedOnCommit extends OnCommittedResponseWrapper {

		private final ReplicaReads reads;

		private final String writer;

		private boolean noted;

		WritesNotedOnCommit(HttpServletResponse response, ReplicaReads reads, String writer) {
			super(response);
			this.reads = reads;
			this.writer = writer;
		}

		@Override
		protected void onResponseCommitted() {
			note();
		}

		void note() {
			if (!this.noted) {
				this.noted = true;
				this.reads.noteWrites(this.writer);
			}
		}

	}

}
