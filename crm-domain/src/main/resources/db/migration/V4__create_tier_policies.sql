-- Service policies per tier. A policy is never changed in place: saving adds a version and moves the policy's
-- current_version, which is also the optimistic lock two managers editing at once are checked against.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

CREATE TABLE tier_policies (
    tier_code        VARCHAR(40) PRIMARY KEY,
    current_version  INTEGER     NOT NULL,
    CONSTRAINT fk_tier_policies_tier FOREIGN KEY (tier_code) REFERENCES tiers (code),
    CONSTRAINT ck_tier_policies_version CHECK (current_version >= 1)
);

CREATE TABLE tier_policy_versions (
    tier_code               VARCHAR(40)    NOT NULL,
    version                 INTEGER        NOT NULL,
    discount_percent        NUMERIC(5, 2)  NOT NULL,
    credit_limit            NUMERIC(15, 2) NOT NULL,
    payment_terms_days      INTEGER        NOT NULL,
    response_sla_hours      INTEGER        NOT NULL,
    contact_cadence_days    INTEGER        NOT NULL,
    dedicated_manager       BOOLEAN        NOT NULL,
    preferred_channels      VARCHAR(100)   NOT NULL,
    perks                   VARCHAR(1000),
    created_by              VARCHAR(50),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_tier_policy_versions PRIMARY KEY (tier_code, version),
    CONSTRAINT fk_tier_policy_versions_policy FOREIGN KEY (tier_code) REFERENCES tier_policies (tier_code),
    CONSTRAINT ck_tier_policy_versions_discount CHECK (discount_percent BETWEEN 0 AND 100),
    CONSTRAINT ck_tier_policy_versions_credit CHECK (credit_limit >= 0),
    CONSTRAINT ck_tier_policy_versions_terms CHECK (payment_terms_days BETWEEN 0 AND 3650),
    CONSTRAINT ck_tier_policy_versions_sla CHECK (response_sla_hours BETWEEN 1 AND 8760),
    CONSTRAINT ck_tier_policy_versions_cadence CHECK (contact_cadence_days BETWEEN 1 AND 3650)
);

INSERT INTO tier_policies (tier_code, current_version) SELECT code, 1 FROM tiers;

-- Defaults in four steps: key customers get a dedicated manager, visits and generous terms; the smallest and
-- the lapsed get self-service channels and no credit. Amounts are in the installation currency.
INSERT INTO tier_policy_versions (tier_code, version, discount_percent, credit_limit, payment_terms_days,
        response_sla_hours, contact_cadence_days, dedicated_manager, preferred_channels, perks, created_by,
        created_at)
SELECT t.code, 1,
    CASE t.step WHEN 1 THEN 10 WHEN 2 THEN 5 ELSE 0 END,
    CASE t.step WHEN 1 THEN 500000 WHEN 2 THEN 100000 WHEN 3 THEN 10000 ELSE 0 END,
    CASE t.step WHEN 1 THEN 60 WHEN 2 THEN 30 WHEN 3 THEN 7 ELSE 0 END,
    CASE t.step WHEN 1 THEN 4 WHEN 2 THEN 24 WHEN 3 THEN 48 ELSE 72 END,
    CASE t.step WHEN 1 THEN 14 WHEN 2 THEN 30 WHEN 3 THEN 60 ELSE 180 END,
    t.step = 1,
    CASE t.step WHEN 1 THEN 'VISIT,PHONE,WECHAT' WHEN 2 THEN 'PHONE,EMAIL,WECHAT' WHEN 3 THEN 'EMAIL,WECHAT'
        ELSE 'EMAIL,SMS' END,
    CASE t.step
        WHEN 1 THEN 'VIP hotline; priority delivery; festival gifts / VIP 专线；优先发货；节日礼品'
        WHEN 2 THEN 'Priority delivery; birthday greetings / 优先发货；生日问候'
        WHEN 3 THEN 'Standard delivery / 标准配送'
        ELSE NULL END,
    NULL, CURRENT_TIMESTAMP
FROM (SELECT code,
        CASE
            WHEN code IN ('ABC:A', 'CLV:HIGH', 'RFM:IMPORTANT_VALUE', 'RFM:CHAMPIONS') THEN 1
            WHEN code IN ('ABC:B', 'CLV:MEDIUM', 'RFM:IMPORTANT_DEVELOP', 'RFM:IMPORTANT_KEEP',
                          'RFM:IMPORTANT_RETAIN', 'RFM:LOYAL', 'RFM:CANT_LOSE', 'RFM:AT_RISK') THEN 2
            WHEN class_code IN ('NO_PURCHASE', 'LOST', 'HIBERNATING') THEN 4
            ELSE 3
        END AS step
      FROM tiers) t;
