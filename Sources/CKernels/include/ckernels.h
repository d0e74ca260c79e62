#ifndef CKERNELS_H
#define CKERNELS_H
/* y[i] = tanh(x[i]) for i < n, with exactly the operations of the engine's
   Swift tanh (Activation.tanh), written in C so the compiler vectorises it. */
void demystify_tanh(const double *x, double *y, long n);
/* y[i] = e^{x[i] − shift}, the same bits as the engine's Swift FastExp.exp. */
void demystify_exp_shifted(const double *x, double shift, double *y, long n);
/* One Adam step over n entries, in place: m = b1 m + (1 − b1) g,
   v = b2 v + (1 − b2) g g, w = w − lr ((m / c1) / (√(v / c2) + eps) + wd w),
   the operations of the engine's Swift Adam one entry at a time. */
void demystify_adam(const double *g, double *m, double *v, double *w, long n,
                    double b1, double b2, double c1, double c2, double lr, double eps, double wd);
/* glibc: serve blocks up to 64 MiB from the heap and keep freed ones for reuse. */
void demystify_keep_freed_blocks(void);
/* The file (shared library or executable) that holds the Swift runtime's
   code, or NULL: `demystify doctor` says whether the runtime is linked in. */
const char *demystify_swift_runtime_file(void);
/* The CPU the release build was compiled for ("native", "x86-64-v3"; "" in a
   debug build) and the commit it was built from ("" when not recorded). */
const char *demystify_build_cpu(void);
const char *demystify_build_commit(void);
#endif
