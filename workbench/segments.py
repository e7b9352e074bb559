"""The workspace segment library: reusable audience segments that briefs name by id.

File format (``<workspace>/segments.yaml``): a mapping with a single ``segments:`` key
holding a list of segment mappings, each with the same fields as an inline segment in a
brief (``id``, ``name``, ``description``, ``lifecycle``, ``rfm``, ``region``, ``tone``,
``interests``, ``pain_points``)::

    segments:
      - id: new-moms
        name: 新手妈妈
        lifecycle: new
      - id: dormant-vip
        name: 沉睡VIP
        rfm: {recency: low, frequency: high, monetary: high}

Segments made by ``workbench segments import`` (see :mod:`workbench.customers`) carry an
``imported:`` mapping (model, source file, as-of date, member count, thresholds); a
re-import replaces them and keeps the operator's own entries.

Unknown keys and duplicate ids are errors reported as ``path:line: field: message``. A
missing file is an empty library. ``workbench init`` copies the packaged default library
(``templates/segments.yaml``, see :func:`default_library_path`) into a new workspace.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError
from yaml.nodes import Node

from workbench.brief.messages import ModelMap, validation_problems
from workbench.brief.models import RFM, Segment, Strict
from workbench.brief.yamldoc import field_path, line_of, locate, parse, read_text, root_kind
from workbench.errors import InputError, Problem
from workbench.locations import resource_dir

LIBRARY_FILE = "segments.yaml"


class ImportThresholds(Strict):
    recency_days: float
    frequency: float
    monetary: float


class LifecycleDayLimits(Strict):
    new: int
    dormant: int
    churned: int


class ImportInfo(Strict):
    """Where an imported segment came from (written by ``workbench segments import``)."""

    model: Literal["rfm", "lifecycle"]
    source: str = Field(description="The order export's file name")
    as_of: date
    members: int = Field(ge=0)
    customers: int = Field(ge=0, description="Customers in the import, all segments")
    threshold: Literal["mean", "median"] | None = None
    thresholds: ImportThresholds | None = None
    days: LifecycleDayLimits | None = None


class LibrarySegment(Segment):
    """A library entry: a segment, plus ``imported`` when an order import wrote it."""

    imported: ImportInfo | None = None


class SegmentLibraryFile(Strict):
    """The shape of a ``segments.yaml`` file."""

    segments: list[LibrarySegment] = Field(
        default_factory=list, description="Reusable audience segments, referenced by id"
    )


_MODELS: ModelMap = {
    "": SegmentLibraryFile,
    "segments": LibrarySegment,
    "rfm": RFM,
    "imported": ImportInfo,
    "thresholds": ImportThresholds,
    "days": LifecycleDayLimits,
}


def default_library_path() -> Path:
    """The packaged default library that ``workbench init`` copies into a workspace."""
    return resource_dir("templates") / LIBRARY_FILE


class SegmentLibrary:
    """An ordered, read-only collection of segments keyed by id."""

    def __init__(self, segments: Iterable[Segment] = (), path: Path | None = None) -> None:
        self.path = path
        self._by_id: dict[str, Segment] = {}
        self._imported: dict[str, ImportInfo] = {}
        for segment in segments:
            if segment.id in self._by_id:
                raise ValueError(f"duplicate segment id {segment.id!r}")
            if isinstance(segment, LibrarySegment):
                if segment.imported is not None:
                    self._imported[segment.id] = segment.imported
                segment = Segment.model_validate(segment.model_dump(exclude={"imported"}))
            self._by_id[segment.id] = segment

    @classmethod
    def load(cls, path: Path) -> SegmentLibrary:
        """Read a library file; a missing file is an empty library, a bad one an InputError."""
        if not path.exists():
            return cls(path=path)
        return cls.from_text(read_text(path, str(path)), str(path), path)

    @classmethod
    def from_text(cls, text: str, label: str, path: Path | None = None) -> SegmentLibrary:
        """Parse library text (errors are labelled ``label``)."""
        if not text.strip():
            return cls(path=path)
        doc = parse(text, label)
        if doc.root is None:
            return cls(path=path)
        if not isinstance(doc.data, dict):
            message = (
                f"expected a mapping with a 'segments:' list at the top, "
                f"found {root_kind(doc.data)}"
            )
            raise InputError(Problem(label, line_of(doc.root), "", message))
        problems = list(doc.problems)
        parsed: SegmentLibraryFile | None = None
        try:
            parsed = SegmentLibraryFile.model_validate(doc.data)
        except ValidationError as exc:
            problems += validation_problems(exc, doc.root, label, _MODELS)
        if parsed is not None:
            indexed = list(enumerate(parsed.segments))
            problems += duplicate_id_problems(indexed, doc.root, label)
        if problems or parsed is None:
            raise InputError(sorted(problems, key=lambda p: p.line or 0))
        return cls(parsed.segments, path=path)

    @classmethod
    def packaged(cls) -> SegmentLibrary:
        """The default library shipped with the workbench."""
        return cls.load(default_library_path())

    def get(self, segment_id: str) -> Segment | None:
        """The segment with this id (a copy, safe to modify), or ``None``."""
        segment = self._by_id.get(segment_id)
        return segment.model_copy(deep=True) if segment is not None else None

    def imported(self, segment_id: str) -> ImportInfo | None:
        """Import details of an imported segment; ``None`` for a hand-written one."""
        return self._imported.get(segment_id)

    def ids(self) -> list[str]:
        """Segment ids in file order."""
        return list(self._by_id)

    def __iter__(self) -> Iterator[Segment]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, segment_id: object) -> bool:
        return segment_id in self._by_id

    def __repr__(self) -> str:
        return f"SegmentLibrary({self.ids()!r}, path={self.path!r})"


def duplicate_id_problems(
    segments: Iterable[tuple[int, Segment]], root: Node, label: str, key: str = "segments"
) -> list[Problem]:
    """A problem for every segment whose id was already used earlier in the list."""
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for index, segment in segments:
        if segment.id not in first:
            first[segment.id] = index
            continue
        item = locate(root, (key, index))
        id_node = locate(root, (key, index, "id"))
        at, where = (id_node, (key, index, "id")) if id_node.found else (item, (key, index))
        earlier = field_path((key, first[segment.id]))
        message = f"duplicate segment id '{segment.id}' (already used by {earlier})"
        problems.append(Problem(label, line_of(at.node), field_path(where), message))
    return problems
