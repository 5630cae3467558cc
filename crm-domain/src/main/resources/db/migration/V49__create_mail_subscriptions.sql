-- Mail (issues 12 and 13): each user's e-mail address, and what they chose to receive by mail: the daily digest of
-- their day, and (managers and admins) the monthly tiering report. The language is stored with the choice, since
-- the pages take theirs from a cookie. The last day or month sent keeps a re-run or a second instance from sending
-- twice: a sender claims a user's period by moving it forward in one statement.
ALTER TABLE users ADD COLUMN email VARCHAR(254);

CREATE TABLE mail_subscriptions (
    user_id          BIGINT      NOT NULL PRIMARY KEY REFERENCES users (id),
    language         VARCHAR(10) NOT NULL,
    daily_digest     BOOLEAN     NOT NULL DEFAULT FALSE,
    monthly_report   BOOLEAN     NOT NULL DEFAULT FALSE,
    digest_sent_on   DATE,
    report_sent_for  DATE
);
