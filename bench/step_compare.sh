# Shared by bench/gan_digits.sh and bench/diffusion.sh (sourced): the median of
# a list, and one training step of the tutor beside the same model in NumPy
# (float64, one thread) and in PyTorch (float32, 2 threads, when installed),
# interleaved, 5 runs each; each script prints the median µs of one step.
#   compare_steps BENCH_MODE NUMPY_SCRIPT TORCH_SCRIPT FLOPS_PER_STEP SCRIPT_ARGS...
# Sourced with the caller's arguments (BIN BENCHBIN), it sets $bin, $benchbin,
# $here (bench/) and $data (Lessons/data), and runs with no colour and a
# throw-away state folder.
set -euo pipefail
bin=${1:-.build/release/demystify}
benchbin=${2:-.build/release/demystify-bench}
here=$(dirname "${BASH_SOURCE[0]}")
data=$here/../Lessons/data
export NO_COLOR=1 XDG_STATE_HOME=$(mktemp -d)

med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# One core's FP64 FMA peak, measured in this run (demystify-bench peak), GFLOP/s:
# 8 lanes (the machine's peak) and 4 lanes (the width of the tutor's matmul kernel).
peaks=$("$benchbin" peak)
peak=$(echo "$peaks" | grep 8-lanes | sed 's/.*"gflops": \([0-9.]*\).*/\1/')
peak4=$(echo "$peaks" | grep -v 8-lanes | sed 's/.*"gflops": \([0-9.]*\).*/\1/')
echo "this machine's FP64 peak, one core (10 chains of FMA, median of 5): $peak GFLOP/s on 8 lanes, $peak4 on 4"

# compare_steps BENCH_MODE NUMPY_SCRIPT TORCH_SCRIPT FLOPS_PER_STEP SCRIPT_ARGS...
compare_steps() {
  local mode=$1 numpy=$2 torch=$3 flops=$4; shift 4
  local sw=() np=() pt=()
  for i in 1 2 3 4 5; do
    sw+=("$("$benchbin" "$mode" "$data" | sed 's/.*"us": \([0-9.]*\).*/\1/')")
    np+=("$(OPENBLAS_NUM_THREADS=1 python3 "$here/$numpy" "$@")")
    if python3 -c "import torch" 2>/dev/null; then pt+=("$(python3 "$here/$torch" "$@")"); fi
  done
  local s n p
  s=$(printf '%s\n' "${sw[@]}" | med); n=$(printf '%s\n' "${np[@]}" | med)
  echo "one step, µs (median of 5 runs): demystify $s (runs: ${sw[*]})"
  local at_peak; at_peak=$(echo "scale=1; $flops / ($peak * 1000)" | bc)
  echo "  $flops FLOPs a step: $at_peak µs at the peak; the step takes $(echo "scale=2; $s / $at_peak" | bc)× that ($(echo "scale=0; 100 * $at_peak / $s" | bc) % of one core's peak; $(echo "scale=0; 100 * $flops / ($peak4 * 1000) / $s" | bc) % of the 4-lane one)"
  echo "  NumPy $n (runs: ${np[*]}): NumPy/demystify = $(echo "scale=2; $n / $s" | bc)"
  if [ ${#pt[@]} -gt 0 ]; then
    p=$(printf '%s\n' "${pt[@]}" | med)
    echo "  PyTorch $p (runs: ${pt[*]}): PyTorch/demystify = $(echo "scale=2; $p / $s" | bc)"
  else
    echo "  (PyTorch not installed: no PyTorch figure)"
  fi
}
