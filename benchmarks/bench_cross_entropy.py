"""Time and memory of cross_entropy and accuracy beside scikit-learn and the bare-numpy floor.

Usage: ``.venv/bin/python benchmarks/bench_cross_entropy.py [--repeat 7] [--check]``.

For n = 10^4, 10^5, 10^6 samples and 2 and 10 classes, one run measures

* ``cross_entropy`` (validation included), :func:`sklearn.metrics.log_loss` and the
  *floor*: the bare numpy work no implementation can skip (gather the true-class
  probability, clip, log, mean);
* ``accuracy``, :func:`sklearn.metrics.accuracy_score` and its floor ``np.mean(y == y_pred)``;
* ``cross_entropy_from_logits`` (no target: it does more work than the floor, for accuracy);

each as the best of ``repeat`` runs in milliseconds, and the peak memory allocated during one
call (:mod:`tracemalloc`, which numpy reports its buffers to) relative to the size of the
input. It prints a table with the ratios ours / floor (target: at most 3 at n = 10^6) and
peak / input (target: at most 2), and writes it to ``benchmarks/results/cross_entropy.json``.
With ``--check`` it exits with status 1 when a target is missed at n = 10^6.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import timeit
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, log_loss

from lossacc_helpers import accuracy, cross_entropy, cross_entropy_from_logits

RESULTS = Path(__file__).parent / "results" / "cross_entropy.json"
MAX_TIME_RATIO = 3.0  # ours / floor at n = 10^6
MAX_MEMORY_RATIO = 2.0  # peak allocation / input size


def best_ms(func: Callable[[], object], repeat: int) -> float:
    return min(timeit.repeat(func, number=1, repeat=repeat)) * 1e3


def peak_bytes(func: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def case(n: int, n_classes: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    y = rng.integers(0, n_classes, n)
    logits = rng.normal(size=(n, n_classes))
    proba = np.exp(logits - logits.max(axis=1, keepdims=True))
    proba /= proba.sum(axis=1, keepdims=True)
    y_pred = proba.argmax(axis=1)
    if n_classes == 2:
        proba, logits = proba[:, 1].copy(), logits[:, 1] - logits[:, 0]
    return {"y": y, "proba": proba, "logits": logits, "y_pred": y_pred}


def floor_cross_entropy(y: np.ndarray, proba: np.ndarray) -> float:
    """Gather, clip, log, mean: the least work a mean log loss needs, without any check."""
    eps = np.finfo(proba.dtype).eps
    if proba.ndim == 1:
        p_true = np.where(y == 1, proba, 1.0 - proba)
    else:
        p_true = proba[np.arange(len(y)), y]
    return float(-np.mean(np.log(np.clip(p_true, eps, 1.0 - eps))))


def floor_accuracy(y: np.ndarray, y_pred: np.ndarray) -> float:
    return float(np.mean(y == y_pred))


def measure(n: int, k: int, data: dict[str, np.ndarray], repeat: int) -> dict[str, float]:
    y, proba, logits, y_pred = data["y"], data["proba"], data["logits"], data["y_pred"]
    labels = np.arange(k)
    runs = {
        "ce_floor": lambda: floor_cross_entropy(y, proba),
        "ce_ours": lambda: cross_entropy(y, proba),
        "ce_sklearn": lambda: log_loss(y, proba, labels=labels),
        "acc_floor": lambda: floor_accuracy(y, y_pred),
        "acc_ours": lambda: accuracy(y, y_pred),
        "acc_sklearn": lambda: accuracy_score(y, y_pred),
        "logits_ours": lambda: cross_entropy_from_logits(y, logits),
    }
    row: dict[str, float] = {"n": n, "n_classes": k}
    for name, func in runs.items():
        assert np.isfinite(func())  # and warm up
        row[f"{name}_ms"] = best_ms(func, repeat)
    for name in ("ce_floor", "ce_ours", "acc_floor", "acc_ours"):
        row[f"{name}_peak_bytes"] = peak_bytes(runs[name])
    ce_input = y.nbytes + proba.nbytes
    acc_input = y.nbytes + y_pred.nbytes
    row["ce_time_ratio_floor"] = row["ce_ours_ms"] / row["ce_floor_ms"]
    row["ce_time_ratio_sklearn"] = row["ce_ours_ms"] / row["ce_sklearn_ms"]
    row["ce_memory_ratio_input"] = row["ce_ours_peak_bytes"] / ce_input
    row["acc_time_ratio_floor"] = row["acc_ours_ms"] / row["acc_floor_ms"]
    row["acc_time_ratio_sklearn"] = row["acc_ours_ms"] / row["acc_sklearn_ms"]
    row["acc_memory_ratio_input"] = row["acc_ours_peak_bytes"] / acc_input
    return row


def print_rows(rows: list[dict[str, float]]) -> None:
    head = (
        f"{'n':>9} {'K':>3} | {'CE floor':>8} {'ours':>7} {'sklearn':>8} {'/floor':>6} "
        f"{'/skl':>5} {'mem/in':>6} | {'acc floor':>9} {'ours':>6} {'sklearn':>8} "
        f"{'/floor':>6} {'/skl':>5} {'mem/in':>6} | {'logits':>7}"
    )
    print("times in ms, best of the repeats; mem/in = peak allocation / input size")
    print(head)
    for r in rows:
        print(
            f"{r['n']:>9} {r['n_classes']:>3} | {r['ce_floor_ms']:>8.2f} {r['ce_ours_ms']:>7.2f} "
            f"{r['ce_sklearn_ms']:>8.2f} {r['ce_time_ratio_floor']:>6.2f} "
            f"{r['ce_time_ratio_sklearn']:>5.2f} {r['ce_memory_ratio_input']:>6.2f} | "
            f"{r['acc_floor_ms']:>9.2f} {r['acc_ours_ms']:>6.2f} {r['acc_sklearn_ms']:>8.2f} "
            f"{r['acc_time_ratio_floor']:>6.2f} {r['acc_time_ratio_sklearn']:>5.2f} "
            f"{r['acc_memory_ratio_input']:>6.2f} | {r['logits_ours_ms']:>7.2f}"
        )


def missed_targets(rows: list[dict[str, float]]) -> list[str]:
    missed = []
    for r in rows:
        if r["n"] != 10**6:
            continue
        for metric in ("ce", "acc"):
            where = f"{metric} at n={r['n']}, K={r['n_classes']}"
            if r[f"{metric}_time_ratio_floor"] > MAX_TIME_RATIO:
                missed.append(f"{where}: {r[f'{metric}_time_ratio_floor']:.2f}x the floor")
            if r[f"{metric}_memory_ratio_input"] > MAX_MEMORY_RATIO:
                missed.append(f"{where}: peak {r[f'{metric}_memory_ratio_input']:.2f}x input")
    return missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    rows = [
        measure(n, k, case(n, k, rng), args.repeat) for n in (10**4, 10**5, 10**6) for k in (2, 10)
    ]
    print_rows(rows)
    RESULTS.parent.mkdir(exist_ok=True)
    meta = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit-learn": sklearn.__version__,
        "machine": platform.machine(),
        "repeat": args.repeat,
        "targets": {"time_ratio_floor": MAX_TIME_RATIO, "memory_ratio_input": MAX_MEMORY_RATIO},
    }
    RESULTS.write_text(json.dumps({"meta": meta, "rows": rows}, indent=2))
    print(f"written {RESULTS}")
    missed = missed_targets(rows)
    for line in missed:
        print(f"target missed: {line}")
    if args.check and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
