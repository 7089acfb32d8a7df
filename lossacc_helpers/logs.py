"""Read training logs written by common frameworks into a :class:`~lossacc_helpers.History`.

Each reader reproduces the layout its framework documents and writes (standard library
:mod:`csv` and :mod:`json` only, no network):

- ``keras``: ``keras.callbacks.CSVLogger`` (keras/src/callbacks/csv_logger.py). One row
  per epoch, a header ``epoch`` followed by the logged keys *sorted*
  (``epoch,accuracy,loss,val_accuracy,val_loss``), 0-based epochs, ``NA`` for a missing
  key. With ``append=True`` a new ``fit`` appends without a header, so a restart shows as
  the epoch column going back (to 0, or to ``initial_epoch``); a hand-joined file may
  repeat the header. The last run is read and a note says so.
- ``lightning``: PyTorch Lightning ``CSVLogger`` ``metrics.csv``
  (lightning/pytorch/loggers/csv_logs.py, lightning/fabric/loggers/csv_logs.py
  ``_ExperimentWriter``). One row per ``log_metrics`` call: per-step rows
  (``train_loss_step``), validation-end rows (``val_loss``, ``val_acc``) and epoch-end
  rows (``train_loss_epoch``), each with ``epoch`` (0-based) and ``step``, other cells
  empty. Rows are aggregated per epoch: the last value of an epoch-level metric, else
  the mean of the step values.
- ``hf``: Hugging Face ``transformers`` ``trainer_state.json``
  (``TrainerState.save_to_json`` in transformers/trainer_callback.py): a ``log_history``
  list of training entries (``loss``, ``learning_rate``, ``epoch``, ``step``) and
  evaluation entries (``eval_loss``, ``eval_accuracy``, ..., ``epoch``, ``step``), maybe
  every N steps and at fractional epochs. One entry per evaluation; its training loss is
  the mean of the training entries logged since the previous evaluation.
- ``ultralytics``: ``results.csv`` (``BaseTrainer.save_metrics`` in
  ultralytics/engine/trainer.py): headers padded to 23 characters in versions up to 8.2
  (``"%23s,"``), unpadded with a ``time`` column since; 1-based epochs. Classification
  runs have ``train/loss``, ``val/loss`` (cross-entropies) and
  ``metrics/accuracy_top1``. Detection, segmentation and pose runs log loss parts
  (``train/box_loss``, ``train/cls_loss``, ``train/dfl_loss``, ...); their sum, the
  objective ultralytics minimises, is read as the loss, which is then not a
  cross-entropy (no ln K baseline) and has no accuracy (mAP is not an accuracy).
- ``csv``: any CSV with the usual column names (see :data:`COLUMN_NAMES`), such as
  fastai's ``CSVLogger`` ``history.csv`` (fastai/callback/progress.py:
  ``epoch,train_loss,valid_loss,accuracy,time`` with 0-based epochs, where the metrics
  are computed on the validation set, and ``error_rate`` = 1 - accuracy). An epoch
  column is optional. Accuracies above 1 are read as percentages.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .history import History

__all__ = [
    "COLUMN_NAMES",
    "FORMATS",
    "TrainingLog",
    "detect_format",
    "example_log",
    "load_log",
    "read_csv_log",
    "read_hf_trainer_state",
    "read_keras_csv",
    "read_lightning_csv",
    "read_ultralytics_csv",
]

#: The formats :func:`load_log` reads, and ``"auto"`` to detect one.
FORMATS: tuple[str, ...] = ("keras", "lightning", "hf", "ultralytics", "csv")

#: Column names recognised for each curve, lower case, in order of preference.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "train_loss": ("loss", "train_loss", "training_loss", "trn_loss", "train_loss_epoch"),
    "val_loss": ("val_loss", "valid_loss", "validation_loss", "eval_loss", "val_loss_epoch"),
    "train_accuracy": (
        "accuracy",
        "acc",
        "train_acc",
        "train_accuracy",
        "training_accuracy",
        "categorical_accuracy",
        "sparse_categorical_accuracy",
        "binary_accuracy",
        "train_acc_epoch",
    ),
    "val_accuracy": (
        "val_accuracy",
        "val_acc",
        "valid_acc",
        "valid_accuracy",
        "validation_accuracy",
        "eval_accuracy",
        "val_categorical_accuracy",
        "val_sparse_categorical_accuracy",
        "val_binary_accuracy",
        "val_acc_epoch",
    ),
}

_EPOCH_NAMES = ("epoch", "epochs")
_MISSING = ("", "na", "n/a", "none", "null")
_NUMBERING = {
    "keras": "0-based epoch column as written by Keras CSVLogger",
    "lightning": "0-based epoch column as written by Lightning",
    "hf": "fractional epoch of each evaluation as written by the Hugging Face Trainer",
    "ultralytics": "1-based epoch column as written by ultralytics",
}


@dataclass(frozen=True)
class TrainingLog:
    """A training log read from a file: the curves, where they came from, and remarks.

    Attributes
    ----------
    history : History
        The curves, with the log's own epoch numbers (``history.epochs``).
    format : str
        One of :data:`FORMATS`.
    path : str
        The file read.
    columns : dict of str to str
        For each curve found, the column (or entries) it was read from.
    notes : tuple of str
        What the reader did that a user should know (restarts, skipped rows,
        percentages, aggregation).
    epoch_numbering : str
        What the epoch numbers mean.
    loss_is_cross_entropy : bool
        False when the loss is a sum of other losses (ultralytics detection); an
        ln K baseline then does not apply.
    """

    history: History
    format: str
    path: str
    columns: dict[str, str]
    notes: tuple[str, ...] = field(default_factory=tuple)
    epoch_numbering: str = "1-based position in the log"
    loss_is_cross_entropy: bool = True


# --- reading cells ----------------------------------------------------------------------


def _number(cell: str, where: str) -> float | None:
    """Parse one cell: None when empty or NA, float (NaN and inf allowed) otherwise."""
    text = cell.strip().strip('"')
    if text.lower() in _MISSING:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{where}: expected a number, found {cell!r}.") from None


def _read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """Read a CSV file: the stripped header and the rows (lists of cells)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not a text file (not UTF-8); expected a CSV log.") from None
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ValueError(f"{path} is empty; expected a header row and one row per epoch.")
    delimiter = max(",;\t", key=lines[0].count)
    rows = list(csv.reader(lines, delimiter=delimiter))
    header = [name.strip() for name in rows[0]]
    if len(header) < 2:
        raise ValueError(
            f"{path} has a single column {header}; expected a CSV log with comma-separated "
            "columns such as epoch,loss,val_loss."
        )
    return header, rows[1:]


def _find(header: Sequence[str], names: Iterable[str]) -> str | None:
    lower = {name.lower(): name for name in header}
    return next((lower[name] for name in names if name in lower), None)


def _column(rows: list[list[str]], header: list[str], name: str, path: Path) -> list:
    i = header.index(name)
    return [
        _number(row[i], f"{path}, row {r + 2}, column {name!r}") if i < len(row) else None
        for r, row in enumerate(rows)
    ]


def _split_runs(epochs: list[float | None]) -> list[int]:
    """Start indices of the runs: a new run begins where the epoch does not increase."""
    starts = [0]
    for i in range(1, len(epochs)):
        if epochs[i] is not None and epochs[i - 1] is not None and epochs[i] <= epochs[i - 1]:
            starts.append(i)
    return starts


def _last_run(rows: list, epochs: list, starts: list[int], notes: list[str]) -> tuple[list, list]:
    """Return the entries of the training that the log's last run continues.

    A restart from scratch replaces what came before; a resume (Keras
    ``fit(initial_epoch=e)`` appending to the same file) keeps the earlier entries before
    epoch ``e`` and continues from there.
    """
    bounds = [*starts, len(rows)]
    kept_rows, kept_epochs = rows[: bounds[1]], epochs[: bounds[1]]
    resumed = restarted = 0
    for a, b in zip(bounds[1:-1], bounds[2:], strict=True):
        start = epochs[a]
        if start is not None and kept_epochs[0] is not None and start > kept_epochs[0]:
            keep = [i for i, e in enumerate(kept_epochs) if e is not None and e < start]
            kept_rows = [kept_rows[i] for i in keep] + rows[a:b]
            kept_epochs = [kept_epochs[i] for i in keep] + epochs[a:b]
            resumed += 1
        else:
            kept_rows, kept_epochs = rows[a:b], epochs[a:b]
            restarted += 1
    runs = len(starts)
    if restarted:
        notes.append(
            f"restarted run: the epoch column goes back to the start {restarted} time(s); "
            f"diagnosed the last of {runs} runs (from epoch {kept_epochs[0]:g}, "
            f"{len(kept_rows)} entries)."
        )
    if resumed:
        notes.append(
            f"resumed run: training resumed {resumed} time(s) from an earlier epoch (as "
            "Keras fit(initial_epoch=...) appends); the entries it repeats were replaced by "
            "the resumed ones."
        )
    return kept_rows, kept_epochs


def _as_fraction(values: list, name: str, notes: list[str]) -> list:
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if finite and max(finite) > 1 and max(finite) <= 100:
        notes.append(f"{name} read as a percentage (values up to {max(finite):g}): divided by 100.")
        return [None if v is None else v / 100 for v in values]
    return values


def _build(
    path: Path,
    fmt: str,
    curves: dict[str, list],
    columns: dict[str, str],
    epochs: list | None,
    notes: list[str],
    *,
    cross_entropy: bool = True,
) -> TrainingLog:
    """Drop entries without a loss, check what is left, and make the TrainingLog."""
    keep = [
        i
        for i in range(len(curves["val_loss"]))
        if curves["val_loss"][i] is not None and curves["train_loss"][i] is not None
    ]
    dropped = len(curves["val_loss"]) - len(keep)
    if dropped:
        notes.append(
            f"{dropped} of {len(curves['val_loss'])} entries without both a training and a "
            "validation loss skipped (validation not run every epoch?)."
        )
    if not keep:
        raise ValueError(
            f"{path}: no entry has both a training and a validation loss "
            f"(read from {columns.get('train_loss')!r} and {columns.get('val_loss')!r})."
        )
    arrays: dict[str, list | None] = {}
    for name in ("train_loss", "val_loss", "train_accuracy", "val_accuracy"):
        values = curves.get(name)
        if values is None:
            arrays[name] = None
            continue
        picked = [values[i] for i in keep]
        if name.endswith("accuracy"):
            if any(v is None or not math.isfinite(v) for v in picked):
                notes.append(f"{name} is missing in some entries: not used.")
                arrays[name] = None
                columns.pop(name, None)
                continue
            picked = _as_fraction(picked, name, notes)
        arrays[name] = picked
    picked_epochs = None if epochs is None else [epochs[i] for i in keep]
    if picked_epochs is not None and any(e is None for e in picked_epochs):
        picked_epochs = None
        notes.append("some epoch numbers are missing: entries numbered 1, 2, ... instead.")
    history = History.from_arrays(**arrays, epochs=picked_epochs)
    numbering = _NUMBERING.get(fmt, "1-based position in the log")
    if fmt == "csv" and picked_epochs is not None:
        numbering = "the log's epoch column"
    return TrainingLog(
        history=history,
        format=fmt,
        path=str(path),
        columns=columns,
        notes=tuple(notes),
        epoch_numbering=numbering,
        loss_is_cross_entropy=cross_entropy,
    )


def _table_log(
    path: Path,
    fmt: str,
    header: list[str],
    rows: list[list[str]],
    roles: dict[str, str | None],
    notes: list[str],
    *,
    epoch_column: str | None,
) -> TrainingLog:
    """Curves from a one-row-per-epoch table, keeping the last run when it restarted."""
    rows = [row for row in rows if [c.strip() for c in row] != header]  # repeated headers
    epochs = _column(rows, header, epoch_column, path) if epoch_column else None
    if epochs is not None:
        starts = _split_runs(epochs)
        if len(starts) > 1:
            rows, epochs = _last_run(rows, epochs, starts, notes)
    curves = {
        role: _column(rows, header, name, path) for role, name in roles.items() if name is not None
    }
    columns = {role: name for role, name in roles.items() if name is not None}
    return _build(path, fmt, curves, columns, epochs, notes)


# --- readers ----------------------------------------------------------------------------


def read_keras_csv(path: str | Path) -> TrainingLog:
    """Read a Keras ``CSVLogger`` file (0-based ``epoch``, sorted keys, ``NA``).

    Parameters
    ----------
    path : str or Path
        The CSV file.

    Returns
    -------
    TrainingLog

    Raises
    ------
    ValueError
        If the file has no ``loss`` or ``val_loss`` column, or a cell is not a number.

    Examples
    --------
    >>> log = read_keras_csv(example_log("keras"))
    >>> log.columns["val_loss"], int(log.history.epochs[0])
    ('val_loss', 0)
    """
    path = Path(path)
    header, rows = _read_table(path)
    notes: list[str] = []
    roles = {role: _find(header, names) for role, names in COLUMN_NAMES.items()}
    _require_losses(
        path,
        header,
        roles,
        "Keras writes val_loss when fit() is given validation_data or validation_split.",
    )
    return _table_log(
        path, "keras", header, rows, roles, notes, epoch_column=_find(header, _EPOCH_NAMES)
    )


def _require_losses(path: Path, header: list[str], roles: dict, hint: str) -> None:
    for role, what in (("val_loss", "validation loss"), ("train_loss", "training loss")):
        if roles.get(role) is None:
            raise ValueError(
                f"{path}: no {what} column found; columns are {header}. Expected one of "
                f"{list(COLUMN_NAMES[role])}. {hint}"
            )


def read_csv_log(path: str | Path) -> TrainingLog:
    r"""Read a CSV log with the usual column names, such as fastai's ``history.csv``.

    Columns are matched case-insensitively against :data:`COLUMN_NAMES`. When the file
    has fastai's ``train_loss`` and ``valid_loss`` (and no ``train_acc``/``valid_acc``
    column), an ``accuracy`` column is the
    *validation* accuracy (fastai computes metrics on the validation set) and
    ``error_rate`` gives ``1 - error_rate``. Accuracies above 1 are divided by 100.

    Raises
    ------
    ValueError
        If no training or no validation loss column is found, or a cell is not a number.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "history.csv"
    >>> _ = f.write_text("epoch,train_loss,valid_loss,error_rate,time\n"
    ...                  "0,0.9,0.7,0.30,00:04\n1,0.6,0.5,0.20,00:04\n")
    >>> log = read_csv_log(f)
    >>> log.history.val_accuracy.tolist(), log.columns["val_accuracy"]
    ([0.7, 0.8], '1 - error_rate')
    """
    path = Path(path)
    header, rows = _read_table(path)
    names = {name.lower() for name in header}
    explicit = any(n.startswith(("train_acc", "valid_acc", "val_acc")) for n in names)
    fastai = {"train_loss", "valid_loss"} <= names and not explicit
    notes: list[str] = []
    roles = {role: _find(header, aliases) for role, aliases in COLUMN_NAMES.items()}
    error_rate = _find(header, ("error_rate",))
    if fastai:
        accuracy = _find(header, ("accuracy", "acc"))
        roles["train_accuracy"] = None
        if roles["val_accuracy"] is None and accuracy is not None:
            roles["val_accuracy"] = accuracy
            notes.append("fastai layout: the accuracy column is the validation accuracy.")
    _require_losses(path, header, roles, "Name the columns e.g. train_loss and val_loss.")
    if roles["val_accuracy"] is None and error_rate is not None:
        log = _table_log(
            path,
            "csv",
            header,
            rows,
            {**roles, "val_accuracy": error_rate},
            notes,
            epoch_column=_find(header, _EPOCH_NAMES),
        )
        h = log.history
        flipped = History.from_arrays(
            h.train_loss,
            h.val_loss,
            h.train_accuracy,
            1 - h.val_accuracy,
            epochs=h.epoch_numbers,
        )
        columns = {**log.columns, "val_accuracy": f"1 - {error_rate}"}
        return TrainingLog(flipped, "csv", log.path, columns, log.notes, log.epoch_numbering)
    return _table_log(
        path, "csv", header, rows, roles, notes, epoch_column=_find(header, _EPOCH_NAMES)
    )


def read_ultralytics_csv(path: str | Path) -> TrainingLog:
    """Read an ultralytics ``results.csv`` (padded or plain headers, 1-based epochs).

    Classification: ``train/loss``, ``val/loss`` and ``metrics/accuracy_top1`` (the
    validation top-1 accuracy). Detection, segmentation, pose: the loss is the sum of
    the ``train/*_loss`` parts (and of the ``val/*_loss`` parts), the objective
    ultralytics minimises; it is not a cross-entropy and there is no accuracy.

    Raises
    ------
    ValueError
        If no ``train/`` or ``val/`` loss column is found.
    """
    path = Path(path)
    header, rows = _read_table(path)
    notes: list[str] = []
    epoch = _find(header, _EPOCH_NAMES)
    top1 = _find(header, ("metrics/accuracy_top1",))
    if "train/loss" in header and "val/loss" in header:
        roles = {"train_loss": "train/loss", "val_loss": "val/loss", "val_accuracy": top1}
        return _table_log(path, "ultralytics", header, rows, roles, notes, epoch_column=epoch)
    parts = {
        s: [n for n in header if n.startswith(f"{s}/") and n.endswith("loss")]
        for s in ("train", "val")
    }
    if not parts["train"] or not parts["val"]:
        raise ValueError(
            f"{path}: no ultralytics loss columns found; columns are {header}. Expected "
            "train/loss and val/loss (classification) or train/box_loss, val/box_loss, ... "
            "(detection)."
        )
    table = {name: _column(rows, header, name, path) for name in parts["train"] + parts["val"]}
    curves = {
        f"{s}_loss": [
            None
            if any(table[n][i] is None for n in parts[s])
            else sum(table[n][i] for n in parts[s])
            for i in range(len(rows))
        ]
        for s in ("train", "val")
    }
    notes.append(
        f"detection-style run: the loss is the sum {' + '.join(parts['train'])} (the "
        "objective ultralytics minimises), not a cross-entropy: no ln K baseline, and no "
        "accuracy (mAP is not read)."
    )
    columns = {f"{s}_loss": " + ".join(parts[s]) for s in ("train", "val")}
    epochs = _column(rows, header, epoch, path) if epoch else None
    return _build(path, "ultralytics", curves, columns, epochs, notes, cross_entropy=False)


def _normal(name: str) -> str:
    """Lower-case a Lightning metric name and write ``/`` as ``_``."""
    return name.lower().replace("/", "_")


def _lightning_value(values: list[float], name: str) -> float | None:
    if not values:
        return None
    return float(np.mean(values)) if name.endswith("_step") else values[-1]


def read_lightning_csv(path: str | Path) -> TrainingLog:
    """Read a PyTorch Lightning ``CSVLogger`` ``metrics.csv`` (per-step rows, 0-based epochs).

    Per epoch, each curve is the last value of its epoch-level column (``val_loss``,
    ``train_loss_epoch``, ``val_acc``...) or, when the metric was logged per step only
    (``train_loss_step``), the mean of its steps. Names with ``/`` (``val/loss``) are
    matched as with ``_``.

    Raises
    ------
    ValueError
        If the file has no ``epoch`` column or no training or validation loss.

    Examples
    --------
    >>> log = read_lightning_csv(example_log("lightning"))
    >>> log.columns["train_loss"], int(log.history.epochs[0])
    ('train_loss_epoch', 0)
    """
    path = Path(path)
    header, rows = _read_table(path)
    epoch = _find(header, _EPOCH_NAMES)
    if epoch is None:
        raise ValueError(f"{path}: no epoch column; columns are {header}. Lightning writes one.")
    normal = {_normal(name): name for name in header}
    names = {
        role: [f"{base}_epoch" for base in aliases]
        + list(aliases)
        + [f"{base}_step" for base in aliases]
        for role, aliases in {
            "train_loss": ("train_loss", "training_loss", "loss"),
            "val_loss": ("val_loss", "valid_loss", "validation_loss"),
            "train_accuracy": ("train_acc", "train_accuracy"),
            "val_accuracy": ("val_acc", "val_accuracy", "valid_acc"),
        }.items()
    }
    roles = {
        role: next((normal[n] for n in candidates if n in normal), None)
        for role, candidates in names.items()
    }
    _require_losses(
        path,
        header,
        roles,
        "Log them with self.log('train_loss', ...) and self.log('val_loss', ...).",
    )
    epochs_col = _column(rows, header, epoch, path)
    columns = {role: name for role, name in roles.items() if name is not None}
    table = {role: _column(rows, header, name, path) for role, name in columns.items()}
    order = sorted({e for e in epochs_col if e is not None})
    curves: dict[str, list] = {role: [] for role in columns}
    for role, name in columns.items():
        by_epoch: dict[float, list[float]] = {}
        for value, e in zip(table[role], epochs_col, strict=True):
            if e is not None and value is not None:
                by_epoch.setdefault(e, []).append(value)
        curves[role] = [_lightning_value(by_epoch.get(e, []), _normal(name)) for e in order]
    notes = []
    if _normal(columns["train_loss"]).endswith("_step"):
        notes.append(
            f"training loss: mean of the per-step {columns['train_loss']} values of each epoch."
        )
    return _build(path, "lightning", curves, columns, order, notes)


def read_hf_trainer_state(path: str | Path) -> TrainingLog:
    """Read a Hugging Face ``trainer_state.json`` (``log_history``, evaluation every N steps).

    One entry per evaluation (entries with ``eval_loss``), at its ``epoch`` (fractional
    when evaluating every N steps). Its training loss is the mean of the training
    entries (``loss``) logged after the previous evaluation and up to its step, or the
    last one logged before it. ``eval_accuracy`` (or ``eval_acc``) is the validation
    accuracy; the Trainer logs no training accuracy.

    Raises
    ------
    ValueError
        If the file is not JSON, has no ``log_history``, or no evaluation or training
        loss in it.
    """
    path = Path(path)
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(
            f"{path} is not valid JSON ({err}); expected trainer_state.json."
        ) from None
    history = state.get("log_history") if isinstance(state, dict) else None
    if not isinstance(history, list):
        found = list(state)[:10] if isinstance(state, dict) else type(state).__name__
        raise ValueError(
            f"{path}: no log_history list found (keys: {found}); expected the "
            "trainer_state.json a Hugging Face Trainer saves in each checkpoint."
        )
    train = [e for e in history if "loss" in e and "eval_loss" not in e]
    evals = [e for e in history if "eval_loss" in e]
    if not evals or not train:
        missing = "evaluation (eval_loss)" if not evals else "training (loss)"
        raise ValueError(
            f"{path}: no {missing} entries in log_history ({len(history)} entries). Set "
            "eval_strategy='steps' or 'epoch' (and logging_steps) in TrainingArguments."
        )
    accuracy_key = next((k for k in ("eval_accuracy", "eval_acc") if k in evals[-1]), None)
    curves: dict[str, list] = {"train_loss": [], "val_loss": [], "val_accuracy": []}
    epochs, notes, previous = [], [], -math.inf
    for entry in evals:
        step = entry.get("step", math.inf)
        window = [e["loss"] for e in train if previous < e.get("step", 0) <= step]
        before = [e["loss"] for e in train if e.get("step", 0) <= step]
        loss = float(np.mean(window)) if window else (before[-1] if before else None)
        if epochs and round(entry.get("epoch", 0), 6) <= epochs[-1]:
            for curve in curves.values():
                curve.pop()
            epochs.pop()
            notes.append(f"two evaluations at epoch {entry.get('epoch')}: kept the later one.")
        epochs.append(round(float(entry.get("epoch", len(epochs) + 1)), 6))
        curves["train_loss"].append(loss)
        curves["val_loss"].append(float(entry["eval_loss"]))
        value = entry.get(accuracy_key) if accuracy_key else None
        value = value.get("accuracy") if isinstance(value, dict) else value
        curves["val_accuracy"].append(value)
        previous = step
    columns = {"train_loss": "loss (mean since the previous evaluation)", "val_loss": "eval_loss"}
    if accuracy_key:
        columns["val_accuracy"] = accuracy_key
    else:
        del curves["val_accuracy"]
    return _build(path, "hf", curves, columns, epochs, notes)


# --- detection and dispatch -------------------------------------------------------------

_READERS = {
    "keras": read_keras_csv,
    "lightning": read_lightning_csv,
    "hf": read_hf_trainer_state,
    "ultralytics": read_ultralytics_csv,
    "csv": read_csv_log,
}
_DIRECTORY_FILES = ("trainer_state.json", "metrics.csv", "results.csv", "history.csv", "log.csv")


def _resolve_path(path: str | Path) -> Path:
    path = Path(path)
    if path.is_dir():
        found = [path / name for name in _DIRECTORY_FILES if (path / name).is_file()]
        if not found:
            raise ValueError(
                f"{path} is a directory without a known log file; expected one of "
                f"{list(_DIRECTORY_FILES)}."
            )
        return found[0]
    if not path.is_file():
        raise ValueError(f"{path}: no such file.")
    return path


def detect_format(path: str | Path) -> str:
    """Guess the format of a log file from its name and first line.

    JSON (``.json`` or a first character ``{``): ``"hf"``. A header with ``/`` names
    (``train/loss``, ``metrics/...``): ``"ultralytics"``. ``epoch`` and ``step`` columns:
    ``"lightning"``. ``epoch`` first and the other names sorted, with ``loss``:
    ``"keras"``. Anything else: ``"csv"``.

    Examples
    --------
    >>> detect_format(example_log("keras")), detect_format(example_log("lightning"))
    ('keras', 'lightning')
    """
    path = _resolve_path(path)
    with path.open(encoding="utf-8-sig", errors="replace") as f:
        first = f.readline()
    if path.suffix.lower() == ".json" or first.lstrip().startswith("{"):
        return "hf"
    delimiter = max(",;\t", key=first.count)
    header = [name.strip() for name in first.split(delimiter)]
    lower = [name.lower() for name in header]
    if any(name.startswith(("train/", "val/", "metrics/")) for name in lower):
        return "ultralytics"
    if "epoch" in lower and "step" in lower:
        return "lightning"
    if lower[0] == "epoch" and lower[1:] == sorted(lower[1:]) and "loss" in lower:
        return "keras"
    return "csv"


def load_log(path: str | Path, format: str = "auto") -> TrainingLog:
    """Read a training log of any supported format into a :class:`TrainingLog`.

    Parameters
    ----------
    path : str or Path
        The log file, or a directory holding ``trainer_state.json``, ``metrics.csv``,
        ``results.csv``, ``history.csv`` or ``log.csv``.
    format : {"auto", "keras", "lightning", "hf", "ultralytics", "csv"}, default="auto"
        The format; "auto" uses :func:`detect_format`.

    Returns
    -------
    TrainingLog

    Raises
    ------
    ValueError
        If the file does not exist, the format is unknown, or the file lacks what the
        format needs (the message names what is missing and the columns found).
    TypeError
        If ``format`` is not a string.

    Examples
    --------
    >>> log = load_log(example_log("keras"))
    >>> log.format, len(log.history) > 10
    ('keras', True)
    """
    if not isinstance(format, str):
        raise TypeError(f"format must be a string, got {type(format).__name__}.")
    if format != "auto" and format not in _READERS:
        raise ValueError(f"format must be 'auto' or one of {list(FORMATS)}, got {format!r}.")
    resolved = _resolve_path(path)
    chosen = detect_format(resolved) if format == "auto" else format
    return _READERS[chosen](resolved)


def example_log(name: str) -> Path:
    """Return the path of a log shipped with the package, for chapter 5.

    Parameters
    ----------
    name : {"keras", "lightning", "pasted"}
        ``"keras"``: a Keras ``CSVLogger`` file of an overfitting run;
        ``"lightning"``: a Lightning ``metrics.csv`` of an overconfident run. Both were
        written by ``tests/data/logs/make_corpus.py`` from scikit-learn networks trained
        on the digits (see its MANIFEST.json). ``"pasted"``: the whitespace-separated
        table of chapter 5's exercise, as a colleague pastes it (columns ``epoch loss
        val_loss accuracy val_accuracy``, epochs from 1); it is no framework's format,
        read it with ``numpy.loadtxt(path, skiprows=1)``.

    Raises
    ------
    ValueError
        If ``name`` is not one of the shipped logs.
    """
    files = {
        "keras": "keras_training_log.csv",
        "lightning": "lightning_metrics.csv",
        "pasted": "pasted_log.txt",
    }
    if name not in files:
        raise ValueError(f"name must be one of {sorted(files)}, got {name!r}.")
    return Path(__file__).parent / "data" / files[name]
