-- Koha's restriction type of a restricted patron (borrower_debarments.type: OVERDUES, SUSPENSION, MANUAL,
-- DISCHARGE, or a library-defined code such as DEBT), listed by contrib/opackiosk/patrons/{id}/restrictions
ALTER TABLE patrons ADD COLUMN restriction_type VARCHAR(50);
