OPENQASM 2.0;
include "qelib1.inc";
gate bell a, b { h a; cx a, b; }
qreg q[4];
bell q[0], q[1];
bell q[2], q[3];
