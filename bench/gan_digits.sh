#!/usr/bin/env bash
# The digits GAN (issue 17), release build, all in one run so the machine is the same:
#   - one training step (one D and one G update, batch 64) at the default size
#     (z 16 → 32 → 64 pixels, D 64 → 32 → 1): the tutor, NumPy (float64, hand-written
#     backprop, one thread) and PyTorch (float32, CPU, 2 threads) interleaved, 5 runs each,
#     each run the median of 5 rounds of 200 steps; the median of the runs is printed
#   - lesson-ready: `gan set data digits` then `gan train 1000` (8 of 10 digits covered
#     or more at the lesson's seed), whole process, median of 5
#   - a gallery of 64 samples with the judge's labels, drawn: median of 15 rounds of 5
. "$(dirname "$0")/step_compare.sh"   # sets $bin, $benchbin, $here, $data
compare_steps gan-digits-step gan_digits_numpy.py gan_digits_torch.py 3120000 "$data/digits-train.csv" 32   # 3.12 M FLOPs: the products of one D and one G update
times=()
for i in 1 2 3 4 5; do
  st=$(date +%s.%N); out=$(printf 'gan set data digits\ngan train 1000\n' | "$bin" | tail -2 | tr '\n' ' '); e=$(date +%s.%N)
  times+=("$(echo "$e - $st" | bc)")
done
echo "lesson-ready (gan train 1000 from a fresh process, judge included), s: $(printf '%s\n' "${times[@]}" | med) (runs: ${times[*]})"
echo "  $(echo "$out" | grep -o 'digits covered [0-9]* of 10')"
"$benchbin" gan-digits-gallery "$data" | sed 's/.*"us": \([0-9.]*\).*/gallery of 64 with the judge'"'"'s labels, drawn: \1 µs/'
