package dev.m1go.report;

/** The inline style sheet and script of {@code report.html} (the page loads nothing from elsewhere). */
final class HtmlAssets {

    private HtmlAssets() {}

    static final String STYLE = """
            :root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#f6f8fa;
              font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            body { margin:0; color:var(--fg); background:#fff; font-size:14px; line-height:1.45; }
            header { padding:18px 28px 10px; border-bottom:1px solid var(--line); background:var(--bg); }
            h1 { margin:0 0 2px; font-size:22px; } h2 { font-size:17px; margin:22px 0 8px; }
            .meta { margin:0; color:var(--muted); font-size:12px; }
            main { padding:4px 28px 28px; } footer { padding:12px 28px; color:var(--muted); font-size:12px; }
            code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
              font-size:12px; }
            .summary { margin:10px 0 4px; }
            .badge { display:inline-block; padding:1px 8px; border-radius:10px; margin-left:6px; font-size:12px;
              background:#e6eaef; }
            .badge.v-EXPECTED { background:#dafbe1; } .badge.v-UNEXPECTED { background:#ffd8d3; }
            .badge.v-FLAKY { background:#fff1c2; } .badge.v-SKIPPED { background:#eaeef2; }
            .hosts dl { display:grid; grid-template-columns:max-content 1fr; gap:4px 14px; margin:0; }
            .hosts dt { font-weight:600; } .hosts dd { margin:0; color:var(--muted); }
            .note { margin:6px 0; padding:6px 10px; border-left:3px solid #9a6700; background:#fff8c5; }
            .filters { position:sticky; top:0; z-index:2; display:flex; flex-wrap:wrap; gap:14px; align-items:center;
              padding:10px 12px; margin:14px 0 4px; background:#fff; border:1px solid var(--line); border-radius:6px; }
            .filters select { font:inherit; padding:2px 4px; }
            .shown { color:var(--muted); margin-left:auto; }
            .desc { margin:0 0 8px; color:var(--muted); } .expect { color:var(--fg); font-weight:600; }
            .scroll { overflow-x:auto; }
            table.grid { border-collapse:separate; border-spacing:4px; }
            table.grid th { font-size:12px; font-weight:600; color:var(--muted); text-align:left; padding:2px 6px;
              white-space:nowrap; }
            table.grid tbody th { color:var(--fg); vertical-align:top; padding-top:8px; }
            table.grid td { vertical-align:top; padding:0; min-width:150px; }
            .cell { padding:6px 8px; border-radius:6px; border:2px solid transparent; font-size:12.5px;
              white-space:nowrap; }
            .cell details > summary { cursor:pointer; list-style-position:inside; }
            .cell pre { white-space:pre-wrap; overflow-wrap:anywhere; }
            .cell pre.crash { max-width:min(70ch, 85vw); max-height:360px;
              overflow:auto; background:#fff; border:1px solid var(--line); border-radius:4px; padding:6px;
              margin:6px 0 0; }
            .cell .sig, .cell .cframes, .cell .logs, .cell .tests { white-space:normal; overflow-wrap:anywhere;
              max-width:min(70ch, 85vw); margin:6px 0 0; font-size:12px; }
            .cell:target { outline:3px solid #0969da; outline-offset:2px; }
            .cell .reason { white-space:normal; color:var(--muted); font-size:11px; max-width:34ch; }
            .sym { font-size:14px; }
            .o-PASS { background:#dafbe1; }
            .o-BUILD_ERROR, .o-LINK_ERROR, .o-LINK_ARCH_MISMATCH, .o-EXEC_REFUSED { background:#ffe7c2; }
            .o-CGO_SIGNAL, .o-GO_SIGNAL, .o-CGO_CHECK, .o-GO_PANIC, .o-GO_FATAL, .o-KILLED, .o-EXIT_NONZERO
              { background:#ffe0e6; }
            .o-EMULATOR_FAULT { background:#eadcff; } .o-TIMEOUT { background:#fff1c2; }
            .o-SKIPPED { background:#eef1f4; color:var(--muted); }
            .cell.v-UNEXPECTED { border-color:#cf222e; box-shadow:0 0 0 1px #cf222e inset; }
            .cell.v-FLAKY { border-color:#bf8700; border-style:dashed; }
            .flag { color:#cf222e; font-weight:600; } .v-FLAKY .flag { color:#9a6700; }
            .change { font-weight:600; } .rate { color:var(--muted); font-size:11px; }
            .answers ul { margin:4px 0; padding-left:20px; }
            .cell.filtered { display:none; }
            table.list { border-collapse:collapse; width:100%; }
            table.list th, table.list td { border-bottom:1px solid var(--line); text-align:left; padding:6px 8px;
              vertical-align:top; }
            table.list th { font-size:12px; color:var(--muted); } .num { text-align:right; }
            .pill { display:inline-block; padding:1px 8px; border-radius:10px; font-weight:600; font-size:12px; }
            """;

    static final String SCRIPT = """
            (function () {
              var selects = Array.prototype.slice.call(document.querySelectorAll('.filters select'));
              var cells = Array.prototype.slice.call(document.querySelectorAll('.cell'));
              var shown = document.getElementById('shown');
              function apply() {
                var n = 0;
                cells.forEach(function (cell) {
                  var ok = selects.every(function (s) { return !s.value || cell.dataset[s.dataset.key] === s.value; });
                  cell.classList.toggle('filtered', !ok);
                  if (ok) { n++; }
                });
                shown.textContent = n + ' of ' + cells.length + ' cells shown';
              }
              selects.forEach(function (s) { s.addEventListener('change', apply); });
              apply();
              // A link from the regressions opens its cell's crash text, and shows it even if a filter hid it.
              function reveal() {
                var id = decodeURIComponent(location.hash.slice(1));
                var cell = id && document.getElementById(id);
                if (!cell || !cell.classList.contains('cell')) { return; }
                cell.classList.remove('filtered');
                var d = cell.querySelector('details');
                if (d) { d.open = true; }
              }
              window.addEventListener('hashchange', reveal);
              reveal();
            })();
            """;
}
