package com.tiercrm.session;

import com.tiercrm.account.UserAccessChanged;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Deletes the sessions of a user who was deactivated, got another role or had their
 * password reset, once the change is committed: a session holds the principal as it was
 * at sign-in, so it must not outlive the rights it was granted with. The next request of
 * such a session is anonymous and goes to the sign-in page.
 */
@Component
class SessionRevocation {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	SessionRevocation(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener
	void endSessions(UserAccessChanged changed) {
		this.sessions.ifAvailable((repository) -> repository.findByPrincipalName(changed.username())
			.keySet()
			.forEach(repository::deleteById));
	}

}
