package com.tiercrm.customer;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceCatalogTests {

	private final ReferenceCatalog industries = new ReferenceCatalog(ReferenceKind.INDUSTRY, List
		.of(new ReferenceEntry("IT", "IT & software", "信息技术", 40), new ReferenceEntry("RETAIL", "Retail", "零售", 10)));

	@Test
	void matchesTheCodeOrEitherNameIgnoringCaseBlanksAndWidth() {
		for (String written : List.of("RETAIL", "retail", " Retail ", "零售", "ＲＥＴＡＩＬ", "ｒｅｔａｉｌ", "　零售　")) {
			assertThat(this.industries.match(written)).as(written).map(ReferenceEntry::code).contains("RETAIL");
		}
		assertThat(this.industries.match("it  &  SOFTWARE")).map(ReferenceEntry::code).contains("IT");
		assertThat(this.industries.match("Ｉｔ")).map(ReferenceEntry::code).contains("IT");
	}

	@Test
	void anUnknownValueMatchesNothing() {
		assertThat(this.industries.match("Agriculture")).isEmpty();
		assertThat(this.industries.match("零")).isEmpty();
	}

	@Test
	void namesCodesInTheUsersLanguageAndListsThemInOrder() {
		assertThat(this.industries.name("RETAIL", Locale.ENGLISH)).isEqualTo("Retail");
		assertThat(this.industries.name("RETAIL", Locale.SIMPLIFIED_CHINESE)).isEqualTo("零售");
		assertThat(this.industries.name(null, Locale.ENGLISH)).isNull();
		assertThat(this.industries.names(Locale.SIMPLIFIED_CHINESE)).isEqualTo("零售、信息技术");
		assertThat(this.industries.entries()).extracting(ReferenceEntry::code).containsExactly("RETAIL", "IT");
	}

	@Test
	void aNameNeverHidesAnotherEntrysCode() {
		ReferenceCatalog catalog = new ReferenceCatalog(ReferenceKind.REGION,
				List.of(new ReferenceEntry("EAST", "East China", "华东", 10), new ReferenceEntry("E", "East", "东", 20)));
		assertThat(catalog.match("east")).map(ReferenceEntry::code).contains("EAST");
		assertThat(catalog.match("e")).map(ReferenceEntry::code).contains("E");
	}

}
