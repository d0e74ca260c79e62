#!/usr/bin/env bash
# Every picture kind at every width 1..300 through the real binary (COLUMNS; the
# tutor clamps below 20), with finite, huge and non-finite values: count the runs
# and any that ended by a signal.
B=${1:-.build/release/demystify}
script=$(cat <<'S'
heatmap [1 2; 3 4] --numbers
heatmap [nan 1e308; -1e308 inf]
heatmap randn(40, 60)
plot [1 nan 3 1e308 -1e308]
plot randn(3, 50)
hist [-1e308 1e308]
hist [nan inf -inf 1 2 3]
hist randn(2, 300) 15
bars [1 nan inf -1e308] "a b c d"
scatter [1 2; nan 3; 1e308 -1e308; inf 0]
scatter randn(200, 2)
diagram transformer attention
diagram gan losses
show randn(3, 4, 5)
S
)
runs=0; crashes=0
for w in $(seq 1 300); do
  printf '%s\n' "$script" | COLUMNS=$w NO_COLOR=1 XDG_STATE_HOME=/tmp/sweep-state timeout -k 5 60 "$B" >/dev/null 2>/tmp/sweep.err
  rc=$?; runs=$((runs+1))
  if [ $rc -ge 124 ]; then crashes=$((crashes+1)); echo "width $w: status $rc"; head -3 /tmp/sweep.err; fi
done
echo "widths 1-300: $runs runs of 14 pictures each ($((runs*14)) pictures), $crashes ended by a signal or timeout"
