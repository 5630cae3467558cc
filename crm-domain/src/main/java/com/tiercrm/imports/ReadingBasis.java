package com.tiercrm.imports;

/** Why a file's dates or amounts are read as they are. */
public enum ReadingBasis {

	/** The admin chose it. */
	CHOSEN,

	/** A value of the file can only be read this way. */
	EVIDENCE,

	/** Values could be read either way and none settles it: the usual reading. */
	AMBIGUOUS

}
