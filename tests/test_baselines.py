"""The no-information baselines equal the cross-entropy of their predictions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import entropy
from sklearn.metrics import log_loss

import lossacc_helpers as lah


@pytest.mark.parametrize("k", [2, 3, 4, 10, 1000])
def test_uniform_guess_is_ln_k_and_the_log_loss_of_1_over_k(k):
    y = np.arange(k)
    assert lah.uniform_guess_loss(k) == pytest.approx(np.log(k))
    assert lah.uniform_guess_loss(k) == pytest.approx(log_loss(y, np.full((k, k), 1 / k)))


@pytest.mark.parametrize(
    "freq", [[0.5, 0.5], [0.95, 0.05], [0.7, 0.2, 0.1], [0.85, 0.05, 0.05, 0.05]]
)
def test_prior_guess_is_the_log_loss_of_predicting_the_frequencies(freq):
    counts = np.round(np.asarray(freq) * 1000).astype(int)
    y = np.repeat(np.arange(len(freq)), counts)
    expected = log_loss(y, np.tile(freq, (len(y), 1)))
    assert lah.prior_guess_loss(freq) == pytest.approx(expected)
    assert lah.prior_guess_loss(freq) == pytest.approx(entropy(freq))
    assert lah.prior_guess_loss(freq) <= lah.uniform_guess_loss(len(freq)) + 1e-12


def test_prior_guess_reads_pandas_and_skips_empty_classes():
    assert lah.prior_guess_loss(pd.Series([0.5, 0.5, 0.0])) == pytest.approx(np.log(2))


@pytest.mark.parametrize(
    ("func", "arg", "error", "match"),
    [
        (lah.uniform_guess_loss, 1, ValueError, r"n_classes must be in \[2"),
        (lah.uniform_guess_loss, 2.5, TypeError, "n_classes must be an integer"),
        (lah.prior_guess_loss, [0.6, 0.6], ValueError, "sum to 1.*counts.sum"),
        (lah.prior_guess_loss, [1.2, -0.2], ValueError, "non-negative, found -0.2"),
        (lah.prior_guess_loss, "0.5", TypeError, "frequencies must be array-like"),
        (lah.prior_guess_loss, [[0.5, 0.5]], ValueError, "Expected 1D array for frequencies"),
        (lah.prior_guess_loss, pd.DataFrame({"a": [0.5], "b": [0.5]}), ValueError, "1D"),
    ],
)
def test_bad_input(func, arg, error, match):
    with pytest.raises(error, match=match):
        func(arg)
