package com.tiercrm.demo;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Runs the data generator when the {@code generator} profile sets
 * {@code tiercrm.generator.enabled}, and prints one line of JSON with what it wrote. That
 * profile also turns the web server off, so the application exits when it is done.
 */
@Component
@Order(DataGeneratorRunner.ORDER)
@ConditionalOnBooleanProperty("tiercrm.generator.enabled")
class DataGeneratorRunner implements ApplicationRunner {

	/**
	 * Runs after the first-admin bootstrap, so that a generated database has an admin.
	 */
	static final int ORDER = 300;

	private final DataGenerator generator;

	DataGeneratorRunner(DataSource dataSource, GeneratorProperties properties,
			ObjectProvider<PasswordEncoder> passwordEncoder) {
		this.generator = new DataGenerator(dataSource, properties,
				passwordEncoder.getIfAvailable(PasswordEncoderFactories::createDelegatingPasswordEncoder));
	}

	@Override
	public void run(ApplicationArguments args) {
		// The summary is the command's output, for scripts: stdout, not the log.
		System.out.println(this.generator.generate().toJson());
	}

}
