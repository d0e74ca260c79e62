#!/usr/bin/env bash
# The diffusion model (issue 18), release build, all in one run:
#   - one training step at the reference size (denoiser 80 → 128 → 128 → 64, batch 64;
#     the tutor's default has a third hidden layer):
#     the tutor, NumPy (float64, one thread) and PyTorch (float32, 2 threads)
#     interleaved, 5 runs each, each the median of 5 rounds of 200 steps
#   - lesson-ready: `diffusion train 1000` then `diffusion` (the judge's digits
#     covered of 1,000 samples at the lesson's seed), whole process, median of 5
#   - sampling 16 images through all T = 100 steps: median of 15 rounds
. "$(dirname "$0")/step_compare.sh"   # sets $bin, $benchbin, $here, $data
compare_steps diffusion-step diffusion_numpy.py diffusion_torch.py 18350080 "$data/digits-train.csv"   # 18.35 M FLOPs (80→128→128→128→64, batch 64): forward, weight gradients, and input gradients of layers 2 to 4
times=()
for i in 1 2 3 4 5; do
  st=$(date +%s.%N); out=$(printf 'diffusion train 1000\ndiffusion\n' | "$bin" | grep 'digits covered'); e=$(date +%s.%N)
  times+=("$(echo "$e - $st" | bc)")
done
echo "lesson-ready (train 1000, then score 1,000 samples; judge included), s: $(printf '%s\n' "${times[@]}" | med) (runs: ${times[*]})"
echo "  $out"
"$benchbin" diffusion-sample16 "$data" | sed 's/.*"us": \([0-9.]*\).*/sampling 16 images through all 100 steps: \1 µs/'
