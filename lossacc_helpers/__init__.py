"""Helpers for the executable book *Loss and Accuracy*.

Losses (lower is better) and scores (higher is better) used by the chapters, with the
validation, plots and scenarios that the chapters share. Every function is tested
against scikit-learn, its reference implementation, and follows its conventions: data
first (``y_true`` before predictions), ``labels=`` the classes in column order (integer
labels ``0 .. K-1`` need none), ``sample_weight=`` on every averaged metric. Every
top-level name that looks like a metric is one; the per-margin losses phi(z) live in
:mod:`lossacc_helpers.margin`.
"""

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
from .diagnostics import REGIMES, Diagnosis, diagnose
from .history import History, fit_with_history
from .plots import plot_loss_accuracy_region, plot_true_class_proba
from .regression import mae, mse
from .scenarios import Scenario, scenario
from .stored import STORED_DIGITS, glue, reproducible
from .style import OKABE_ITO, PALETTE, use_book_style
from .surrogates import SURROGATES, MarginLoss, hinge_loss, margins, multiclass_hinge
from .thresholds import accuracy_by_threshold

__version__ = "0.1.0"

__all__ = [
    "REGIMES",
    "SURROGATES",
    "MarginLoss",
    "CalibrationBins",
    "Diagnosis",
    "History",
    "LN2",
    "OKABE_ITO",
    "PALETTE",
    "STORED_DIGITS",
    "Scenario",
    "accuracy",
    "accuracy_by_threshold",
    "calibration_bins",
    "correct_predictions",
    "cross_entropy",
    "cross_entropy_from_logits",
    "diagnose",
    "expected_calibration_error",
    "fit_temperature",
    "fit_with_history",
    "glue",
    "mae",
    "max_error_rate",
    "min_cross_entropy",
    "mse",
    "per_sample_cross_entropy",
    "plot_loss_accuracy_region",
    "plot_true_class_proba",
    "reliability_diagram",
    "reproducible",
    "scenario",
    "softmax",
    "true_class_probability",
    "use_book_style",
    "zero_one_loss",
    "hinge_loss",
    "margin",
    "margins",
    "multiclass_hinge",
    "LabelOrderWarning",
    "TemperatureFitWarning",
]

_MOVED_TO_MARGIN = frozenset(margin.__all__) - {"margins"}


def __getattr__(name: str) -> object:
    """Explain where the per-margin losses went instead of a bare AttributeError."""
    if name in _MOVED_TO_MARGIN:
        metric = " or the metric hinge_loss(y_true, scores)" if name == "hinge" else ""
        raise AttributeError(
            f"lossacc_helpers.{name} is not a metric of (y_true, scores) but a loss phi(z) of "
            f"the margin: it moved to lossacc_helpers.margin.{name}(z){metric}. "
            f"SURROGATES[{name!r}].mean_loss(y_true, scores) averages it over samples."
        )
    raise AttributeError(f"module 'lossacc_helpers' has no attribute {name!r}")
