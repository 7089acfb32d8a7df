// Self-check questions (_ext/questions.py): each choice becomes a button that shows its
// feedback; a numeric question gets an input and a Check button. Every answer a reader
// can give gets an explanation. Works by keyboard (native buttons and inputs); the
// result is announced (aria-live).
document.addEventListener("DOMContentLoaded", () => {
  let count = 0;
  for (const question of document.querySelectorAll(".lossacc-question")) {
    count += 1;
    const id = question.id || `question-${count}`;
    const result = document.createElement("p");
    result.className = "lossacc-question-result";
    result.setAttribute("aria-live", "polite");
    question.append(result);
    for (const feedback of question.querySelectorAll(".lossacc-feedback")) {
      feedback.hidden = true;
    }

    if (question.classList.contains("lossacc-question-choice")) {
      const choices = [...question.querySelectorAll(".lossacc-choice")];
      const group = document.createElement("div");
      group.className = "lossacc-choices";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Answers");
      choices[0].before(group);
      for (const choice of choices) {
        const feedback = choice.querySelector(".lossacc-feedback");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "lossacc-choice-button";
        button.setAttribute("aria-pressed", "false");
        // The choice's own text (its paragraphs), without the feedback.
        for (const part of [...choice.childNodes]) {
          if (part !== feedback) button.append(part);
        }
        choice.prepend(button);
        group.append(choice);
        button.addEventListener("click", () => {
          for (const other of choices) {
            other.querySelector(".lossacc-choice-button").setAttribute("aria-pressed", "false");
            other.querySelector(".lossacc-feedback").hidden = true;
            other.classList.remove("lossacc-picked");
          }
          button.setAttribute("aria-pressed", "true");
          choice.classList.add("lossacc-picked");
          feedback.hidden = false;
          const right = choice.classList.contains("lossacc-right");
          question.dataset.answered = right ? "right" : "wrong";
          result.textContent = right ? "Right." : "Not quite: see why below your choice.";
        });
      }
    } else {
      const answer = question.querySelector(".lossacc-answer");
      answer.hidden = true;
      const shown = answer.textContent.trim();
      const title = document.createElement("strong");
      title.textContent = "Answer: ";
      answer.firstElementChild?.prepend(title);
      const value = Number.parseFloat(shown.replace(/[^0-9eE+\-.]/g, " ").trim().split(/\s+/)[0]);
      const decimals = (shown.match(/\.(\d+)/) || ["", ""])[1].length;
      const tolerance = [...question.classList]
        .filter((c) => c.startsWith("lossacc-tolerance-"))
        .map((c) => Number(c.slice("lossacc-tolerance-".length).replace("_", ".")))[0];
      const within = tolerance ?? 0.5 * 10 ** -decimals;
      const form = document.createElement("form");
      form.className = "lossacc-numeric";
      const label = document.createElement("label");
      label.htmlFor = `${id}-input`;
      label.textContent = "Your answer";
      const input = document.createElement("input");
      input.id = `${id}-input`;
      input.type = "text";
      input.inputMode = "decimal";
      input.autocomplete = "off";
      const check = document.createElement("button");
      check.type = "submit";
      check.textContent = "Check";
      form.append(label, input, check);
      answer.before(form);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const given = Number.parseFloat(input.value.replace(",", "."));
        const right = Number.isFinite(given) && Math.abs(given - value) <= within + 1e-12;
        question.dataset.answered = right ? "right" : "wrong";
        for (const feedback of question.querySelectorAll(".lossacc-feedback")) {
          feedback.hidden = feedback.classList.contains("lossacc-ok") !== right;
        }
        answer.hidden = !right;
        result.textContent = right ? "Right." : "Not quite: try again, or read the hint below.";
      });
    }
  }
});
