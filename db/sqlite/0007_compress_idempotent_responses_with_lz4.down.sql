-- schema unchanged: see the up script.
SELECT 1;
