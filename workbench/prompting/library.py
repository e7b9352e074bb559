"""``PromptLibrary``: find and render the prompt templates of a job into chat messages.

A style template (``styles/<style>.j2``) builds messages by calling ``message(role)``::

    {% call message("system") %}...{% endcall %}

The callable appends to a list in Python, so no string in the brief or segment can create,
end or re-role a message: data only ever becomes text inside one message's content. Text
outside ``message()`` blocks is an error (it would silently vanish otherwise).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateError, TemplateRuntimeError

from workbench.brief.models import STYLES
from workbench.errors import ConfigError, Problem
from workbench.guards.budget import check_size, render_budget
from workbench.locations import resource_dir
from workbench.prompting.environment import (
    LayeredLoader,
    PromptTemplateError,
    TemplateInfo,
    make_environment,
    template_error,
    track_loaded,
)
from workbench.prompting.examples import (
    Example,
    ExampleIndex,
    ExampleVariables,
    load_examples,
    parse_example,
)
from workbench.prompting.variables import PromptVariables, build_variables

if TYPE_CHECKING:
    from workbench.llm.base import JobContext

ROLES = frozenset({"system", "user", "assistant"})
JSON_MODES = ("json_schema", "json_object", "none")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
# Python errors a (workspace) template can provoke, reported like template errors.
# RecursionError: a macro calling itself; MemoryError: a value built past what fits.
_RENDER_ERRORS = (
    TemplateError,
    ArithmeticError,
    LookupError,
    TypeError,
    ValueError,
    RecursionError,
    MemoryError,
)


@dataclass
class RenderedPrompt:
    messages: list[dict[str, str]]
    template: str  # style template name, e.g. "styles/hybrid.j2"
    template_hash: str  # sha256 over every template file the render loaded, sorted by name
    variables: PromptVariables  # JSON-serialisable variables the render used
    style: str  # style actually used ("instruction" when "example" fell back)
    notes: list[str] = field(default_factory=list)


class PromptLibrary:
    """Packaged templates overridden file by file by a workspace ``prompts/`` folder.

    Templates compile once per library; keep one library per process and render per job.
    ``examples_dirs`` add example folders to the packaged ``templates/examples/`` (turn the
    packaged ones off with ``packaged_examples=False``); ``extra_examples`` supplies
    examples per job (A/B winners, raw entries checked by ``parse_example``), preferred over
    the library's.
    """

    def __init__(
        self,
        workspace_prompts: Path | None = None,
        examples_dirs: Sequence[Path] = (),
        extra_examples: Callable[[JobContext], Sequence[object]] | None = None,
        *,
        packaged_prompts: Path | None = None,
        packaged_examples: bool = True,
    ) -> None:
        self.packaged_prompts = packaged_prompts or resource_dir("prompts")
        if not self.packaged_prompts.is_dir():
            raise ConfigError(f"prompt templates not found at {self.packaged_prompts}")
        self.workspace_prompts = workspace_prompts
        self._loader = LayeredLoader(self.packaged_prompts, workspace_prompts)
        self._env = make_environment(self._loader)
        folders = [resource_dir("templates") / "examples"] if packaged_examples else []
        self._example_folders = [*folders, *examples_dirs]
        self._extra_examples = extra_examples
        self._index: ExampleIndex | None = None
        self._hashes: dict[tuple[str, ...], str] = {}

    # -- templates -----------------------------------------------------------------

    def templates(self) -> list[TemplateInfo]:
        """Every template the library can load, with its origin and content hash."""
        return [self._loader.find(name).info for name in self._loader.list_templates()]

    def template_hash(self, names: Sequence[str]) -> str:
        key = tuple(sorted(set(names)))
        cached = self._hashes.get(key)
        if cached is None:
            digest = hashlib.sha256()
            for name in key:
                digest.update(name.encode("utf-8") + b"\0")
                digest.update(self._loader.find(name).text.encode("utf-8") + b"\0")
            cached = self._hashes[key] = digest.hexdigest()
        return cached

    # -- examples ------------------------------------------------------------------

    @property
    def example_index(self) -> ExampleIndex:
        if self._index is None:
            self._index = ExampleIndex(load_examples(self._example_folders))
        return self._index

    def examples_for(self, job: JobContext) -> list[Example]:
        d = job.deliverable
        channel = d.target
        preferred: list[Example] = []
        if self._extra_examples is not None:
            preferred = [
                parse_example(raw, f"extra example {i}")
                for i, raw in enumerate(self._extra_examples(job))
            ]
        return self.example_index.match(
            d.kind,
            channel,
            job.brief.campaign.language,
            preferred=preferred,
            rotate=job.variant_index,
        )

    # -- rendering -----------------------------------------------------------------

    def render(
        self,
        job: JobContext,
        *,
        json_schema: dict[str, Any] | None = None,  # the kind's JSON Schema document
        json_mode: str = "json_schema",
    ) -> RenderedPrompt:
        if json_mode not in JSON_MODES:
            raise ConfigError(
                f"json_mode must be one of {', '.join(JSON_MODES)}, not {json_mode!r}"
            )
        style = job.style
        if style not in STYLES:
            raise ConfigError(f"unknown prompt style {style!r} (use {', '.join(STYLES)})")
        notes: list[str] = []
        examples: list[ExampleVariables] = []
        if style in ("example", "hybrid"):
            matched = self.examples_for(job)
            if matched:
                examples = [e.as_variables() for e in matched]
            else:
                d = job.deliverable
                channel = d.target
                lang = job.brief.campaign.language
                what = f"no {lang} examples for kind {d.kind!r} channel {channel!r}"
                if style == "example":
                    style = "instruction"
                    notes.append(f"{what}: fell back to instruction")
                else:
                    notes.append(f"{what}: hybrid rendered without examples")
        variables = build_variables(
            job, style=style, examples=examples, json_schema=json_schema, json_mode=json_mode
        )
        name = f"styles/{style}.j2"
        messages, loaded = self._render(name, variables)
        return RenderedPrompt(
            messages=messages,
            template=name,
            template_hash=self.template_hash(sorted(loaded)),
            variables=variables,
            style=style,
            notes=notes,
        )

    def _render(
        self, name: str, variables: PromptVariables
    ) -> tuple[list[dict[str, str]], set[str]]:
        messages: list[dict[str, str]] = []

        def message(role: str, caller: Callable[[], str] | None = None) -> str:
            if caller is None:
                raise TemplateRuntimeError(
                    "message() must be used as {% call message(role) %}...{% endcall %}"
                )
            if role not in ROLES:
                raise TemplateRuntimeError(
                    f"message role must be system, user or assistant: {role!r}"
                )
            body = str(caller())
            check_size(body)
            content = _BLANK_LINES.sub("\n\n", body).strip()
            if content:
                messages.append({"role": role, "content": content})
            return ""

        try:
            with track_loaded() as loaded, render_budget():
                outside = self._env.get_template(name).render(variables, message=message)
        except _RENDER_ERRORS as exc:
            raise template_error(exc, self._loader) from None
        info = self._loader.find(name).info
        if outside.strip():
            stray = outside.strip().splitlines()[0][:60]
            raise PromptTemplateError(
                Problem(
                    str(info.path),
                    None,
                    f"template {name}",
                    f"text outside a message() block: {stray!r}",
                )
            )
        if not messages or messages[-1]["role"] != "user":
            raise PromptTemplateError(
                Problem(
                    str(info.path),
                    None,
                    f"template {name}",
                    "a prompt must produce messages and end with a user message",
                )
            )
        return messages, loaded
