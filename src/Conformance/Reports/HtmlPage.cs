using System.Security.Cryptography;
using System.Text;

namespace Conformance.Reports;

/// <summary>
/// What report.html carries besides the run: its style sheet, the one small script (the copy buttons; the page works
/// without it) and the content security policy that lets nothing else load or run. Everything is inline, so the page
/// works from a file, from an e-mail attachment and on paper. The look follows GOV.UK pages: black header, plain
/// type, a verdict panel, tags that say their outcome in words as well as colour, yellow focus.
/// </summary>
internal static class HtmlPage
{
    public const string Style = """
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: #fff; color: #0b0c0c; font-family: "Helvetica Neue", Helvetica, Arial, sans-serif;
          font-size: 1.1875rem; line-height: 1.32; }
        .skip { position: absolute; left: -10000px; top: auto; padding: 10px 15px; }
        .skip:focus { position: static; display: block; }
        .width { max-width: 1020px; margin: 0 auto; padding: 0 15px; }
        .banner { background: #0b0c0c; color: #fff; border-bottom: 10px solid #1d70b8; padding: 12px 0; }
        .banner p { margin: 0; font-weight: 700; font-size: 1.5rem; }
        .banner span { font-weight: 400; font-size: 1.1875rem; }
        main { padding: 30px 0 45px; overflow-wrap: anywhere; }
        h1 { font-size: 2.5rem; line-height: 1.1; margin: 0 0 15px; overflow-wrap: anywhere; }
        h1 .caption { display: block; color: #505a5f; font-size: 1.5rem; font-weight: 400; margin-bottom: 5px; }
        h2 { font-size: 1.75rem; margin: 45px 0 20px; }
        h3 { font-size: 1.375rem; margin: 30px 0 15px; }
        h4 { font-size: 1.1875rem; margin: 20px 0 10px; }
        p, ul, ol, dl { margin: 0 0 20px; }
        a { color: #1d70b8; text-decoration: underline; text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .1578em; }
        a:visited { color: #4c2c92; }
        a:hover { color: #003078; text-decoration-thickness: max(3px, .1875rem); }
        a:focus, button:focus, summary:focus { outline: 3px solid transparent; color: #0b0c0c; background: #fd0;
          box-shadow: 0 -2px #fd0, 0 4px #0b0c0c; text-decoration: none; }
        .panel { padding: 25px 30px; margin: 0 0 30px; color: #fff; }
        .panel h2 { margin: 0 0 15px; font-size: 2.25rem; line-height: 1.1; }
        .panel p { margin: 0; font-size: 1.375rem; }
        .panel-pass { background: #00703c; }
        .panel-fail { background: #a82a15; }
        .panel-unknown { background: #505a5f; }
        .lead { font-size: 1.375rem; }
        .address { margin-bottom: 30px; overflow-wrap: anywhere; }
        .notice { border-left: 10px solid #1d70b8; background: #f3f2f1; padding: 15px 20px; margin: 0 0 30px; }
        .notice p { margin: 0; }
        .notice-warning { border-left-color: #f47738; }
        .summary-list { display: grid; grid-template-columns: minmax(10em, 30%) 1fr; margin: 0 0 30px; }
        .summary-list dt, .summary-list dd { margin: 0; padding: 10px 20px 10px 0; border-bottom: 1px solid #b1b4b6; }
        .summary-list dt { font-weight: 700; }
        .summary-list dd { overflow-wrap: anywhere; }
        table { border-collapse: collapse; border-spacing: 0; width: 100%; margin: 0 0 30px; }
        caption { text-align: left; font-weight: 700; font-size: 1.375rem; margin-bottom: 15px; }
        th, td { text-align: left; vertical-align: top; padding: 10px 20px 10px 0; border-bottom: 1px solid #b1b4b6; }
        th { overflow-wrap: break-word; }
        td.short { white-space: nowrap; }
        td.number, th.number { text-align: right; }
        .tag { display: inline-block; padding: 2px 8px 3px; font-weight: 700; font-size: 1rem; line-height: 1.25; }
        .tag-fail { color: #942514; background: #f4cdc6; }
        .tag-warning { color: #6e3619; background: #fcd6c3; }
        .tag-error { color: #594d00; background: #fff7bf; }
        .tag-pass { color: #005a30; background: #cce2d8; }
        .tag-info { color: #144e81; background: #d2e2f1; }
        .tag-skipped { color: #383f43; background: #eeefef; }
        .fix { border-left: 10px solid #a82a15; padding: 5px 0 5px 20px; margin: 0 0 30px; }
        .fix h3 { margin-top: 0; }
        .finding { border-top: 1px solid #b1b4b6; padding-top: 5px; margin-bottom: 25px; }
        .secondary { color: #505a5f; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 1rem; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f2f1; border-left: 5px solid #b1b4b6;
          padding: 10px 15px; margin: 0 0 20px; }
        details { margin: 0 0 20px; }
        summary { display: inline-block; color: #1d70b8; cursor: pointer; position: relative; padding-left: 25px; }
        summary::-webkit-details-marker { display: none; }
        summary::before { content: ""; position: absolute; top: -1px; bottom: 0; left: 0; margin: auto; width: 0; height: 0;
          border-style: solid; border-color: transparent; border-width: 7px 0 7px 12.124px; border-left-color: inherit; }
        details[open] > summary::before { border-width: 12.124px 7px 0 7px; border-color: transparent; border-top-color: inherit; }
        summary span { text-decoration: underline; text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .1578em; }
        summary:focus span { text-decoration: none; }
        .evidence { border-left: 5px solid #b1b4b6; padding: 15px 15px 0 20px; margin-top: 10px; }
        .evidence h5 { font-size: 1rem; margin: 0 0 5px; }
        .button { font: inherit; font-size: 1rem; font-weight: 400; color: #fff; background: #00703c; border: 2px solid transparent;
          box-shadow: 0 2px 0 #002d18; padding: 6px 10px 5px; margin: 0 10px 20px 0; cursor: pointer; }
        .button:hover { background: #005a30; }
        .button:focus { border-color: #fd0; }
        .status { font-size: 1rem; }
        footer { border-top: 1px solid #b1b4b6; background: #f3f2f1; padding: 25px 0; font-size: 1rem; color: #0b0c0c; }
        @media (max-width: 640px) {
          body { font-size: 1rem; }
          h1 { font-size: 2rem; }
          .summary-list { grid-template-columns: 1fr; }
          .summary-list dt { border-bottom: 0; padding-bottom: 0; }
          /* A table a row at a time: the row's heading, then each cell on its own line after its column's name. */
          table, tbody, tr, th, td { display: block; }
          thead { position: absolute; left: -10000px; }
          tr { border-bottom: 1px solid #b1b4b6; padding: 10px 0; }
          th, td { border-bottom: 0; padding: 2px 0; }
          td.number, th.number { text-align: left; }
          td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; }
        }
        @media print {
          body { font-size: 11pt; }
          .skip, .contents, .button, .status { display: none; }
          .banner { background: none; color: #000; border-bottom: 2px solid #000; }
          .panel { background: none; color: #000; border: 5px solid #000; }
          a, a:visited, summary { color: #000; }
          details::details-content { content-visibility: visible; display: block; }
          summary::before { display: none; }
          summary { padding-left: 0; font-weight: 700; }
          .evidence { break-inside: auto; }
          h2, h3, h4 { break-after: avoid; }
        }
        """;

    /// <summary>
    /// Shows the copy buttons (hidden until the script runs, so a page without scripts offers none) and opens every
    /// disclosure before printing, for a browser whose print style cannot.
    /// </summary>
    public const string Script = """
        (function () {
          function copied(status, ok) { status.textContent = ok ? 'Copied.' : 'Could not copy: select the line and copy it.'; }
          function bySelection(line) {
            var range = document.createRange();
            range.selectNodeContents(line);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            try { return document.execCommand('copy'); } catch (e) { return false; }
          }
          document.querySelectorAll('button[data-copy]').forEach(function (button) {
            var line = document.getElementById(button.getAttribute('data-copy'));
            var status = document.getElementById(button.getAttribute('data-copy') + '-status');
            button.hidden = false;
            button.addEventListener('click', function () {
              if (navigator.clipboard && navigator.clipboard.writeText) {
                navigator.clipboard.writeText(line.textContent).then(function () { copied(status, true); },
                  function () { copied(status, bySelection(line)); });
              } else {
                copied(status, bySelection(line));
              }
            });
          });
          window.addEventListener('beforeprint', function () {
            document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; d.setAttribute('data-print', ''); });
          });
          window.addEventListener('afterprint', function () {
            document.querySelectorAll('details[data-print]').forEach(function (d) { d.open = false; d.removeAttribute('data-print'); });
          });
        })();
        """;

    /// <summary>
    /// Nothing may be fetched, and only the script above may run (by its hash): were a value ever written unencoded,
    /// the browser would still refuse to run or load it.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)))}'; "
        + "img-src 'none'; base-uri 'none'; form-action 'none'";
}
