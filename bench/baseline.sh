#!/usr/bin/env bash
# What the release's CPU baseline costs: the same step benchmarks with the
# development build (-target-cpu native) and the x86-64-v3 build make dist
# uses, interleaved in one run, 7 runs each, medians (µs a step; each run is
# itself a median of rounds). Builds demystify-bench both ways first.
#   bash bench/baseline.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 XDG_STATE_HOME=$(mktemp -d)
swift build -c release --product demystify-bench >/dev/null
DEMYSTIFY_CPU=x86-64-v3 swift build -c release --product demystify-bench --scratch-path .build-dist >/dev/null
native=.build/release/demystify-bench
v3=.build-dist/release/demystify-bench
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
us() { "$@" | sed -n 's/.*"us": \([0-9.]*\).*/\1/p' | head -1; }
for mode in gan-digits-step diffusion-step gpt-step; do
    a=(); b=()
    for i in 1 2 3 4 5 6 7; do
        a+=("$(us "$native" "$mode" Lessons/data)")
        b+=("$(us "$v3" "$mode" Lessons/data)")
    done
    n=$(printf '%s\n' "${a[@]}" | med); v=$(printf '%s\n' "${b[@]}" | med)
    echo "$mode: native $n µs, x86-64-v3 $v µs, v3/native = $(echo "scale=2; $v / $n" | bc)  (native: ${a[*]}; v3: ${b[*]})"
done
pn=$("$native" peak | grep 8-lanes | sed 's/.*"gflops": \([0-9.]*\).*/\1/')
pv=$("$v3" peak | grep 8-lanes | sed 's/.*"gflops": \([0-9.]*\).*/\1/')
echo "FMA peak, one core, GFLOP/s (the same 8-lane loop compiled each way): native $pn, x86-64-v3 $pv"
