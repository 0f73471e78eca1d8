// The page's only stylesheet. System fonts, high contrast, large enough for a projector.
// Failures get strong fills; passes stay quiet so the exceptions stand out.

export const STYLES = `
:root { --ink: #111827; --muted: #4b5563; --line: #d1d5db; --paper: #ffffff; --band: #f3f4f6; --link: #1d4ed8; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; color: var(--ink); background: var(--paper); font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
h1 { font-size: 1.9rem; margin: 0.1rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 1.8rem 0 0.6rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
.page-header, main, footer { max-width: 1500px; margin: 0 auto; padding: 0 1.5rem; }
.page-header { padding-top: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: 1rem; }
.eyebrow { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.85rem; font-weight: 600; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 0.3rem 1.5rem; margin: 0; }
.facts div { display: flex; gap: 0.5rem; }
.facts dt { font-weight: 600; min-width: 8.5rem; color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.plain { list-style: none; padding: 0; margin: 0.3rem 0; }
.plain li { margin: 0.2rem 0; }
.coverage-stats { display: flex; flex-wrap: wrap; gap: 0.4rem 2rem; padding: 0; list-style: none; margin: 0.3rem 0; }
.banner { background: #fef3c7; border: 2px solid #b45309; padding: 0.6rem 0.9rem; border-radius: 6px; }
.overview-grid { display: flex; flex-wrap: wrap; gap: 1rem 3rem; align-items: flex-start; }
.chart { margin: 0; flex: 1 1 18rem; max-width: 29rem; }
.chart svg { display: block; width: 100%; height: auto; }
.subtitle { margin: -0.6rem 0 0.8rem; color: var(--muted); }
.verdict { font-size: 1.3rem; font-weight: 700; margin: 0.6rem 0; padding: 0.5rem 0.9rem; border-left: 6px solid #15803d; background: var(--band); }
.verdict-fail { border-left-color: #b42318; }
.verdict-error { border-left-color: #6b21a8; }
.count { display: inline-block; min-width: 1.8rem; padding: 0 0.45rem; border-radius: 999px; background: var(--band); border: 1px solid var(--line); font-size: 0.95rem; text-align: center; }
.fix-first, .partner-list { list-style: none; padding: 0; margin: 0.4rem 0; }
.fix-first li, .partner-list li { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.8rem; margin: 0.4rem 0; }
.fix-first li[data-status="FAIL"] { border-left: 5px solid #b42318; }
.fix-first li[data-status="ERROR"] { border-left: 5px solid #6b21a8; }
.problem-head a { text-decoration: none; }
.problem-where { font-size: 0.9rem; color: var(--muted); overflow-wrap: anywhere; }
.problem-why { font-size: 0.95rem; overflow-wrap: anywhere; }
.all-clear { font-weight: 600; color: #14532d; }
.exception { display: block; font-size: 0.85rem; color: #134e4a; margin-top: 0.2rem; }
.exception.expired { color: #b42318; font-weight: 600; }
.exception-list li { overflow-wrap: anywhere; }
.check-label { flex-direction: row !important; align-items: center; gap: 0.4rem !important; }
.controls .check-label input { min-width: 0; width: auto; }
.chart figcaption { font-weight: 600; margin-bottom: 0.3rem; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; padding: 0; margin: 0.4rem 0 0.8rem; list-style: none; font-size: 0.95rem; }
.badge { display: inline-block; min-width: 3.4rem; padding: 0.05rem 0.4rem; border-radius: 4px; font-weight: 700; font-size: 0.85rem; text-align: center; border: 1px solid transparent; }
.s-F { background: #b42318; color: #fff; }
.s-E { background: #6b21a8; color: #fff; }
.s-W { background: #fcd34d; color: #111827; border-color: #b45309; }
.s-M { background: #dbeafe; color: #1e3a8a; border: 1px dashed #1d4ed8; }
.s-A { background: #ccfbf1; color: #134e4a; border-color: #0f766e; }
.s-P { background: #dcfce7; color: #14532d; border-color: #86efac; }
.s-N { background: #f3f4f6; color: #374151; border-color: #d1d5db; }
.s-none { background: #fff; color: #6b7280; }
.controls { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; align-items: flex-end; margin: 0.5rem 0 0.8rem; }
.controls label { display: flex; flex-direction: column; font-size: 0.85rem; font-weight: 600; color: var(--muted); gap: 0.15rem; }
input, select, button { font: inherit; font-size: 0.95rem; color: var(--ink); }
input, select { padding: 0.3rem 0.5rem; border: 1px solid #6b7280; border-radius: 4px; background: #fff; min-width: 11rem; }
button { padding: 0.3rem 0.8rem; border: 1px solid #6b7280; border-radius: 4px; background: var(--band); cursor: pointer; }
button:disabled { opacity: 0.5; cursor: default; }
.pager { display: flex; gap: 0.6rem; align-items: center; margin: 0.6rem 0; }
.table-wrap { overflow: auto; max-height: calc(100vh - 5rem); border: 1px solid var(--line); border-radius: 6px; }
.matrix-wrap { max-height: none; overflow-x: auto; overflow-y: visible; }
table { border-collapse: separate; border-spacing: 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: var(--band); z-index: 2; vertical-align: bottom; }
tfoot td, tfoot th { background: var(--band); font-variant-numeric: tabular-nums; }
th button.sort { border: 0; background: none; padding: 0; font-weight: 700; text-align: left; color: var(--ink); }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; }
th[aria-sort="descending"] button.sort::after { content: " ▼"; }
.matrix th.req { position: sticky; left: 0; background: #fff; z-index: 1; min-width: 17rem; max-width: 24rem; }
.matrix thead th.req { z-index: 3; background: var(--band); }
.matrix tfoot th { position: sticky; left: 0; z-index: 1; }
.matrix th.acct { padding: 0.5rem 0.15rem; font-size: 0.85rem; }
.matrix th.acct button.sort { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; display: flex; gap: 0.1rem; margin: 0 auto; }
.matrix th.acct .acct-name { max-height: 10rem; overflow: hidden; text-overflow: ellipsis; }
.matrix th.acct .acct-id { font-weight: 400; font-size: 0.8rem; color: var(--muted); font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
.matrix th.acct .acct-flag { font-size: 0.7rem; color: #6b21a8; }
.matrix th.acct[aria-sort="ascending"] button.sort::after, .matrix th.acct[aria-sort="descending"] button.sort::after { writing-mode: horizontal-tb; }
.matrix td.cell { padding: 0.15rem; text-align: center; }
.matrix td.cell a, .matrix td.cell span { display: block; min-width: 3.6rem; max-width: 6rem; margin: 0 auto; padding: 0.2rem 0.25rem; border-radius: 3px; font-weight: 700; font-size: 0.8rem; text-decoration: none; color: inherit; }
.matrix td.cell.dim { opacity: 0.25; }
.matrix .req-id { font-weight: 700; }
.matrix .req-title { display: block; font-weight: 400; font-size: 0.9rem; color: var(--muted); }
.tag { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0 0.35rem; border: 1px solid #9ca3af; border-radius: 999px; color: var(--muted); margin-left: 0.3rem; }
.totals { white-space: nowrap; }
.totals .badge { min-width: 0; margin: 0.1rem 0.15rem 0.1rem 0; }
.hint { margin: 0.2rem 0 0.5rem; color: var(--muted); font-size: 0.9rem; }
.empty { padding: 1rem; color: var(--muted); }
.req-page .meta { display: flex; flex-wrap: wrap; gap: 0.3rem 1.5rem; }
.check { border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0.5rem 0; }
.check h4 { margin: 0 0 0.3rem; font-size: 1rem; }
table.findings, #account-status { width: 100%; }
.findings td.msg { min-width: 20rem; }
.findings td.res { overflow-wrap: anywhere; max-width: 22rem; font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.85rem; }
.findings tr.evidence-row td { border-bottom: 2px solid var(--line); padding-top: 0; }
#requirement-totals .badge { margin-right: 0.4rem; }
.nowrap { white-space: nowrap; }
.remedy { display: block; color: var(--muted); font-size: 0.9rem; margin-top: 0.2rem; }
details summary { cursor: pointer; color: var(--link); font-size: 0.9rem; }
pre.evidence { background: #f9fafb; border: 1px solid var(--line); border-radius: 4px; padding: 0.6rem; max-height: 24rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.change-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1rem; }
.change { border: 1px solid var(--line); border-radius: 6px; padding: 0.3rem 0.9rem 0.6rem; }
footer { color: var(--muted); font-size: 0.85rem; padding-top: 2rem; padding-bottom: 2rem; }
@media (max-width: 640px) {
  .page-header, main, footer { padding-left: 0.75rem; padding-right: 0.75rem; }
  h1 { font-size: 1.45rem; }
  .verdict { font-size: 1.1rem; }
  .facts { grid-template-columns: 1fr; }
  .facts div { flex-direction: column; gap: 0; }
  .controls label { flex: 1 1 45%; }
  input, select { min-width: 0; width: 100%; }
  .matrix th.req { min-width: 6.5rem; max-width: 9rem; }
  .matrix .req-title { display: none; }
  .matrix th.acct .acct-name { max-height: 6rem; }
  .matrix th.acct .acct-id { display: none; }
  .findings td.msg { min-width: 14rem; }
}
@media print {
  .controls, .pager, nav, .hint, #matrix-controls, noscript { display: none; }
  .table-wrap { max-height: none; overflow: visible; border: 0; }
  a { color: inherit; text-decoration: none; }
  .fix-first li, .partner-list li { break-inside: avoid; }
  .verdict { background: none; }
}
`;
