package com.tiercrm.customer;

import java.util.List;

/**
 * The region and industry codes offered as filters. Customers may carry other codes from
 * imports; pages show those as they are.
 */
public final class ReferenceData {

	/** The seven regions of mainland China, 华东 (EAST) to 东北 (NORTHEAST). */
	public static final List<String> REGIONS = List.of("EAST", "NORTH", "SOUTH", "CENTRAL", "SOUTHWEST", "NORTHWEST",
			"NORTHEAST");

	public static final List<String> INDUSTRIES = List.of("RETAIL", "MANUFACTURING", "PHARMA", "IT", "FINANCE",
			"EDUCATION", "LOGISTICS", "FOOD", "CONSTRUCTION", "ENERGY", "OTHER");

	private ReferenceData() {
	}

}
