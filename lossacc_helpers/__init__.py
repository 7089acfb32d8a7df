"""Helpers for the executable book *Loss and Accuracy*.

Losses (lower is better) and scores (higher is better) used by the chapters, with the
validation, plots and scenarios that the chapters share. Every function is tested
against scikit-learn, its reference implementation.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what static tools see; at run time names load on first use
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
    from .cli import diagnose_log
    from .diagnostics import REGIMES, Diagnosis, diagnose
    from .history import History, fit_with_history
    from .logs import TrainingLog, example_log, load_log
    from .plots import plot_loss_accuracy_region, plot_true_class_proba
    from .regression import mae, mse
    from .scenarios import Scenario, scenario
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

#: Public name -> submodule that defines it. Submodules are imported on first access
#: (module ``__getattr__``, PEP 562), so ``python -m lossacc_helpers diagnose`` does not
#: import matplotlib, scipy or scikit-learn.
_EXPORTS: dict[str, str] = {
    "LN2": "bounds",
    "max_error_rate": "bounds",
    "min_cross_entropy": "bounds",
    "CalibrationBins": "calibration",
    "calibration_bins": "calibration",
    "expected_calibration_error": "calibration",
    "fit_temperature": "calibration",
    "reliability_diagram": "calibration",
    "softmax": "calibration",
    "accuracy": "classification",
    "correct_predictions": "classification",
    "cross_entropy": "classification",
    "cross_entropy_from_logits": "classification",
    "per_sample_cross_entropy": "classification",
    "true_class_probability": "classification",
    "zero_one_loss": "classification",
    "Diagnosis": "diagnostics",
    "REGIMES": "diagnostics",
    "diagnose": "diagnostics",
    "History": "history",
    "fit_with_history": "history",
    "plot_loss_accuracy_region": "plots",
    "plot_true_class_proba": "plots",
    "mae": "regression",
    "mse": "regression",
    "Scenario": "scenarios",
    "scenario": "scenarios",
    "OKABE_ITO": "style",
    "PALETTE": "style",
    "use_book_style": "style",
    "MarginLoss": "surrogates",
    "SURROGATES": "surrogates",
    "exponential": "surrogates",
    "hinge": "surrogates",
    "logistic": "surrogates",
    "margins": "surrogates",
    "modified_huber": "surrogates",
    "multiclass_hinge": "surrogates",
    "perceptron": "surrogates",
    "squared": "surrogates",
    "squared_hinge": "surrogates",
    "zero_one": "surrogates",
    "accuracy_by_threshold": "thresholds",
    "TrainingLog": "logs",
    "load_log": "logs",
    "example_log": "logs",
    "diagnose_log": "cli",
}


def __getattr__(name: str) -> Any:
    """Import the submodule that defines ``name`` on first access (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


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
    "mae",
    "max_error_rate",
    "min_cross_entropy",
    "mse",
    "per_sample_cross_entropy",
    "plot_loss_accuracy_region",
    "plot_true_class_proba",
    "reliability_diagram",
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
    "TrainingLog",
    "diagnose_log",
    "load_log",
    "example_log",
]
