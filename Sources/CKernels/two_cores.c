#define _GNU_SOURCE
#include "ckernels.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>

/* Two halves of one job at once: part 0 on the calling thread, part 1 on a
   helper thread that stays awake (spinning) for a short while after each job,
   so the back-to-back products of a sampler or a training step do not each
   pay for waking a sleeping thread. (Measured on the 2-core development VM,
   against DispatchQueue.concurrentPerform: a 128×128 product 71 → 32–36 µs,
   a bare `diffusion`'s 1,000 samples 188 → 115 ms.)

   The split itself is the caller's: every entry is computed by the same
   operations whichever thread runs it, so the bits do not depend on it. When
   the helper is busy (a call from inside a part, or from a second thread),
   the caller runs both parts itself, one after the other. */

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static atomic_int started = 0;          /* the helper thread exists */
static atomic_int claimed = 0;          /* a job holds the helper */
static atomic_ulong posted = 0;         /* jobs handed to the helper */
static atomic_ulong finished = 0;       /* jobs the helper has finished */
static atomic_int sleeping = 0;         /* the helper waits on `wake` */
static demystify_part_fn job_fn;
static void *job_context;

/* How long the helper spins for the next job before it sleeps. A sampler's
   reverse step does about half a millisecond of one-core work between its
   products; with 0.2 ms here the caller waited for the helper to wake (perf:
   13 % of a bare `diffusion`), with 2 ms it does not show. */
static const long spin_ns = 2000000;   /* 2 ms */

static inline void relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static void *helper(void *unused) {
    (void)unused;
    unsigned long seen = 0;
    for (;;) {
        long since = now_ns();
        unsigned spins = 0;
        while (atomic_load_explicit(&posted, memory_order_acquire) == seen) {
            relax();
            if (++spins % 256 == 0 && now_ns() - since > spin_ns) {
                pthread_mutex_lock(&lock);
                atomic_store(&sleeping, 1);
                while (atomic_load(&posted) == seen) pthread_cond_wait(&wake, &lock);
                atomic_store(&sleeping, 0);
                pthread_mutex_unlock(&lock);
                break;
            }
        }
        seen = atomic_load_explicit(&posted, memory_order_acquire);
        job_fn(job_context, 1);
        atomic_store_explicit(&finished, seen, memory_order_release);
    }
    return 0;
}

static void start(void) {
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&t, &attr, helper, 0) == 0) atomic_store(&started, 1);
    pthread_attr_destroy(&attr);
}

/* A thread that works beside another's job (a measurement taken on a copy
   while the model trains on) leaves the helper and the second core to it. */
static _Thread_local int on_one_core = 0;

void demystify_two_parts_on_one_core(int yes) { on_one_core = yes; }

void demystify_run_two_parts(demystify_part_fn fn, void *context) {
    if (on_one_core) {
        fn(context, 0);
        fn(context, 1);
        return;
    }
    pthread_once(&once, start);
    int expected = 0;
    if (!atomic_load(&started) || !atomic_compare_exchange_strong(&claimed, &expected, 1)) {
        fn(context, 0);
        fn(context, 1);
        return;
    }
    job_fn = fn;
    job_context = context;
    unsigned long ticket = atomic_load(&posted) + 1;
    atomic_store(&posted, ticket);              /* seq_cst: the helper sees fn and context */
    if (atomic_load(&sleeping)) {
        pthread_mutex_lock(&lock);
        pthread_cond_signal(&wake);
        pthread_mutex_unlock(&lock);
    }
    fn(context, 0);
    /* Wait for part 1; with more busy threads than cores the helper may be
       off its core, so give the core up now and then rather than spin on. */
    for (unsigned spins = 1; atomic_load_explicit(&finished, memory_order_acquire) != ticket; spins++) {
        relax();
        if (spins % 1024 == 0) sched_yield();
    }
    atomic_store(&claimed, 0);
}
