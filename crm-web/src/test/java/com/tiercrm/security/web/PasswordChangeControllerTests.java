package com.tiercrm.security.web;

import com.tiercrm.account.AccountManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.account.WrongPasswordException;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(PasswordChangeController.class)
@Import(WebSliceConfiguration.class)
class PasswordChangeControllerTests {

	private static final CrmUser REP = TestUsers.principal(2, "rep", Role.SALES_REP);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountManagement accounts;

	@Test
	void changesTheOwnPassword() throws Exception {
		User changed = TestUsers.user(2, "rep", Role.SALES_REP);
		given(this.accounts.changeOwnPassword(2, "old-one", "three blue herons")).willReturn(changed);
		this.mvc.perform(change("old-one", "three blue herons")).andExpect(redirectedUrl("/account/password"));
		then(this.accounts).should().changeOwnPassword(2, "old-one", "three blue herons");
	}

	@Test
	void aWrongCurrentPasswordIsAFieldError() throws Exception {
		willThrow(new WrongPasswordException()).given(this.accounts).changeOwnPassword(2, "wrong", "three blue herons");
		this.mvc.perform(change("wrong", "three blue herons").param("lang", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("passwordChangeForm", "currentPassword",
					"password.current.wrong"))
			.andExpect(content().string(containsString("当前密码不正确")));
	}

	@Test
	void wrongCurrentPasswordsAreThrottledLikeSignIns() throws Exception {
		CrmUser guesser = TestUsers.principal(3, "guesser", Role.SALES_REP);
		willThrow(new WrongPasswordException()).given(this.accounts)
			.changeOwnPassword(eq(3L), anyString(), eq("three blue herons"));
		int refusedAt = 0;
		for (int attempt = 1; attempt <= 10 && refusedAt == 0; attempt++) {
			int status = this.mvc.perform(change("guess-" + attempt, "three blue herons").with(user(guesser)))
				.andReturn()
				.getResponse()
				.getStatus();
			refusedAt = (status == 429) ? attempt : 0;
		}
		assertThat(refusedAt).isGreaterThan(1).isLessThanOrEqualTo(10);
		this.mvc.perform(change("the-right-one", "three blue herons").with(user(guesser)).param("lang", "zh-CN"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("密码错误次数过多")));
		then(this.accounts).should(never()).changeOwnPassword(3L, "the-right-one", "three blue herons");
	}

	@Test
	void weakPasswordsAreRefusedBeforeAnythingChanges() throws Exception {
		this.mvc.perform(change("old-one", "password"))
			.andExpect(model().attributeHasFieldErrors("passwordChangeForm", "password"));
		this.mvc.perform(change("old-one", "qwertyqwerty"))
			.andExpect(model().attributeHasFieldErrorCode("passwordChangeForm", "password", "password.common"));
		then(this.accounts).should(never()).changeOwnPassword(anyLong(), anyString(), anyString());
	}

	@Test
	void aUserWhoMustChangeIsSentToTheChangePage() throws Exception {
		User mustChange = TestUsers.user(2, "rep", Role.SALES_REP);
		mustChange.setPasswordChangeRequired(true);
		given(this.accounts.passwordChangeRequired(2)).willReturn(true);
		this.mvc.perform(get("/dashboard").with(user(CrmUser.of(mustChange))))
			.andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/account/password").with(user(CrmUser.of(mustChange))).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("requires you to choose a new password")));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder change(String current,
			String password) {
		return post("/account/password").with(user(REP))
			.with(csrf())
			.param("currentPassword", current)
			.param("password", password)
			.param("passwordConfirmation", password);
	}

}
