"""The publish pack: a campaign's approved content, ready to post.

``export CAMPAIGN --format pack`` writes one folder::

    index.html                       every piece by segment and channel (escaped, offline)
    <segment>/<channel>/<id>.txt     the copy exactly as approved, ready to paste
    <segment>/<channel>/<id>.png     its poster, when it has one

Only approved variants go in; every file is written atomically (``workbench.fsio``).
"""

from __future__ import annotations

import html
from pathlib import Path

from workbench.errors import InputError, Problem
from workbench.export.exportrow import ExportRow
from workbench.fsio import atomic_write_bytes, atomic_write_text
from workbench.guards.filenames import safe_name
from workbench.i18n import Catalog
from workbench.textview import paste_text

_CSS = """body{font:15px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;
margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{border-bottom:2px solid #e84a5f;padding-bottom:.2rem;margin-top:2rem}
h3{color:#555;font-size:1rem}.piece{display:flex;gap:1rem;border:1px solid #ddd;
border-radius:6px;padding:.8rem;margin:.6rem 0}.piece pre{white-space:pre-wrap;flex:1;
margin:0;font:inherit}.piece img{max-width:12rem;height:auto;border:1px solid #eee}
.meta{color:#777;font-size:.85rem}a{color:#c0392b;word-break:break-all}"""


def write_pack(
    rows: list[ExportRow], folder: Path, campaign: str, language: str
) -> tuple[int, Path]:
    """Write the pack of the approved ``rows`` (export rows with their ``link``, a Link);
    returns (pieces written, index path)."""
    t = Catalog(language)
    approved = [r for r in rows if r.status == "approved"]
    if not approved:
        raise InputError(Problem("--format pack", None, "", t("pack.none", campaign=campaign)))
    folder.mkdir(parents=True, exist_ok=True)
    groups: dict[tuple[str, str], list[ExportRow]] = {}
    for row in approved:
        where = (str(row.segment or "-"), str(row.channel or row.kind))
        groups.setdefault(where, []).append(row)
    sections: list[str] = []
    last_segment = None
    for (segment, channel), items in groups.items():
        if segment != last_segment:
            sections.append(f"<h2>{html.escape(t('pack.segment', segment=segment))}</h2>")
            last_segment = segment
        sections.append(f"<h3>{html.escape(channel)}</h3>")
        place = Path(safe_name(segment)) / safe_name(channel)
        for row in items:
            sections.append(_piece(row, folder, place, t))
    title = t("pack.title", campaign=campaign)
    page = (
        f'<!doctype html><html lang="{html.escape(language)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>"
        f'<p class="meta">{html.escape(t("pack.summary", count=len(approved)))}</p>'
        + "".join(sections)
        + "</body></html>\n"
    )
    index = folder / "index.html"
    atomic_write_text(index, page)
    return len(approved), index


def _piece(row: ExportRow, folder: Path, place: Path, t: Catalog) -> str:
    vid = row.variant_id
    text = paste_text(row.raw)  # a title as posted, without the reviewers' angle tag 〔…〕
    link = row.link.url if row.link else ""
    pasted = text  # exactly as approved: an SMS was fitted without a link it does not carry
    copy_file = place / f"{vid}.txt"
    (folder / place).mkdir(parents=True, exist_ok=True)
    atomic_write_text(folder / copy_file, pasted + "\n")
    poster = ""
    if row.assets:
        image = place / f"{vid}{Path(row.assets[0]).suffix or '.png'}"
        atomic_write_bytes(folder / image, Path(row.assets[0]).read_bytes())
        src = html.escape(image.as_posix())
        poster = f'<a href="{src}"><img src="{src}" alt="{html.escape(t("pack.poster"))}"></a>'
    meta = t("pack.meta", id=vid, style=row.style, file=copy_file.as_posix())
    link_html = (
        f'<p class="meta">{html.escape(t("pack.link"))}: '
        f'<a href="{html.escape(link)}">{html.escape(link)}</a></p>'
        if link
        else ""
    )
    return (
        f'<div class="piece"><div style="flex:1"><pre>{html.escape(pasted)}</pre>'
        f'<p class="meta">{html.escape(meta)}</p>{link_html}</div>{poster}</div>'
    )
