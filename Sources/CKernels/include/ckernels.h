#ifndef CKERNELS_H
#define CKERNELS_H
/* y[i] = tanh(x[i]) for i < n, with exactly the operations of the engine's
   Swift tanh (Activation.tanh), written in C so the compiler vectorises it. */
void demystify_tanh(const double *x, double *y, long n);
/* y[i] = e^{x[i] − shift}, the same bits as the engine's Swift FastExp.exp. */
void demystify_exp_shifted(const double *x, double shift, double *y, long n);
/* glibc: serve blocks up to 64 MiB from the heap and keep freed ones for reuse. */
void demystify_keep_freed_blocks(void);
#endif
