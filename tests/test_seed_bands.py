import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.neural_network import MLPClassifier

import lossacc_helpers as lah


def test_keeps_the_model_of_the_lowest_validation_loss() -> None:
    d = load_digits()
    X, y = d.data[:400] / 16, d.target[:400]
    model = MLPClassifier(
        hidden_layer_sizes=(50,), learning_rate_init=0.05, batch_size=50, random_state=0
    )
    kept = lah.train_keeping_best(
        model, X[:200], y[:200], X[200:], y[200:], epochs=15, classes=np.arange(10)
    )
    assert kept.last is model and kept.best is not model
    assert kept.val_loss.shape == (15,)
    assert kept.best_epoch == int(np.argmin(kept.val_loss)) + 1
    best_loss = lah.cross_entropy(y[200:], kept.best.predict_proba(X[200:]))
    assert np.isclose(best_loss, kept.val_loss.min())
    last_loss = lah.cross_entropy(y[200:], kept.last.predict_proba(X[200:]))
    assert np.isclose(last_loss, kept.val_loss[-1])
    # The same as History.best_epoch on the same curve.
    h = lah.History.from_arrays(kept.val_loss, kept.val_loss)
    assert h.best_epoch == kept.best_epoch


def test_rejects_bad_epochs() -> None:
    with pytest.raises(ValueError):
        lah.train_keeping_best(None, [[0]], [0], [[0]], [0], epochs=0)


# ------------------------------------------------------------------ evaluate, seed_band
def test_evaluate_equals_scikit_learns_metrics() -> None:
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, log_loss

    d = load_digits()
    X, y = d.data[:300] / 16, d.target[:300]
    model = LogisticRegression(max_iter=300).fit(X[:200], y[:200])
    acc, ce = lah.evaluate(model, X[200:], y[200:])
    assert acc == accuracy_score(y[200:], model.predict(X[200:]))
    assert ce == pytest.approx(log_loss(y[200:], model.predict_proba(X[200:])), rel=1e-12)
    assert lah.evaluate(model, pd.DataFrame(X[200:]), pd.Series(y[200:])) == pytest.approx(
        (acc, ce), rel=1e-12
    )


def test_evaluate_rejects_bad_input() -> None:
    from sklearn.linear_model import LogisticRegression

    with pytest.raises(TypeError, match="fit it first"):
        lah.evaluate(LogisticRegression(), [[0.0]], [0])
    model = LogisticRegression().fit([[0.0], [1.0]], [0, 1])
    with pytest.raises(ValueError, match="inconsistent numbers"):
        lah.evaluate(model, [[0.0], [1.0]], [0])


def test_seed_band_scores_each_recipe_and_reuses_the_runs_for_the_best_state() -> None:
    d = load_digits()
    X, y = d.data[:300] / 16, d.target[:300]
    data = (X[:150], y[:150], X[150:225], y[150:225], X[225:], y[225:])
    recipes = {"plain": {}, "l2": {"alpha": 0.3}}
    band = lah.seed_band(
        lah.sgd_network,
        recipes,
        *data,
        seeds=(1, 2),
        epochs=6,
        best_of={"early": "plain"},
    )
    assert list(band) == ["plain", "l2", "early"]
    assert all(rows.shape == (2, 2) for rows in band.values())
    for row, seed in enumerate((1, 2)):  # the same as doing it by hand
        kept = lah.train_keeping_best(lah.sgd_network(random_state=seed), *data[:4], epochs=6)
        assert tuple(band["plain"][row]) == lah.evaluate(kept.last, *data[4:])
        assert tuple(band["early"][row]) == lah.evaluate(kept.best, *data[4:])
        l2 = lah.train_keeping_best(
            lah.sgd_network(alpha=0.3, random_state=seed), *data[:4], epochs=6
        )
        assert tuple(band["l2"][row]) == lah.evaluate(l2.last, *data[4:])


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"make_model": 3}, TypeError, "make_model must be callable"),
        ({"recipes": {}}, ValueError, "non-empty mapping"),
        ({"recipes": {"a": (1,)}}, TypeError, "mapping of settings"),
        ({"best_of": {"early": "nope"}}, ValueError, "must name one of the recipes"),
        ({"best_of": {"plain": "plain"}}, ValueError, "under a new name"),
        ({"seeds": ()}, ValueError, "at least one seed"),
        ({"seeds": (1.5,)}, TypeError, "seeds must be an integer"),
    ],
)
def test_seed_band_rejects_bad_input(kwargs, error, match) -> None:
    X, y = np.eye(4), [0, 1, 0, 1]
    args = {"make_model": lah.sgd_network, "recipes": {"plain": {}}, "seeds": (0,)}
    args |= {"best_of": None} | kwargs
    with pytest.raises(error, match=match):
        lah.seed_band(
            args["make_model"],
            args["recipes"],
            X,
            y,
            X,
            y,
            X,
            y,
            seeds=args["seeds"],
            epochs=1,
            best_of=args["best_of"],
        )
