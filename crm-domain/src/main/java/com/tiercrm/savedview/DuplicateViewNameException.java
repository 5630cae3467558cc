package com.tiercrm.savedview;

/**
 * The user already has a view of that name.
 */
public class DuplicateViewNameException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	DuplicateViewNameException(String name) {
		super("A view named " + name + " exists");
	}

}
