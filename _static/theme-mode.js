// The book theme reads the colour mode from localStorage and falls back to an empty
// string, which it then reports as an error ("Got invalid theme mode: .") on a reader's
// first visit. Fall back to "auto" (follow the system setting) instead. This script is
// loaded in <head>, before the theme's deferred script reads the mode.
if (!document.documentElement.dataset.mode) {
  document.documentElement.dataset.mode = "auto";
}
