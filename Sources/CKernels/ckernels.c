#define _GNU_SOURCE
#include "ckernels.h"
#include <dlfcn.h>
#include <stdint.h>
#include <string.h>

/* Built with -ffp-contract=off: no fused multiply-add is introduced, so every
   value is the same as the Swift scalar code gives, on every machine.
   tanh(a) = (1 − e^{−2a}) / (1 + e^{−2a}) for 0.01 ≤ a, the Taylor series
   a(1 − a²(1/3 − a²(2/15 − a²·17/315))) below 0.01, and the sign of x. */

/* e^r for |r| ≤ ½ ln 2 from its Taylor coefficients 1/n!, 1/13! down to 1/0!,
   by Horner: the same lines for a double and for a vector of them. */
#define EXP_TAYLOR(p, r) do { \
    p = 1.6059043836821613e-10; \
    p = p * r + 2.08767569878681e-09; \
    p = p * r + 2.505210838544172e-08; \
    p = p * r + 2.755731922398589e-07; \
    p = p * r + 2.7557319223985893e-06; \
    p = p * r + 2.48015873015873e-05; \
    p = p * r + 0.0001984126984126984; \
    p = p * r + 0.001388888888888889; \
    p = p * r + 0.008333333333333333; \
    p = p * r + 0.041666666666666664; \
    p = p * r + 0.16666666666666666; \
    p = p * r + 0.5; \
    p = p * r + 1.0; \
    p = p * r + 1.0; \
} while (0)

static inline double fast_exp(double x) {
    const double magic = 6755399441055744.0;          /* 1.5 · 2^52 */
    double shifted = x * 1.4426950408889634 + magic;
    double k = shifted - magic;                        /* round(x / ln 2), half to even */
    double r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10;
    double p;
    EXP_TAYLOR(p, r);
    uint64_t sb, mb;
    memcpy(&sb, &shifted, 8);
    memcpy(&mb, &magic, 8);
    uint64_t bits = ((sb - mb) + 1023) << 52;
    double two_k;
    memcpy(&two_k, &bits, 8);
    return p * two_k;
}

/* 32 lanes: four AVX-512 registers in flight, which hides the Horner chain's latency.
   (Passed only between static functions of this file, so no ABI is crossed,
   which is what clang warns of when a build has no AVX-512.) */
#pragma clang diagnostic ignored "-Wpsabi"
typedef double v32d __attribute__((ext_vector_type(32)));
typedef long v32l __attribute__((ext_vector_type(32)));   /* what a comparison of v32d gives */

/* Lane by lane: m ? a : b (m from a vector comparison: all ones or zero). */
static inline v32d pick(v32l m, v32d a, v32d b) { return (v32d)((m & (v32l)a) | (~m & (v32l)b)); }

/* fast_exp on every lane: the same operations, each rounded alike. */
static inline v32d fast_exp32(v32d x) {
    const double magic = 6755399441055744.0;
    v32d shifted = x * 1.4426950408889634 + magic;
    v32d k = shifted - magic;
    v32d r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10;
    v32d p;
    EXP_TAYLOR(p, r);
    v32l bits = (((v32l)shifted - (v32l)(v32d)magic) + 1023) << 52;
    return p * (v32d)bits;
}

/* tanh on 32 lanes. The Taylor series is worked out only for a group with a
   lane below 0.01 (few have one): it was a sixth of the operations. Every
   lane gets the operations of the formula above, so the bits of one at a time. */
static inline v32d tanh32(v32d v) {
    v32l negative = v < 0;
    v32d a = pick(negative, -v, v);
    v32d c = pick(a > 20, (v32d)20.0, a);   /* NaN stays NaN (a < 20 ? a : 20 made tanh(NaN) = 1) */
    v32d e = fast_exp32(-2 * c);
    v32d r = (1 - e) / (1 + e);
    v32l small = a < 0.01;
    if (__builtin_reduce_or(small)) {
        v32d x2 = a * a;
        v32d s = 2.0 / 15 - x2 * (17.0 / 315);
        s = 1.0 / 3 - x2 * s;
        s = 1 - x2 * s;
        r = pick(small, a * s, r);
    }
    return pick(negative, -r, r);
}

void demystify_tanh(const double *x, double *y, long n) {
    /* 1.45 → 1.32 ns a value on 1,024 values, against the loop clang
       vectorised with the series on every lane (a C bench, 8 December 2026). */
    long i = 0;
    for (; i + 32 <= n; i += 32) {
        v32d v, out;
        memcpy(&v, x + i, sizeof v);
        out = tanh32(v);
        memcpy(y + i, &out, sizeof out);
    }
    if (i < n) {   /* the last few, padded with zeros */
        v32d v = 0, out;
        memcpy(&v, x + i, (size_t)(n - i) * sizeof(double));
        out = tanh32(v);
        memcpy(y + i, &out, (size_t)(n - i) * sizeof(double));
    }
}

/* y[i] = e^{x[i] − shift} with exactly the operations of FastExp.exp(x[i] − shift):
   0 below −708.39, ∞ above 709.78, NaN stays NaN. Selects instead of branches
   and separate input and output, so the loop vectorises. */
void demystify_exp_shifted(const double *restrict x, double shift, double *restrict y, long n) {
    /* Several independent vectors in flight hide the long Horner chain's latency. */
#pragma clang loop vectorize_width(4) interleave_count(4)
    for (long i = 0; i < n; i++) {
        double v = x[i] - shift;
        /* Out-of-range inputs are computed at 0 (result replaced below): a
           clamp to −708.39 would make subnormal numbers, which are slow. */
        int low = v < -708.39, high = v > 709.78, nan = v != v;
        double e = fast_exp((low | high | nan) ? 0.0 : v);
        e = low ? 0.0 : e;
        e = high ? __builtin_inf() : e;
        y[i] = nan ? v : e;
    }
}

/* y[i] = σ(x[i]) with exactly the operations of Activation.sigmoid:
   1/(1 + e^{−x}) for x ≥ 0, e^x/(1 + e^x) below, e from FastExp.exp of −|x|
   (0 below −708.39, NaN kept). Selects instead of branches, so the loop
   vectorises (the GAN's loss gradients take 192 a round). */
void demystify_sigmoid(const double *restrict x, double *restrict y, long n) {
#pragma clang loop vectorize_width(4) interleave_count(4)
    for (long i = 0; i < n; i++) {
        double v = x[i];
        int positive = v >= 0;
        double a = positive ? -v : v;
        int low = a < -708.39, nan = a != a;
        double e = fast_exp((low | nan) ? 0.0 : a);
        e = low ? 0.0 : e;
        e = nan ? a : e;
        y[i] = positive ? 1 / (1 + e) : e / (1 + e);
    }
}

/* Whether this build targets AVX-512 (32 registers of eight doubles): the
   matmul kernel's 8×16 tiles are used only then (MatMulKernel.wideRegisters). */
int demystify_target_has_avx512(void) {
#ifdef __AVX512F__
    return 1;
#else
    return 0;
#endif
}

/* See AllocatorTuning.swift: keep freed blocks of up to 64 MiB in the heap
   (glibc's allocator; elsewhere, e.g. on a Mac, there is nothing to tune). */
#if defined(__GLIBC__)
#include <malloc.h>
void demystify_keep_freed_blocks(void) {
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
}
#else
void demystify_keep_freed_blocks(void) {}
#endif

/* Adam as one loop the compiler vectorises with a vector square root (Swift's
   SIMD4<Double>.squareRoot() became four libm calls: 6.5 → 3.6 ns per entry). */
static inline __attribute__((always_inline))
void adam_loop(const double *restrict g, double *restrict m, double *restrict v, double *restrict w, long n,
               double b1, double b2, double c1, double c2, double lr, double eps, double wd, int unbiased_m) {
    const double a1 = 1 - b1, a2 = 1 - b2;
    for (long i = 0; i < n; i++) {
        double gi = g[i];
        double mi = b1 * m[i] + a1 * gi;
        double vi = b2 * v[i] + a2 * gi * gi;
        double u = (unbiased_m ? mi : mi / c1) / (__builtin_sqrt(vi / c2) + eps);
        m[i] = mi;
        v[i] = vi;
        w[i] = w[i] - lr * (u + wd * w[i]);
    }
}

/* The loop is bound by its divisions. Once 1 − β₁ᵗ has rounded to exactly 1
   (β₁ = 0.9: from t = 350 on), m/(1 − β₁ᵗ) is m itself, bit for bit, and that
   division is left out (measured: a diffusion training step's Adam share
   23 % → see README). */
void demystify_adam(const double *restrict g, double *restrict m, double *restrict v, double *restrict w, long n,
                    double b1, double b2, double c1, double c2, double lr, double eps, double wd) {
    if (c1 == 1.0) adam_loop(g, m, v, w, n, b1, b2, c1, c2, lr, eps, wd, 1);
    else adam_loop(g, m, v, w, n, b1, b2, c1, c2, lr, eps, wd, 0);
}

/* A sampler's reverse step: 100 of them over 64,000 pixels in a bare
   `diffusion`. The same operations in the same order as the Swift loop it
   replaces (no contraction: -ffp-contract=off), so the same bits; here the
   compiler keeps the pixels in vector registers (see README for the figure). */
static inline __attribute__((always_inline))
void reverse_loop(const double *restrict x, const double *restrict e, const double *restrict z, double *restrict out,
                  long n, double a, double b, double c0, double ct, double sigma, int clip, int noise) {
    for (long k = 0; k < n; k++) {
        double g = (x[k] - a * e[k]) / b;
        if (clip) {
            g = g >= -1.0 ? g : -1.0;   /* Swift.max(-1, g): y >= x ? y : x */
            g = g < 1.0 ? g : 1.0;      /* Swift.min(1, g):  y < x ? y : x */
        }
        out[k] = c0 * g + ct * x[k] + (noise ? sigma * z[k] : 0.0);
    }
}

void demystify_reverse_step(const double *x, const double *e, const double *z, double *out, long n,
                            double a, double b, double c0, double ct, double sigma, int clip) {
    if (z) {
        if (clip) reverse_loop(x, e, z, out, n, a, b, c0, ct, sigma, 1, 1);
        else reverse_loop(x, e, z, out, n, a, b, c0, ct, sigma, 0, 1);
    } else {
        if (clip) reverse_loop(x, e, 0, out, n, a, b, c0, ct, sigma, 1, 0);
        else reverse_loop(x, e, 0, out, n, a, b, c0, ct, sigma, 0, 0);
    }
}

/* The Swift runtime's swift_retain, taken by its address: a static build
   hides the runtime's symbols from dlsym (the linker's --exclude-libs), but
   the code is still at an address dladdr can place. */
extern void *swift_retain(void *);

const char *demystify_swift_runtime_file(void) {
    void *p = dlsym(RTLD_DEFAULT, "swift_retain");
    if (!p) p = (void *)&swift_retain;
    Dl_info info;
    if (!dladdr(p, &info)) return 0;
    return info.dli_fname;
}

/* What the build was made for (Package.swift sets both; `--version` and `doctor` print them). */
#ifndef DEMYSTIFY_CPU_NAME
#define DEMYSTIFY_CPU_NAME ""
#endif
#ifndef DEMYSTIFY_COMMIT
#define DEMYSTIFY_COMMIT ""
#endif
const char *demystify_build_cpu(void) { return DEMYSTIFY_CPU_NAME; }
const char *demystify_build_commit(void) { return DEMYSTIFY_COMMIT; }
