// Explorable figures (lossacc_helpers/explorables.py): each <figure class="lossacc-explorable">
// holds a Vega-Lite spec whose data the chapter's notebook computed. When a reader scrolls
// near one (or prints the page), this script loads the Vega builds the site serves from
// _extra/vega (never a CDN), draws the chart, adds a labelled slider (and a picker) and
// fills the readout table with the values of the row nearest the slider. It only looks
// values up: every number comes from the notebook's stored output.
document.addEventListener("DOMContentLoaded", () => {
  const figures = [...document.querySelectorAll("figure.lossacc-explorable")];
  if (!figures.length) return;
  const root = document.documentElement.dataset.content_root || "";
  const builds = ["vega/vega.min.js", "vega/vega-lite.min.js", "vega/vega-embed.min.js"];
  let loading = null;

  function loadVega() {
    if (!loading) {
      loading = builds.reduce(
        (previous, src) =>
          previous.then(
            () =>
              new Promise((done, fail) => {
                const script = document.createElement("script");
                script.src = root + src;
                script.onload = done;
                script.onerror = () => fail(new Error("could not load " + src));
                document.head.append(script);
              }),
          ),
        Promise.resolve(),
      );
    }
    return loading;
  }

  // The five formats of lossacc_helpers.explorables.format_readout.
  function format(value, spec) {
    if (spec === "s") return String(value);
    if (spec === "d") {
      const x = Number(value);
      return String(Math.sign(x) * Math.floor(Math.abs(x) + 0.5));
    }
    const digits = Number(spec[1]);
    if (spec[2] === "e") return Number(value).toExponential(digits).replace("e+", "e");
    const percent = spec[2] === "%";
    const x = Number(value) * (percent ? 100 : 1);
    const scale = 10 ** digits;
    const rounded = (Math.sign(x) * Math.floor(Math.abs(x) * scale + 0.5)) / scale;
    return rounded.toFixed(digits) + (percent ? "%" : "");
  }

  function nearestRow(rows, meta, at, pick) {
    let best = null;
    for (const row of rows) {
      if (meta.group && row[meta.group.field] !== pick) continue;
      const distance = Math.abs(row[meta.slider.field] - at);
      if (best === null || distance < best.distance) best = { row, distance };
    }
    return best && best.row;
  }

  function control(id, label, input) {
    const wrapper = document.createElement("div");
    wrapper.className = "lossacc-explorable-control";
    const text = document.createElement("label");
    text.htmlFor = id;
    text.textContent = label;
    input.id = id;
    wrapper.append(text, input);
    return wrapper;
  }

  function build(figure) {
    if (figure.dataset.state) return figure.ready;
    figure.dataset.state = "loading";
    const spec = JSON.parse(figure.querySelector("script.lossacc-explorable-spec").textContent);
    const meta = spec.usermeta.lossacc;
    const rows = spec.data.values;
    const name = figure.dataset.explorable;
    const view = figure.querySelector(".lossacc-explorable-view");
    const readout = figure.querySelector(".lossacc-explorable-readout");
    const controls = document.createElement("div");
    controls.className = "lossacc-explorable-controls";
    figure.insertBefore(controls, readout);

    // The slider steps through the rows themselves (the values of the slider's column in
    // the picked group), so every position shows a row the notebook computed.
    const s = meta.slider;
    const valuesOf = (pick) =>
      [...new Set(rows.filter((r) => !meta.group || r[meta.group.field] === pick).map((r) => r[s.field]))]
        .sort((a, b) => a - b);
    const nearestIndex = (values, v) =>
      values.reduce((best, x, i) => (Math.abs(x - v) < Math.abs(values[best] - v) ? i : best), 0);
    let values = valuesOf(meta.group ? meta.group.default : null);
    const slider = document.createElement("input");
    slider.type = "range";
    slider.min = "0";
    slider.step = "1";
    slider.max = String(values.length - 1);
    slider.value = String(nearestIndex(values, s.initial));
    controls.append(control(`explorable-${name}-slider`, s.label, slider));

    let picker = null;
    if (meta.group) {
      picker = document.createElement("select");
      for (const option of meta.group.options) {
        const item = document.createElement("option");
        item.value = item.textContent = option;
        picker.append(item);
      }
      picker.value = meta.group.default;
      controls.append(control(`explorable-${name}-picker`, meta.group.label, picker));
    }

    const table = document.createElement("table");
    table.className = "lossacc-explorable-table";
    readout.append(table);

    function current() {
      return values[Number(slider.value)];
    }

    function show(chart) {
      const at = current();
      const pick = picker ? picker.value : null;
      const row = nearestRow(rows, meta, at, pick);
      const cells = [[s.label, format(row[s.field], s.format)]];
      for (const r of meta.readouts) cells.push([r.label, format(row[r.field], r.format)]);
      table.replaceChildren(
        ...cells.map(([label, value]) => {
          const tr = document.createElement("tr");
          const th = document.createElement("th");
          th.scope = "row";
          th.textContent = label;
          const td = document.createElement("td");
          td.textContent = value;
          tr.append(th, td);
          return tr;
        }),
      );
      slider.setAttribute("aria-valuetext", format(row[s.field], s.format));
      figure.dataset.at = String(row[s.field]);
      if (chart) {
        chart.signal("at", row[s.field]);
        if (picker) chart.signal("pick", pick);
        return chart.runAsync();
      }
      return Promise.resolve();
    }

    show(null);
    figure.ready = loadVega()
      .then(() =>
        window.vegaEmbed(view, spec, { actions: false, renderer: "svg", tooltip: false }),
      )
      .then((result) => {
        const chart = result.view;
        figure.chart = chart;
        const update = () => show(chart);
        slider.addEventListener("input", update);
        if (picker) {
          picker.addEventListener("change", () => {
            const at = current();
            values = valuesOf(picker.value);
            slider.max = String(values.length - 1);
            slider.value = String(nearestIndex(values, at));
            update();
          });
        }
        return show(chart);
      })
      .then(() => {
        figure.dataset.state = "ready";
      })
      .catch((error) => {
        figure.dataset.state = "failed";
        console.error("explorable", name, error);
      });
    return figure.ready;
  }

  if ("IntersectionObserver" in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            build(entry.target);
          }
        }
      },
      { rootMargin: "600px 0px" },
    );
    figures.forEach((figure) => observer.observe(figure));
  } else {
    figures.forEach(build);
  }
  // Print (and the PDF, printed by Chromium) shows every explorable as drawn.
  window.addEventListener("beforeprint", () => figures.forEach(build));
  // Drawing them all at once: for print, the PDF and the accessibility checks.
  window.lossaccExplorables = { build, figures };
});
