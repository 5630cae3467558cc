package com.tiercrm.ownership;

import java.time.Duration;

import com.tiercrm.imports.ImportFinished;
import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportStatus;
import com.tiercrm.tiering.insight.OwnerFigures;
import org.junit.jupiter.api.Test;

import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Which imports have every owner's dashboard figures rewritten: customer imports that
 * were not dry runs, the only ones that may give customers other owners.
 */
class ImportedOwnersTests {

	private final OwnerFigures figures = mock(OwnerFigures.class);

	private final ImportedOwners owners = new ImportedOwners(this.figures);

	@Test
	void aCustomerImportRewritesEveryOwnersFigures() {
		this.owners.importFinished(finished(ImportKind.CUSTOMERS, ImportStatus.SUCCEEDED, false));
		then(this.figures).should().allOwnersChanged();
	}

	@Test
	void dryRunsAndOtherImportsLeaveThemAlone() {
		this.owners.importFinished(finished(ImportKind.CUSTOMERS, ImportStatus.SUCCEEDED, true));
		this.owners.importFinished(finished(ImportKind.ORDERS, ImportStatus.SUCCEEDED, false));
		this.owners.importFinished(finished(ImportKind.INTERACTIONS, ImportStatus.SUCCEEDED, false));
		then(this.figures).shouldHaveNoInteractions();
	}

	private static ImportFinished finished(ImportKind kind, ImportStatus status, boolean dryRun) {
		return new ImportFinished(1, kind, status, dryRun, false, 10, Duration.ofSeconds(1));
	}

}
