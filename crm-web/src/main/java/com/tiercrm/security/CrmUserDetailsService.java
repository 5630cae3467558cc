package com.tiercrm.security;

import com.tiercrm.account.UserRepository;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users from the database for both form login and HTTP Basic.
 */
@Service
class CrmUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	CrmUserDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.users.findByUsernameIgnoreCase(username)
			.map(CrmUser::of)
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

}
