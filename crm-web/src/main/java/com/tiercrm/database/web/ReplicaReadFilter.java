package com.tiercrm.database.web;

import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tiercrm.database.ReplicaReads;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the requests that only read (GET, HEAD) read from the replica, and keeps every
 * user's reads on the primary until the replica has replayed the user's last write. A
 * write is a request of any other method, or a GET that committed a read-write
 * transaction. Its start and end are noted in the user's session (kept in the database,
 * so every instance sees them; a session marked as writing reads from the primary) and in
 * this instance's memory by username (for API clients without a session). Runs after
 * Spring Security, so that signing in, tokens and the user's account are always read from
 * the primary.
 */
@Component
@Order(0)
class ReplicaReadFilter extends OncePerRequestFilter {

	static final String WRITE_STARTED = ReplicaReadFilter.class.getName() + ".writeStarted";

	static final String WRITE_ENDED = ReplicaReadFilter.class.getName() + ".writeEnded";

	private final ObjectProvider<ReplicaReads> replicaReads;

	private final Cache<String, Writes> writes = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

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
		Writes userWrites = (principal != null) ? this.writes.get(principal.getName(), (name) -> new Writes()) : null;
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			started(request.getSession(false), userWrites);
			try {
				chain.doFilter(request, response);
			}
			finally {
				ended(request.getSession(false), userWrites);
			}
			return;
		}
		HttpSession session = request.getSession(false);
		if (writing(session) || (userWrites != null && userWrites.writing())) {
			chain.doFilter(request, response);
			return;
		}
		Instant notBefore = later(lastWrite(session), (userWrites != null) ? userWrites.lastEnded() : null);
		// A GET that commits a read-write transaction reads from the primary from then
		// on, but is no write of the user's: many pages note something in passing.
		ReplicaReads.Scope scope = reads.allow(notBefore);
		try {
			chain.doFilter(request, response);
		}
		finally {
			scope.close();
		}
	}

	private static void started(@Nullable HttpSession session, @Nullable Writes userWrites) {
		if (userWrites != null) {
			userWrites.started();
		}
		if (session != null) {
			// Saved with the session when the response is committed: a request that
			// reaches another instance before the end is noted reads from the primary.
			session.setAttribute(WRITE_STARTED, Instant.now());
		}
	}

	private static void ended(@Nullable HttpSession session, @Nullable Writes userWrites) {
		Instant now = Instant.now();
		if (userWrites != null) {
			userWrites.ended(now);
		}
		if (session != null) {
			try {
				session.setAttribute(WRITE_ENDED, now);
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

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	/** One user's writes on this instance. */
	private static final class Writes {

		private int running;

		private @Nullable Instant lastEnded;

		synchronized void started() {
			this.running++;
		}

		synchronized void ended(Instant at) {
			this.running = Math.max(0, this.running - 1);
			this.lastEnded = at;
		}

		synchronized boolean writing() {
			return this.running > 0;
		}

		synchronized @Nullable Instant lastEnded() {
			return this.lastEnded;
		}

	}

}
