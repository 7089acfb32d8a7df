// Typesets TeX for the static_math Sphinx extension (static_math.py), with MathJax 3 in Node.
//
// Protocol: one JSON object per line on stdin, one JSON answer per line on stdout.
//   {"tex": "...", "display": true|false}  ->  {"html": "<mjx-container ...>"} or {"error": "..."}
//   {"css": true}                           ->  {"css": "..."} (CHTML rules for every glyph typeset so far)
// Usage: node static_math.js MATHJAX_ES5_DIR FONT_URL
"use strict";

const path = require("path");
const readline = require("readline");

const [mathjaxDir, fontURL] = process.argv.slice(2);
if (!mathjaxDir || !fontURL) {
  process.stderr.write("usage: node static_math.js MATHJAX_ES5_DIR FONT_URL\n");
  process.exit(2);
}

global.MathJax = {
  loader: {
    paths: { mathjax: path.resolve(mathjaxDir) },
    load: ["adaptors/liteDOM", "input/tex-full", "output/chtml", "a11y/assistive-mml"],
    require: require,
  },
  tex: {
    // An unknown macro is an error (the browser build would show it in red): the
    // extension turns it into a Sphinx warning, which fails the strict build.
    packages: { "[-]": ["noundefined", "autoload", "require"] },
    formatError: (jax, error) => {
      throw error;
    },
  },
  chtml: { fontURL: fontURL },
  startup: { typeset: false },
};
require(path.join(path.resolve(mathjaxDir), "startup.js"));

MathJax.startup.promise.then(() => {
  const adaptor = MathJax.startup.adaptor;
  const answer = (value) => process.stdout.write(JSON.stringify(value) + "\n");
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  lines.on("line", (line) => {
    const request = JSON.parse(line);
    if (request.css) {
      answer({ css: adaptor.textContent(MathJax.chtmlStylesheet()) });
      return;
    }
    try {
      const node = MathJax.tex2chtml(request.tex, { display: request.display });
      // A wide display formula scrolls inside its box (custom.css): a keyboard must reach it.
      if (request.display) adaptor.setAttribute(node, "tabindex", "0");
      answer({ html: adaptor.outerHTML(node) });
    } catch (error) {
      answer({ error: String(error.message || error) });
    }
  });
});
