-- Circulation: the kiosk's extensions (contrib/opackiosk) on holds, and identity-check throttling.

-- email | phone | none; NULL = the patron's default (email when they have an address, else phone)
ALTER TABLE holds ADD COLUMN contact_method VARCHAR(10);
-- ordered series holds (順番予約): holds of one group are allocated in position order
ALTER TABLE holds ADD COLUMN series_group_id INT;
ALTER TABLE holds ADD COLUMN series_position INT;
-- the day an item set aside for this hold left for the pickup library (status T)
ALTER TABLE holds ADD COLUMN transit_date DATE;
-- an old hold the patron no longer wants to see
ALTER TABLE holds ADD COLUMN dismissed BOOLEAN DEFAULT FALSE NOT NULL;

CREATE SEQUENCE series_groups START WITH 1;

CREATE TABLE identity_check_failures (
    cardnumber  VARCHAR(32) NOT NULL,
    failed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_check_failures_card ON identity_check_failures (cardnumber, failed_at);
