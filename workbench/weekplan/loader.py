"""Load a plan file into a validated ``Plan`` with ``path:line: field: message`` errors.

Besides the model's own checks (unknown keys, bad days, activities and formats), two
mistakes get their own message: an unquoted ``20:00``, which YAML 1.1 reads as the base-60
number 1200, and a ``brief:`` file that does not exist. The briefs a plan names are loaded
too, so their problems are reported in the same run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from workbench.brief.loader import LoadedBrief, _resolve_segments
from workbench.brief.messages import ModelMap, validation_problems
from workbench.brief.models import RFM, Brand, Segment
from workbench.brief.yamldoc import field_path, line_of, locate, parse, read_text, root_kind
from workbench.errors import InputError, Problem
from workbench.segments import SegmentLibrary
from workbench.weekplan.model import Plan, PlanSlot

PLAN_MODELS: ModelMap = {
    "": Plan,
    "slots": PlanSlot,
    "segments": Segment,
    "brand": Brand,
    "rfm": RFM,
}
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_EMPTY = "empty file; expected a plan with week_of, segments, owner and slots"

BriefLoader = Callable[[Path], LoadedBrief]


@dataclass
class LoadedPlan:
    """A validated plan, its segments resolved, with the briefs its slots name."""

    plan: Plan
    path: Path
    raw: str
    briefs: dict[int, LoadedBrief] = field(default_factory=dict)  # slot index -> brief

    @property
    def brand(self) -> Brand:
        if self.plan.brand is not None:
            return self.plan.brand
        return next(iter(self.briefs.values())).brief.campaign.brand

    @property
    def language(self) -> str:
        if self.plan.language is not None:
            return self.plan.language
        first = next(iter(self.briefs.values()), None)
        return first.brief.campaign.language if first else "zh-CN"


def load_plan(path: Path, library: SegmentLibrary, load_brief: BriefLoader) -> LoadedPlan:
    """Read and validate a plan and every brief it names; one InputError lists all problems."""
    label = str(path)
    text = read_text(path, label)
    if not text.strip():
        raise InputError(Problem(label, None, "", _EMPTY))
    doc = parse(text, label)
    if doc.root is None:
        raise InputError(Problem(label, None, "", _EMPTY))
    if not isinstance(doc.data, dict):
        message = (
            f"expected a mapping with week_of, segments and slots, found {root_kind(doc.data)}"
        )
        raise InputError(Problem(label, line_of(doc.root), "", message))
    problems = list(doc.problems)
    data = dict(doc.data)
    problems += _clock_numbers(doc.root, data, label)
    if isinstance(data.get("segments"), list):
        data["segments"], segment_problems = _resolve_segments(
            data["segments"], doc.root, label, library
        )
        problems += segment_problems
    plan: Plan | None = None
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        problems += validation_problems(exc, doc.root, label, PLAN_MODELS)
    briefs: dict[int, LoadedBrief] = {}
    if plan is not None:
        briefs, brief_problems = _load_briefs(plan, path, doc.root, label, load_brief)
        problems += brief_problems
        has_theme = any(s.theme is not None for s in plan.slots)
        if has_theme and plan.brand is None and not briefs and not brief_problems:
            message = "required when no slot has a brief: theme slots are written for a brand"
            problems.append(Problem(label, line_of(doc.root), "brand", message))
    if problems or plan is None:
        raise InputError(sorted(problems, key=lambda p: (p.path != label, p.line or 0)))
    return LoadedPlan(plan, path, text, briefs)


def _clock_numbers(root: Node, data: dict[str, Any], label: str) -> list[Problem]:
    """``time: 20:00`` unquoted is the number 1200 in YAML 1.1: say so, with the fix."""
    problems: list[Problem] = []
    slots = locate(root, ("slots",))
    if not slots.found or not isinstance(slots.node, SequenceNode):
        return problems
    for index, item in enumerate(slots.node.value):
        if not isinstance(item, MappingNode):
            continue
        for key, value in item.value:
            if not (isinstance(key, ScalarNode) and key.value == "time"):
                continue
            if isinstance(value, ScalarNode) and value.tag in _NUMBER_TAGS and not value.style:
                written = str(value.value)
                number = data["slots"][index]["time"]
                message = (
                    f"{written} was read as the number {number} (YAML 1.1 reads an unquoted "
                    f'h:mm as base 60); quote it: time: "{written}"'
                    if ":" in written
                    else f'{written} is a number, not a time; write it as time: "HH:MM"'
                )
                problems.append(Problem(label, line_of(value), f"slots[{index}].time", message))
                slot = dict(data["slots"][index])
                slot["time"] = written if ":" in written else "00:00"
                data["slots"] = [*data["slots"][:index], slot, *data["slots"][index + 1 :]]
    return problems


def _load_briefs(
    plan: Plan, path: Path, root: Node, label: str, load_brief: BriefLoader
) -> tuple[dict[int, LoadedBrief], list[Problem]]:
    briefs: dict[int, LoadedBrief] = {}
    problems: list[Problem] = []
    cache: dict[Path, LoadedBrief] = {}
    for index, slot in enumerate(plan.slots):
        if slot.brief is None:
            continue
        where = ("slots", index, "brief")
        target = (path.parent / slot.brief).resolve()
        if not target.is_file():
            line = line_of(locate(root, where).node)
            what = "is a folder, not a brief file" if target.is_dir() else "file not found"
            problems.append(Problem(label, line, field_path(where), f"{what}: {target}"))
            continue
        if target not in cache:
            try:
                cache[target] = load_brief(target)
            except InputError as exc:
                problems += [p for p in exc.problems if p not in problems]
                continue
        briefs[index] = cache[target]
    return briefs, problems
