DROP TABLE rehearsal_probe;
