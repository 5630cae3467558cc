package com.tiercrm.web;

import java.util.List;

import com.tiercrm.customer.ReferenceCatalog;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceEntry;
import com.tiercrm.customer.ReferenceKind;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * A few industries and regions for web slices, in place of the tables.
 */
public final class TestReferences {

	private TestReferences() {
	}

	public static ReferenceCatalog catalog(ReferenceKind kind) {
		return switch (kind) {
			case INDUSTRY -> new ReferenceCatalog(kind, List.of(new ReferenceEntry("RETAIL", "Retail", "零售", 10),
					new ReferenceEntry("AUTOMOTIVE", "Automotive", "汽车", 20)));
			case REGION -> new ReferenceCatalog(kind, List.of(new ReferenceEntry("EAST", "East China", "华东", 10),
					new ReferenceEntry("NORTH", "North China", "华北", 20)));
		};
	}

	/** Makes a mocked {@link ReferenceData} answer with these entries. */
	public static void stub(ReferenceData references) {
		given(references.catalog(any())).willAnswer((invocation) -> catalog(invocation.getArgument(0)));
	}

}
