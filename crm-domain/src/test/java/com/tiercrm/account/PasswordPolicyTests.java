package com.tiercrm.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private static final CommonPasswordChecker CHECKER = new CommonPasswordChecker();

	private final PasswordPolicy policy = new PasswordPolicy(CHECKER);

	@Test
	void theIssuesPasswordsAreRefused() {
		assertThat(this.policy.violation("aaaaaaaa", "rep1")).hasValue("password.tooShort");
		assertThat(this.policy.violation("password", "rep1")).hasValue("password.tooShort");
	}

	@Test
	void commonPasswordsOfTwelveCharactersAndMoreAreRefusedIgnoringCase() {
		assertThat(this.policy.violation("qwertyqwerty", "rep1")).hasValue("password.common");
		assertThat(this.policy.violation("1Q2W3E4R5T6Y", "rep1")).hasValue("password.common");
		assertThat(this.policy.violation("123qweasdzxc", "rep1")).hasValue("password.common");
	}

	@Test
	void theUsernameIsRefused() {
		assertThat(this.policy.violation("wang.lei-2026!", "wang.lei")).hasValue("password.containsUsername");
		assertThat(this.policy.violation("Wang.Lei.Wang", "WANG.LEI.WANG")).hasValue("password.containsUsername");
	}

	@Test
	void passphrasesAreAccepted() {
		assertThat(this.policy.violation("three blue herons", "rep1")).isEmpty();
		assertThat(this.policy.violation("长城上的三只蓝色苍鹭飞过", "rep1")).isEmpty();
		assertThat(this.policy.violation("x".repeat(101), "rep1")).hasValue("password.tooLong");
	}

	@Test
	void theListHasTenThousandCommonPasswords() {
		assertThat(CHECKER.size()).isGreaterThan(9_900);
		assertThat(CHECKER.check("password").isCompromised()).isTrue();
		assertThat(CHECKER.check("123456").isCompromised()).isTrue();
	}

}
