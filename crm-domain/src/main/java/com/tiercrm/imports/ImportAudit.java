package com.tiercrm.imports;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records each import that read its file in the audit log, with who asked for it: the job
 * may have run in the background, where nobody is signed in.
 */
@Component
class ImportAudit {

	private final ImportJobRepository jobs;

	private final AuditLog audit;

	ImportAudit(ImportJobRepository jobs, AuditLog audit) {
		this.jobs = jobs;
		this.audit = audit;
	}

	@EventListener
	void finished(ImportFinished finished) {
		this.jobs.findById(finished.jobId())
			.ifPresent((job) -> this.audit.record(
					finished.dryRun() ? AuditAction.IMPORT_CHECKED : AuditAction.IMPORT_COMMITTED, job.getRequestedBy(),
					null, "#" + finished.jobId() + " " + finished.kind() + " " + job.getFileName(),
					finished.status() + ", " + finished.rows() + " rows"));
	}

}
