"""Markdown (for people) and JSON Lines (for scripts) exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workbench.export.rows import COLUMNS, finding_line


def write_markdown(rows: list[dict[str, Any]], path: Path, title: str, language: str) -> None:
    lines = [f"# {title}", ""]
    segment = kind = None
    for row in rows:
        if row["segment"] != segment:
            segment, kind = row["segment"], None
            lines += [f"## {segment}", ""]
        if row["kind"] != kind:
            kind = row["kind"]
            lines += [f"### {kind}", ""]
        where = " · ".join(x for x in (row["channel"], row["style"], row["status"]) if x)
        lines += [f"#### #{row['variant_id']} ({where}) v{row['version']} `{row['hash']}`", ""]
        lines += [f"> {line}" if line else ">" for line in row["content"].splitlines()]
        lines.append("")
        for f in row["finding_list"]:
            lines.append(f"- {finding_line(f, language)}")
        for asset in row["assets"]:
            lines.append(f"- poster: {asset}")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            record = {
                name: row[name]
                for name in COLUMNS
                if name not in ("decision", "comment", "reviewer")
            }
            record.update(
                framework=row["framework"],
                provider=row["provider"],
                model=row["model"],
                template=row["template"],
                template_hash=row["template_hash"],
                findings=row["finding_list"],
                content=row["raw"]["content"],
                text=row["content"],
                assets=[str(a) for a in row["assets"]],
            )
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
