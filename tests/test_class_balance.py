"""balance_scores equals scikit-learn's accuracy, balanced accuracy and macro-F1."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score

import lossacc_helpers as lah


@pytest.mark.parametrize("seed", range(6))
def test_matches_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, size=50)
    y_pred = np.where(rng.random(50) < 0.6, y, rng.integers(0, 4, size=50))  # class 3 unseen
    s = lah.balance_scores(y, y_pred)
    assert s.accuracy == pytest.approx(accuracy_score(y, y_pred))
    with pytest.warns(UserWarning) if 3 in y_pred else _nothing():
        sk_bal = balanced_accuracy_score(y, y_pred)
    assert s.balanced_accuracy == pytest.approx(sk_bal)
    assert s.macro_f1 == pytest.approx(f1_score(y, y_pred, average="macro", zero_division=0))


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


def test_majority_predictor_scores_one_half_and_strings_and_pandas():
    y = pd.Series(["no"] * 95 + ["yes"] * 5)
    s = lah.balance_scores(y, ["no"] * 100)
    assert s == (
        0.95,
        0.5,
        pytest.approx(f1_score(y, ["no"] * 100, average="macro", zero_division=0)),
    )
    acc, bal, f1 = s  # a named tuple unpacks
    assert bal == s.balanced_accuracy


@pytest.mark.parametrize(
    ("y_true", "y_pred", "error", "match"),
    [
        ([0, 1], [0], ValueError, "inconsistent|length"),
        ([0, 1], ["a", "b"], TypeError, "labels of different types"),
        ([[0, 1]], [[0, 1]], ValueError, "1D|2D"),
        ([0, None], [0, 1], (ValueError, TypeError), "None|missing"),
    ],
)
def test_bad_input(y_true, y_pred, error, match):
    with pytest.raises(error, match=match):
        lah.balance_scores(y_true, y_pred)
