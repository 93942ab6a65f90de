/**
 * The pages' only styles, inlined (the CSP allows inline styles and nothing else). Mobile first
 * (375 px), system fonts (no downloads in a chat app's browser), print rules for the boards.
 * Constant text written here, never document data.
 */
export const PAGE_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1a1a1a;background:#f6f4f0;overflow-wrap:anywhere}
a{color:#0b57a4}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #b8860b;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
header.top{background:#a4161a;color:#fff;padding:1rem}
header.top a{color:#fff}
header.top h1{margin:0 0 .25rem;font-size:1.4rem;line-height:1.3}
.lang{float:right;margin-left:1rem;font-size:.9rem}
main{max-width:52rem;margin:0 auto;padding:0 .75rem 2rem}
section.card,article.card{background:#fff;border-radius:8px;padding:.75rem 1rem;margin:1rem 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:1.25rem;margin:.25rem 0 .75rem;color:#7a1012}
h3{font-size:1.1rem;margin:.75rem 0 .25rem}
h4,h5,h6{font-size:1rem;margin:.5rem 0 .25rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.25rem 0}
dl.facts dt{color:#555}
dl.facts dd{margin:0}
.muted,.note{color:#555;font-size:.9rem}
nav.toc ul,ul.index{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
ul.index a{display:inline-block;padding:.35rem .1rem;min-width:2.75rem}
form.find{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:.5rem 0}
form.find label{display:block;font-weight:600}
form.find input{font:inherit;padding:.5rem;width:9rem;border:1px solid #767676;border-radius:4px}
form.find button{font:inherit;padding:.5rem 1rem;border:0;border-radius:4px;background:#a4161a;color:#fff}
.building{border-top:1px solid #ddd;padding-top:.5rem;margin-top:.75rem}
.unit{margin:.5rem 0 .5rem .5rem;padding-left:.75rem;border-left:3px solid #e9c46a}
ul.people{margin:.25rem 0;padding-left:1.25rem}
ol.steps{padding-left:1.25rem}
ol.steps li{margin:.35rem 0}
.verdict-pass{color:#1b5e20;font-weight:600}
.verdict-fail{color:#a4161a;font-weight:600}
.step-warning{color:#7a4b00;background:#fff4d6;border-left:3px solid #c77700;padding:.2rem .5rem;margin-top:.2rem}
table.stats{border-collapse:collapse;width:100%;margin:.5rem 0}
table.stats th,table.stats td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #e5e5e5}
table.stats td{text-align:right;white-space:nowrap}
table.stats caption{text-align:left;font-weight:600;padding:.25rem 0}
.text p{margin:.25rem 0}
footer{max-width:52rem;margin:0 auto;padding:1rem .75rem;color:#555;font-size:.85rem}
@media print{
  body{background:#fff;font-size:11pt}
  header.top{background:none;color:#000;padding:0}
  header.top a,.lang,.skip,form.find,nav.toc,.screen-only{display:none}
  section.card,article.card{box-shadow:none;border:1px solid #ccc;break-inside:avoid}
  a{color:#000;text-decoration:none}
}
`;

/** The service board: one sheet, large type, QR code in a corner. */
export const BOARD_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#111;background:#eee;overflow-wrap:anywhere}
a{color:#0b57a4}
a:focus-visible{outline:3px solid #b8860b;outline-offset:2px}
.toolbar{max-width:210mm;margin:0 auto;padding:.75rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
main.sheet{background:#fff;margin:0 auto 1rem;padding:12mm;border-top:10mm solid #a4161a;display:flex;flex-direction:column;gap:4mm}
main.sheet.a4{max-width:210mm;min-height:297mm}
main.sheet.a5{max-width:148mm;min-height:210mm;padding:8mm;border-top-width:7mm;font-size:.9em}
.sheet h1{margin:0;font-size:2em;color:#a4161a;letter-spacing:.1em;text-align:center}
.sheet .where{text-align:center;font-size:1.5em;font-weight:700;margin:0}
.sheet .community{text-align:center;margin:0;color:#333}
.sheet h2{font-size:1.2em;margin:2mm 0 1mm;border-bottom:2px solid #a4161a;color:#7a1012}
.sheet ul{margin:0;padding-left:1.2em}
.sheet li{margin:.5mm 0;font-size:1.1em}
.person-post{color:#444;font-size:.9em}
.bottom{margin-top:auto;display:flex;gap:6mm;align-items:flex-end;justify-content:space-between}
.qr{text-align:center;font-size:.85em;margin:0;max-width:48mm}
.qr img{width:38mm;height:38mm;display:block;margin:0 auto}
.a5 .qr img{width:30mm;height:30mm}
.url{font-size:.75em;color:#333;word-break:break-all}
.muted{color:#555}
@media print{
  body{background:#fff}
  .toolbar{display:none}
  main.sheet{margin:0;max-width:none}
  /* one sheet: the page minus the 10 mm @page margins (a little less, for rounding) */
  main.sheet.a4{min-height:276mm}
  main.sheet.a5{min-height:189mm}
  a{color:#000;text-decoration:none}
}
@page{margin:10mm}
`;

/** `@page` size per board format (kept separate so each page names one size). */
export const PAGE_SIZE_CSS = { a4: '@page{size:A4 portrait}', a5: '@page{size:A5 portrait}' } as const;
