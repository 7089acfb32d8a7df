"""Time cross_entropy and cross_entropy_from_logits against sklearn.metrics.log_loss.

Usage: ``.venv/bin/python benchmarks/bench_cross_entropy.py [--repeat 5]``. Prints a table
(best of ``repeat`` runs, in milliseconds, and the ratio ours / scikit-learn) and writes it to
``benchmarks/results/cross_entropy.json``. The goal is a ratio of at most 1.0 at n = 10^6.
"""

from __future__ import annotations

import argparse
import json
import platform
import timeit
from functools import partial
from pathlib import Path

import numpy as np
import sklearn
from sklearn.metrics import log_loss

from lossacc_helpers import cross_entropy, cross_entropy_from_logits

RESULTS = Path(__file__).parent / "results" / "cross_entropy.json"


def best_ms(func, repeat: int) -> float:
    return min(timeit.repeat(func, number=1, repeat=repeat)) * 1e3


def case(n: int, n_classes: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    y = rng.integers(0, n_classes, n)
    logits = rng.normal(size=(n, n_classes))
    proba = np.exp(logits - logits.max(axis=1, keepdims=True))
    proba /= proba.sum(axis=1, keepdims=True)
    if n_classes == 2:
        return {"y": y, "proba": proba[:, 1].copy(), "logits": logits[:, 1] - logits[:, 0]}
    return {"y": y, "proba": proba, "logits": logits}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    rows = []
    header = f"{'n':>9} {'classes':>7} {'sklearn ms':>11} {'ours ms':>9} {'ratio':>6} "
    header += f"{'logits ms':>10} {'ratio':>6}"
    print(header)
    for n in (10**4, 10**5, 10**6):
        for k in (2, 10):
            data = case(n, k, rng)
            labels = np.arange(k)
            y, proba, logits = data["y"], data["proba"], data["logits"]
            ref = best_ms(partial(log_loss, y, proba, labels=labels), args.repeat)
            ours = best_ms(partial(cross_entropy, y, proba), args.repeat)
            logit = best_ms(partial(cross_entropy_from_logits, y, logits), args.repeat)
            rows.append(
                {
                    "n": n,
                    "n_classes": k,
                    "sklearn_ms": ref,
                    "cross_entropy_ms": ours,
                    "cross_entropy_ratio": ours / ref,
                    "from_logits_ms": logit,
                    "from_logits_ratio": logit / ref,
                }
            )
            print(
                f"{n:>9} {k:>7} {ref:>11.2f} {ours:>9.2f} {ours / ref:>6.2f} "
                f"{logit:>10.2f} {logit / ref:>6.2f}"
            )
    RESULTS.parent.mkdir(exist_ok=True)
    meta = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit-learn": sklearn.__version__,
        "machine": platform.machine(),
        "repeat": args.repeat,
    }
    RESULTS.write_text(json.dumps({"meta": meta, "rows": rows}, indent=2))
    print(f"written {RESULTS}")


if __name__ == "__main__":
    main()
