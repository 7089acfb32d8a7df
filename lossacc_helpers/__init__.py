"""Helpers for the executable book *Loss and Accuracy*.

Losses (lower is better) and scores (higher is better) used by the chapters, with the
validation, plots and scenarios that the chapters share. Every function is tested
against scikit-learn, its reference implementation, and follows its conventions: data
first (``y_true`` before predictions), ``labels=`` the classes in column order (integer
labels ``0 .. K-1`` need none), ``sample_weight=`` on every averaged metric. Every
top-level name that looks like a metric is one; the per-margin losses phi(z) live in
:mod:`lossacc_helpers.margin`.

Names load on first use (PEP 562), so ``python -m lossacc_helpers diagnose`` imports
neither matplotlib, scipy nor scikit-learn.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what static tools see; at run time names load on first use
    from . import margin
    from ._validation import LabelOrderWarning
    from .bounds import LN2, max_error_rate, min_cross_entropy
    from .calibration import (
        CalibrationBins,
        TemperatureFitWarning,
        calibration_bins,
        expected_calibration_error,
        fit_temperature,
        reliability_diagram,
        softmax,
    )
    from .classification import (
        accuracy,
        correct_predictions,
        cross_entropy,
        cross_entropy_from_logits,
        per_sample_cross_entropy,
        true_class_probability,
        zero_one_loss,
    )
    from .cli import diagnose_log
    from .cv_curves import CVCurves, learning_curve_scores, validation_curve_scores
    from .diagnostics import REGIMES, Diagnosis, diagnose, diagnosis_table
    from .digits import DigitSplits, digit_splits, mislabel, wrong_labels_learnt
    from .history import History, early_stopping, fit_with_history
    from .learning_curve_plots import (
        plot_cv_curves,
        plot_loss_grid,
        plot_reported_loss,
        plot_validation_comparison,
    )
    from .logs import FORMATS, TrainingLog, detect_format, example_log, load_log
    from .networks import SGD_NETWORK, mlp_l2_penalty, sgd_network
    from .plots import (
        plot_cost_curve,
        plot_curves,
        plot_loss_accuracy_region,
        plot_true_class_cost,
        plot_true_class_proba,
    )
    from .regression import mae, mse
    from .scenarios import Scenario, scenario
    from .seed_bands import KeptModels, evaluate, seed_band, train_keeping_best
    from .stored import STORED_DIGITS, glue, reproducible
    from .style import OKABE_ITO, PALETTE, use_book_style
    from .surrogate_plots import (
        SURROGATE_STYLES,
        group_equal_curves,
        markdown_table,
        plot_decision_lines,
        plot_loss_path,
        plot_psi_bound,
        plot_surrogates,
    )
    from .surrogates import SURROGATES, MarginLoss, hinge_loss, margins, multiclass_hinge
    from .thresholds import accuracy_by_threshold
    from .uncertainty import PairedTest, paired_test, samples_for_margin, wilson_interval
    from .uncertainty_calibration import (
        ECEInterval,
        calibration_error,
        ece_bootstrap,
        ece_noise_floor,
        plot_accuracy_noise,
    )

#: Submodule -> the public names it defines; each submodule is imported on first access.
_MODULES: dict[str, tuple[str, ...]] = {
    "_validation": ("LabelOrderWarning",),
    "bounds": ("LN2", "max_error_rate", "min_cross_entropy"),
    "calibration": (
        "CalibrationBins",
        "TemperatureFitWarning",
        "calibration_bins",
        "expected_calibration_error",
        "fit_temperature",
        "reliability_diagram",
        "softmax",
    ),
    "classification": (
        "accuracy",
        "correct_predictions",
        "cross_entropy",
        "cross_entropy_from_logits",
        "per_sample_cross_entropy",
        "plot_accuracy_noise",
        "true_class_probability",
        "zero_one_loss",
    ),
    "cli": ("diagnose_log",),
    "cv_curves": ("CVCurves", "learning_curve_scores", "validation_curve_scores"),
    "diagnostics": ("REGIMES", "Diagnosis", "diagnose", "diagnosis_table"),
    "digits": ("DigitSplits", "digit_splits", "mislabel", "wrong_labels_learnt"),
    "history": ("History", "early_stopping", "fit_with_history"),
    "learning_curve_plots": (
        "plot_cv_curves",
        "plot_loss_grid",
        "plot_reported_loss",
        "plot_validation_comparison",
    ),
    "logs": ("FORMATS", "TrainingLog", "detect_format", "example_log", "load_log"),
    "networks": ("SGD_NETWORK", "mlp_l2_penalty", "sgd_network"),
    "plots": (
        "plot_cost_curve",
        "plot_curves",
        "plot_loss_accuracy_region",
        "plot_true_class_cost",
        "plot_true_class_proba",
    ),
    "regression": ("mae", "mse"),
    "scenarios": ("Scenario", "scenario"),
    "seed_bands": ("KeptModels", "evaluate", "seed_band", "train_keeping_best"),
    "stored": ("STORED_DIGITS", "glue", "reproducible"),
    "style": ("OKABE_ITO", "PALETTE", "use_book_style"),
    "surrogate_plots": (
        "SURROGATE_STYLES",
        "group_equal_curves",
        "markdown_table",
        "plot_decision_lines",
        "plot_loss_path",
        "plot_psi_bound",
        "plot_surrogates",
    ),
    "surrogates": ("SURROGATES", "MarginLoss", "hinge_loss", "margins", "multiclass_hinge"),
    "thresholds": ("accuracy_by_threshold",),
    "uncertainty": ("PairedTest", "paired_test", "samples_for_margin", "wilson_interval"),
    "uncertainty_calibration": (
        "ECEInterval",
        "calibration_error",
        "ece_bootstrap",
        "ece_noise_floor",
        "plot_accuracy_noise",
    ),
}
_EXPORTS: dict[str, str] = {name: module for module, names in _MODULES.items() for name in names}
#: The per-margin losses phi(z), which are not metrics: they live in lossacc_helpers.margin.
_MOVED_TO_MARGIN = frozenset(
    {"exponential", "hinge", "logistic", "modified_huber", "perceptron", "squared"}
    | {"squared_hinge", "zero_one"}
)

__version__ = "0.1.0"
__all__ = [
    "CVCurves",
    "CalibrationBins",
    "Diagnosis",
    "DigitSplits",
    "ECEInterval",
    "FORMATS",
    "History",
    "KeptModels",
    "LN2",
    "LabelOrderWarning",
    "MarginLoss",
    "OKABE_ITO",
    "PALETTE",
    "PairedTest",
    "REGIMES",
    "SGD_NETWORK",
    "STORED_DIGITS",
    "SURROGATES",
    "SURROGATE_STYLES",
    "Scenario",
    "TemperatureFitWarning",
    "TrainingLog",
    "accuracy",
    "accuracy_by_threshold",
    "calibration_bins",
    "calibration_error",
    "correct_predictions",
    "cross_entropy",
    "cross_entropy_from_logits",
    "detect_format",
    "diagnose",
    "diagnose_log",
    "diagnosis_table",
    "digit_splits",
    "early_stopping",
    "ece_bootstrap",
    "ece_noise_floor",
    "evaluate",
    "example_log",
    "expected_calibration_error",
    "fit_temperature",
    "fit_with_history",
    "glue",
    "group_equal_curves",
    "hinge_loss",
    "learning_curve_scores",
    "load_log",
    "mae",
    "margin",
    "margins",
    "markdown_table",
    "max_error_rate",
    "min_cross_entropy",
    "mislabel",
    "mlp_l2_penalty",
    "mse",
    "multiclass_hinge",
    "paired_test",
    "per_sample_cross_entropy",
    "plot_accuracy_noise",
    "plot_cost_curve",
    "plot_curves",
    "plot_cv_curves",
    "plot_decision_lines",
    "plot_loss_accuracy_region",
    "plot_loss_grid",
    "plot_loss_path",
    "plot_psi_bound",
    "plot_reported_loss",
    "plot_surrogates",
    "plot_true_class_cost",
    "plot_true_class_proba",
    "plot_validation_comparison",
    "reliability_diagram",
    "reproducible",
    "samples_for_margin",
    "scenario",
    "seed_band",
    "sgd_network",
    "softmax",
    "train_keeping_best",
    "true_class_probability",
    "use_book_style",
    "validation_curve_scores",
    "wilson_interval",
    "wrong_labels_learnt",
    "zero_one_loss",
]


def __getattr__(name: str) -> Any:
    """Import the submodule that defines ``name`` on first access (PEP 562)."""
    if name == "margin":
        return importlib.import_module(".margin", __name__)
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value
    if name in _MOVED_TO_MARGIN:
        metric = " or the metric hinge_loss(y_true, scores)" if name == "hinge" else ""
        raise AttributeError(
            f"lossacc_helpers.{name} is not a metric of (y_true, scores) but a loss phi(z) of "
            f"the margin: it moved to lossacc_helpers.margin.{name}(z){metric}. "
            f"SURROGATES[{name!r}].mean_loss(y_true, scores) averages it over samples."
        )
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
