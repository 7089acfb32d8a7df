"""cost_per_mistake, proba_when_right and mistake_table split a loss as the scenarios do."""

from __future__ import annotations

import numpy as np
import pytest

import lossacc_helpers as lah


@pytest.mark.parametrize(("acc", "loss"), [(0.981, 0.1882), (0.985, 0.0997), (0.991, 0.2544)])
def test_cost_per_mistake_matches_the_scenario_it_describes(acc, loss):
    s = lah.scenario(acc, loss, 1000, true_proba_correct=0.99)
    expected = s.per_sample_loss[~s.correct].mean()
    assert lah.cost_per_mistake(acc, loss, 0.99) == pytest.approx(expected)
    p = np.array([0.8, 0.9, 0.99])
    np.testing.assert_allclose(
        lah.cost_per_mistake(acc, loss, p), (loss + acc * np.log(p)) / (1 - acc)
    )


@pytest.mark.parametrize(("acc", "loss"), [(0.981, 0.1882), (0.991, 0.2544)])
def test_proba_when_right_inverts_cost_per_mistake(acc, loss):
    p = lah.proba_when_right(acc, loss, lah.LN2)
    assert lah.cost_per_mistake(acc, loss, p) == pytest.approx(lah.LN2)
    cap = -np.log(1e-7)
    p_cap = lah.proba_when_right(acc, loss, cap)
    assert acc * -np.log(p_cap) + (1 - acc) * cap == pytest.approx(loss)


def test_mistake_table_rows():
    models = {"model 3": lah.scenario(0.991, 0.2544, 1000, true_proba_correct=0.99)}
    header, row = lah.mistake_table(models).splitlines()
    assert header.split() == [
        "accuracy",
        "loss",
        "mistakes",
        "nats",
        "per",
        "mistake",
        "p(true)",
        "in",
        "a",
        "mistake",
    ]
    assert row.split() == ["model", "3", "99.1%", "0.2544", "9", "27.16", "1.6e-12"]


@pytest.mark.parametrize(
    ("func", "args", "error", "match"),
    [
        (lah.cost_per_mistake, (1.0, 0.2, 0.9), ValueError, r"accuracy must be in \[0, 1\)"),
        (lah.cost_per_mistake, (0.9, -0.2, 0.9), ValueError, "loss must be in"),
        (
            lah.cost_per_mistake,
            (0.9, 0.2, [0.5, 0.0]),
            ValueError,
            r"p_correct must be in \(0, 1\]",
        ),
        (lah.cost_per_mistake, (0.9, 0.2, "a"), TypeError, "p_correct must be array-like"),
        (lah.cost_per_mistake, (np.array([0.9]), 0.2, 0.9), TypeError, "accuracy must be a real"),
        (lah.proba_when_right, (0.0, 0.2, 1.0), ValueError, r"accuracy must be in \(0, 1\]"),
        (lah.proba_when_right, (0.9, 0.2, -1.0), ValueError, "mistake_cost must be in"),
        (lah.mistake_table, ([],), TypeError, "non-empty mapping"),
        (
            lah.mistake_table,
            ({"m": (0.9, 0.3)},),
            TypeError,
            r"scenarios\['m'\] must be a Scenario",
        ),
        (lah.mistake_table, ({"m": lah.scenario(1.0, 0.01, 10)},), ValueError, "no mistake"),
    ],
)
def test_bad_input(func, args, error, match):
    with pytest.raises(error, match=match):
        func(*args)
