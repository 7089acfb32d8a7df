"""Cases an independent blind reading of 40 new logs found misread, now fixed.

Each curve is modelled on the reviewer's log (the files stayed outside the repository);
the verdict is the one the reviewer wrote down before running the tool.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

import lossacc_helpers as lah


def test_a_short_run_still_falling_is_still_improving_not_a_good_fit() -> None:
    # Six epochs, the validation loss falling by about 0.1 per epoch to the end (s27).
    val = [1.80, 1.31, 1.00, 0.80, 0.68, 0.59]
    train = [1.90, 1.35, 1.02, 0.79, 0.64, 0.53]
    d = lah.diagnose(lah.History.from_arrays(train, val, epochs=range(6)))
    assert d.regime == "still improving", d.reason
    assert d.best_epoch == 5


def test_a_short_level_run_is_inconclusive_not_converged() -> None:
    # Seven epochs that wobble at a level after a fall: too few to call it converged.
    val = [0.90, 0.62, 0.55, 0.56, 0.54, 0.55, 0.555]
    train = [0.95, 0.60, 0.50, 0.47, 0.45, 0.44, 0.43]
    d = lah.diagnose(lah.History.from_arrays(train, val))
    assert d.regime == "inconclusive", d.reason
    assert "too few" in d.reason


def _converging(n: int = 40) -> tuple[np.ndarray, np.ndarray]:
    t = np.arange(n)
    return 0.2 + 1.5 * np.exp(-t / 5), 0.25 + 1.5 * np.exp(-t / 5)


def test_one_overflowed_validation_pass_is_left_out_not_divergence() -> None:
    train, val = _converging()
    val[20] = np.inf  # one validation pass overflowed; training went on normally (s29)
    d = lah.diagnose(lah.History.from_arrays(train, val))
    assert d.regime == "good fit", d.reason
    assert any("not finite at epoch(s) [21]" in note for note in d.notes)


def test_a_validation_loss_that_ends_infinite_still_diverges() -> None:
    train, val = _converging()
    val[-1] = np.inf
    assert lah.diagnose(lah.History.from_arrays(train, val)).regime == "diverging"
    train[30] = np.nan  # the training loss itself: always diverging
    val[-1] = 0.25
    assert lah.diagnose(lah.History.from_arrays(train, val)).regime == "diverging"


def test_a_keras_resume_keeps_the_epochs_before_it(tmp_path: Path) -> None:
    # fit() crashed after epoch 5 and was resumed with initial_epoch=4, appending (s24).
    rows = ["epoch,loss,val_loss"]
    rows += [f"{e},{1 / (1 + e):.3f},{1.2 / (1 + e):.3f}" for e in range(6)]
    rows += [f"{e},{1 / (1 + e):.3f},{1.2 / (1 + e):.3f}" for e in range(4, 12)]
    path = tmp_path / "training.log"
    path.write_text("\n".join(rows) + "\n")
    log = lah.load_log(path, format="keras")
    assert log.history.epochs.tolist() == list(range(12))
    assert any("resumed run" in note for note in log.notes)
    restarted = tmp_path / "restarted.log"
    restarted.write_text("\n".join(rows[:7] + rows[1:5]) + "\n")  # from epoch 0 again
    log = lah.load_log(restarted, format="keras")
    assert log.history.epochs.tolist() == [0, 1, 2, 3]
    assert any("restarted run" in note for note in log.notes)
