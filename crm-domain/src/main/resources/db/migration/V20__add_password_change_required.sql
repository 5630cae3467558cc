-- An admin can require a user to choose a new password at the next sign-in.
ALTER TABLE users ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
