DELETE FROM rehearsal_probe WHERE note = 'seeded';
