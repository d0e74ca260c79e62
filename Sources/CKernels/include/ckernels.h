#ifndef CKERNELS_H
#define CKERNELS_H
/* y[i] = tanh(x[i]) for i < n, with exactly the operations of the engine's
   Swift tanh (Activation.tanh), written in C so the compiler vectorises it. */
void demystify_tanh(const double *x, double *y, long n);
#endif
