package com.tiercrm.bootstrap;

import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the user {@code admin} when the application starts on a database without any
 * users, so that a new installation can be signed into. The password is
 * {@code tiercrm.admin.initial-password}, or a random one logged once.
 */
@Component
@Order(FirstAdminBootstrap.ORDER)
class FirstAdminBootstrap implements ApplicationRunner {

	/** After the demo data (which brings its own admin), before the data generator. */
	static final int ORDER = 200;

	static final String USERNAME = "admin";

	private static final Logger logger = LoggerFactory.getLogger(FirstAdminBootstrap.class);

	private final UserRepository users;

	private final AdminProperties properties;

	private final PasswordEncoder passwordEncoder;

	FirstAdminBootstrap(UserRepository users, AdminProperties properties,
			ObjectProvider<PasswordEncoder> passwordEncoder) {
		this.users = users;
		this.properties = properties;
		this.passwordEncoder = passwordEncoder
			.getIfAvailable(PasswordEncoderFactories::createDelegatingPasswordEncoder);
	}

	@Override
	public void run(ApplicationArguments args) {
		createAdminIfNoUsers();
	}

	/**
	 * Creates {@code admin} if there are no users at all.
	 * @return whether it did
	 */
	public boolean createAdminIfNoUsers() {
		if (this.users.count() > 0) {
			return false;
		}
		String configured = this.properties.initialPassword();
		boolean generated = configured == null || configured.isBlank();
		String password = generated ? GeneratedPassword.create() : configured;
		this.users.save(new User(USERNAME, "系统管理员 Admin", this.passwordEncoder.encode(password), Role.ADMIN));
		if (generated) {
			logger.warn("""

					================================================================================
					  No users found: created the administrator '{}'.
					  Its generated password, shown only this once: {}
					  Sign in and change it, or set tiercrm.admin.initial-password before the first start.
					================================================================================""", USERNAME,
					password);
		}
		else {
			logger.info("No users found: created the administrator '{}' with tiercrm.admin.initial-password", USERNAME);
		}
		return true;
	}

}
