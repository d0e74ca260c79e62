#!/usr/bin/env python3
"""The best loss any model can reach on the corpus: the grammar's entropy per
predicted token (<bos> ... <eos>), computed exactly by listing every sentence
make_corpus.py can write with its probability. Used to say what a "good"
held-out loss is (README, performance section)."""
import collections
import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_corpus import NOUNS, INTRANSITIVE, TRANSITIVE, PAST, AFTER  # noqa: E402


def nouns(plural=None):
    """(word, plural, pronoun, probability) for each noun choice."""
    out = []
    for s in sorted(NOUNS):
        for p in ([False, True] if plural is None else [plural]):
            prob = (1 / len(NOUNS)) * (0.5 if plural is None else 1)
            out.append((NOUNS[s][0] if p else s, p, "they" if p else NOUNS[s][1], prob))
    return out


def form(pair, plural):
    return pair[1] if plural else pair[0]


def sentences():
    dist = collections.defaultdict(float)
    for subj, pl, pron, ps in nouns():
        for v in INTRANSITIVE:
            dist[("the", subj, form(v, pl))] += 0.20 * ps / len(INTRANSITIVE)
        for o, _, _, po in nouns():
            for prep in ["near", "with"]:
                for v in INTRANSITIVE:
                    dist[("the", subj, prep, "the", o, form(v, pl))] += 0.20 * ps * po * 0.5 / len(INTRANSITIVE)
        for o, opl, _, po in nouns():
            for iv in TRANSITIVE:
                for v in INTRANSITIVE:
                    dist[("the", subj, "that", "the", o, form(iv, opl), form(v, pl))] += \
                        0.20 * ps * po / (len(TRANSITIVE) * len(INTRANSITIVE))
        for o, _, _, po in nouns():
            for p in PAST:
                for a in AFTER:
                    dist[("the", subj, p, "the", o, "and", pron, a)] += 0.25 * ps * po / (len(PAST) * len(AFTER))
        for o, _, _, po in nouns():
            for v in TRANSITIVE:
                dist[("the", subj, form(v, pl), "the", o)] += 0.15 * ps * po / len(TRANSITIVE)
    return dist


def main():
    dist = sentences()
    assert abs(sum(dist.values()) - 1) < 1e-9
    prefix = collections.defaultdict(float)
    for s, p in dist.items():
        toks = ("<bos>",) + s + ("<eos>",)
        for i in range(1, len(toks) + 1):
            prefix[toks[:i]] += p
    h = n = 0.0
    for s, p in dist.items():
        toks = ("<bos>",) + s + ("<eos>",)
        for i in range(1, len(toks)):
            h += p * -math.log(prefix[toks[:i + 1]] / prefix[toks[:i]])
            n += p
    print(f"entropy per predicted token: {h / n:.4f} nats")


if __name__ == "__main__":
    main()
