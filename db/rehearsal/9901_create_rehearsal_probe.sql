-- Rollback rehearsal, never embedded: `payroll migrate up --scripts db/rehearsal`, then `payroll migrate down --steps 2`.
-- Portable SQL, so one folder serves both providers.
CREATE TABLE rehearsal_probe (
    note TEXT NOT NULL
);
