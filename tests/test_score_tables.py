import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import accuracy_score, brier_score_loss, log_loss, zero_one_loss

import lossacc_helpers as lah

RNG = np.random.default_rng(1)
Y = RNG.integers(0, 4, 80)
P = lah.softmax(RNG.normal(scale=2, size=(80, 4)))


def test_score_table_agrees_with_scikit_learn() -> None:
    table = lah.score_table(Y, {"model": P, "frame": pd.DataFrame(P)}, scores=tuple(lah.SCORES))
    assert table.scores == ("accuracy", "cross-entropy", "Brier score", "ECE", "0-1 loss")
    want = (
        accuracy_score(Y, P.argmax(axis=1)),
        log_loss(Y, P),
        brier_score_loss(Y, P, labels=range(4)),
        lah.expected_calibration_error(Y, P),
        zero_one_loss(Y, P.argmax(axis=1)),
    )
    for row in table.rows.values():
        np.testing.assert_allclose(row, want)


def test_score_table_reads_labels_and_one_dimensional_proba() -> None:
    y = np.array(["cat", "dog", "dog", "cat"])
    p = np.array([0.2, 0.9, 0.4, 0.3])  # probability of "dog"
    row = lah.score_table(y, {"m": p}, scores=("accuracy", "Brier score"), labels=["cat", "dog"])
    binary = (y == "dog").astype(int)
    want = (0.75, brier_score_loss(binary, p, scale_by_half=False))
    np.testing.assert_allclose(row.rows["m"], want)


def test_score_table_prints_an_aligned_table() -> None:
    text = str(lah.score_table(Y, {"before": P, "after scaling": P}, title="validation"))
    lines = text.splitlines()
    assert lines[0].split() == ["validation", "accuracy", "cross-entropy"]
    assert [line.split()[0] for line in lines[1:]] == ["before", "after"]
    assert len({len(line) for line in lines}) == 1  # every line as wide
    assert lines[1].split()[1].endswith("%")


def test_score_table_refuses_bad_input() -> None:
    with pytest.raises(TypeError, match="probas must be a dict"):
        lah.score_table(Y, P)
    with pytest.raises(ValueError, match="probas is empty"):
        lah.score_table(Y, {})
    with pytest.raises(ValueError, match="scores must name some of"):
        lah.score_table(Y, {"m": P}, scores=("AUC",))
    with pytest.raises(ValueError, match=r"probas\['short'\]: .*y_true"):
        lah.score_table(Y, {"short": P[:5]})
    with pytest.raises(TypeError, match=r"probas\['text'\]"):
        lah.score_table(Y, {"text": np.full((80, 4), "a")})
