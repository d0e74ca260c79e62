#ifndef CKERNELS_H
#define CKERNELS_H
/* y[i] = tanh(x[i]) for i < n, with exactly the operations of the engine's
   Swift tanh (Activation.tanh), written in C so the compiler vectorises it. */
void demystify_tanh(const double *x, double *y, long n);
int demystify_target_has_avx512(void);
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
/* The engine's own maths (portable_maths.c): the same bits on every machine,
   each within 1 ULP of the exact value. */
double demystify_exp(double x);
double demystify_log(double x);
double demystify_log1p(double x);
double demystify_sin(double x);
double demystify_cos(double x);
/* cos 2πu and sin 2πu for 0 ≤ u < 1, the turn reduced exactly (Box–Muller). */
void demystify_sincos_turns(double u, double *sine, double *cosine);
double demystify_atan2(double y, double x);
/* In place, each pair (u₁, u₂) → (r cos 2πu₂, r sin 2πu₂)·scale, r = √(−2 log u₁),
   for u₁ in [2^-53, 1), u₂ in [0, 1): the same bits as demystify_log and
   demystify_sincos_turns give, vectorised. */
void demystify_box_muller(double *u, long pairs, double scale);
double demystify_pow(double x, double y);
/* y[i] = softplus(x[i]) (x > 0 ? x + log1p(e^(−x)) : log1p(e^x)), the bits
   demystify_exp and demystify_log1p give, vectorised. */
void demystify_softplus(const double *x, double *y, long n);
/* y[i] = σ(x[i]), the bits of Activation.sigmoid (FastExp's e). */
void demystify_sigmoid(const double *x, double *y, long n);
/* y[i] = e^x[i], the bits demystify_exp gives, vectorised. */
void demystify_exp_many(const double *x, double *y, long n);
/* y[i] = log x[i], the bits demystify_log gives, vectorised for normal x > 0. */
void demystify_log_many(const double *x, double *y, long n);
/* One DDPM reverse step over n pixels (NoiseSchedule.reverseStep):
   x̂₀ = (x − a·ε̂) / b, clipped to −1…1 when clip (NaN → −1, as Swift's max/min),
   out = c0·x̂₀ + ct·x + σ·z, with z = 0 when z is null. */
void demystify_reverse_step(const double *x, const double *e, const double *z, double *out, long n,
                            double a, double b, double c0, double ct, double sigma, int clip);
/* fn(context, 0) on the calling thread and fn(context, 1) on a helper thread
   at the same time (two_cores.c); both have finished when this returns. */
typedef void (*demystify_part_fn)(void *context, long part);
void demystify_run_two_parts(demystify_part_fn fn, void *context);
/* Nonzero: on this thread, demystify_run_two_parts runs both parts itself. */
void demystify_two_parts_on_one_core(int yes);
#endif
