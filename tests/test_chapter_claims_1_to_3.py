"""The fixes of issue 14 (chapters 1-3, second edition) stay fixed.

The numbers behind each fix are asserted in the chapters' hidden cells (nbval runs them);
these checks guard the words and figure metadata that no cell can assert.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"


def _cells(name: str) -> list[dict]:
    path = next(CHAPTERS.glob(f"{name}_*.ipynb"))
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _markdown(name: str) -> str:
    return "\n".join("".join(c["source"]) for c in _cells(name) if c["cell_type"] == "markdown")


def _figure(name: str, figure: str) -> dict:
    for cell in _cells(name):
        meta = cell.get("metadata", {}).get("mystnb", {})
        if meta.get("figure", {}).get("name") == figure:
            return meta
    raise AssertionError(f"no figure {figure} in chapter {name}")


@pytest.mark.parametrize(
    ("chapter", "gone"),
    [
        ("01", "Software clips probabilities at\nthe machine epsilon"),  # defect 2
        ("02", "the accuracy moves only when a probability crosses one half"),  # defect 8
        ("03", "the two right-hand panels"),  # defect 3
        ("03", "perhaps the loss is in another unit"),  # defect 7
        ("03", "0.9032 is better than guessing"),  # defect 5
        ("03", "m3_p:.0e"),  # defect 8: "about 2e-12" beside 1.6e-12
        ("03", "(probabilities are clipped at the machine\nepsilon)"),  # defect 2
    ],
)
def test_a_fixed_sentence_does_not_return(chapter, gone):
    assert gone not in _markdown(chapter)


def test_the_bound_carries_its_condition():  # defect 1
    text = _markdown("03")
    assert "When the predicted label is the most probable class, every mistake costs" in text
    caption = _figure("03", "fig-ch3-feasible-region")["figure"]["caption"]
    assert "most probable class" in caption and "tuned threshold" in caption
    assert "threshold one half" in text.split(":label: ex-ch3-possible")[1].split("```")[0]


def test_figure_captions_match_their_pictures():  # defects 3 and 8
    four = _figure("03", "fig-ch3-four-cases")
    assert "-\\ln p" in four["figure"]["caption"] and "mean height" in four["figure"]["caption"]
    lr = _figure("01", "fig-ch1-learning-rates")["figure"]["caption"]
    assert "every step overshoots" not in lr and "most steps overshoot" in lr
    assert "log scale" in _figure("03", "fig-ch3-cost-per-mistake")["figure"]["caption"]


def test_the_threshold_rate_exercise_uses_a_grid_fine_enough():  # defect 6
    code = "\n".join("".join(c["source"]) for c in _cells("01") if c["cell_type"] == "code")
    assert "np.arange(5, 20.01, 0.5)" in code and "g @ H0 @ g / (g @ g)" in code


@pytest.mark.parametrize(
    ("chapter", "gone"),
    [
        ("01", "but not most of it"),  # review 14, finding 16
        ("01", "a hundredth of\nwhich is added to the mean"),  # finding 17
        ("02", "starts from the share of positives for guessing"),  # finding 13
        ("02", "{glue:text}`missed_malignant` malignant tumours"),  # finding 27
        ("02", "{glue:text}`missed_malignant` mistakes"),  # finding 27
        ("03", "takes far more than either"),  # finding 1
        ("03", "disagree on more than {glue:text}`max_disagree`"),  # finding 2
        ("03", "a *perfect* model scores the entropy"),  # finding 9
        ("03", "older TensorFlow releases"),  # finding 11
    ],
)
def test_a_sentence_fixed_in_review_14_does_not_return(chapter, gone):
    assert gone not in _markdown(chapter)


def test_review_14_conditions_and_figure_metadata():
    ch1, ch3 = _markdown("01"), _markdown("03")
    # Finding 3: the Keras cap holds only when the loss receives probabilities.
    assert "keras/src/backend/tensorflow/nn.py" in ch1 and "_get_logits" in ch1
    assert "TensorFlow backend" in ch3 and "uncapped" in ch3
    cost = _figure("03", "fig-ch3-cost-per-mistake")
    assert "receives probabilities" in cost["figure"]["caption"]
    # Finding 21: the curves rise with p and start on the ln 2 line.
    assert "increasing" in cost["image"]["alt"] and "decreasing" not in cost["image"]["alt"]
    # Findings 5, 7: exact McNemar p; the argmax condition of Exercise 3.4.
    assert "exact McNemar (binomial)" in ch3 and "most probable class (argmax)" in ch3
    # Finding 22: the vertical line at one half is dash-dot.
    caption = _figure("02", "fig-ch2-threshold")["figure"]["caption"]
    assert "dash-dot vertical line" in caption and "(dotted vertical line)" not in caption
    # Finding 26: the weakest digits model is below chance, and the caption says why.
    real = _figure("03", "fig-ch3-real-models")["figure"]["caption"]
    assert "below the one in ten of chance" in real
