OPENQASM 2.0;
include "qelib1.inc";
gate l1(a) q { rz(a) q; }
gate l2(a) q, r { l1(a) q; l1(2*a) r; cx q, r; }
gate l3(a) q, r, s { l2(a) q, r; l2(a+1) r, s; }
gate l4 q, r, s, t { l3(0.5) q, r, s; l3(-0.5) t, s, r; h t; }
qreg q[4];
l4 q[0], q[1], q[2], q[3];
