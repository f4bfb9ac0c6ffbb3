-- A seed row: applied twice, it would show up twice, which is how the concurrency tests detect a double application.
INSERT INTO rehearsal_probe (note) VALUES ('seeded');
