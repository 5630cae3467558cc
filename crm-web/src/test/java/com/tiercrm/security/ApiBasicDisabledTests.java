package com.tiercrm.security;

import java.util.Base64;

import com.tiercrm.audit.AuditLog;
import com.tiercrm.web.Formats;
import com.tiercrm.web.ReasonText;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code tiercrm.security.api-basic-auth=false} (the postgres profile's default) the
 * API ignores a correct username and password and asks for a token only.
 */
// No controller: the security filters answer these requests before any would run.
@WebMvcTest(controllers = ApiBasicDisabledTests.class, properties = "tiercrm.security.api-basic-auth=false")
@Import({ SecurityConfiguration.class, Formats.class, ReasonText.class, LoginThrottlingTests.Users.class })
class ApiBasicDisabledTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AuditLog audit;

	@Test
	void correctBasicCredentialsAreNotAccepted() throws Exception {
		this.mvc
			.perform(get("/api/v1/customers").header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("basic-two:right-password".getBytes())))
			.andExpect(status().isUnauthorized())
			.andExpect(header().stringValues("WWW-Authenticate", "Bearer realm=\"TierCRM\""))
			.andExpect(unauthenticated());
	}

}
