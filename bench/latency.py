#!/usr/bin/env python3
"""How long the tutor makes a learner wait at the prompt (issue 31, part 2).

For each state a lesson reaches (its training done), one process is started,
brought to that state, and then each command is typed through a pipe, followed
by a marker line; the time from writing the command to reading the marker's
output is the command's wait. Median of 5 (each in a fresh process, so no
cache from an earlier round helps). Usage: latency.py BIN [READ]

READ (seconds, default 0) is how long the learner reads the training's last
lines before typing the first command: the tutor draws the judge's samples in
that time (Lab.prepareScores), so with READ = 1 the first `diffusion` waits
only for what is left. READ = 0 types it at once, the worst case.
"""
import os, subprocess, sys, time, statistics, tempfile

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/release/demystify"
READ = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
MARK = "show 424242.5"

STATES = {
    "lesson 08 (gan digits, 1000 steps)": ["gan set data digits", "gan train 1000"],
    "lesson 09 (diffusion, 1000 steps)": ["diffusion train 1000"],
    "lesson 09 (conditioned, 1000 steps)": ["diffusion set condition on", "diffusion train 1000"],
}
COMMANDS = {
    "lesson 08 (gan digits, 1000 steps)": ["gan", "gan show", "gan gallery 8", "gan set data digits"],
    "lesson 09 (diffusion, 1000 steps)": ["diffusion", "diffusion", "diffusion step 50", "diffusion sample", "diffusion gallery 16"],
    "lesson 09 (conditioned, 1000 steps)": ["diffusion draw 7", "diffusion", "diffusion"],
}

def run_once(state, commands):
    env = dict(os.environ, NO_COLOR="1", XDG_STATE_HOME=tempfile.mkdtemp())
    p = subprocess.Popen([BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, bufsize=0)
    buf = b""
    def until_mark():
        nonlocal buf
        while b"424242.5" not in buf:
            chunk = os.read(p.stdout.fileno(), 65536)
            if not chunk: raise RuntimeError("the tutor ended early")
            buf += chunk
        buf = b""
    for line in state: p.stdin.write((line + "\n").encode())
    p.stdin.write((MARK + "\n").encode()); until_mark()
    time.sleep(READ)
    times = []
    for c in commands:
        t0 = time.perf_counter()
        p.stdin.write((c + "\n" + MARK + "\n").encode())
        until_mark()
        times.append(time.perf_counter() - t0)
    p.stdin.close(); p.wait()
    return times

for state, commands in STATES.items():
    runs = [run_once(STATES[state], COMMANDS[state]) for _ in range(5)]
    print(state)
    for i, c in enumerate(COMMANDS[state]):
        ms = [r[i] * 1000 for r in runs]
        again = " (again)" if c in COMMANDS[state][:i] else ""
        print(f"  {c + again:28s} {statistics.median(ms):7.1f} ms   (runs: {' '.join(f'{m:.0f}' for m in ms)})")
