"""Load YAML briefs into validated ``Brief`` models with line-numbered errors.

Every problem is reported as one line, ``path:line: field.path: message``, through
``InputError``; all problems in a file (and, with :func:`validate_briefs`, in all files) are
collected before raising. Segment entries are either ids looked up in the workspace
:class:`~workbench.segments.SegmentLibrary` or inline segment mappings; after loading,
``brief.segments`` holds only ``Segment`` objects.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from yaml.nodes import Node

from workbench.brief.assets import asset_problems
from workbench.brief.messages import ModelMap, describe_value, validation_problems
from workbench.brief.models import (
    RFM,
    Brand,
    Brief,
    Campaign,
    CopyDeliverable,
    Experiment,
    LiveScriptDeliverable,
    PosterDeliverable,
    Product,
    Segment,
    ThemePostDeliverable,
    TitleDeliverable,
    VideoScriptDeliverable,
)
from workbench.brief.yamldoc import field_path, line_of, locate, parse, read_text, root_kind
from workbench.errors import InputError, Problem
from workbench.locations import workspace_dir
from workbench.segments import SegmentLibrary, duplicate_id_problems

BRIEF_MODELS: ModelMap = {
    "": Brief,
    "campaign": Campaign,
    "brand": Brand,
    "product": Product,
    "segments": Segment,
    "rfm": RFM,
    "experiment": Experiment,
    "copy": CopyDeliverable,
    "title": TitleDeliverable,
    "poster": PosterDeliverable,
    "video_script": VideoScriptDeliverable,
    "live_script": LiveScriptDeliverable,
    "theme_post": ThemePostDeliverable,
}
_EMPTY = "empty file; expected a brief with campaign, segments and deliverables"


@dataclass
class LoadedBrief:
    """A validated brief with every segment resolved, plus where it came from."""

    brief: Brief
    path: Path
    raw: str
    content_hash: str

    @property
    def segments(self) -> list[Segment]:
        return self.brief.resolved_segments()

    def job_count(self) -> int:
        """Jobs the brief expands into: segments x deliverables x styles x variants."""
        per_segment = sum(len(d.styles) * d.variants for d in self.brief.deliverables)
        return len(self.brief.segments) * per_segment

    def asset_path(self, relative: str) -> Path:
        """A path written in the brief (e.g. ``brand.logo``), relative to the brief's folder."""
        return self.path.parent / relative


def content_hash(brief: Brief) -> str:
    """sha256 of the brief's canonical JSON: comments and whitespace do not change it."""
    canonical = json.dumps(
        brief.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_brief(path: Path, library: SegmentLibrary | None = None) -> LoadedBrief:
    """Read and validate a brief file. ``library`` resolves segment ids (none: empty)."""
    text = read_text(path, str(path))
    return load_brief_text(text, str(path), library, path=path)


def load_brief_text(
    text: str,
    path_label: str,
    library: SegmentLibrary | None = None,
    *,
    path: Path | None = None,
) -> LoadedBrief:
    """Validate brief text (e.g. an editor buffer); errors are labelled with ``path_label``."""
    label = path_label
    if not text.strip():
        raise InputError(Problem(label, None, "", _EMPTY))
    doc = parse(text, label)
    if doc.root is None:
        raise InputError(Problem(label, None, "", _EMPTY))
    if not isinstance(doc.data, dict):
        message = (
            "expected a mapping with campaign, segments and deliverables at the top, "
            f"found {root_kind(doc.data)}"
        )
        raise InputError(Problem(label, line_of(doc.root), "", message))
    problems = list(doc.problems)
    data = dict(doc.data)
    if isinstance(data.get("segments"), list):
        data["segments"], segment_problems = _resolve_segments(
            data["segments"], doc.root, label, library or SegmentLibrary()
        )
        problems += segment_problems
    brief: Brief | None = None
    try:
        brief = Brief.model_validate(data)
    except ValidationError as exc:
        problems += validation_problems(exc, doc.root, label, BRIEF_MODELS)
    if path is not None:
        problems += asset_problems(data, doc.root, label, path.parent, workspace_dir())
    if problems or brief is None:
        raise InputError(sorted(problems, key=lambda p: p.line or 0))
    return LoadedBrief(brief, path or Path(path_label), text, content_hash(brief))


def validate_briefs(
    paths: Iterable[Path], library: SegmentLibrary | None = None
) -> list[LoadedBrief]:
    """Load every brief; raise one InputError listing the problems of all files."""
    loaded: list[LoadedBrief] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded.append(load_brief(path, library))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return loaded


def _resolve_segments(
    items: list[Any], root: Node, label: str, library: SegmentLibrary
) -> tuple[list[Segment], list[Problem]]:
    """Library ids and inline mappings -> Segments; placeholders stand in for bad entries."""
    resolved: list[Segment] = []
    good: list[tuple[int, Segment]] = []
    problems: list[Problem] = []
    for index, item in enumerate(items):
        where = ("segments", index)
        segment: Segment | None = None
        if isinstance(item, str):
            segment = library.get(item.strip())
            if segment is None:
                line = line_of(locate(root, where).node)
                problems.append(Problem(label, line, field_path(where), _unknown(item, library)))
        elif isinstance(item, dict):
            try:
                segment = Segment.model_validate(item)
            except ValidationError as exc:
                problems += validation_problems(exc, root, label, BRIEF_MODELS, prefix=where)
        else:
            line = line_of(locate(root, where).node)
            message = (
                "must be a segment id from the library or a mapping defining a segment "
                f"(got {describe_value(item)})"
            )
            problems.append(Problem(label, line, field_path(where), message))
        if segment is not None:
            good.append((index, segment))
        # A stand-in keeps the indices of later errors right; the brief is never returned.
        resolved.append(segment or Segment.model_construct(id=f"invalid-{index}", name="?"))
    problems += duplicate_id_problems(good, root, label)
    return resolved, problems


def _unknown(segment_id: str, library: SegmentLibrary) -> str:
    ids = library.ids()
    if not ids:
        return (
            f"unknown segment '{segment_id}'; the segment library is empty "
            "(define the segment inline with id and name, or add it to segments.yaml)"
        )
    close = difflib.get_close_matches(segment_id, ids, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown segment '{segment_id}'{hint}; known segments: {', '.join(ids)}"
