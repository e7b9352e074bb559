"""``workbench validate`` and ``workbench schema``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.brief.deadline import past_deadline
from workbench.brief.schema import brief_json_schema
from workbench.cli.common import DbOption, catalog, err, out, print_json, wb
from workbench.fsio import atomic_write_text
from workbench.generate.jobs import expand_jobs
from workbench.guards.dates import today


def validate(
    briefs: Annotated[list[Path], typer.Argument(help="Brief YAML files.")],
    db: DbOption = None,
) -> None:
    """Check briefs against the contract and print each job matrix's size."""
    workbench = wb(db)
    t = catalog(workbench)
    for loaded in workbench.load_briefs(briefs):
        brief = loaded.brief
        segments = brief.resolved_segments()
        jobs = sum(1 for _ in expand_jobs(brief))
        variants = sum(len(d.styles) * d.variants for d in brief.deliverables) * len(segments)
        out.print(
            t(
                "validate.ok",
                path=loaded.path,
                segments=len(segments),
                deliverables=len(brief.deliverables),
                jobs=jobs,
                variants=variants,
            )
        )
        late = past_deadline(brief, loaded.raw, str(loaded.path), today())
        if late is not None:  # a warning: the brief is valid, the exit code stays 0
            where = f"{late.path}:{late.line}" if late.line else late.path
            err.print(t("validate.past_deadline", where=where, date=late.deadline, days=late.days))


def schema(
    output: Annotated[
        Path | None, typer.Option("--out", help="Write the schema to this file.")
    ] = None,
) -> None:
    """Print the brief's JSON Schema (for editor completion, see the README)."""
    data = brief_json_schema()
    if output is None:
        print_json(data)
        return
    import json

    atomic_write_text(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    out.print(str(output))
