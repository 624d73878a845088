/// The app's one style sheet, served as `/static/app.css` (the Content-Security-Policy allows
/// no inline style). Relative sizes throughout, so the pages reflow at 200% zoom; printing
/// drops navigation, forms and every contact marked at risk.
enum AppStyle {
    static let css = """
        :root { --ink: #1d2330; --muted: #555d6e; --line: #c9ced8; --accent: #0b5cad; --warn: #8a4b00; --risk: #a4161a; }
        * { box-sizing: border-box; }
        body { font: 1rem/1.5 system-ui, sans-serif; color: var(--ink); margin: 0; }
        a { color: var(--accent); }
        a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
        .skip { position: absolute; left: -999em; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
        header.site { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline;
          padding: .5rem 1.5rem; border-bottom: 1px solid var(--line); background: #f5f7fa; }
        header.site nav a { margin-right: 1.25rem; }
        header.site .brand { font-weight: 700; text-decoration: none; color: var(--ink); }
        .office { color: var(--muted); margin: 0; }
        main { padding: 1rem 1.5rem 3rem; max-width: 72rem; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.25rem; margin-top: 2rem; }
        table.data { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        table.data caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        table.data th, table.data td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: start; vertical-align: top; }
        table.data thead th { background: #eef1f5; }
        .form, fieldset { border: 1px solid var(--line); border-radius: .25rem; padding: .5rem 1rem; margin: 1rem 0; }
        label { font-weight: 500; }
        input, select, textarea, button { font: inherit; }
        textarea { width: 100%; }
        button { background: var(--accent); color: #fff; border: 0; border-radius: .25rem; padding: .35rem 1rem; cursor: pointer; }
        .flash { background: #e6f4ea; border-left: 4px solid #1e7b34; padding: .5rem 1rem; }
        .problem, .warning { background: #fff4e5; border-left: 4px solid var(--warn); padding: .5rem 1rem; }
        .internal { color: var(--risk); font-weight: 600; }
        .risk-mark { color: #fff; background: var(--risk); border-radius: .2rem; padding: 0 .35rem; font-size: .85em; }
        .wording { white-space: pre-wrap; border-left: 3px solid var(--line); padding-left: 1rem; }
        pre.block { white-space: pre-wrap; font: inherit; background: #fafbfc; border: 1px solid var(--line); padding: 1rem; }
        .note { color: var(--warn); }
        .actions { display: flex; flex-wrap: wrap; gap: 1.25rem; list-style: none; padding: 0; }
        .crumbs { color: var(--muted); }
        .rejected td { color: var(--risk); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        table.data td { overflow-wrap: anywhere; }
        @media (max-width: 48rem) {
          table.data { display: block; overflow-x: auto; }
          header.site, main { padding-left: .75rem; padding-right: .75rem; }
        }
        @media print {
          header.site, .no-print, form, .actions, .skip, .internal { display: none; }
          .at-risk { visibility: hidden; }
          main { padding: 0; max-width: none; }
          h2, h3 { break-after: avoid; }
          pre.block, .wording { border: 0; background: none; padding: 0; }
        }
        """
}
