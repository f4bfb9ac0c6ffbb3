-- schema unchanged: SQLite does not compress values; this version exists so both databases number their migrations alike.
SELECT 1;
