"""Rebuild the test corpus of training logs: ``python tests/data/logs/make_corpus.py``.

Writes every file of this folder and MANIFEST.json deterministically (fixed seeds, one
BLAS thread), and copies two of them into ``lossacc_helpers/data/`` for chapter 5.

Two kinds of runs:

- **real**: small networks trained here with scikit-learn on the 8 x 8 digits, measured
  after every epoch by :func:`lossacc_helpers.fit_with_history` (the settings of
  chapters 5 and 6 and a few more);
- **synthetic**: curves built with a known regime and seeded noise, including the cases
  real logs bring (noisy, spiky, short, loss-only, restarted, NaN, frozen, imbalanced,
  validation below training, leaked validation set).

Each run is written the way one framework's logger writes it, reproduced from that
logger's source (cited in :mod:`lossacc_helpers.logs`): Keras ``CSVLogger`` (sorted keys,
0-based epochs, ``\\r\\n`` rows, appended restarts without a header), Lightning
``CSVLogger`` (sparse per-step rows, sorted keys), Hugging Face ``trainer_state.json``
(``log_history``, ``json.dumps(indent=2, sort_keys=True)``, losses rounded to 4 digits),
ultralytics ``results.csv`` (``%23s`` padded headers up to 8.2; unpadded with ``time``
since 8.3) and fastai ``CSVLogger``. The verdict in the manifest is the reading of an
experienced practitioner looking at the curves, written down with the run's design, not
copied from :func:`lossacc_helpers.diagnose`.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import warnings
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
PACKAGE_DATA = HERE.parents[2] / "lossacc_helpers" / "data"
MANIFEST: list[dict] = []


def f32(value: float) -> float:
    """A float as Keras logs it: a float32 metric converted to a Python float."""
    return float(np.float32(value))


def record(name: str, fmt: str, kind: str, verdict: str, why: str, **extra) -> None:
    MANIFEST.append(
        {"file": name, "format": fmt, "kind": kind, "verdict": verdict, "why": why} | extra
    )


# --- writers ----------------------------------------------------------------------------


def write_keras(name: str, runs: list[dict[str, np.ndarray]], initial_epochs=None) -> None:
    """Keras CSVLogger(append=True): header once (sorted keys), each fit() appends rows."""
    buffer = io.StringIO()
    for r, run in enumerate(runs):
        keys = sorted(run)
        writer = csv.DictWriter(buffer, fieldnames=["epoch", *keys], dialect=csv.excel)
        if r == 0:
            writer.writeheader()
        start = 0 if initial_epochs is None else initial_epochs[r]
        for i in range(len(run[keys[0]])):
            row = {"epoch": start + i}
            row |= {k: f32(run[k][i]) for k in keys}
            writer.writerow(row)
    (HERE / name).write_text(buffer.getvalue(), newline="")


def write_lightning(
    name: str,
    curves: dict[str, np.ndarray],
    steps_per_epoch: int = 6,
    log_every: int = 2,
    train_acc: bool = False,
) -> None:
    """Lightning CSVLogger metrics.csv: step rows, then validation-end, then epoch-end rows.

    ``self.log("train_loss", loss, on_step=True, on_epoch=True)`` gives ``train_loss_step``
    and ``train_loss_epoch``; ``self.log("val_loss", ...)``, ``self.log("val_acc", ...)``
    in ``validation_step`` give epoch-level ``val_loss`` and ``val_acc``. The trainer adds
    ``epoch`` (0-based) to each row and the writer adds ``step``.
    """
    rng = np.random.default_rng(7)
    rows: list[dict] = []
    n = len(curves["train_loss"])
    for e in range(n):
        for s in range(steps_per_epoch):
            step = e * steps_per_epoch + s
            if (step + 1) % log_every == 0:
                noisy = curves["train_loss"][e] * (1 + 0.05 * rng.standard_normal())
                rows.append({"epoch": e, "step": step, "train_loss_step": noisy})
        last = (e + 1) * steps_per_epoch - 1
        val = {"epoch": e, "step": last, "val_loss": curves["val_loss"][e]}
        if "val_accuracy" in curves:
            val["val_acc"] = curves["val_accuracy"][e]
        rows.append(val)
        end = {"epoch": e, "step": last, "train_loss_epoch": curves["train_loss"][e]}
        if train_acc:
            end["train_acc_epoch"] = curves["train_accuracy"][e]
        rows.append(end)
    keys = sorted(set().union(*rows))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=keys)
    writer.writeheader()
    writer.writerows(
        {k: float(v) if isinstance(v, np.floating) else v for k, v in r.items()} for r in rows
    )
    (HERE / name).write_text(buffer.getvalue(), newline="")


def write_hf(
    name: str, curves: dict[str, np.ndarray], evals_per_epoch: int = 1, logging_steps: int = 10
) -> None:
    """trainer_state.json: training entries every logging_steps, evaluations every eval_steps."""
    steps_per_epoch = 40
    eval_steps = steps_per_epoch // evals_per_epoch
    n = len(curves["val_loss"])
    log: list[dict] = []
    t = np.arange(1, n + 1) / evals_per_epoch
    for step in range(1, n * eval_steps + 1):
        if step % logging_steps == 0:
            position = step / eval_steps
            loss = np.interp(position, np.arange(1, n + 1), curves["train_loss"])
            log.append(
                {
                    "epoch": round(step / steps_per_epoch, 4),
                    "grad_norm": round(float(2.0 + np.sin(step)), 6),
                    "learning_rate": 5e-05 * (1 - step / (n * eval_steps)),
                    "loss": round(float(loss), 4),
                    "step": step,
                }
            )
        if step % eval_steps == 0:
            i = step // eval_steps - 1
            entry = {
                "epoch": round(float(t[i]), 4),
                "eval_loss": float(curves["val_loss"][i]),
                "eval_runtime": 1.2345,
                "eval_samples_per_second": 405.1,
                "eval_steps_per_second": 12.66,
                "step": step,
            }
            if "val_accuracy" in curves:
                entry["eval_accuracy"] = float(curves["val_accuracy"][i])
            log.append(entry)
    total = n * eval_steps
    log.append(
        {
            "epoch": round(float(t[-1]), 4),
            "step": total,
            "total_flos": 1234567890.0,
            "train_loss": float(np.mean(curves["train_loss"])),
            "train_runtime": 60.5,
            "train_samples_per_second": 120.3,
            "train_steps_per_second": 3.76,
        }
    )
    state = {
        "best_global_step": None,
        "best_metric": None,
        "best_model_checkpoint": None,
        "epoch": float(t[-1]),
        "eval_steps": eval_steps,
        "global_step": total,
        "is_hyper_param_search": False,
        "is_local_process_zero": True,
        "is_world_process_zero": True,
        "log_history": log,
        "logging_steps": logging_steps,
        "max_steps": total,
        "num_input_tokens_seen": 0,
        "num_train_epochs": int(np.ceil(t[-1])),
        "save_steps": 500,
        "stateful_callbacks": {},
        "total_flos": 1234567890.0,
        "train_batch_size": 8,
        "trial_name": None,
        "trial_params": None,
    }
    (HERE / name).write_text(json.dumps(state, indent=2, sort_keys=True) + "\n")


def write_ultralytics(name: str, columns: dict[str, np.ndarray], padded: bool = True) -> None:
    """results.csv: "%23s," headers and "%23.5g," values (<= 8.2), or plain with time."""
    keys = list(columns)
    n = len(columns[keys[0]])
    lines = []
    for e in range(n):
        values = [columns[k][e] for k in keys]
        if padded:
            if e == 0:
                lines.append(("%23s," * (len(keys) + 1) % tuple(["epoch", *keys])).rstrip(","))
            lines.append(("%23.5g," * (len(keys) + 1) % tuple([e + 1, *values])).rstrip(","))
        else:
            if e == 0:
                lines.append(",".join(["epoch", "time", *keys]))
            lines.append(",".join(map(str, [e + 1, round(12.5 * (e + 1), 3), *map(float, values)])))
    (HERE / name).write_text("\n".join(lines) + "\n")


def write_fastai(name: str, curves: dict[str, np.ndarray], metric: str = "accuracy") -> None:
    """fastai CSVLogger history.csv: epoch (0-based), train_loss, valid_loss, metric, time."""
    lines = [f"epoch,train_loss,valid_loss,{metric},time"]
    for e in range(len(curves["val_loss"])):
        value = curves["val_accuracy"][e] if metric == "accuracy" else 1 - curves["val_accuracy"][e]
        losses = f"{curves['train_loss'][e]:.6f},{curves['val_loss'][e]:.6f}"
        lines.append(f"{e},{losses},{value:.6f},00:0{e % 10}")
    (HERE / name).write_text("\n".join(lines) + "\n")


def write_plain(name: str, columns: dict[str, np.ndarray]) -> None:
    keys = list(columns)
    lines = [",".join(keys)]
    for i in range(len(columns[keys[0]])):
        lines.append(",".join(f"{columns[k][i]:.6g}" for k in keys))
    (HERE / name).write_text("\n".join(lines) + "\n")


# --- real runs --------------------------------------------------------------------------


def real_runs() -> dict[str, dict[str, np.ndarray]]:
    from sklearn.datasets import load_digits
    from sklearn.linear_model import SGDClassifier
    from sklearn.model_selection import train_test_split
    from sklearn.neural_network import MLPClassifier
    from threadpoolctl import threadpool_limits

    from lossacc_helpers import fit_with_history

    threadpool_limits(1)
    warnings.simplefilter("ignore")
    digits = load_digits()
    X, y = digits.data / 16, digits.target
    X_dev, _, y_dev, _ = train_test_split(X, y, test_size=0.4, stratify=y, random_state=0)
    X_tr, X_val, y_clean, y_val = train_test_split(
        X_dev, y_dev, train_size=300, stratify=y_dev, random_state=0
    )
    rng = np.random.default_rng(0)  # chapter 5: one training label in ten wrong
    wrong = rng.random(len(y_clean)) < 0.1
    y_noisy = y_clean.copy()
    y_noisy[wrong] = (y_noisy[wrong] + rng.integers(1, 10, wrong.sum())) % 10

    def sgd_net(**changes):
        settings = {
            "hidden_layer_sizes": (200,),
            "activation": "tanh",
            "solver": "sgd",
            "momentum": 0.9,
            "learning_rate_init": 0.1,
            "batch_size": 50,
            "alpha": 1e-5,
            "random_state": 0,
        }
        return MLPClassifier(**(settings | changes))

    def run(model, labels, epochs, batch_size=None):
        h = fit_with_history(
            model,
            X_tr,
            labels,
            X_val,
            y_val,
            epochs=epochs,
            classes=np.arange(10),
            batch_size=batch_size,
        )
        return {k: np.asarray(v) for k, v in h.to_dict().items() if k != "epoch"}

    adam = MLPClassifier((100,), learning_rate_init=0.05, batch_size=50, alpha=1e-5, random_state=0)
    return {
        "overfit": run(sgd_net(), y_noisy, 40),
        "overconfident": run(adam, y_clean, 60),
        "too_fast": run(sgd_net(learning_rate_init=1.0), y_noisy, 20),
        "slow": run(sgd_net(learning_rate_init=0.01), y_noisy, 40),
        "strong_l2": run(sgd_net(alpha=3.0), y_noisy, 40),
        "good": run(
            MLPClassifier((50,), alpha=1.0, batch_size=50, learning_rate_init=0.01, random_state=0),
            y_clean,
            40,
            batch_size=50,
        ),
        "sgd_linear": run(
            SGDClassifier(
                loss="log_loss", alpha=1e-3, learning_rate="constant", eta0=0.01, random_state=0
            ),
            y_clean,
            30,
            batch_size=50,
        ),
    }


# --- synthetic curves -------------------------------------------------------------------


def synthetic(seed: int, n: int, regime: str, noise: float = 0.01) -> dict[str, np.ndarray]:
    """Four curves of a known regime with Gaussian noise of ``noise`` nats on the losses."""
    rng = np.random.default_rng(seed)
    t = np.arange(1, n + 1, dtype=float)
    fast = np.exp(-t / 5)
    after = np.maximum(t - n // 3, 0)
    shapes = {
        "good fit": (0.20 + 0.5 * fast, 0.28 + 0.42 * fast, 0.93 - 0.43 * fast, 0.89 - 0.39 * fast),
        "overfitting": (
            0.03 + 0.67 * np.exp(-t / 7),
            0.30 + 0.40 * fast + 0.012 * after,
            0.99 - 0.49 * np.exp(-t / 7),
            0.86 - 0.36 * fast - 0.004 * after,
        ),
        "overconfident": (
            0.03 + 0.67 * np.exp(-t / 7),
            0.30 + 0.40 * fast + 0.01 * after,
            0.99 - 0.49 * np.exp(-t / 7),
            0.86 - 0.36 * fast + 0.0005 * after,
        ),
        "still improving": (
            0.70 - 0.5 * t / n,
            0.72 - 0.45 * t / n,
            0.5 + 0.4 * t / n,
            0.5 + 0.35 * t / n,
        ),
        "underfitting": (
            0.52 + 0.18 * fast,
            0.54 + 0.17 * fast,
            0.72 - 0.2 * fast,
            0.70 - 0.2 * fast,
        ),
        "diverging": (
            0.25 + 0.45 * fast + 0.03 * np.maximum(t - n // 2, 0) ** 1.6,
            0.30 + 0.45 * fast + 0.03 * np.maximum(t - n // 2, 0) ** 1.6,
            0.90 - 0.40 * fast - 0.01 * np.maximum(t - n // 2, 0),
            0.88 - 0.40 * fast - 0.01 * np.maximum(t - n // 2, 0),
        ),
    }
    tl, vl, ta, va = shapes[regime]
    return {
        "train_loss": np.clip(tl + rng.normal(0, noise, n), 1e-3, None),
        "val_loss": np.clip(vl + rng.normal(0, noise, n), 1e-3, None),
        "train_accuracy": np.clip(ta + rng.normal(0, noise / 2, n), 0, 1),
        "val_accuracy": np.clip(va + rng.normal(0, noise / 2, n), 0, 1),
    }


def keras_keys(c: dict[str, np.ndarray], accuracy: bool = True) -> dict[str, np.ndarray]:
    keys = {"loss": c["train_loss"], "val_loss": c["val_loss"]}
    if accuracy:
        keys |= {"accuracy": c["train_accuracy"], "val_accuracy": c["val_accuracy"]}
    return keys


def main() -> None:
    for old in HERE.iterdir():
        if old.suffix in (".csv", ".json"):
            old.unlink()
    real = real_runs()

    # Real runs, one per format.
    write_keras("keras_real_overfitting.csv", [keras_keys(real["overfit"])])
    record(
        "keras_real_overfitting.csv",
        "keras",
        "real",
        "overfitting",
        "Chapter 5's network on labels with 10% errors: the validation loss is lowest at epoch "
        "4 (0-based) and ends about a third higher while the validation accuracy drops and the "
        "training loss keeps falling.",
        columns={
            "train_loss": "loss",
            "val_loss": "val_loss",
            "train_accuracy": "accuracy",
            "val_accuracy": "val_accuracy",
        },
        n_classes=10,
    )
    write_lightning("lightning_real_overconfident.csv", real["overconfident"], train_acc=True)
    record(
        "lightning_real_overconfident.csv",
        "lightning",
        "real",
        "overconfident",
        "Chapter 6's Adam network on clean labels, 60 epochs: the validation loss is lowest at "
        "epoch 7 (0-based), then rises by about 40% while the validation accuracy holds.",
        columns={
            "train_loss": "train_loss_epoch",
            "val_loss": "val_loss",
            "train_accuracy": "train_acc_epoch",
            "val_accuracy": "val_acc",
        },
        n_classes=10,
    )
    write_hf(
        "hf_real_good_fit.json", {k: v for k, v in real["good"].items() if k != "train_accuracy"}
    )
    record(
        "hf_real_good_fit.json",
        "hf",
        "real",
        "good fit",
        "An L2-regularised MLP (alpha=1): both losses flatten by epoch 10; the validation loss "
        "then creeps down by only 0.03 nats in 30 epochs and never turns up: converged.",
        columns={"val_loss": "eval_loss", "val_accuracy": "eval_accuracy"},
        n_classes=10,
    )
    fast = real["too_fast"]
    write_ultralytics(
        "ultralytics_real_not_learning.csv",
        {
            "train/loss": fast["train_loss"],
            "metrics/accuracy_top1": fast["val_accuracy"],
            "metrics/accuracy_top5": np.minimum(1, fast["val_accuracy"] * 3),
            "val/loss": fast["val_loss"],
            "lr/pg0": np.full(20, 1.0),
            "lr/pg1": np.full(20, 1.0),
            "lr/pg2": np.full(20, 1.0),
        },
    )
    record(
        "ultralytics_real_not_learning.csv",
        "ultralytics",
        "real",
        "not learning",
        "Learning rate 1.0: the training loss jumps around between 31 and 33 nats, far above "
        "ln 10 = 2.3, and the validation accuracy stays near chance.",
        columns={
            "train_loss": "train/loss",
            "val_loss": "val/loss",
            "val_accuracy": "metrics/accuracy_top1",
        },
        n_classes=10,
    )
    write_fastai("fastai_real_still_improving.csv", real["slow"])
    record(
        "fastai_real_still_improving.csv",
        "csv",
        "real",
        "still improving",
        "Learning rate 0.01, ten times slower: the validation loss is still falling steadily "
        "at the last epoch, which is its lowest.",
        columns={"train_loss": "train_loss", "val_loss": "valid_loss", "val_accuracy": "accuracy"},
        n_classes=10,
    )
    write_plain(
        "csv_real_underfitting.csv",
        {
            "epoch": np.arange(1, 41),
            "train_loss": real["strong_l2"]["train_loss"],
            "val_loss": real["strong_l2"]["val_loss"],
            "train_acc": real["strong_l2"]["train_accuracy"],
            "val_acc": real["strong_l2"]["val_accuracy"],
        },
    )
    record(
        "csv_real_underfitting.csv",
        "csv",
        "real",
        "underfitting",
        "alpha=3: both losses level off near 1 nat after a few epochs, side by side (the small "
        "rise after epoch 4 is shared by the training loss: the penalty shrinking the weights).",
        columns={
            "train_loss": "train_loss",
            "val_loss": "val_loss",
            "train_accuracy": "train_acc",
            "val_accuracy": "val_acc",
        },
        n_classes=10,
    )
    write_keras("keras_real_still_improving.csv", [keras_keys(real["sgd_linear"])])
    record(
        "keras_real_still_improving.csv",
        "keras",
        "real",
        "still improving",
        "A logistic regression trained by SGD with a small constant step: the validation loss "
        "falls at every epoch to the end.",
        columns={"train_loss": "loss", "val_loss": "val_loss"},
        n_classes=10,
    )

    # Synthetic runs with known regimes, in every format.
    c = synthetic(1, 40, "good fit", noise=0.03)
    write_keras("keras_noisy_good_fit.csv", [keras_keys(c)])
    record(
        "keras_noisy_good_fit.csv",
        "keras",
        "synthetic",
        "good fit",
        "Converged curves with 0.03 nats of noise: the wobble of the validation loss after epoch "
        "15 is noise, not a turn.",
    )
    c = synthetic(2, 40, "good fit")
    for i, bump in ((20, 0.4), (31, 0.5), (36, 0.3)):
        c["val_loss"][i] += bump
    write_lightning("lightning_spiky_good_fit.csv", c)
    record(
        "lightning_spiky_good_fit.csv",
        "lightning",
        "synthetic",
        "good fit",
        "Three isolated one-epoch spikes (a bad batch, a checkpoint glitch) on a converged "
        "validation curve: no lasting rise.",
    )
    c = synthetic(3, 3, "good fit")
    write_keras("keras_short.csv", [keras_keys(c)])
    record(
        "keras_short.csv",
        "keras",
        "synthetic",
        "inconclusive",
        "Only three epochs: too short to tell a trend from noise.",
    )
    c = synthetic(4, 30, "overfitting")
    write_hf(
        "hf_loss_only_overfitting.json", {"train_loss": c["train_loss"], "val_loss": c["val_loss"]}
    )
    record(
        "hf_loss_only_overfitting.json",
        "hf",
        "synthetic",
        "overfitting",
        "Loss-only log: the validation loss bottoms out near epoch 10 and climbs for 20 epochs "
        "while the training loss falls.",
        columns={"val_loss": "eval_loss"},
    )
    first = synthetic(5, 12, "diverging")
    first["train_loss"][8:] = np.nan
    first["val_loss"][8:] = np.nan
    second = synthetic(6, 30, "good fit")
    write_keras("keras_restarted_good_fit.csv", [keras_keys(first), keras_keys(second)])
    record(
        "keras_restarted_good_fit.csv",
        "keras",
        "synthetic",
        "good fit",
        "CSVLogger(append=True) over two fits: the first crashed with NaN, the second (epochs "
        "0-29 again) converges cleanly; the last run is the one to read.",
        note="restarted run",
    )
    c = synthetic(7, 25, "good fit")
    c["train_loss"][14:] = np.nan
    c["val_loss"][14:] = np.nan
    write_lightning("lightning_nan_diverging.csv", c)
    record(
        "lightning_nan_diverging.csv",
        "lightning",
        "synthetic",
        "diverging",
        "The loss becomes NaN at epoch 14 (0-based): the run diverged.",
    )
    c = synthetic(8, 30, "good fit")
    c["val_loss"] = np.full(30, 0.6931)
    write_plain(
        "csv_frozen_validation.csv",
        {"epoch": np.arange(1, 31), "train_loss": c["train_loss"], "val_loss": c["val_loss"]},
    )
    record(
        "csv_frozen_validation.csv",
        "csv",
        "synthetic",
        "inconclusive",
        "The validation loss is the same number at every epoch: validation never ran or a stale "
        "value was logged.",
    )
    rng = np.random.default_rng(9)
    prior = -(0.9 * np.log(0.9) + 0.1 * np.log(0.1))
    stuck = {
        "loss": np.r_[0.69, prior + 0.002 * rng.standard_normal(24)],
        "val_loss": np.r_[0.68, prior + 0.002 * rng.standard_normal(24)],
        "accuracy": np.r_[0.5, np.full(24, 0.9)],
        "val_accuracy": np.r_[0.5, np.full(24, 0.9)],
    }
    write_keras("keras_imbalance_not_learning.csv", [stuck])
    record(
        "keras_imbalance_not_learning.csv",
        "keras",
        "synthetic",
        "not learning",
        "90/10 classes: after one epoch both losses sit at the entropy of the class frequencies "
        "(0.325 nats) and the accuracy at the majority share 0.9: the model predicts the prior.",
        n_classes=2,
    )
    c = synthetic(10, 30, "good fit")
    c["val_loss"] = c["val_loss"] - 0.12  # dropout/L2 in the training figure only
    write_fastai("fastai_val_below_train_good_fit.csv", c)
    record(
        "fastai_val_below_train_good_fit.csv",
        "csv",
        "synthetic",
        "good fit",
        "Converged; the validation loss sits 0.04 nats below the training loss throughout, as "
        "with dropout or a penalty in the training figure: not a problem.",
    )
    c = synthetic(11, 20, "good fit")
    c["val_accuracy"] = np.ones(20)
    c["val_loss"] = 0.02 * np.exp(-np.arange(20) / 5) + 0.001
    write_plain(
        "csv_leaked_validation.csv",
        {
            "epoch": np.arange(1, 21),
            "loss": c["train_loss"],
            "val_loss": c["val_loss"],
            "acc": c["train_accuracy"],
            "val_acc": c["val_accuracy"],
        },
    )
    record(
        "csv_leaked_validation.csv",
        "csv",
        "synthetic",
        "inconclusive",
        "Validation accuracy 1.0 from the first epoch and a near-zero validation loss while "
        "training is far from it: the validation set leaked or the task is trivial; nothing can "
        "be read.",
    )
    c = synthetic(12, 40, "overconfident")
    write_ultralytics(
        "ultralytics_overconfident.csv",
        {
            "train/loss": c["train_loss"],
            "metrics/accuracy_top1": c["val_accuracy"],
            "metrics/accuracy_top5": np.minimum(1, c["val_accuracy"] + 0.1),
            "val/loss": c["val_loss"],
            "lr/pg0": np.full(40, 0.01),
        },
    )
    record(
        "ultralytics_overconfident.csv",
        "ultralytics",
        "synthetic",
        "overconfident",
        "The validation loss climbs steadily after epoch 13 while the top-1 accuracy holds: "
        "growing confidence, not more mistakes.",
        columns={
            "train_loss": "train/loss",
            "val_loss": "val/loss",
            "val_accuracy": "metrics/accuracy_top1",
        },
    )
    c = synthetic(13, 40, "overfitting")
    write_hf(
        "hf_overfitting_half_epochs.json",
        {k: c[k] for k in ("train_loss", "val_loss", "val_accuracy")},
        evals_per_epoch=2,
    )
    record(
        "hf_overfitting_half_epochs.json",
        "hf",
        "synthetic",
        "overfitting",
        "Evaluated every half epoch: the validation loss turns up after epoch 6.5 and the "
        "accuracy falls with it.",
    )
    c = synthetic(14, 30, "still improving")
    write_ultralytics(
        "ultralytics_83_still_improving.csv",
        {
            "train/loss": c["train_loss"],
            "metrics/accuracy_top1": c["val_accuracy"],
            "metrics/accuracy_top5": np.minimum(1, c["val_accuracy"] + 0.1),
            "val/loss": c["val_loss"],
        },
        padded=False,
    )
    record(
        "ultralytics_83_still_improving.csv",
        "ultralytics",
        "synthetic",
        "still improving",
        "ultralytics 8.3 layout (time column, no padding): both losses fall in a straight line to "
        "the last epoch.",
    )
    c = synthetic(15, 40, "underfitting")
    write_lightning("lightning_underfitting.csv", c)
    record(
        "lightning_underfitting.csv",
        "lightning",
        "synthetic",
        "underfitting",
        "Both losses level off at about three quarters of their first value, close together: high "
        "bias.",
    )
    c = synthetic(16, 40, "good fit")
    write_hf("hf_good_fit.json", {k: c[k] for k in ("train_loss", "val_loss", "val_accuracy")})
    record(
        "hf_good_fit.json",
        "hf",
        "synthetic",
        "good fit",
        "Both losses converge and stay flat; the gap is small and stable.",
    )
    c = synthetic(17, 40, "diverging")
    write_plain(
        "csv_diverging.csv",
        {
            "epoch": np.arange(1, 41),
            "train_loss": c["train_loss"],
            "val_loss": c["val_loss"],
            "train_accuracy": c["train_accuracy"],
            "val_accuracy": c["val_accuracy"],
        },
    )
    record(
        "csv_diverging.csv",
        "csv",
        "synthetic",
        "diverging",
        "The training loss itself climbs after epoch 20 and keeps accelerating: the optimiser "
        "diverges.",
    )
    c = synthetic(18, 30, "good fit")
    write_ultralytics(
        "ultralytics_detection_good_fit.csv",
        {
            "train/box_loss": 1.2 * c["train_loss"],
            "train/cls_loss": 2.0 * c["train_loss"],
            "train/dfl_loss": 1.0 + 0.3 * c["train_loss"],
            "metrics/precision(B)": c["val_accuracy"],
            "metrics/recall(B)": c["val_accuracy"] - 0.1,
            "metrics/mAP50(B)": c["val_accuracy"] - 0.05,
            "metrics/mAP50-95(B)": c["val_accuracy"] - 0.3,
            "val/box_loss": 1.2 * c["val_loss"],
            "val/cls_loss": 2.0 * c["val_loss"],
            "val/dfl_loss": 1.0 + 0.3 * c["val_loss"],
            "lr/pg0": np.full(30, 0.01),
            "lr/pg1": np.full(30, 0.01),
            "lr/pg2": np.full(30, 0.01),
        },
    )
    record(
        "ultralytics_detection_good_fit.csv",
        "ultralytics",
        "synthetic",
        "good fit",
        "A detection run: the summed box, cls and dfl losses converge on both sets and stay flat.",
        columns={
            "train_loss": "train/box_loss + train/cls_loss + train/dfl_loss",
            "val_loss": "val/box_loss + val/cls_loss + val/dfl_loss",
        },
    )
    rng = np.random.default_rng(19)
    t = np.arange(1, 41)
    write_plain(
        "csv_too_noisy.csv",
        {
            "epoch": t,
            "train_loss": 0.3 + 0.4 * np.exp(-t / 5) + rng.normal(0, 0.01, 40),
            "val_loss": 0.5 + 0.03 * np.exp(-t / 5) + rng.normal(0, 0.12, 40),
        },
    )
    record(
        "csv_too_noisy.csv",
        "csv",
        "synthetic",
        "inconclusive",
        "A validation set of a few dozen images: its loss jumps by 0.1 nats from epoch to epoch "
        "around a barely visible trend; nothing can be read.",
    )
    c = synthetic(20, 40, "overfitting")
    write_plain(
        "csv_percent_overfitting.csv",
        {
            "epoch": np.arange(1, 41),
            "train_loss": c["train_loss"],
            "valid_loss": c["val_loss"],
            "train_acc": 100 * c["train_accuracy"],
            "valid_acc": 100 * c["val_accuracy"],
        },
    )
    record(
        "csv_percent_overfitting.csv",
        "csv",
        "synthetic",
        "overfitting",
        "Accuracies in percent; the validation loss turns up after epoch 13 and the validation "
        "accuracy falls.",
        columns={
            "train_loss": "train_loss",
            "val_loss": "valid_loss",
            "train_accuracy": "train_acc",
            "val_accuracy": "valid_acc",
        },
    )
    rng = np.random.default_rng(21)
    broken = {
        "loss": 40 + 8 * rng.standard_normal(30).clip(-3, 3),
        "val_loss": 42 + 8 * rng.standard_normal(30).clip(-3, 3),
    }
    write_keras("keras_broken_far_above_lnk.csv", [broken])
    record(
        "keras_broken_far_above_lnk.csv",
        "keras",
        "synthetic",
        "not learning",
        "With 10 classes the loss never comes near ln 10 = 2.3 (it stays around 40 nats): a "
        "broken run (wrong labels, exploded weights).",
        n_classes=10,
    )
    c = synthetic(22, 9, "overfitting")
    c["val_loss"] = np.array([1.0, 0.6, 0.45, 0.42, 0.45, 0.5, 0.55, 0.6, 0.65])
    write_keras("keras_short_overfitting.csv", [keras_keys(c, accuracy=False)])
    record(
        "keras_short_overfitting.csv",
        "keras",
        "synthetic",
        "overfitting",
        "Nine epochs: the validation loss is lowest at epoch 3 (0-based) and rises for five "
        "epochs straight, by more than half.",
    )

    (HERE / "MANIFEST.json").write_text(json.dumps(MANIFEST, indent=1) + "\n")
    PACKAGE_DATA.mkdir(exist_ok=True)
    shutil.copy(HERE / "keras_real_overfitting.csv", PACKAGE_DATA / "keras_training_log.csv")
    shutil.copy(HERE / "lightning_real_overconfident.csv", PACKAGE_DATA / "lightning_metrics.csv")
    print(f"{len(MANIFEST)} logs written to {HERE}")


if __name__ == "__main__":
    main()
