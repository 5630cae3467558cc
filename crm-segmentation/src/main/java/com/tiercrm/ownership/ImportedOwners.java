package com.tiercrm.ownership;

import com.tiercrm.imports.ImportFinished;
import com.tiercrm.imports.ImportKind;
import com.tiercrm.tiering.insight.OwnerFigures;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer import may give customers other owners, row by row without counting whose:
 * after one that was not a dry run, every owner's dashboard figures of the published run
 * are rewritten.
 */
@Component
class ImportedOwners {

	private final OwnerFigures figures;

	ImportedOwners(OwnerFigures figures) {
		this.figures = figures;
	}

	@EventListener
	void importFinished(ImportFinished job) {
		if (job.kind() == ImportKind.CUSTOMERS && !job.dryRun()) {
			this.figures.allOwnersChanged();
		}
	}

}
