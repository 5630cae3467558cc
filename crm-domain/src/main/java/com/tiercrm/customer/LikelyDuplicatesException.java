package com.tiercrm.customer;

import java.util.List;

/**
 * A new customer looks like customers that exist: the caller may confirm creating it
 * anyway.
 */
public class LikelyDuplicatesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<DuplicateCandidate> candidates;

	public LikelyDuplicatesException(List<DuplicateCandidate> candidates) {
		super("Likely duplicates: " + candidates.stream().map(DuplicateCandidate::code).toList());
		this.candidates = List.copyOf(candidates);
	}

	public List<DuplicateCandidate> candidates() {
		return this.candidates;
	}

}
