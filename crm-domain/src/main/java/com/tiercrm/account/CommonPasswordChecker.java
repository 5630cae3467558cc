package com.tiercrm.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.authentication.password.CompromisedPasswordDecision;

/**
 * A password is compromised when it is one of the 10,000 most common ones (see
 * {@code account/common-passwords.md}), ignoring case. Works offline, unlike a breach
 * API.
 */
public class CommonPasswordChecker implements CompromisedPasswordChecker {

	private static final String LIST = "account/common-passwords.txt";

	private final Set<String> common;

	public CommonPasswordChecker() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(LIST).getInputStream(), StandardCharsets.UTF_8))) {
			this.common = reader.lines()
				.map((line) -> line.strip().toLowerCase(Locale.ROOT))
				.filter((line) -> !line.isEmpty())
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LIST, ex);
		}
	}

	@Override
	public CompromisedPasswordDecision check(@Nullable String password) {
		return new CompromisedPasswordDecision(
				password != null && this.common.contains(password.strip().toLowerCase(Locale.ROOT)));
	}

	int size() {
		return this.common.size();
	}

}
