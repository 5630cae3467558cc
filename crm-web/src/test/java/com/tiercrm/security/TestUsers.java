package com.tiercrm.security;

import com.tiercrm.account.Role;
import com.tiercrm.account.User;

import org.springframework.test.util.ReflectionTestUtils;

/**
 * Principals for slice tests.
 */
public final class TestUsers {

	private TestUsers() {
	}

	public static CrmUser principal(long id, String username, Role role) {
		return CrmUser.of(user(id, username, role));
	}

	public static User user(long id, String username, Role role) {
		User user = new User(username, "Display " + username, "{noop}secret", role);
		ReflectionTestUtils.setField(user, "id", id);
		return user;
	}

}
