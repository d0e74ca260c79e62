#!/usr/bin/env python3
"""Extract the UCI handwritten digits (8×8, values 0–16) that scikit-learn ships
as sklearn/datasets/data/digits.csv.gz into Lessons/data, once.

Each output line is 64 pixel values, row by row, then the digit's label: 65
whole numbers separated by commas. A fixed fifth of each digit's images (its
5th, 10th, 15th, … in the original file's order) goes to digits-heldout.csv,
for measuring; the rest to digits-train.csv. Both keep the original order.

The tutor reads these files and never needs Python. Run from the top of the
repository:  python3 tools/extract_digits.py   (needs `pip install scikit-learn`)
"""
import gzip
import os
import sys

try:
    import sklearn
except ImportError:
    sys.exit("scikit-learn is needed once, to find its copy of the data: pip install scikit-learn")

source = os.path.join(os.path.dirname(sklearn.__file__), "datasets", "data", "digits.csv.gz")
rows = [line for line in gzip.open(source, "rt").read().splitlines() if line.strip()]
if len(rows) != 1797:
    sys.exit(f"expected 1,797 images in {source}, found {len(rows)}")
train, heldout = [], []
seen = [0] * 10   # images of each digit so far
for i, line in enumerate(rows):
    values = [int(float(v)) for v in line.split(",")]
    if len(values) != 65 or not all(0 <= v <= 16 for v in values[:64]) or not 0 <= values[64] <= 9:
        sys.exit(f"image {i}: expected 64 pixels from 0 to 16 and a label from 0 to 9")
    seen[values[64]] += 1
    (heldout if seen[values[64]] % 5 == 0 else train).append(",".join(map(str, values)))
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Lessons", "data")
for name, part in [("digits-train.csv", train), ("digits-heldout.csv", heldout)]:
    with open(os.path.join(out, name), "w") as f:
        f.write("\n".join(part) + "\n")
    print(f"{name}: {len(part)} images")
