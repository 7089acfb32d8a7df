r"""Training histories: loss and accuracy per epoch, on the training and validation sets.

:func:`fit_with_history` trains a scikit-learn classifier epoch by epoch and measures both
sets at the end of every epoch; :class:`History` holds the curves (or numbers read from
any framework's log, see ``lossacc_helpers.logs``), finds the best epoch and draws the
two-panel figure of chapter 5. The accuracy curves are optional: many frameworks log only
losses. matplotlib is imported only when a figure is drawn, so reading and diagnosing a
log stays fast.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, as_label_array, check_consistent_length, check_scalar
from .classification import accuracy, cross_entropy

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["History", "early_stopping", "fit_recording_proba", "fit_with_history"]

_LOSSES = ("train_loss", "val_loss")
_ACCURACIES = ("train_accuracy", "val_accuracy")


def _styles() -> tuple[dict[str, Any], dict[str, Any], str]:
    """Line styles of the two sets and the marker colour, shared by every panel."""
    from .style import OKABE_ITO

    train = {"color": OKABE_ITO["blue"], "linestyle": "-"}
    val = {"color": OKABE_ITO["orange"], "linestyle": "--"}
    return train, val, OKABE_ITO["black"]


def _read_only(values: NDArray) -> NDArray:
    copy = np.array(values, dtype=np.float64)
    copy.setflags(write=False)
    return copy


def _check_epochs(epochs: ArrayLike, n: int) -> NDArray[np.float64]:
    values = as_float_array(epochs, "epochs")
    if len(values) != n:
        raise ValueError(
            f"epochs must give one epoch number per entry of the curves ({n}), got {len(values)}."
        )
    if len(values) > 1 and np.any(np.diff(values) <= 0):
        i = int(np.flatnonzero(np.diff(values) <= 0)[0])
        raise ValueError(
            f"epochs must increase strictly, but entry {i + 2} is {values[i + 1]:g} after "
            f"{values[i]:g}. A restarted run repeats epoch numbers: keep one run (the "
            "loaders of lossacc_helpers.logs keep the last one)."
        )
    return values


@dataclass(frozen=True, eq=False)
class History:
    r"""Loss and, optionally, accuracy of a classifier at the end of each epoch, on two sets.

    The curves of chapter 5 ("Chapter 5: learning curves"): the mean cross-entropy

    .. math::

        \mathrm{CE}_t = -\frac{1}{n}\sum_{i=1}^{n} \ln p^{(t)}_i(y_i)

    and the accuracy of the model with the parameters it has at the end of epoch
    :math:`t`, on the training and on the validation set. Build one with
    :func:`fit_with_history`, with :meth:`from_arrays` from numbers recorded by any
    framework, or with a loader of ``lossacc_helpers.logs``. The arrays are read-only
    copies and the instance is frozen; instances compare by identity (``eq=False``),
    since arrays have no single truth value.

    Parameters
    ----------
    train_loss : array-like of shape (n_epochs,)
        Training loss per epoch, in nats, non-negative. NaN and inf are kept: they mean
        the run diverged, which :func:`~lossacc_helpers.diagnose` reports.
    val_loss : array-like of shape (n_epochs,)
        Validation loss per epoch, in nats, non-negative; NaN and inf as above.
    train_accuracy : array-like of shape (n_epochs,) or None, default=None
        Training accuracy per epoch, in [0, 1]; None when the log has none.
    val_accuracy : array-like of shape (n_epochs,) or None, default=None
        Validation accuracy per epoch, in [0, 1]; None when the log has none.
    epochs : array-like of shape (n_epochs,) or None, default=None
        The epoch number of each entry in the log's own numbering (0-based for Keras and
        Lightning, fractional for Hugging Face evaluations every N steps), strictly
        increasing. None means ``1, 2, ..., n_epochs``.
    n_classes : int or None, default=None
        Number of classes, when known (:func:`fit_with_history` records it); gives
        :func:`~lossacc_helpers.diagnose` the baseline :math:`\ln K`.

    Raises
    ------
    ValueError
        If an array is empty or not 1D, the lengths differ, a loss is negative, an
        accuracy is outside [0, 1] or not finite, or ``epochs`` does not increase.
    TypeError
        If an array is not numeric.

    Examples
    --------
    >>> h = History.from_arrays(
    ...     train_loss=[0.69, 0.40, 0.30, 0.25],
    ...     val_loss=[0.70, 0.45, 0.41, 0.43],
    ...     train_accuracy=[0.50, 0.82, 0.88, 0.90],
    ...     val_accuracy=[0.48, 0.80, 0.84, 0.84],
    ... )
    >>> len(h), h.best_epoch, h.epochs.tolist()
    (4, 3, [1, 2, 3, 4])
    >>> keras = History.from_arrays([0.7, 0.5, 0.4], [0.7, 0.6, 0.65], epochs=[0, 1, 2])
    >>> keras.best_epoch, keras.best_index, keras.has_accuracy
    (1, 1, False)
    """

    train_loss: NDArray[np.float64]
    val_loss: NDArray[np.float64]
    train_accuracy: NDArray[np.float64] | None = None
    val_accuracy: NDArray[np.float64] | None = None
    epoch_numbers: NDArray[np.float64] | None = None
    n_classes: int | None = None

    def __post_init__(self) -> None:
        arrays = {name: as_float_array(getattr(self, name), name, finite=False) for name in _LOSSES}
        for name in _ACCURACIES:
            if getattr(self, name) is not None:
                arrays[name] = as_float_array(getattr(self, name), name)
        check_consistent_length(**arrays)
        for name in _LOSSES:
            if np.any(arrays[name] < 0):
                raise ValueError(
                    f"{name} must hold non-negative losses, found {np.nanmin(arrays[name])!r}."
                )
        for name in _ACCURACIES:
            values = arrays.get(name)
            if values is None:
                continue
            bad = (values < 0) | (values > 1)
            if np.any(bad):
                raise ValueError(
                    f"{name} must hold accuracies in [0, 1], found {values[bad][0]!r}. "
                    "Divide percentages by 100."
                )
        n = len(arrays["train_loss"])
        numbers = np.arange(1, n + 1, dtype=np.float64)
        if self.epoch_numbers is not None:
            numbers = _check_epochs(self.epoch_numbers, n)
        if self.n_classes is not None:
            k = int(check_scalar(self.n_classes, "n_classes", low=2, integer=True))
            object.__setattr__(self, "n_classes", k)
        for name, values in arrays.items():
            object.__setattr__(self, name, _read_only(values))
        object.__setattr__(self, "epoch_numbers", _read_only(numbers))

    @classmethod
    def from_arrays(
        cls,
        train_loss: ArrayLike,
        val_loss: ArrayLike,
        train_accuracy: ArrayLike | None = None,
        val_accuracy: ArrayLike | None = None,
        *,
        epochs: ArrayLike | None = None,
        n_classes: int | None = None,
    ) -> History:
        r"""Build a history from per-epoch sequences, such as a framework's log.

        For example, from a Keras ``History`` object ``h``:
        ``History.from_arrays(h.history["loss"], h.history["val_loss"],
        h.history["accuracy"], h.history["val_accuracy"], epochs=h.epoch)`` (Keras's
        training figures are running averages over the epoch; see
        :func:`fit_with_history`). To read a log file, use
        ``lossacc_helpers.load_log``.

        Parameters
        ----------
        train_loss, val_loss : array-like of shape (n_epochs,)
            Loss per epoch, in nats, non-negative (NaN and inf mark a diverged run).
        train_accuracy, val_accuracy : array-like of shape (n_epochs,), optional
            Accuracy per epoch, in [0, 1].
        epochs : array-like of shape (n_epochs,), optional
            Epoch numbers in the log's own numbering; default ``1 .. n_epochs``.
        n_classes : int, optional
            Number of classes, for the baseline :math:`\ln K`.

        Returns
        -------
        History

        Raises
        ------
        ValueError
            If the lengths differ, on empty, negative-loss or out-of-range accuracy
            values, or epochs that do not increase.
        TypeError
            If a sequence is not numeric.

        Examples
        --------
        >>> History.from_arrays([0.7, 0.5], [0.7, 0.6], [0.5, 0.8], [0.5, 0.7]).best_epoch
        2
        """
        return cls(train_loss, val_loss, train_accuracy, val_accuracy, epochs, n_classes)

    def __len__(self) -> int:
        return len(self.train_loss)

    @property
    def has_accuracy(self) -> bool:
        """Whether the validation accuracy was recorded (the training accuracy may not be)."""
        return self.val_accuracy is not None

    @property
    def epochs(self) -> NDArray:
        """Epoch numbers, ``[1, 2, ..., n_epochs]`` unless the log gave its own.

        Integers (int64) when every number is whole, floats otherwise (Hugging Face
        evaluations at fractional epochs).
        """
        numbers = self.epoch_numbers
        if np.all(numbers == np.round(numbers)):
            return numbers.astype(np.int64)
        return numbers.copy()

    @property
    def best_index(self) -> int:
        """The 0-based position of the lowest raw validation loss; the first one on ties.

        NaN entries are skipped; a curve with no finite value gives 0.
        """
        finite = np.isfinite(self.val_loss)
        if not np.any(finite):
            return 0
        return int(np.argmin(np.where(finite, self.val_loss, np.inf)))

    @property
    def best_epoch(self) -> int | float:
        """The epoch, in :attr:`epochs` numbering, with the lowest raw validation loss.

        The raw (unsmoothed) minimum, the epoch whose weights early stopping keeps; the
        first one on ties. Index the curves with ``best_index``.
        """
        return self.epochs[self.best_index].item()

    def to_dict(self) -> dict[str, list[float] | list[int] | None]:
        """Return the history as a new dict of lists, one entry per epoch.

        Keys: ``"epoch"``, ``"train_loss"``, ``"val_loss"``, ``"train_accuracy"``,
        ``"val_accuracy"`` (None when not recorded); ready for ``json.dumps``.

        Examples
        --------
        >>> History.from_arrays([0.7], [0.8], [0.5], [0.25]).to_dict()["val_accuracy"]
        [0.25]
        """
        return {
            "epoch": self.epochs.tolist(),
            "train_loss": self.train_loss.tolist(),
            "val_loss": self.val_loss.tolist(),
            "train_accuracy": None if self.train_accuracy is None else self.train_accuracy.tolist(),
            "val_accuracy": None if self.val_accuracy is None else self.val_accuracy.tolist(),
        }

    def plot(
        self,
        ax: Sequence[Axes] | None = None,
        *,
        mark_epoch: int | float | None = None,
        mark_label: str | None = None,
    ) -> list[Axes]:
        """Draw loss and accuracy per epoch, training (solid) against validation (dashed).

        Parameters
        ----------
        ax : list of Axes, optional
            Two matplotlib Axes (a list, tuple or array): the loss panel and the
            accuracy panel. By default a new figure with two panels side by side is made
            (``plt.subplots(1, 2)``). Curves that were not recorded are left out; an
            accuracy panel without any curve says so.
        mark_epoch : int or float, optional
            An epoch of :attr:`epochs` to mark with a vertical dotted line on both
            panels, such as :attr:`best_epoch` or the ``start_epoch`` of a diagnosis.
        mark_label : str, optional
            Legend text of the marked epoch; default ``"epoch k"``.

        Returns
        -------
        list of Axes
            The loss panel and the accuracy panel (the ones given, or new ones).

        Raises
        ------
        TypeError
            If ``ax`` is not a sequence of two Axes, or ``mark_epoch`` is not a number.
        ValueError
            If ``ax`` does not hold exactly two Axes, or ``mark_epoch`` is not an epoch
            of the history.

        Examples
        --------
        >>> h = History.from_arrays([0.7, 0.5, 0.4], [0.7, 0.6, 0.65], [0.5, 0.8, 0.9],
        ...                         [0.5, 0.7, 0.7])
        >>> loss_ax, acc_ax = h.plot(mark_epoch=h.best_epoch)
        >>> loss_ax.get_ylabel()
        'cross-entropy (nats)'
        """
        import matplotlib.pyplot as plt

        if ax is None:
            _, axes = plt.subplots(1, 2, figsize=(9.0, 3.6))
            panels = list(axes)
        else:
            panels = _two_axes(ax)
        if mark_epoch is not None:
            integral = bool(np.all(self.epoch_numbers == np.round(self.epoch_numbers)))
            mark_epoch = check_scalar(mark_epoch, "mark_epoch", integer=integral)
            if not np.any(self.epoch_numbers == mark_epoch):
                first, last = self.epochs[0].item(), self.epochs[-1].item()
                raise ValueError(
                    f"mark_epoch must be an epoch of the history, in {first} .. {last}, "
                    f"got {mark_epoch}."
                )
        train_style, val_style, mark_colour = _styles()
        epochs = self.epochs
        series = (
            (panels[0], self.train_loss, self.val_loss, "cross-entropy (nats)", "Loss"),
            (panels[1], self.train_accuracy, self.val_accuracy, "accuracy", "Accuracy"),
        )
        for panel, train, val, ylabel, title in series:
            if train is not None:
                panel.plot(epochs, train, label="training", **train_style)
            if val is not None:
                panel.plot(epochs, val, label="validation", **val_style)
            if train is None and val is None:
                panel.set_xlim(float(epochs[0]), float(epochs[-1]))
                panel.text(
                    0.5, 0.5, "not logged", ha="center", va="center", transform=panel.transAxes
                )
            if mark_epoch is not None:
                panel.axvline(
                    mark_epoch,
                    color=mark_colour,
                    linestyle=":",
                    linewidth=1.5,
                    label=mark_label if mark_label is not None else f"epoch {mark_epoch}",
                )
            panel.set_xlabel("epoch")
            panel.set_ylabel(ylabel)
            panel.set_title(title)
            if panel.get_lines():
                panel.legend()
        return panels


def early_stopping(val_loss: ArrayLike, patience: int = 5) -> tuple[int, int]:
    """Where early stopping on the validation loss stops, and the epoch whose weights it keeps.

    After each epoch the rule looks at the lowest validation loss so far; once
    ``patience`` epochs have passed without a new minimum, training stops and the
    weights of that best epoch are restored (Keras's ``EarlyStopping`` with
    ``restore_best_weights=True`` and ``min_delta=0``). A run that never stops keeps
    its overall best epoch. Ties keep the earliest epoch, as
    :attr:`History.best_epoch` does.

    Parameters
    ----------
    val_loss : array-like of shape (n_epochs,)
        The validation loss after each epoch (epochs counted from 1), finite.
    patience : int, default=5
        Epochs without a new minimum before training stops, at least 1.

    Returns
    -------
    stop : int
        The epoch after which training stops (``n_epochs`` when the rule never fires).
    keep : int
        The epoch of the lowest validation loss up to ``stop``.

    Raises
    ------
    TypeError
        If ``val_loss`` is not numeric or ``patience`` not an integer.
    ValueError
        If ``val_loss`` is empty, not 1D or not finite, or ``patience`` is below 1.

    Examples
    --------
    >>> early_stopping([0.9, 0.6, 0.5, 0.55, 0.6, 0.62, 0.4], patience=3)
    (6, 3)
    >>> early_stopping([0.9, 0.6, 0.5], patience=3)
    (3, 3)
    """
    losses = as_float_array(val_loss, "val_loss")
    wait = int(check_scalar(patience, "patience", low=1, integer=True))
    for epoch in range(1, len(losses) + 1):
        best = int(np.argmin(losses[:epoch])) + 1
        if epoch - best >= wait:
            return epoch, best
    return len(losses), int(np.argmin(losses)) + 1


def _two_axes(ax: object) -> list[Axes]:
    from matplotlib.axes import Axes

    if isinstance(ax, Axes):
        raise TypeError(
            "ax must be a sequence of two Axes (loss panel, accuracy panel), got a single "
            "Axes. Make them with fig, axes = plt.subplots(1, 2)."
        )
    if isinstance(ax, np.ndarray):
        ax = list(ax.ravel())
    if not isinstance(ax, Sequence) or isinstance(ax, str):
        raise TypeError(f"ax must be a sequence of two Axes, got {type(ax).__name__}.")
    if len(ax) != 2:
        raise ValueError(f"ax must hold exactly two Axes (loss, accuracy), got {len(ax)}.")
    for i, panel in enumerate(ax):
        if not isinstance(panel, Axes):
            raise TypeError(f"ax[{i}] must be a matplotlib Axes, got {type(panel).__name__}.")
    return list(ax)


def _check_classes(classes: ArrayLike | None, y_train: NDArray, y_val: NDArray) -> NDArray:
    if classes is None:
        found = np.unique(y_train)
    else:
        found = as_label_array(classes, "classes")
        if len(np.unique(found)) != len(found):
            raise ValueError(f"classes must not repeat a class, got {found.tolist()}.")
        found = np.sort(found)
    if len(found) < 2:
        raise ValueError(
            f"A classifier needs at least two classes; got {found.tolist()}. "
            "Pass every class with classes=... if y_train lacks some."
        )
    for name, y in (("y_train", y_train), ("y_val", y_val)):
        unknown = ~np.isin(y, found)
        if np.any(unknown):
            raise ValueError(
                f"{name} contains labels not in classes: {np.unique(y[unknown]).tolist()}; "
                f"classes are {found.tolist()}. Pass every class with classes=..."
            )
    return found


def _check_estimator(estimator: object) -> None:
    if isinstance(estimator, type):
        raise TypeError(
            f"estimator must be an instance, got the class {estimator.__name__}; "
            f"call it: {estimator.__name__}()."
        )
    name = type(estimator).__name__
    if not callable(getattr(estimator, "partial_fit", None)):
        raise TypeError(
            f"estimator {name} has no partial_fit method, so it cannot be trained epoch by "
            "epoch. Use an incremental classifier such as MLPClassifier or "
            "SGDClassifier(loss='log_loss')."
        )
    if not hasattr(estimator, "predict_proba"):
        raise TypeError(
            f"estimator {name} has no predict_proba, so its cross-entropy cannot be measured. "
            "Use a probabilistic model (for SGDClassifier: loss='log_loss' or "
            "loss='modified_huber')."
        )
    params = estimator.get_params() if callable(getattr(estimator, "get_params", None)) else {}
    if "random_state" in params and params["random_state"] is None:
        warnings.warn(
            f"{name}.random_state is None, so its initial parameters (and the history) "
            "change from run to run. Set random_state=<int> for a reproducible history.",
            UserWarning,
            stacklevel=3,
        )


def fit_with_history(
    estimator: Any,
    X_train: ArrayLike,
    y_train: ArrayLike,
    X_val: ArrayLike,
    y_val: ArrayLike,
    *,
    epochs: int,
    classes: ArrayLike | None = None,
    batch_size: int | None = None,
    shuffle: bool = True,
    random_state: int | None = 0,
) -> History:
    r"""Train a classifier epoch by epoch and record loss and accuracy after each epoch.

    Each epoch is one pass over the training set: one ``partial_fit`` call per
    mini-batch of ``batch_size`` samples, or one call on the whole set when
    ``batch_size`` is None, in an order shuffled by a seeded
    :class:`numpy.random.Generator`. After the last batch of epoch :math:`t` the model,
    with its parameters :math:`\theta_t`, is measured on the *full* training and
    validation sets:

    .. math::

        \mathrm{CE}_t = -\frac{1}{n}\sum_{i=1}^{n} \ln p_{\theta_t}(y_i \mid x_i),
        \qquad
        \mathrm{acc}_t = \frac{1}{n}\sum_{i=1}^{n}
            \big[\operatorname{arg\,max}_k p_{\theta_t}(k \mid x_i) = y_i\big],

    with :func:`cross_entropy` and
    :func:`accuracy`. Taught in chapter 5 ("Chapter 5:
    learning curves").

    Both curves thus describe the same parameters :math:`\theta_t`, and the training
    curve is directly comparable with the validation curve. That is not the case for
    the figures some frameworks print during training: Keras reports, as the training
    loss of an epoch, the running mean of the mini-batch losses over that epoch (and
    scikit-learn's ``MLPClassifier.loss_curve_`` is such a mean too, with the L2 penalty
    added). Each batch is scored with the parameters of its moment, so the mean mixes
    parameter states and describes the model about half an epoch earlier than the
    validation loss, which is measured at the end; early in training, when the loss falls
    fast, the training figure then sits above the validation figure for that reason
    alone. Here every figure is a pure cross-entropy on a full set at the end of the
    epoch; the cost is one extra pass of ``predict_proba`` over both sets per epoch.

    Parameters
    ----------
    estimator : object
        A scikit-learn classifier instance with ``partial_fit`` and ``predict_proba``
        (``MLPClassifier``, ``SGDClassifier(loss="log_loss")``, ``MultinomialNB``, ...).
        It is trained **in place**; pass ``sklearn.base.clone(estimator)`` to keep the
        original. A fitted estimator continues from its current state. For
        ``MLPClassifier`` keep ``batch_size="auto"`` so each mini-batch here is one
        gradient step.
    X_train : array-like of shape (n_train, n_features)
        Training inputs.
    y_train : array-like of shape (n_train,)
        Training labels.
    X_val : array-like of shape (n_val, n_features)
        Validation inputs.
    y_val : array-like of shape (n_val,)
        Validation labels.
    epochs : int
        Number of epochs, at least 1.
    classes : array-like of shape (n_classes,), optional
        Every class, as ``partial_fit`` needs them on its first call. Default: the
        classes found in ``y_train``; ``y_val`` may only hold those.
    batch_size : int, optional
        Mini-batch size, at least 1; a size at or above ``n_train`` gives one batch per
        epoch. Default: one ``partial_fit`` call on the whole training set per epoch.
    shuffle : bool, default=True
        Whether to visit the training samples in a new random order every epoch.
    random_state : int or None, default=0
        Seed of the generator that shuffles. The history is deterministic when this and
        the estimator's own ``random_state`` (initial weights) are fixed.

    Returns
    -------
    History
        Training and validation cross-entropy (nats) and accuracy, one value per epoch.

    Raises
    ------
    TypeError
        If ``estimator`` has no ``partial_fit`` or no ``predict_proba``, or an argument
        has the wrong type (``epochs`` not an integer, non-numeric ``X``, ...).
    ValueError
        If ``epochs`` or ``batch_size`` is below 1, ``X`` and ``y`` lengths differ, the
        two sets have different numbers of features, a set is empty or holds NaN, or
        ``y_val`` holds a class that is not in ``classes``.

    Warns
    -----
    UserWarning
        If the estimator's ``random_state`` is None (the history is then not
        reproducible).

    Examples
    --------
    >>> from sklearn.datasets import make_classification
    >>> from sklearn.linear_model import SGDClassifier
    >>> X, y = make_classification(n_samples=120, n_features=5, random_state=0)
    >>> model = SGDClassifier(loss="log_loss", random_state=0)
    >>> history = fit_with_history(model, X[:80], y[:80], X[80:], y[80:], epochs=4,
    ...                            batch_size=16)
    >>> history.epochs.tolist()
    [1, 2, 3, 4]
    >>> bool(history.val_accuracy[-1] > 0.5)
    True
    """
    _check_estimator(estimator)
    n_epochs = int(check_scalar(epochs, "epochs", low=1, integer=True))
    if batch_size is not None:
        batch_size = int(check_scalar(batch_size, "batch_size", low=1, integer=True))
    if not isinstance(shuffle, bool | np.bool_):
        raise TypeError(f"shuffle must be True or False, got {type(shuffle).__name__}.")
    Xt = as_float_array(X_train, "X_train", ndim=2)
    Xv = as_float_array(X_val, "X_val", ndim=2)
    yt = as_label_array(y_train, "y_train")
    yv = as_label_array(y_val, "y_val")
    check_consistent_length(X_train=Xt, y_train=yt)
    check_consistent_length(X_val=Xv, y_val=yv)
    if Xt.shape[1] != Xv.shape[1]:
        raise ValueError(
            f"X_train has {Xt.shape[1]} features but X_val has {Xv.shape[1]}; "
            "both sets must have the same columns."
        )
    all_classes = _check_classes(classes, yt, yv)

    rng = np.random.default_rng(random_state)
    n_train = len(yt)
    step = n_train if batch_size is None else min(batch_size, n_train)
    curves: dict[str, list[float]] = {
        "train_loss": [],
        "val_loss": [],
        "train_accuracy": [],
        "val_accuracy": [],
    }
    for _ in range(n_epochs):
        order = rng.permutation(n_train) if shuffle else np.arange(n_train)
        for start in range(0, n_train, step):
            batch = order[start : start + step]
            estimator.partial_fit(Xt[batch], yt[batch], classes=all_classes)
        for prefix, X, y in (("train", Xt, yt), ("val", Xv, yv)):
            proba = estimator.predict_proba(X)
            model_classes = np.asarray(estimator.classes_)
            curves[f"{prefix}_loss"].append(cross_entropy(y, proba, labels=model_classes))
            predicted = model_classes[np.argmax(proba, axis=1)]
            curves[f"{prefix}_accuracy"].append(accuracy(y, predicted))
    return History.from_arrays(**curves, n_classes=len(all_classes))


def fit_recording_proba(
    estimator: Any,
    X_train: ArrayLike,
    y_train: ArrayLike,
    X_val: ArrayLike,
    y_val: ArrayLike,
    *,
    epochs: int,
    X_record: ArrayLike | None = None,
    classes: ArrayLike | None = None,
    random_state: int = 0,
) -> tuple[History, NDArray[np.float64]]:
    r"""Train epoch by epoch as :func:`fit_with_history` does, keeping every epoch's proba.

    Calls :func:`fit_with_history` once per epoch (``epochs=1``, one ``partial_fit`` on
    the whole training set, shuffled with the seed ``random_state + t`` in epoch
    :math:`t = 0, 1, \dots`), and after each epoch stores ``predict_proba(X_record)``, so
    that *which* predictions make the loss of a later epoch can be read afterwards
    (chapter 6). The curves are those :func:`fit_with_history` records; training the
    same fresh estimator again for fewer epochs replays the first epochs exactly.

    Parameters
    ----------
    estimator : object
        A classifier with ``partial_fit`` and ``predict_proba``, trained in place from
        the state it is in, as in :func:`fit_with_history`.
    X_train, y_train : array-like
        Training inputs and labels.
    X_val, y_val : array-like
        Validation inputs and labels, measured after every epoch.
    epochs : int
        Number of epochs, at least 1.
    X_record : array-like of shape (n_record, n_features), optional
        The inputs whose probabilities are kept; by default ``X_val``.
    classes : array-like of shape (n_classes,), optional
        Every class, as in :func:`fit_with_history`.
    random_state : int, default=0
        Seed of the first epoch's shuffle; epoch :math:`t` uses ``random_state + t``.

    Returns
    -------
    history : History
        The four curves, one value per epoch.
    proba : ndarray of shape (epochs, n_record, n_classes)
        ``predict_proba(X_record)`` after every epoch.

    Raises
    ------
    TypeError, ValueError
        As :func:`fit_with_history`; also when ``X_record`` is not a 2D array of numbers
        with the columns of ``X_train``, or ``random_state`` is not an integer.

    Examples
    --------
    >>> from sklearn.datasets import make_classification
    >>> from sklearn.linear_model import SGDClassifier
    >>> X, y = make_classification(n_samples=120, n_features=5, random_state=0)
    >>> model = SGDClassifier(loss="log_loss", random_state=0)
    >>> history, proba = fit_recording_proba(model, X[:80], y[:80], X[80:], y[80:],
    ...                                      epochs=3)
    >>> proba.shape
    (3, 40, 2)
    >>> bool(np.isclose(history.val_loss[-1], cross_entropy(y[80:], proba[-1])))
    True
    """
    n_epochs = int(check_scalar(epochs, "epochs", low=1, integer=True))
    seed = int(check_scalar(random_state, "random_state", integer=True))
    n_features = as_float_array(X_train, "X_train", ndim=2).shape[1]
    if X_record is None:
        X_record = X_val
    record = as_float_array(X_record, "X_record", ndim=2)
    if record.shape[1] != n_features:
        raise ValueError(
            f"X_record has {record.shape[1]} features but X_train has {n_features}; "
            "the recorded inputs must have the training columns."
        )
    parts, proba = [], []
    for epoch in range(n_epochs):
        part = fit_with_history(
            estimator,
            X_train,
            y_train,
            X_val,
            y_val,
            epochs=1,
            classes=classes,
            random_state=seed + epoch,
        )
        parts.append(part)
        proba.append(estimator.predict_proba(record))
    curves = {k: np.concatenate([getattr(p, k) for p in parts]) for k in (*_LOSSES, *_ACCURACIES)}
    return History.from_arrays(**curves, n_classes=parts[0].n_classes), np.stack(proba)
