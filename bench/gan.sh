#!/usr/bin/env bash
# GAN speed and quality, measured through the real tutor (release build):
#   - 2,000 steps of the default 1-D GAN, whole process, median of 9 taken
#     in turns with the same GAN in NumPy (and demystify-bench gan-1d: a
#     round, the JSD, W₁), and in PyTorch when it is installed
#   - the two-mode mixture: W1 and both modes covered, seeds 1–10
#   - the ring: modes covered with defaults and with the collapse setting, seeds 1–10
set -euo pipefail
bin=${1:-.build/release/demystify}
export NO_COLOR=1 XDG_STATE_HOME=$(mktemp -d)
# demystify and NumPy take turns, 9 runs each, so a slow spell of the host
# falls on both; medians, and the median of the 9 ratios.
times=(); np=(); ratios=()
for i in 1 2 3 4 5 6 7 8 9; do
  s=$(date +%s.%N); printf 'gan train 2000\n' | "$bin" --no-watch > /dev/null; e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc); times+=("$t")
  s=$(date +%s.%N); OPENBLAS_NUM_THREADS=1 python3 "$(dirname "$0")/gan_numpy.py" > /dev/null; e=$(date +%s.%N)
  n=$(echo "$e - $s" | bc); np+=("$n"); ratios+=("$(echo "scale=3; $n / $t" | bc)")
done
printf '2000 steps, whole process (s): %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 5p)"
# Where those steps go: one round (a D and a G update), the JSD logged every 100 rounds, W₁ beside it.
if [ -x "$(dirname "$bin")/demystify-bench" ]; then "$(dirname "$bin")/demystify-bench" gan-1d; fi
printf 'the same GAN in NumPy, whole process (s): %s\n' "$(printf '%s\n' "${np[@]}" | sort -n | sed -n 5p)"
printf 'NumPy/demystify, median of the 9 runs'"'"' ratios: %s\n' "$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n 5p)"
if python3 -c "import torch" 2>/dev/null; then
  pt=()
  for i in 1 2 3; do
    s=$(date +%s.%N); python3 "$(dirname "$0")/gan_torch.py" > /tmp/demystify-gan-torch.txt; e=$(date +%s.%N)
    pt+=("$(echo "$e - $s" | bc)"); cat /tmp/demystify-gan-torch.txt
  done
  printf 'the same GAN in PyTorch (CPU, float64), whole process (s), median of 3: %s\n' "$(printf '%s\n' "${pt[@]}" | sort -n | sed -n 2p)"
else
  echo "(PyTorch not installed: no PyTorch figure)"
fi
echo "seed  two-modes(W1, modes)  ring(default)  ring(lr-g 0.02)"
for seed in 1 2 3 4 5 6 7 8 9 10; do
  line=$(printf 'gan train 2000\n' | "$bin" --no-watch --seed $seed | tail -1)
  two="$(echo "$line" | grep -o 'W₁ to the data [0-9.]*' | awk '{print $5}'), $(echo "$line" | grep -o 'modes covered [0-9]' | awk '{print $3}')/2"
  ring=$(printf 'gan set data ring\ngan train 2500\n' | "$bin" --no-watch --seed $seed | grep -o 'modes covered [0-9]' | awk '{print $3}')
  coll=$(printf 'gan set data ring\ngan set lr-g 0.02\ngan train 2500\n' | "$bin" --no-watch --seed $seed | grep -o 'modes covered [0-9]' | awk '{print $3}')
  echo "$seed     $two                $ring              $coll"
done
