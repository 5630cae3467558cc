package com.tiercrm;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every region and industry the demo data holds has a name in both languages, and the
 * pages and the export show those names, never the codes.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:reference-names;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"tiercrm.demo.customers=400" })
@AutoConfigureMockMvc
class ReferenceDataNamesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsService users;

	@Test
	void everyStoredRegionAndIndustryHasAnEnglishAndAChineseName() {
		for (String kind : List.of("region", "industry")) {
			String table = kind.equals("region") ? "regions" : "industries";
			List<Map<String, Object>> values = this.jdbc.queryForList(
					"SELECT DISTINCT c." + kind + " AS code, r.name_en," + " r.name_zh FROM customers c LEFT JOIN "
							+ table + " r ON r.code = c." + kind + " WHERE c." + kind + " IS NOT NULL");
			assertThat(values).as(kind).hasSizeGreaterThan(5);
			for (Map<String, Object> value : values) {
				assertThat((String) value.get("name_en")).as("English name of %s", value.get("code"))
					.isNotBlank()
					.isNotEqualTo(value.get("code"));
				assertThat((String) value.get("name_zh")).as("Chinese name of %s", value.get("code"))
					.isNotBlank()
					.matches(".*\\p{IsHan}.*");
			}
		}
	}

	@Test
	void pagesAndTheExportShowNamesInTheUsersLanguage() throws Exception {
		UserDetails manager = this.users.loadUserByUsername("manager1");
		List<String> codes = this.jdbc.queryForList("SELECT code FROM regions UNION SELECT code FROM industries",
				String.class);
		String automotive = this.jdbc.queryForObject(
				"SELECT MIN(code) FROM customers WHERE industry = 'AUTOMOTIVE' AND region IS NOT NULL", String.class);
		for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
			String list = page("/customers?size=100", locale, manager);
			String detail = page("/customers/" + automotive, locale, manager);
			String export = page("/customers/export.csv", locale, manager);
			for (String code : codes) {
				assertThat(list).as("list in %s", locale).doesNotContain(">" + code + "<");
				assertThat(detail).as("customer page in %s", locale).doesNotContain(">" + code + "<");
				assertThat(export).as("export in %s", locale).doesNotContain("," + code + ",");
			}
			boolean chinese = locale.getLanguage().equals("zh");
			assertThat(detail).contains(chinese ? ">汽车<" : ">Automotive<");
			assertThat(list).contains(chinese ? "华东" : "East China");
			assertThat(export).contains(chinese ? ",汽车," : ",Automotive,");
		}
	}

	private String page(String path, Locale locale, UserDetails user) throws Exception {
		return this.mvc.perform(get(path).locale(locale).with(user(user)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
