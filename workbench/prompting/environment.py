"""The Jinja2 environment prompts render in: layered loader, sandbox, strict undefined.

Templates are looked up in the workspace ``prompts/`` folder first and in the packaged
``prompts/`` folder second, file by file, so a workspace can replace a single partial.
Every render runs in a ``SandboxedEnvironment`` with ``StrictUndefined``. The environment
records which template files each render loaded, so the caller can hash exactly those.
Template failures become ``PromptTemplateError`` (an ``InputError``) naming file and line.
"""

from __future__ import annotations

import hashlib
import json
import os
import traceback
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment, safe_range

from workbench.errors import InputError, Problem
from workbench.guards.budget import (
    CountedRange,
    check_size,
    checked_power,
    checked_repeat,
    counted,
    tick,
)
from workbench.guards.decode import read_text

TEMPLATE_SUFFIX = ".j2"
MAX_TEMPLATE_BYTES = 1_000_000

# Characters escaped inside data blocks so that data can close neither a fence (```)
# nor a tag-like delimiter (</system>); the JSON stays valid and reads the same.
_DATA_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "`": "\\u0060"})

_LOADED: ContextVar[set[str] | None] = ContextVar("workbench_prompt_loaded", default=None)


class PromptTemplateError(InputError):
    """A prompt template failed: syntax, undefined variable, sandbox violation, missing file."""


@dataclass(frozen=True)
class TemplateInfo:
    name: str  # e.g. "frameworks/aida.j2"
    origin: str  # "packaged" | "workspace"
    path: Path
    sha256: str


@dataclass(frozen=True)
class _Source:
    info: TemplateInfo
    text: str


class LayeredLoader(BaseLoader):
    """Workspace folder over packaged folder, resolved per file name."""

    def __init__(self, packaged: Path, workspace: Path | None = None) -> None:
        self.layers: list[tuple[str, Path]] = []
        if workspace is not None:
            self.layers.append(("workspace", workspace))
        self.layers.append(("packaged", packaged))
        self.sources: dict[str, _Source] = {}

    def find(self, name: str) -> _Source:
        cached = self.sources.get(name)
        if cached is not None:
            return cached
        try:
            pieces = split_template_path(name)
        except TemplateNotFound:
            raise TemplateNotFound(name) from None
        for origin, root in self.layers:
            path = inside(root, root.joinpath(*pieces))
            if path is not None and path.is_file():
                text = read_text(path, str(path), MAX_TEMPLATE_BYTES, "template")
                sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
                source = _Source(TemplateInfo(name, origin, path, sha), text)
                self.sources[name] = source
                return source
        raise TemplateNotFound(name)

    def get_source(
        self, environment: Any, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source = self.find(template)
        return source.text, str(source.info.path), lambda: True

    def list_templates(self) -> list[str]:
        names: set[str] = set()
        for _origin, root in self.layers:
            if not root.is_dir():
                continue
            for dirpath, _dirs, files in os.walk(root):
                for file in files:
                    full = Path(dirpath, file)
                    if file.endswith(TEMPLATE_SUFFIX) and inside(root, full) is not None:
                        names.add(full.relative_to(root).as_posix())
        return sorted(names)


def inside(root: Path, path: Path) -> Path | None:
    """``path`` resolved, if it stays inside ``root`` once symlinks are followed, else None.

    A workspace ``prompts/`` folder may hold a symlink to ``/etc/passwd`` or ``..``; such
    a template is treated as missing (the packaged one is used) instead of being read.
    """
    try:
        resolved = path.resolve(strict=True)
        base = root.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return None
    return resolved if resolved.is_relative_to(base) else None


class PromptEnvironment(SandboxedEnvironment):
    """The sandbox, recording every template loaded while a render is being tracked.

    Rendering is budgeted (:mod:`workbench.guards.budget`): every call and every ``range``
    step checks the deadline, ``**`` and ``*`` refuse results past the size budget, and
    every called function's result is size-checked, so a runaway template stops with one
    line instead of hanging or exhausting memory (and Ctrl-C works throughout).
    """

    intercepted_binops = frozenset({"**", "*"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = self._range

    @staticmethod
    def _range(*args: int) -> CountedRange:
        return counted(safe_range(*args))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        tick()
        if operator == "**":
            return checked_power(left, right)
        if operator == "*":
            return checked_repeat(left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        tick()
        result = super().call(__context, __obj, *args, **kwargs)
        check_size(result)
        return result

    def _load_template(self, name: str, globals: MutableMapping[str, Any] | None) -> Template:
        template = super()._load_template(name, globals)
        loaded = _LOADED.get()
        if loaded is not None and template.name is not None:
            loaded.add(template.name)
        return template


@contextmanager
def track_loaded() -> Iterator[set[str]]:
    """Collect the names of the templates loaded inside the ``with`` block."""
    loaded: set[str] = set()
    token = _LOADED.set(loaded)
    try:
        yield loaded
    finally:
        _LOADED.reset(token)


def data_json(value: Any) -> str:
    """A fenced JSON block holding user data; nothing in it can end the fence."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "), default=str)
    return "```json\n" + text.translate(_DATA_ESCAPES) + "\n```"


def compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def make_environment(loader: LayeredLoader) -> PromptEnvironment:
    env = PromptEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
        cache_size=-1,
    )
    env.filters["data_json"] = data_json
    env.filters["compact_json"] = compact_json
    return env


def template_error(exc: TemplateError | Exception, loader: LayeredLoader) -> PromptTemplateError:
    """Turn a Jinja failure into an error naming the template file and line."""
    by_path = {str(s.info.path): s.info for s in loader.sources.values()}
    path: str | None = None
    line: int | None = None
    if isinstance(exc, TemplateSyntaxError):
        line = exc.lineno
        path = exc.filename or (
            str(loader.sources[exc.name].info.path)
            if exc.name and exc.name in loader.sources
            else exc.name
        )
    else:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename in by_path:
                path, line = frame.filename, frame.lineno
                break
    if isinstance(exc, TemplateNotFound):
        message = f"prompt template {exc.name!r} not found"
    else:
        detail = " ".join(str(exc).split())
        message = f"{type(exc).__name__}: {detail[:300]}"
    where = path or "prompts"
    info = by_path.get(where)
    label = f"template {info.name} ({info.origin})" if info else "template"
    return PromptTemplateError(Problem(where, line, label, message))
