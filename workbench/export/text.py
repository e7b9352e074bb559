"""Markdown (for people) and JSON Lines (for scripts) exports."""

from __future__ import annotations

import json
from pathlib import Path

from workbench.export.exportrow import ExportRow
from workbench.export.rows import COLUMNS, finding_line
from workbench.fsio import atomic_output, atomic_write_text
from workbench.guards.text import clean_text

# Markdown renders raw HTML; content is text, so its HTML-significant characters are
# written as entities (they read the same in every renderer).
_MD_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _md(text: object) -> str:
    return clean_text(str(text)).translate(_MD_ESCAPES)


def write_markdown(rows: list[ExportRow], path: Path, title: str, language: str) -> None:
    lines = [f"# {title}", ""]
    segment = kind = None
    for row in rows:
        if row.segment != segment:
            segment, kind = row.segment, None
            lines += [f"## {_md(segment)}", ""]
        if row.kind != kind:
            kind = row.kind
            lines += [f"### {_md(kind)}", ""]
        where = _md(" · ".join(x for x in (row.channel, row.style, row.status) if x))
        lines += [f"#### #{row.variant_id} ({where}) v{row.version} `{row.hash}`", ""]
        lines += [f"> {line}" if line else ">" for line in _md(row.content).splitlines()]
        lines.append("")
        for f in row.finding_list:
            lines.append(f"- {_md(finding_line(f, language))}")
        for asset in row.assets:
            lines.append(f"- poster: {_md(asset)}")
        lines.append("")
    atomic_write_text(path, "\n".join(lines))


def write_jsonl(rows: list[ExportRow], path: Path) -> None:
    with atomic_output(path, "w") as handle:
        for row in rows:
            record = {
                name: row.cell(name)
                for name in COLUMNS
                if name not in ("decision", "comment", "reviewer")
            }
            record.update(
                framework=row.framework,
                provider=row.provider,
                model=row.model,
                template=row.template,
                template_hash=row.template_hash,
                findings=row.raw.lint or [],  # as stored
                content=row.raw.content,
                text=row.content,
                assets=[str(a) for a in row.assets],
            )
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
