-- Audit rows written before arguments were redacted by schema position kept variables redacted only by name,
-- so a secret passed as e.g. `$pat` was stored in clear. Which of those variables were secrets cannot be told
-- after the fact: drop every stored variable, keep the rest of the row (action, actor, entity, outcome).
UPDATE "AuditLog"
SET "details" = ("details" - 'variables') || '{"arguments": "[redacted]"}'::jsonb
WHERE jsonb_typeof("details") = 'object' AND "details" ? 'variables';
