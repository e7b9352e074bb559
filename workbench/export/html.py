"""One self-contained, printable HTML file: grouped by segment and kind, findings marked in
the text, posters inline as data URIs. No scripts, no network."""

from __future__ import annotations

import base64
import html
import io
import re
from pathlib import Path

from PIL import Image

from workbench.export.exportrow import ExportRow
from workbench.export.rows import finding_line, status_label
from workbench.fsio import atomic_write_text
from workbench.i18n import Catalog
from workbench.store.findings import Finding

THUMB_WIDTH = 360
CSS = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;
 color:#222;line-height:1.55;max-width:60rem}
h1{font-size:1.6rem;margin-bottom:.2rem} .meta{color:#666;font-size:.85rem}
h2{border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2rem}
h3{color:#444;margin:1.2rem 0 .4rem}
.card{border:1px solid #ccc;border-radius:6px;padding:.8rem 1rem;margin:.6rem 0;
 break-inside:avoid;page-break-inside:avoid;display:flex;gap:1rem}
.card .body{flex:1} .head{font-size:.85rem;color:#555;margin-bottom:.4rem}
.status{display:inline-block;padding:0 .4rem;border-radius:3px;background:#eee}
.status.approved{background:#d4edda}.status.rejected{background:#f8d7da}
.status.changes_requested,.status.in_review{background:#fff3cd}
.field{white-space:pre-wrap;margin:.2rem 0} .label{color:#888;font-size:.75rem;margin-right:.4rem}
mark{padding:0 .1rem;border-radius:2px}
mark.ban,mark.limit{background:#ffc7ce;color:#9c0006;font-weight:bold}
mark.caution,mark.evidence{background:#ffeb9c;color:#9c5700}
mark.warning,mark.info{background:#e2e3f3}
ul.findings{margin:.4rem 0 0;padding-left:1.2rem;font-size:.85rem}
li.ban,li.limit{color:#9c0006} li.caution,li.evidence{color:#9c5700}
img.poster{width:180px;height:auto;border:1px solid #ddd}
@media print{body{margin:0;max-width:none}.card{border-color:#999}}
"""


def _highlight(text: str, findings: list[Finding]) -> str:
    spans = sorted((f for f in findings if f.end > f.start), key=lambda f: (f.start, -f.end))
    out, at = [], 0
    for f in spans:
        start, end = max(f.start, at), min(f.end, len(text))
        if start >= end:
            continue
        out.append(html.escape(text[at:start]))
        title = html.escape(f.message, quote=True)
        out.append(
            f'<mark class="{html.escape(f.severity)}" title="{title}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def _poster(path: Path, alt: str) -> str:
    try:
        with Image.open(path) as opened:
            img = opened.convert("RGB")
            ratio = THUMB_WIDTH / img.width
            img = img.resize((THUMB_WIDTH, max(1, int(img.height * ratio))))
            buffer = io.BytesIO()
            img.save(buffer, format="JPEG", quality=82)
    except OSError:
        return ""
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img class="poster" alt="{html.escape(alt)}" src="data:image/jpeg;base64,{data}">'


def label(group: str, name: str, language: str) -> str:
    """``name`` (a kind, channel or content field) in ``language``; unknown names as given."""
    return Catalog(language).get(f"export.{group}.{name}", name)


def field_label(path: str, language: str) -> str:
    """A content field's path with each name in ``language``: ``shots[0].voiceover`` ->
    ``镜头[1].口播`` in zh-CN (items counted from 1, as a reader counts)."""

    def one(found: re.Match[str]) -> str:
        index = found.group(2)
        shown = f"[{int(index) + 1}]" if index is not None else ""
        return label("field", found.group(1), language) + shown

    return re.sub(r"([A-Za-z_]\w*)(?:\[(\d+)\])?", one, path)


def _card(row: ExportRow, language: str) -> str:
    findings = row.finding_list
    fields = []
    for path, text in row.fields:
        mine = [f for f in findings if f.field == path]
        fields.append(
            f'<div class="field"><span class="label">{html.escape(field_label(path, language))}'
            "</span>"
            f"{_highlight(text, mine)}</div>"
        )
    items = "".join(
        f'<li class="{html.escape(f.severity)}">{html.escape(finding_line(f, language))}</li>'
        for f in findings
    )
    head = " · ".join(
        html.escape(str(x))
        for x in (
            row.channel and label("channel", row.channel, language),
            row.style,
            f"v{row.version}",
        )
        if x
    )
    posters = "".join(_poster(p, label("html", "poster", language)) for p in row.assets[:1])
    return (
        f'<div class="card"><div class="body"><div class="head">#{row.variant_id} · {head} · '
        f'<span class="status {html.escape(row.status)}">'
        f"{html.escape(status_label(row.status, language))}</span>"
        f" · <code>{row.hash}</code></div>{''.join(fields)}"
        + (f'<ul class="findings">{items}</ul>' if items else "")
        + f"</div>{posters}</div>"
    )


def write_html(rows: list[ExportRow], path: Path, title: str, subtitle: str, language: str) -> None:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(language)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>",
        f'<h1>{html.escape(title)}</h1><div class="meta">{html.escape(subtitle)}</div>',
    ]
    segment = kind = None
    for row in rows:
        if row.segment != segment:
            segment, kind = row.segment, None
            parts.append(f"<h2>{html.escape(str(segment))}</h2>")
        if row.kind != kind:
            kind = row.kind
            parts.append(f"<h3>{html.escape(label('kind', str(kind), language))}</h3>")
        parts.append(_card(row, language))
    parts.append("</body></html>")
    atomic_write_text(path, "\n".join(parts))
