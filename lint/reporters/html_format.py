"""One self-contained HTML report for editors.

Each page's source is shown with its findings highlighted in place; beside it
the findings are listed by category with the message, why it matters and what
to write instead. Checkboxes filter by category and severity (the choice is kept
in the address: ``report.html#hide=spelling,info``). Everything (styles, script)
is inline: the report opens from disk or a CI artifact with no network.

Page text is always escaped: a page that contains ``<script>`` shows it as text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from lint.model import CATEGORIES, SEVERITIES

_SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}  # error first

_STYLE = """
:root{--bg:#fff;--fg:#1d1f21;--muted:#5f6368;--line:#d9dce0;--panel:#f6f7f9;--error:#c5221f;--error-bg:#fce8e6;
--warning:#a05a00;--warning-bg:#fef3d6;--info:#1a62b5;--info-bg:#e3effc;--focus:#7b3fe4}
@media (prefers-color-scheme:dark){:root{--bg:#17181a;--fg:#e8eaed;--muted:#9aa0a6;--line:#3c4043;--panel:#202124;
--error:#f28b82;--error-bg:#4a2320;--warning:#fdd663;--warning-bg:#463b16;--info:#8ab4f8;--info-bg:#1f3350;
--focus:#c58af9}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
header{position:sticky;top:0;z-index:2;background:var(--panel);border-bottom:1px solid var(--line);padding:.6rem 1.2rem}
h1{font-size:1.15rem;margin:0 0 .2rem}
h2{font-size:1.05rem;margin:0 0 .6rem;word-break:break-all}
h3{font-size:.95rem;margin:.8rem 0 .3rem;text-transform:capitalize}
.summary,.shown{margin:.1rem 0;color:var(--muted)}
fieldset{display:inline-block;border:1px solid var(--line);border-radius:6px;margin:.3rem .6rem .1rem 0;
padding:.15rem .6rem}
legend{font-size:.8rem;color:var(--muted);padding:0 .2rem}
label{margin-right:.7rem;white-space:nowrap;cursor:pointer}
nav.files{padding:.4rem 1.2rem;border-bottom:1px solid var(--line)}
nav.files a{margin-right:1rem;color:inherit}
main{padding:0 1.2rem 3rem}
section.file{border-bottom:1px solid var(--line);padding:1rem 0}
.layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(16rem,2fr);gap:1.2rem;align-items:start}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
pre.page{margin:0;padding:.8rem;background:var(--panel);border:1px solid var(--line);border-radius:6px;
white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.55 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
mark{background:none;color:inherit;border-radius:2px}
mark.on{cursor:pointer}
mark.on.sev-error{background:var(--error-bg);box-shadow:inset 0 -2px var(--error)}
mark.on.sev-warning{background:var(--warning-bg);box-shadow:inset 0 -2px var(--warning)}
mark.on.sev-info{background:var(--info-bg);box-shadow:inset 0 -2px var(--info)}
aside.findings{position:sticky;top:9rem;max-height:calc(100vh - 10rem);overflow:auto}
aside ol{list-style:none;margin:0;padding:0}
li.finding{border:1px solid var(--line);border-left:4px solid var(--muted);border-radius:6px;padding:.4rem .6rem;
margin:0 0 .5rem}
li.finding.sev-error{border-left-color:var(--error)}
li.finding.sev-warning{border-left-color:var(--warning)}
li.finding.sev-info{border-left-color:var(--info)}
li.finding p{margin:.15rem 0}
.meta{font-size:.8rem;color:var(--muted)}
.meta a{color:inherit}
.code{font-weight:600}
.sev{text-transform:uppercase;font-size:.7rem;letter-spacing:.04em;padding:0 .3rem;border-radius:3px}
.sev-error .sev{background:var(--error-bg);color:var(--error)}
.sev-warning .sev{background:var(--warning-bg);color:var(--warning)}
.sev-info .sev{background:var(--info-bg);color:var(--info)}
.quote{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
.why{color:var(--muted);font-size:.88rem}
.flash{outline:2px solid var(--focus);outline-offset:1px}
.hidden{display:none!important}
.file-error{color:var(--error);font-weight:600}
.none{color:var(--muted)}
"""

# Filters by category and severity; the choice is kept in the address (#hide=...).
# Only attributes and classes are read and written: no page text passes through script.
_SCRIPT = """
(function(){
  var boxes=[].slice.call(document.querySelectorAll('#filters input[type=checkbox]'));
  var rank={error:0,warning:1,info:2};
  function hiddenSet(){var h={};boxes.forEach(function(b){if(!b.checked)h[b.value]=1;});return h;}
  function apply(){
    var hide=hiddenSet(), shown=0, total=0, visible={};
    [].forEach.call(document.querySelectorAll('li.finding'),function(li){
      var off=hide[li.dataset.severity]||hide[li.dataset.category];
      li.classList.toggle('hidden',!!off); total++; if(!off){shown++;visible[li.id]=li.dataset.severity;}
    });
    [].forEach.call(document.querySelectorAll('mark[data-f]'),function(m){
      var best=null;
      m.dataset.f.split(' ').forEach(function(id){var s=visible[id];if(s&&(best===null||rank[s]<rank[best]))best=s;});
      m.className=best?'on sev-'+best:'';
    });
    [].forEach.call(document.querySelectorAll('section.cat'),function(c){
      c.classList.toggle('hidden',!c.querySelector('li.finding:not(.hidden)'));
    });
    [].forEach.call(document.querySelectorAll('section.file'),function(f){
      var n=f.querySelectorAll('li.finding:not(.hidden)').length, out=f.querySelector('.file-count');
      if(out)out.textContent=String(n);
    });
    document.getElementById('shown-count').textContent=String(shown);
    document.getElementById('total-count').textContent=String(total);
    var h=Object.keys(hide).sort().join(','), want=h?'#hide='+h:'';
    document.getElementById('filters').setAttribute('data-hidden',h);
    if(window.history&&history.replaceState&&(h||/^#hide=/.test(location.hash))&&location.hash!==want)
      history.replaceState(null,'',want||location.pathname+location.search);
  }
  function readHash(){
    var m=/^#hide=([a-z,]*)$/.exec(location.hash); if(!m)return;
    var hide={}; m[1].split(',').forEach(function(v){if(v)hide[v]=1;});
    boxes.forEach(function(b){b.checked=!hide[b.value];});
  }
  function flash(el){el.classList.add('flash');setTimeout(function(){el.classList.remove('flash');},1200);}
  document.addEventListener('click',function(e){
    var m=e.target.closest&&e.target.closest('mark.on');
    if(m){var ids=m.dataset.f.split(' ');for(var i=0;i<ids.length;i++){var li=document.getElementById(ids[i]);
      if(li&&!li.classList.contains('hidden')){li.scrollIntoView({block:'nearest'});flash(li);break;}}}
    var a=e.target.closest&&e.target.closest('a.loc');
    if(a){var t=document.getElementById(a.getAttribute('href').slice(1));if(t){e.preventDefault();
      t.scrollIntoView({block:'center'});flash(t);}}
  });
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  readHash(); apply();
  document.documentElement.setAttribute('data-ready','1');
})();
"""


def _e(text) -> str:
    return escape(str(text), quote=True)


def _safe_url(url: str) -> str | None:
    return url if url.startswith(("https://", "http://")) else None


def _highlighted(source: str, findings: list[tuple[str, object]]) -> str:
    """The source, escaped, with each stretch covered by findings in one <mark>.

    Findings may overlap or nest, so the text is cut at every start and end;
    each piece lists the findings that cover it (data-f) and the first piece of
    each finding carries the anchor the side list links to.
    """
    if not findings:
        return _e(source)
    cuts = sorted({0, len(source), *(f.start for _, f in findings), *(f.end for _, f in findings)})
    starts = defaultdict(list)
    for ident, f in findings:
        starts[f.start].append(ident)
    out = []
    active: list[tuple[str, object]] = []
    by_start = sorted(findings, key=lambda p: p[1].start)
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        while k < len(by_start) and by_start[k][1].start <= a:
            active.append(by_start[k])
            k += 1
        active = [p for p in active if p[1].end > a]
        piece = _e(source[a:b])
        if not active:
            out.append(piece)
            continue
        worst = min((f.severity for _, f in active), key=_SEVERITY_RANK.__getitem__)
        ids = " ".join(ident for ident, _ in active)
        anchor = f' id="m-{starts[a][0]}"' if starts.get(a) else ""
        title = "; ".join(f"{f.code} {f.message}" for _, f in active)
        out.append(f'<mark class="on sev-{worst}" data-f="{ids}"{anchor} title="{_e(title)}">{piece}</mark>')
    return "".join(out)


def _finding_item(ident: str, f, rule) -> str:
    parts = [
        f'<li class="finding sev-{f.severity}" id="{ident}" data-severity="{f.severity}" '
        f'data-category="{_e(f.category)}">',
        f'<p class="meta"><a class="loc" href="#m-{ident}">line {f.line}, column {f.column}</a> '
        f'<span class="code">{_e(f.code)}</span> {_e(f.name)} <span class="sev">{f.severity}</span></p>',
        f'<p class="msg">{_e(f.message)}</p>',
        f'<p class="quote">\u201c{_e(" ".join(f.text.split()))}\u201d</p>',
    ]
    if rule is not None and getattr(rule, "rationale", ""):
        parts.append(f'<p class="why"><strong>Why it matters:</strong> {_e(rule.rationale)}</p>')
    if f.fix is not None:
        parts.append(f'<p class="fix"><strong>Safe fix</strong> (medlint check --fix): '
                     f'\u201c{_e(f.fix.replacement)}\u201d</p>')
    elif f.suggestions:
        parts.append(f'<p class="fix"><strong>Suggestion:</strong> {" / ".join(_e(s) for s in f.suggestions)}</p>')
    url = _safe_url(f.url or "")
    if url:
        parts.append(f'<p class="meta"><a href="{_e(url)}" rel="noopener noreferrer">More about {_e(f.code)}</a></p>')
    parts.append("</li>")
    return "".join(parts)


def _file_section(index: int, result, rules) -> str:
    fid = f"file-{index}"
    head = (f'<section class="file" id="{fid}" data-path="{_e(result.path)}"><h2>{_e(result.path)} '
            f'<span class="meta">(<span class="file-count">{len(result.findings)}</span> shown)</span></h2>')
    if result.error and not result.source:
        return head + f'<p class="file-error">Could not be read: {_e(result.error)}</p></section>'
    if result.error:  # read and checked; writing its fixes failed
        head += f'<p class="file-error">{_e(result.error)}</p>'
    idents = [(f"f{index}-{n}", f) for n, f in enumerate(result.findings, 1)]
    groups: dict[str, list[str]] = defaultdict(list)
    for ident, f in idents:
        groups[f.category].append(_finding_item(ident, f, rules.get(f.code)))
    order = [c for c in CATEGORIES if c in groups] + sorted(c for c in groups if c not in CATEGORIES)
    side = "".join(
        f'<section class="cat" data-category="{_e(c)}"><h3>{_e(c)} ({len(groups[c])})</h3><ol>{"".join(groups[c])}</ol>'
        "</section>"
        for c in order
    ) or '<p class="none">No problems found.</p>'
    return (head + f'<div class="layout"><pre class="page">{_highlighted(result.source, idents)}</pre>'
            f'<aside class="findings" aria-label="Findings in {_e(result.path)}">{side}</aside></div></section>')


def render(report) -> str:
    findings = [f for r in report.results for f in r.findings]
    s = report.summary()
    by_severity = Counter(f.severity for f in findings)
    by_category = Counter(f.category for f in findings)
    categories = [c for c in CATEGORIES if by_category[c]] + sorted(c for c in by_category if c not in CATEGORIES)
    severity_boxes = "".join(
        f'<label><input type="checkbox" value="{sev}" checked> {sev} ({by_severity[sev]})</label>' for sev in SEVERITIES
    )
    category_boxes = "".join(
        f'<label><input type="checkbox" value="{_e(c)}" checked> {_e(c)} ({by_category[c]})</label>' for c in categories
    )
    files_with = sum(1 for r in report.results if r.findings)
    summary = (f"{s['findings']} problem{'s' if s['findings'] != 1 else ''} ({s['errors']} errors, "
               f"{s['warnings']} warnings, {s['infos']} infos) in {files_with} of {s['files']} "
               f"file{'s' if s['files'] != 1 else ''}")
    failed = sum(1 for r in report.results if r.error)
    if failed:
        summary += f"; {failed} could not be read"
    nav = "".join(
        f'<a href="#file-{i}">{_e(r.path)} ({"error" if r.error else len(r.findings)})</a>'
        for i, r in enumerate(report.results, 1)
    )
    sections = "".join(_file_section(i, r, report.rules or {}) for i, r in enumerate(report.results, 1))
    version = f" {_e(report.version)}" if report.version else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="medlint{version}">'
        "<title>medlint report</title>"
        f"<style>{_STYLE}</style></head><body>"
        f'<header><h1>medlint report</h1><p class="summary">{summary}</p>'
        '<form id="filters" onsubmit="return false">'
        f'<fieldset><legend>Severity</legend>{severity_boxes}</fieldset>'
        + (f'<fieldset><legend>Category</legend>{category_boxes}</fieldset>' if categories else "")
        + "</form>"
        f'<p class="shown">Showing <span id="shown-count">{len(findings)}</span> of '
        f'<span id="total-count">{len(findings)}</span> findings</p></header>'
        f'<nav class="files" aria-label="Files">{nav}</nav>'
        f"<main>{sections}</main>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )
