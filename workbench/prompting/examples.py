"""The few-shot examples library behind the ``example`` and ``hybrid`` styles.

Examples are YAML files (a list of entries) in ``templates/examples/`` and in any extra
folders; A/B winners come in through a callable. One entry::

    - id: community-mombaby-1
      kind: copy                    # a content kind (workbench.kinds.KINDS)
      channel: community            # copy/title channel or video platform; absent for posters
      language: zh-CN               # default zh-CN
      industry: mother_baby         # free label, informative only
      input: {brand: 小鹿母婴, product: 有机米粉, offer: ..., segment: 新手妈妈}
      output: {title: null, body: ..., hashtags: [], cta: ...}

Matching: same kind, language and channel first, then same kind and language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

import yaml

from workbench.errors import InputError, Problem
from workbench.kinds import KINDS

MAX_EXAMPLES = 3


class ExampleVariables(TypedDict):
    """One few-shot example as a template reads it (it prints ``input`` and ``output`` as
    JSON, nothing else)."""

    id: str
    """The example's id."""
    channel: str | None
    """Its channel or platform."""
    input: object
    """The request it answers (a JSON object)."""
    output: object
    """The answer (a JSON object)."""


@dataclass(frozen=True)
class Example:
    """One few-shot example: an entry of an examples file, or an A/B winner."""

    id: str
    """Its id (``community-mombaby-1``, ``ab-e3-<uid>``)."""
    kind: str
    """The content kind it is an answer of."""
    channel: str | None
    """Its channel or platform; None for posters."""
    language: str
    """Its language (default zh-CN)."""
    input: dict[str, Any]
    """The request, as written in the YAML file (a JSON-like mapping)."""
    output: dict[str, Any]
    """The answer, as written in the YAML file (a JSON-like mapping)."""

    def as_variables(self) -> ExampleVariables:
        return {"id": self.id, "channel": self.channel, "input": self.input, "output": self.output}


def parse_example(raw: Any, where: str) -> Example:
    """Validate one entry (from a file or from an A/B winner)."""
    if not isinstance(raw, dict):
        raise InputError(Problem(where, None, "", "an example must be a mapping"))
    kind = raw.get("kind")
    if kind not in KINDS:
        raise InputError(Problem(where, None, "kind", f"must be one of {', '.join(KINDS)}"))
    output = raw.get("output")
    if not isinstance(output, dict) or not output:
        raise InputError(Problem(where, None, "output", "must be a non-empty mapping"))
    inp = raw.get("input") or {}
    if not isinstance(inp, dict):
        raise InputError(Problem(where, None, "input", "must be a mapping"))
    channel = raw.get("channel") or raw.get("platform")
    return Example(
        id=str(raw.get("id") or f"{kind}-{channel or 'any'}"),
        kind=kind,
        channel=str(channel) if channel else None,
        language=str(raw.get("language") or "zh-CN"),
        input=inp,
        output=output,
    )


def load_examples(folders: Sequence[Path]) -> list[Example]:
    examples: list[Example] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            try:
                entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 1 if mark is not None else None
                raise InputError(Problem(str(path), line, "", f"invalid YAML: {exc}")) from None
            if not isinstance(entries, list):
                raise InputError(Problem(str(path), None, "", "must be a list of examples"))
            for i, entry in enumerate(entries):
                examples.append(parse_example(entry, f"{path}[{i}]"))
    return examples


class ExampleIndex:
    """Examples grouped by (kind, language) for quick matching."""

    def __init__(self, examples: Sequence[Example]) -> None:
        self._by_kind: dict[tuple[str, str], list[Example]] = {}
        for ex in examples:
            self._by_kind.setdefault((ex.kind, ex.language), []).append(ex)

    def match(
        self,
        kind: str,
        channel: str | None,
        language: str,
        *,
        preferred: Sequence[Example] = (),
        rotate: int = 0,
        limit: int = MAX_EXAMPLES,
    ) -> list[Example]:
        """Up to ``limit`` examples: preferred (winners) first, same channel before same kind.

        ``rotate`` shifts the start inside each group so variants see different examples.
        """
        winners = [e for e in preferred if e.kind == kind and e.language == language]
        winners.sort(key=lambda e: e.channel != channel)
        library = self._by_kind.get((kind, language), [])
        ordered = list(winners)
        for group in (
            [e for e in library if e.channel == channel],
            [e for e in library if e.channel != channel],
        ):
            if group:
                start = rotate % len(group)
                ordered += group[start:] + group[:start]
        chosen: list[Example] = []
        for ex in ordered:
            if len(chosen) >= limit:
                break
            if ex not in chosen:
                chosen.append(ex)
        return chosen
