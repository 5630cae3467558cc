package com.tiercrm.imports;

/**
 * Where an import job stands. {@link #REJECTED} means the file or its rows were refused
 * and nothing was written; {@link #FAILED} means an unexpected error (or a restart) ended
 * it, also without writing anything.
 */
public enum ImportStatus {

	RUNNING, SUCCEEDED, REJECTED, FAILED, CANCELLED

}
