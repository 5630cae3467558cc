package com.tiercrm.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutModelAdviceTests {

	@Test
	void languageLinksAreRelativeWhateverTheHostHeaderSays() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/customers");
		request.addHeader("Host", "evil.example");
		request.setServerName("evil.example");
		request.setQueryString("region=EAST&lang=en&page=2");
		assertThat(LayoutModelAdvice.linkTo(request, "zh-CN")).isEqualTo("/customers?region=EAST&page=2&lang=zh-CN")
			.doesNotContain("evil.example");
		assertThat(LayoutModelAdvice.linkTo(new MockHttpServletRequest("GET", "/dashboard"), "en"))
			.isEqualTo("/dashboard?lang=en");
	}

}
