#!/usr/bin/env bash
# Transformer speed and quality (release build), for the README:
#   - one reference training step against PyTorch (float32 and float64), same run
#   - the lesson model: training time to lesson-ready, held-out loss, agreement
#   - `gpt train 500` and `embeddings train 30` as whole tutor processes, median of 5
#   - tokens + attention through the shell
set -euo pipefail
cd "$(dirname "$0")/.."
bench=.build/release/demystify-bench bin=.build/release/demystify
export NO_COLOR=1 XDG_STATE_HOME=$(mktemp -d)
echo "== reference step (vocabulary 65, width 32, 2 layers, 4 heads, context 32, batch 16, AdamW)"
for i in 1 2 3; do
  "$bench" gpt-step
  if python3 -c "import torch" 2>/dev/null; then python3 bench/gpt_torch.py | tail -2; else echo "(PyTorch not installed)"; fi
done
echo "== lesson model, every 50 steps (seed 42)"
"$bench" gpt-quality 42
echo "== lesson model at 500 steps, seeds 1-10"
for seed in 1 2 3 4 5 6 7 8 9 10; do "$bench" gpt-quality $seed | sed -n 10p; done
whole() {  # median wall time of 5 runs of: printf "$1" | demystify
  local times=()
  for i in 1 2 3 4 5; do
    s=$(date +%s.%N); printf "$1" | "$bin" > /dev/null; e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
echo "== whole process, median of 5 (s)"
echo "gpt train 500: $(whole 'gpt train 500\n')"
echo "embeddings train 30: $(whole 'embeddings train 30\n')"
echo "start and quit: $(whole 'quit\n')"
printf 'gpt train 500\n' | "$bin" | head -2
printf 'embeddings train 30\n' | "$bin" | head -1
echo "== through the shell"
"$bench" gpt-render
