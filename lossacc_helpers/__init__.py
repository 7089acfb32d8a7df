"""Helpers for the executable book *Loss and Accuracy*.

Losses (lower is better) and scores (higher is better) used by the chapters, with the
validation, plots and scenarios that the chapters share. Every function is tested
against scikit-learn, its reference implementation.
"""

from .bounds import LN2, max_error_rate, min_cross_entropy
from .calibration import (
    CalibrationBins,
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
from .surrogates import (
    SURROGATES,
    MarginLoss,
    exponential,
    hinge,
    logistic,
    margins,
    modified_huber,
    multiclass_hinge,
    perceptron,
    squared,
    squared_hinge,
    zero_one,
)
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
    "exponential",
    "hinge",
    "logistic",
    "margins",
    "modified_huber",
    "multiclass_hinge",
    "perceptron",
    "squared",
    "squared_hinge",
    "zero_one",
]
