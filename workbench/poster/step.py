"""The after-batch step that renders the posters of a brief's new poster variants.

It runs once per brief after its jobs finish: every poster variant the batch made (and any
poster of a finished job that has no file yet, e.g. after a killed run) is drawn at each
of its deliverable's sizes, with its deliverable's template and QR setting, and recorded
as an asset. Failures to draw one poster never undo the batch: they are collected in
``problems``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import locations
from workbench.errors import WorkbenchError
from workbench.kinds import get_kind

if TYPE_CHECKING:
    from workbench.generate.runner import BatchResult
    from workbench.store import Store


@dataclass
class PosterStep:
    workspace: Path
    workers: int | None = None
    base_url: str = ""  # [tracking] base_url: QR codes encode {base_url}/s/{code}
    rendered: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def __call__(self, store: Store, result: BatchResult) -> None:
        from workbench.poster.batch import render_each
        from workbench.poster.service import (
            RenderTask,
            brief_facts,
            build_spec,
            poster_path,
            record,
        )
        from workbench.poster.sizes import parse_sizes
        from workbench.poster.templates import get_template

        new_ids: list[int] = []
        cached_keys: list[str] = []
        deliverables = {}
        segment_names: dict[str, str] = {}
        for outcome in result.outcomes:
            ctx = outcome.planned.job.ctx
            if not get_kind(ctx.deliverable.kind).renders_image:
                continue
            segment_names[ctx.segment.id] = ctx.segment.name
            deliverables[ctx.deliverable_index] = ctx.deliverable
            if outcome.status == "ok":
                new_ids.extend(outcome.variant_ids)
            elif outcome.status == "cached":
                cached_keys.append(outcome.planned.key)
        ids = new_ids + (store.assets.unrendered_posters(cached_keys) if cached_keys else [])
        if not ids:
            return
        try:
            facts = brief_facts(store.assets.brief_source(run_id=result.run_ids[0]))
        except WorkbenchError as exc:
            self.problems.append(str(exc))
            return
        out = locations.output_dir(self.workspace)
        tasks: list[RenderTask] = []
        found = store.variants.by_id(ids)
        for variant in (found[i] for i in sorted(found)):
            d = deliverables.get(variant.deliverable_index)
            if d is None:
                continue
            template = getattr(d, "template", "bold-sale")
            try:
                get_template(template)
                sizes = parse_sizes(getattr(d, "size", "xiaohongshu"))
            except WorkbenchError as exc:
                self.problems.append(str(exc))
                continue
            for size in sizes:
                names = segment_names.get(variant.segment or "")
                spec = build_spec(
                    variant,
                    facts.campaign,
                    template,
                    size,
                    bool(getattr(d, "qr", False)),
                    facts.brief_dir,
                    keep_words=(names,) if names else (),
                    base_url=self.base_url,
                )
                path = poster_path(
                    out, variant.campaign, variant.segment, template, size, variant.uid
                )
                tasks.append(RenderTask(variant.id, spec, str(path)))
        files, failures = render_each(tasks, self.workers)
        self.problems.extend(failures)
        record(store, files)
        self.rendered.extend(f.path for f in files)
