// Keyboard readers: when a sidebar dialog (chapter list or "On this page") closes, focus
// goes back to the button that opened it. The book theme blurs its buttons on click (to
// hide their tooltips) before the PyData theme records which element to refocus, so
// without this the focus falls back to the top of the page.
document.addEventListener("DOMContentLoaded", () => {
  for (const [dialog, button] of [
    ["#pst-primary-sidebar-modal", ".primary-toggle"],
    ["#pst-secondary-sidebar-modal", ".secondary-toggle"],
  ]) {
    const modal = document.querySelector(dialog);
    const toggle = document.querySelector(button);
    if (modal && toggle) {
      modal.addEventListener("close", () => toggle.focus());
    }
  }
});
