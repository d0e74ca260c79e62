# Shared by bench/gan_digits.sh and bench/diffusion.sh (sourced): the median of
# a list, and one training step of the tutor beside the same model in NumPy
# (float64, one thread) and in PyTorch (float32, 2 threads, when installed),
# interleaved, 5 runs each; each script prints the median µs of one step.
#   compare_steps BENCH_MODE NUMPY_SCRIPT TORCH_SCRIPT SCRIPT_ARGS...
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

compare_steps() {
  local mode=$1 numpy=$2 torch=$3; shift 3
  local sw=() np=() pt=()
  for i in 1 2 3 4 5; do
    sw+=("$("$benchbin" "$mode" "$data" | sed 's/.*"us": \([0-9.]*\).*/\1/')")
    np+=("$(OPENBLAS_NUM_THREADS=1 python3 "$here/$numpy" "$@")")
    if python3 -c "import torch" 2>/dev/null; then pt+=("$(python3 "$here/$torch" "$@")"); fi
  done
  local s n p
  s=$(printf '%s\n' "${sw[@]}" | med); n=$(printf '%s\n' "${np[@]}" | med)
  echo "one step, µs (median of 5 runs): demystify $s (runs: ${sw[*]})"
  echo "  NumPy $n (runs: ${np[*]}): NumPy/demystify = $(echo "scale=2; $n / $s" | bc)"
  if [ ${#pt[@]} -gt 0 ]; then
    p=$(printf '%s\n' "${pt[@]}" | med)
    echo "  PyTorch $p (runs: ${pt[*]}): PyTorch/demystify = $(echo "scale=2; $p / $s" | bc)"
  else
    echo "  (PyTorch not installed: no PyTorch figure)"
  fi
}
