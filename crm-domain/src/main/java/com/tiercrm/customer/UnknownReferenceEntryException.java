package com.tiercrm.customer;

/**
 * No industry or region has the code.
 */
public class UnknownReferenceEntryException extends RuntimeException {

	UnknownReferenceEntryException(ReferenceKind kind, String code) {
		super("No " + kind.table() + " entry " + code);
	}

}
