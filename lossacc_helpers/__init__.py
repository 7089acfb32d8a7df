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
    from .baselines import prior_guess_loss, uniform_guess_loss
    from .bounds import LN2, max_error_rate, min_cross_entropy
    from .calibration import (
        CalibrationBins,
        TemperatureFitWarning,
        calibration_bins,
        expected_calibration_error,
        fit_temperature,
        mlp_logits,
        reliability_diagram,
        softmax,
        temperature_sweep,
    )
    from .calibration_plots import plot_proper_scores, plot_reliability_diagrams
    from .class_balance import BalanceScores, balance_scores
    from .classification import (
        accuracy,
        correct_predictions,
        cross_entropy,
        cross_entropy_from_logits,
        per_sample_cross_entropy,
        true_class_probability,
        zero_one_loss,
    )
    from .classifier_plots import plot_confusion_matrix, plot_roc_pr, plot_threshold_curves
    from .cli import diagnose_log
    from .cv_curves import CVCurves, learning_curve_scores, validation_curve_scores
    from .datasets import (
        corrupt_labels,
        imbalanced_split,
        pixel_task,
        tumour_split,
        two_feature_data,
    )
    from .diagnostics import REGIMES, Diagnosis, diagnose, diagnosis_table
    from .digits import DigitSplits, digit_splits, mislabel, wrong_labels_learnt
    from .explorable_figures import (
        cost_of_probability_explorable,
        margin_explorable,
        mistake_confidence_explorable,
        reliability_explorable,
        runs_explorable,
        temperature_explorable,
        threshold_explorable,
    )
    from .explorables import Explorable, format_readout, slider_explorable
    from .history import History, early_stopping, fit_recording_proba, fit_with_history
    from .learning_curve_plots import (
        plot_cv_curves,
        plot_loss_grid,
        plot_reported_loss,
        plot_validation_comparison,
    )
    from .logs import FORMATS, TrainingLog, detect_format, example_log, load_log
    from .loss_comparisons import (
        SGD_LOSSES,
        add_outliers,
        boost_stumps,
        flip_deepest,
        gaussian_bayes_scores,
        gaussian_classes,
        hastie_data,
        model_scores,
        multiclass_model_scores,
        sgd_classifier,
        standardised_split,
    )
    from .loss_share_plots import plot_cost_per_mistake, plot_sorted_losses
    from .loss_split import MistakeCosts, mistake_costs, plot_mistake_costs
    from .networks import SGD_NETWORK, mlp_l2_penalty, sgd_network
    from .plots import (
        plot_cost_curve,
        plot_curves,
        plot_loss_accuracy_region,
        plot_true_class_cost,
        plot_true_class_proba,
    )
    from .regression import mae, mse
    from .scenarios import Scenario, cost_per_mistake, mistake_table, proba_when_right, scenario
    from .score_tables import SCORES, ScoreTable, score_table
    from .seed_bands import KeptModels, evaluate, seed_band, train_keeping_best
    from .stored import GLUE_PREFIX, STORED_DIGITS, glue, reproducible
    from .style import OKABE_ITO, PALETTE, SMALLEST_TEXT_KEY, smallest_text_px, use_book_style
    from .surrogate_plots import (
        SURROGATE_STYLES,
        group_equal_curves,
        markdown_table,
        plot_decision_lines,
        plot_loss_path,
        plot_margin_losses,
        plot_psi_bound,
        plot_surrogates,
        psi_formula_list,
        surrogate_properties_table,
    )
    from .surrogates import SURROGATES, MarginLoss, hinge_loss, margins, multiclass_hinge
    from .thresholds import accuracy_by_threshold
    from .tolerance import accuracy_within, plot_accuracy_within
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
    "baselines": (
        "prior_guess_loss",
        "uniform_guess_loss",
    ),
    "bounds": (
        "LN2",
        "max_error_rate",
        "min_cross_entropy",
    ),
    "calibration": (
        "CalibrationBins",
        "TemperatureFitWarning",
        "calibration_bins",
        "expected_calibration_error",
        "fit_temperature",
        "mlp_logits",
        "reliability_diagram",
        "softmax",
        "temperature_sweep",
    ),
    "calibration_plots": (
        "plot_proper_scores",
        "plot_reliability_diagrams",
    ),
    "class_balance": (
        "BalanceScores",
        "balance_scores",
    ),
    "classification": (
        "accuracy",
        "correct_predictions",
        "cross_entropy",
        "cross_entropy_from_logits",
        "per_sample_cross_entropy",
        "true_class_probability",
        "zero_one_loss",
    ),
    "classifier_plots": (
        "plot_confusion_matrix",
        "plot_roc_pr",
        "plot_threshold_curves",
    ),
    "cli": ("diagnose_log",),
    "cv_curves": (
        "CVCurves",
        "learning_curve_scores",
        "validation_curve_scores",
    ),
    "datasets": (
        "corrupt_labels",
        "imbalanced_split",
        "pixel_task",
        "tumour_split",
        "two_feature_data",
    ),
    "diagnostics": (
        "Diagnosis",
        "REGIMES",
        "diagnose",
        "diagnosis_table",
    ),
    "digits": (
        "DigitSplits",
        "digit_splits",
        "mislabel",
        "wrong_labels_learnt",
    ),
    "explorable_figures": (
        "cost_of_probability_explorable",
        "margin_explorable",
        "mistake_confidence_explorable",
        "reliability_explorable",
        "runs_explorable",
        "temperature_explorable",
        "threshold_explorable",
    ),
    "explorables": (
        "Explorable",
        "format_readout",
        "slider_explorable",
    ),
    "history": (
        "History",
        "early_stopping",
        "fit_recording_proba",
        "fit_with_history",
    ),
    "learning_curve_plots": (
        "plot_cv_curves",
        "plot_loss_grid",
        "plot_reported_loss",
        "plot_validation_comparison",
    ),
    "logs": (
        "FORMATS",
        "TrainingLog",
        "detect_format",
        "example_log",
        "load_log",
    ),
    "loss_comparisons": (
        "SGD_LOSSES",
        "add_outliers",
        "boost_stumps",
        "flip_deepest",
        "gaussian_bayes_scores",
        "gaussian_classes",
        "hastie_data",
        "model_scores",
        "multiclass_model_scores",
        "sgd_classifier",
        "standardised_split",
    ),
    "loss_share_plots": (
        "plot_cost_per_mistake",
        "plot_sorted_losses",
    ),
    "loss_split": (
        "MistakeCosts",
        "mistake_costs",
        "plot_mistake_costs",
    ),
    "networks": (
        "SGD_NETWORK",
        "mlp_l2_penalty",
        "sgd_network",
    ),
    "plots": (
        "plot_cost_curve",
        "plot_curves",
        "plot_loss_accuracy_region",
        "plot_true_class_cost",
        "plot_true_class_proba",
    ),
    "regression": (
        "mae",
        "mse",
    ),
    "scenarios": (
        "Scenario",
        "cost_per_mistake",
        "mistake_table",
        "proba_when_right",
        "scenario",
    ),
    "score_tables": (
        "SCORES",
        "ScoreTable",
        "score_table",
    ),
    "seed_bands": (
        "KeptModels",
        "evaluate",
        "seed_band",
        "train_keeping_best",
    ),
    "stored": (
        "GLUE_PREFIX",
        "STORED_DIGITS",
        "glue",
        "reproducible",
    ),
    "style": (
        "OKABE_ITO",
        "PALETTE",
        "SMALLEST_TEXT_KEY",
        "smallest_text_px",
        "use_book_style",
    ),
    "surrogate_plots": (
        "SURROGATE_STYLES",
        "group_equal_curves",
        "markdown_table",
        "plot_decision_lines",
        "plot_loss_path",
        "plot_margin_losses",
        "plot_psi_bound",
        "plot_surrogates",
        "psi_formula_list",
        "surrogate_properties_table",
    ),
    "surrogates": (
        "MarginLoss",
        "SURROGATES",
        "hinge_loss",
        "margins",
        "multiclass_hinge",
    ),
    "thresholds": ("accuracy_by_threshold",),
    "tolerance": (
        "accuracy_within",
        "plot_accuracy_within",
    ),
    "uncertainty": (
        "PairedTest",
        "paired_test",
        "samples_for_margin",
        "wilson_interval",
    ),
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
    "BalanceScores",
    "CVCurves",
    "CalibrationBins",
    "Diagnosis",
    "DigitSplits",
    "ECEInterval",
    "Explorable",
    "FORMATS",
    "GLUE_PREFIX",
    "History",
    "KeptModels",
    "LN2",
    "LabelOrderWarning",
    "MarginLoss",
    "MistakeCosts",
    "OKABE_ITO",
    "PALETTE",
    "PairedTest",
    "REGIMES",
    "SCORES",
    "SGD_LOSSES",
    "SGD_NETWORK",
    "SMALLEST_TEXT_KEY",
    "STORED_DIGITS",
    "SURROGATES",
    "SURROGATE_STYLES",
    "Scenario",
    "ScoreTable",
    "TemperatureFitWarning",
    "TrainingLog",
    "accuracy",
    "accuracy_by_threshold",
    "accuracy_within",
    "add_outliers",
    "balance_scores",
    "boost_stumps",
    "calibration_bins",
    "calibration_error",
    "correct_predictions",
    "corrupt_labels",
    "cost_of_probability_explorable",
    "cost_per_mistake",
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
    "fit_recording_proba",
    "fit_temperature",
    "fit_with_history",
    "flip_deepest",
    "format_readout",
    "gaussian_bayes_scores",
    "gaussian_classes",
    "glue",
    "group_equal_curves",
    "hastie_data",
    "hinge_loss",
    "imbalanced_split",
    "learning_curve_scores",
    "load_log",
    "mae",
    "margin",
    "margin_explorable",
    "margins",
    "markdown_table",
    "max_error_rate",
    "min_cross_entropy",
    "mislabel",
    "mistake_confidence_explorable",
    "mistake_costs",
    "mistake_table",
    "mlp_l2_penalty",
    "mlp_logits",
    "model_scores",
    "mse",
    "multiclass_hinge",
    "multiclass_model_scores",
    "paired_test",
    "per_sample_cross_entropy",
    "pixel_task",
    "plot_accuracy_noise",
    "plot_accuracy_within",
    "plot_confusion_matrix",
    "plot_cost_curve",
    "plot_cost_per_mistake",
    "plot_curves",
    "plot_cv_curves",
    "plot_decision_lines",
    "plot_loss_accuracy_region",
    "plot_loss_grid",
    "plot_loss_path",
    "plot_margin_losses",
    "plot_mistake_costs",
    "plot_proper_scores",
    "plot_psi_bound",
    "plot_reliability_diagrams",
    "plot_reported_loss",
    "plot_roc_pr",
    "plot_sorted_losses",
    "plot_surrogates",
    "plot_threshold_curves",
    "plot_true_class_cost",
    "plot_true_class_proba",
    "plot_validation_comparison",
    "prior_guess_loss",
    "proba_when_right",
    "psi_formula_list",
    "reliability_diagram",
    "reliability_explorable",
    "reproducible",
    "runs_explorable",
    "samples_for_margin",
    "scenario",
    "score_table",
    "seed_band",
    "sgd_classifier",
    "sgd_network",
    "slider_explorable",
    "smallest_text_px",
    "softmax",
    "standardised_split",
    "surrogate_properties_table",
    "temperature_explorable",
    "temperature_sweep",
    "threshold_explorable",
    "train_keeping_best",
    "true_class_probability",
    "tumour_split",
    "two_feature_data",
    "uniform_guess_loss",
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
