OPENQASM 2.0;
include "qelib1.inc";
gate r(param0,param1) q0 { u3(param0,param1 - pi/2,-param1 + pi/2) q0; }
gate circuit_17(param0) q0,q1 { r(param0,0) q0; rzz(2*param0) q0,q1; r(-param0,pi/2) q1; }
gate _gate_q_ctrl q0,q1,q2,q3 { ccx q0,q1,q2; c3sqrtx q0,q1,q2,q3; }
qreg q[3];
qreg q0_[1];
creg c[3];
circuit_17(0.5*pi) q[0],q[1];
circuit_17(-pi/3) q[1],q[2];
u3(3*pi/4,-0.5*pi,1.0*pi) q[2];
_gate_q_ctrl q[0],q[1],q[2],q0_[0];
measure q -> c;
