"""Self-check questions: a ``{question}`` directive and the markup ``_static/questions.js`` runs.

In a chapter (MyST markdown), as a colon fence (a backtick fence cannot hold a glue role
in its first line)::

    :::{question} A prediction gives the true class 0.25. What does it add to the loss?
    :label: q-ch1-quarter

    ( ) 0.25 nats
    > The loss is minus the logarithm of the probability, not the probability.
    (x) {glue:text}`ln4:.3f` nats
    > Right: -ln 0.25 = ln 4.
    :::

``( )`` starts a wrong choice, ``(x)`` a right one, and the ``>`` lines after a choice are
its feedback (every choice needs some: a reader who picks it learns why). A numeric
question has one ``= answer`` line instead, whose value may be glued, with ``>`` lines
shown when the reader's answer is right and ``!`` lines when it is not; a reader's
number counts as right within half a unit of the answer's last shown digit, or within
``:tolerance:``. Lines indented by two spaces continue the line above. Choices,
feedback and answers are parsed as MyST, so glued numbers work anywhere in them.

Without JavaScript (and in print) the question shows as a list of its choices; with it,
each choice is a button that reveals its feedback. ``tools/list_questions.py`` (``make
questions``) lists every question of the book with its answers, for a teacher.
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

_LABEL = re.compile(r"^q-[a-z0-9]+(?:-[a-z0-9]+)*$")
_ITEM = re.compile(r"^(\( \)|\(x\)|=|>|!)\s+(.*)$")
_OPTION = re.compile(r"^:([a-z-]+):\s*(.*)$")
#: A whole question in a markdown cell's source (backtick or colon fence); group 2 is the
#: prompt, group 3 the body. The teacher's list and the student version read it.
QUESTION_BLOCK = re.compile(r"^(`{3,}|:{3,})\{question\}\s*(.*?)\n(.*?)^\1\s*$", re.M | re.S)


def split_block(body: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Split a question's body (as :data:`QUESTION_BLOCK` finds it) into options and items."""
    options = {m.group(1): m.group(2) for m in map(_OPTION.match, body.splitlines()) if m}
    return options, parse_items([line for line in body.splitlines() if not _OPTION.match(line)])


def parse_items(lines: list[str]) -> list[tuple[str, str]]:
    """Split a question's body into ``(marker, text)`` items; indented lines continue.

    Markers: ``( )`` wrong choice, ``(x)`` right choice, ``=`` numeric answer, ``>``
    feedback (of the choice above, or when a numeric answer is right), ``!`` feedback
    when a numeric answer is wrong. Raises ``ValueError`` on any other line.
    """
    items: list[tuple[str, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if line.startswith("  ") and items:
            marker, text = items[-1]
            items[-1] = (marker, text + " " + line.strip())
            continue
        match = _ITEM.match(line)
        if match is None:
            raise ValueError(
                f"line {number} of the question, {line!r}, starts with none of '( )', "
                "'(x)', '=', '>', '!' (indent a continuation by two spaces)"
            )
        items.append((match.group(1), match.group(2)))
    return items


def check_items(items: list[tuple[str, str]]) -> str:
    """Return the question's kind (``choice`` or ``numeric``); raise ``ValueError`` if malformed."""
    markers = [m for m, _ in items]
    if "=" in markers:
        if markers.count("=") != 1 or any(m in ("( )", "(x)") for m in markers):
            raise ValueError("a numeric question has one '=' answer line and no choices")
        if ">" not in markers or "!" not in markers:
            raise ValueError(
                "a numeric question needs '>' feedback (when right) and '!' (when wrong)"
            )
        return "numeric"
    if "!" in markers:
        raise ValueError("'!' feedback belongs to a numeric question")
    choices = [i for i, m in enumerate(markers) if m in ("( )", "(x)")]
    if len(choices) < 2 or "(x)" not in markers:
        raise ValueError("a choice question needs two or more choices, one or more marked (x)")
    if markers[0] not in ("( )", "(x)"):
        raise ValueError("feedback ('>') must follow a choice")
    for index in choices:
        if index + 1 >= len(markers) or markers[index + 1] != ">":
            raise ValueError(f"choice {items[index][1]!r} has no '>' feedback after it")
    return "choice"


class QuestionDirective(SphinxDirective):
    """A self-check question with feedback for every answer (see the module's description)."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {"label": directives.unchanged_required, "tolerance": directives.unchanged}

    def _parse(self, text: str, container: nodes.Element) -> None:
        self.state.nested_parse(StringList([text], self.get_source_info()[0]), 0, container)

    def run(self) -> list[nodes.Node]:
        """Build the question's nodes; an ill-formed question is a build error."""
        label = self.options.get("label", "")
        if not _LABEL.match(label):
            raise self.error(
                f"a question needs a :label: like 'q-ch1-quarter' (q-, lower-case words "
                f"joined by hyphens); got {label!r}"
            )
        try:
            items = parse_items(list(self.content))
            kind = check_items(items)
        except ValueError as error:
            raise self.error(f"question {label}: {error}") from None

        root = nodes.container(classes=["lossacc-question", f"lossacc-question-{kind}"])
        root["ids"].append(label)
        self.env.get_domain("std").anonlabels[label] = (self.env.docname, label)
        if "tolerance" in self.options:
            tolerance = self.options["tolerance"].replace(".", "_")
            root["classes"].append("lossacc-tolerance-" + tolerance)
        heading = nodes.paragraph(classes=["lossacc-question-heading"])
        heading += nodes.strong(text="Check yourself")
        root += heading
        prompt = nodes.container(classes=["lossacc-question-prompt"])
        self._parse(self.arguments[0], prompt)
        root += prompt

        body = nodes.container(classes=["lossacc-question-body"])
        root += body
        for marker, text in items:
            if marker in ("( )", "(x)"):
                choice = nodes.container(classes=["lossacc-choice"])
                if marker == "(x)":
                    choice["classes"].append("lossacc-right")
                self._parse(text, choice)
                body += choice
            elif marker == "=":
                answer = nodes.container(classes=["lossacc-answer"])
                self._parse(text, answer)
                body += answer
            else:  # feedback: of the choice above, or of a numeric answer
                feedback = nodes.container(
                    classes=["lossacc-feedback", "lossacc-wrong" if marker == "!" else "lossacc-ok"]
                )
                self._parse(text, feedback)
                target = body.children[-1] if kind == "choice" else body
                target += feedback
        return [root]


def setup(app: Sphinx) -> dict[str, bool]:
    """Register the ``question`` directive."""
    app.add_directive("question", QuestionDirective)
    # _static/questions.js is on every page already: Jupyter Book adds every script of
    # _static to every page.
    return {"parallel_read_safe": True, "parallel_write_safe": True}
