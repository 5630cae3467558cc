package com.tiercrm.imports;

import java.util.List;

import com.tiercrm.customer.ReferenceCatalog;
import com.tiercrm.customer.ReferenceEntry;
import com.tiercrm.customer.ReferenceKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceValuesTests {

	private final ReferenceCatalog industries = new ReferenceCatalog(ReferenceKind.INDUSTRY,
			List.of(new ReferenceEntry("RETAIL", "Retail", "零售", 10)));

	@Test
	void anUnknownNameIsAddedWhenTheAdminChoseSo() {
		ReferenceValues values = new ReferenceValues(this.industries, true);
		assertThat(values.code("零售")).contains("RETAIL");
		assertThat(values.code("Agriculture")).contains("AGRICULTURE");
		assertThat(values.toStore()).extracting(ReferenceEntry::code).containsExactly("AGRICULTURE");
	}

	@Test
	void aNameLongerThanAnEntryCanHoldStaysUnknown() {
		ReferenceValues values = new ReferenceValues(this.industries, true);
		assertThat(values.code("x".repeat(100))).isPresent();
		assertThat(values.code("y".repeat(101))).isEmpty();
	}

}
