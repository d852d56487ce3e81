// leading comment
OPENQASM 2.0; // version
include "qelib1.inc";
/* block
   comment */ qreg q[2]; creg c[2];
h
  q[0]
  ;
cx q[0] ,
   q[1];   // entangle
measure q -> c;
