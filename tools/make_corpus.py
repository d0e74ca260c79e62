#!/usr/bin/env python3
"""Write Lessons/data/corpus.txt and Lessons/data/heldout.txt.

A small grammar made for attention to have something to find:
  - a verb agrees with its subject several words back, past a noun of the
    other number in between ("the cat that the dogs chase sleeps");
  - a pronoun refers to the subject at the start of the sentence
    ("the girl saw the dog and she smiled").
Run once; the output files are committed. Deterministic (seeded).
"""
import random

NOUNS = {  # singular: (plural, pronoun for the singular)
    "cat": ("cats", "it"), "dog": ("dogs", "it"), "bird": ("birds", "it"),
    "girl": ("girls", "she"), "boy": ("boys", "he"),
}
INTRANSITIVE = [("sleeps", "sleep"), ("runs", "run"), ("sings", "sing")]
TRANSITIVE = [("sees", "see"), ("likes", "like"), ("chases", "chase")]
PAST = ["saw", "found"]
AFTER = ["smiled", "waited", "laughed"]


def noun(r, plural=None):
    s = r.choice(sorted(NOUNS))
    p = r.random() < 0.5 if plural is None else plural
    return (NOUNS[s][0] if p else s), p, ("they" if p else NOUNS[s][1])


def verb(r, pair, plural):
    return pair[1] if plural else pair[0]


def sentence(r):
    kind = r.random()
    subj, pl, pron = noun(r)
    if kind < 0.20:    # the cat sleeps
        return f"the {subj} {verb(r, r.choice(INTRANSITIVE), pl)}"
    # The noun in between has its own, independent number, so only the
    # subject (not the nearest noun) tells which verb form comes next.
    if kind < 0.40:    # the cat near the dogs sleeps
        other, _, _ = noun(r)
        prep = r.choice(["near", "with"])
        return f"the {subj} {prep} the {other} {verb(r, r.choice(INTRANSITIVE), pl)}"
    if kind < 0.60:    # the cat that the dogs chase sleeps
        other, opl, _ = noun(r)
        inner = verb(r, r.choice(TRANSITIVE), opl)
        return f"the {subj} that the {other} {inner} {verb(r, r.choice(INTRANSITIVE), pl)}"
    if kind < 0.85:    # the girl saw the dog and she smiled
        obj, _, _ = noun(r)
        return f"the {subj} {r.choice(PAST)} the {obj} and {pron} {r.choice(AFTER)}"
    obj, _, _ = noun(r)  # the dogs see the bird
    return f"the {subj} {verb(r, r.choice(TRANSITIVE), pl)} the {obj}"


def main():
    r = random.Random(2026)
    seen, train, held = set(), [], []
    while len(train) < 480:
        s = sentence(r)
        train.append(s)
        seen.add(s)
    while len(held) < 120:
        s = sentence(r)
        if s not in seen:      # held-out sentences never appear in training
            held.append(s)
            seen.add(s)
    head = "# Demystify corpus: one sentence per line, written by tools/make_corpus.py\n"
    open("Lessons/data/corpus.txt", "w").write(head + "\n".join(train) + "\n")
    open("Lessons/data/heldout.txt", "w").write(head + "\n".join(held) + "\n")


if __name__ == "__main__":
    main()
