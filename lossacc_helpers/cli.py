"""The command line: ``python -m lossacc_helpers diagnose PATH`` (or ``lossacc-helpers diagnose``).

Reads a training log with :func:`~lossacc_helpers.load_log`, diagnoses it with
:func:`lossacc_helpers.diagnose` and prints the verdict, the reason and the best epoch,
or one JSON object (``--json``); ``--plot OUT.png`` draws the curves with the verdict
marked. Exit status 0 on success, 2 when the file cannot be read (the message names
what is missing). Only numpy is imported on this path; matplotlib only for ``--plot``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import textwrap
from collections.abc import Sequence

from .diagnostics import Diagnosis, diagnose
from .logs import FORMATS, TrainingLog, load_log

__all__ = ["diagnose_log", "main", "main_exit"]


def diagnose_log(log: TrainingLog, n_classes: int | None = None) -> Diagnosis:
    """Diagnose a log read by :func:`~lossacc_helpers.load_log`, with its notes.

    ``n_classes`` gives the baseline ln K; it is ignored, with a note, when the log's loss
    is not a cross-entropy (ultralytics detection), and so is the rule on the share of
    the first loss left at the end, since such losses have a floor above zero.

    Examples
    --------
    >>> from lossacc_helpers.logs import example_log, load_log
    >>> diagnose_log(load_log(example_log("keras")), n_classes=10).regime
    'overfitting'
    """
    notes = list(log.notes)
    options: dict[str, object] = {}
    if log.loss_is_cross_entropy:
        options["n_classes"] = n_classes
    else:
        options["high_loss_fraction"] = 1.0
        if n_classes is not None:
            notes.append(f"--n-classes {n_classes} ignored: the loss is not a cross-entropy.")
    diagnosis = diagnose(log.history, notes=tuple(notes), **options)  # type: ignore[arg-type]
    if not log.loss_is_cross_entropy:
        kept = tuple(n for n in diagnosis.notes if not n.startswith("no baseline"))
        diagnosis = _replace_notes(diagnosis, kept)
    return diagnosis


def _replace_notes(diagnosis: Diagnosis, notes: tuple[str, ...]) -> Diagnosis:
    from dataclasses import replace

    return replace(diagnosis, notes=notes)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lossacc-helpers",
        description="Tools of the book 'Loss and Accuracy'.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    sub = commands.add_parser(
        "diagnose",
        help="name the regime of a training log (overfitting, still improving, ...)",
        description=(
            "Read a training log (Keras CSVLogger, Lightning metrics.csv, Hugging Face "
            "trainer_state.json, ultralytics results.csv, or a CSV with columns such as "
            "loss/val_loss) and say what its curves show, why, and the best epoch."
        ),
    )
    sub.add_argument("path", help="the log file, or a directory holding one")
    sub.add_argument("--format", choices=("auto", *FORMATS), default="auto")
    sub.add_argument("--json", action="store_true", help="print one JSON object")
    sub.add_argument("--plot", metavar="OUT.png", help="save the curves with the verdict")
    sub.add_argument(
        "--n-classes",
        type=int,
        metavar="K",
        help="number of classes: compare the loss with ln K, a guess that ignores the input",
    )
    return parser


def _jsonable(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def _report(log: TrainingLog, diagnosis: Diagnosis) -> dict[str, object]:
    out = {k: _jsonable(v) for k, v in diagnosis.to_dict().items()}
    out["epoch_numbering"] = log.epoch_numbering
    out["best_index"] = log.history.best_index + 1 if diagnosis.best_epoch is not None else None
    out["format"] = log.format
    out["path"] = log.path
    out["columns"] = log.columns
    return out


def _text(log: TrainingLog, diagnosis: Diagnosis) -> str:
    lines = [f"{diagnosis.regime}: {log.path} ({log.format}, {len(log.history)} entries)"]
    lines += textwrap.wrap(diagnosis.reason, 88, initial_indent="  ", subsequent_indent="  ")
    if diagnosis.best_epoch is not None:
        lines.append(
            f"  best epoch: {diagnosis.best_epoch} (lowest validation loss "
            f"{diagnosis.val_min:.4g}; {log.epoch_numbering})"
        )
    for note in diagnosis.notes:
        lines += textwrap.wrap(note, 88, initial_indent="  note: ", subsequent_indent="    ")
    return "\n".join(lines)


def _plot(log: TrainingLog, diagnosis: Diagnosis, out: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    mark = diagnosis.start_epoch if diagnosis.start_epoch is not None else diagnosis.best_epoch
    label = f"{diagnosis.regime} starts" if diagnosis.start_epoch is not None else "best epoch"
    if mark == diagnosis.best_epoch and diagnosis.start_epoch is not None:
        label += " (best epoch)"
    loss_ax, _ = log.history.plot(mark_epoch=mark, mark_label=label)
    if not log.loss_is_cross_entropy:
        loss_ax.set_ylabel("loss")
    loss_ax.figure.suptitle(f"{diagnosis.regime}: {log.path}", fontsize="medium")
    loss_ax.figure.savefig(out, dpi=100, bbox_inches="tight")
    plt.close(loss_ax.figure)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 success, 2 unreadable input).

    Examples
    --------
    >>> from lossacc_helpers.logs import example_log
    >>> main(["diagnose", str(example_log("keras")), "--n-classes", "10"])  # doctest: +ELLIPSIS
    overfitting: ...
    0
    """
    args = _parser().parse_args(argv)
    if args.n_classes is not None and args.n_classes < 2:
        print(f"error: --n-classes must be at least 2, got {args.n_classes}.", file=sys.stderr)
        return 2
    try:
        log = load_log(args.path, format=args.format)
    except (ValueError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    diagnosis = diagnose_log(log, n_classes=args.n_classes)
    if args.plot:
        _plot(log, diagnosis, args.plot)
    if args.json:
        print(json.dumps(_report(log, diagnosis)))
    else:
        print(_text(log, diagnosis))
    return 0


def main_exit() -> None:
    """Entry point of the ``lossacc-helpers`` console script: exit with :func:`main`'s status."""
    try:
        status = main()
    except BrokenPipeError:  # the reader closed the pipe (`| head`): nothing more to say
        status = 0
    raise SystemExit(status)
