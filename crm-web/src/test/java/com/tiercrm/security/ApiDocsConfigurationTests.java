package com.tiercrm.security;

import java.util.Locale;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsConfigurationTests {

	private final ApiDocsConfiguration configuration = new ApiDocsConfiguration();

	@Test
	void basicIsDescribedOnlyWhereTheApiAcceptsIt() {
		OpenAPI withBasic = this.configuration.tierCrmApi(new CrmSecurityProperties(true));
		assertThat(withBasic.getComponents().getSecuritySchemes()).containsOnlyKeys("token", "basic");
		assertThat(withBasic.getSecurity()).hasSize(2);

		OpenAPI tokensOnly = this.configuration.tierCrmApi(new CrmSecurityProperties(false));
		assertThat(tokensOnly.getComponents().getSecuritySchemes()).containsOnlyKeys("token");
		assertThat(tokensOnly.getSecurity()).singleElement()
			.satisfies((required) -> assertThat(required).containsOnlyKeys("token"));
	}

	@Test
	void wordsComeFromTheBundlesAndControllersBecomeShortTags() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		OpenAPI api = this.configuration.tierCrmApi(new CrmSecurityProperties(false));
		Operation list = new Operation().addTagsItem("customer-api-controller");
		api.paths(new Paths().addPathItem("/api/v1/customers", new PathItem().get(list)));

		this.configuration.apiDocsWords(messages).customise(api, Locale.SIMPLIFIED_CHINESE);

		assertThat(api.getInfo().getTitle()).isEqualTo("TierCRM 接口");
		assertThat(api.getComponents().getSecuritySchemes().get("token").getDescription()).contains("个人访问令牌");
		assertThat(list.getTags()).containsExactly("customer");
		assertThat(api.getTags()).singleElement()
			.satisfies((tag) -> assertThat(tag.getDescription()).startsWith("调用者可见的客户"));
	}

}
