-- Audit entries cannot be changed, whoever connects: an UPDATE does nothing. (Deleting stays possible, for the
-- retention period.)
CREATE RULE audit_entries_no_update AS ON UPDATE TO audit_entries DO INSTEAD NOTHING;
