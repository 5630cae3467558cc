package com.tiercrm.bootstrap;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:first-admin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"tiercrm.admin.initial-password=Configured-Secret-1" })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(FirstAdminBootstrap.class)
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminBootstrapTests {

	private final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Autowired
	private UserRepository users;

	@Autowired
	private FirstAdminBootstrap bootstrap;

	@Autowired
	private ObjectProvider<PasswordEncoder> passwordEncoders;

	@Test
	void createsTheAdminWithTheConfiguredPasswordOnStartUp() {
		// The runner ran while the context started; the test transaction sees its commit.
		User admin = this.users.findByUsernameIgnoreCase("admin").orElseThrow();
		assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
		assertThat(this.passwordEncoder.matches("Configured-Secret-1", admin.getPasswordHash())).isTrue();
		assertThat(this.bootstrap.createAdminIfNoUsers()).isFalse();
		assertThat(this.users.count()).isOne();
	}

	@Test
	void generatesAPasswordAndLogsItOnceWhenNoneIsConfigured(CapturedOutput output) {
		this.users.deleteAll();
		FirstAdminBootstrap generating = new FirstAdminBootstrap(this.users, new AdminProperties(null),
				this.passwordEncoders);

		assertThat(generating.createAdminIfNoUsers()).isTrue();
		Matcher logged = Pattern.compile("shown only this once: (\\S+)").matcher(output.getAll());
		assertThat(logged.find()).isTrue();
		String password = logged.group(1);
		assertThat(password).hasSize(16);
		User admin = this.users.findByUsernameIgnoreCase("admin").orElseThrow();
		assertThat(this.passwordEncoder.matches(password, admin.getPasswordHash())).isTrue();
		assertThat(generating.createAdminIfNoUsers()).isFalse();
		assertThat(output.getAll().split("shown only this once", -1)).hasSize(2);
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = User.class)
	@EnableConfigurationProperties(AdminProperties.class)
	static class TestConfiguration {

	}

}
