"""Shared CLI plumbing: the global state, option types, consoles and output helpers."""

from __future__ import annotations

import functools
import inspect
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from workbench.app import EndpointOverrides, Workbench, make_workbench
from workbench.cli.safeconsole import ConsoleCatalog, SafeConsole
from workbench.i18n import Catalog, current_language
from workbench.locations import WORKSPACE_FILE
from workbench.store.campaignref import resolve_campaign

# json.dumps escapes C0 controls; C1 (0x80-0x9f, e.g. the 8-bit CSI) it writes raw, and so
# a lone surrogate (a stored prompt may hold one), which stdout cannot encode: \uXXXX both.
_C1 = re.compile("[\x7f-\x9f\ud800-\udfff]")
out = SafeConsole(highlight=False)
err = SafeConsole(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="Database file (else WORKBENCH_DB, else the workspace's workbench.db).",
        dir_okay=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CAMPAIGN_HELP = (
    "Campaign: its id, a unique id prefix, its name or its number in `workbench campaigns`."
)


@dataclass
class State:
    db: Path | None = None
    workspace: Path | None = None
    _wb: Workbench | None = field(default=None, repr=False)

    def workbench(self, db: Path | None = None) -> Workbench:
        if self._wb is None:
            self._wb = make_workbench(workspace=self.workspace, db=db or self.db)
        return self._wb

    def close(self) -> None:
        if self._wb is not None:
            self._wb.close()

    def db_path_hint(self) -> Path | None:
        """The database this command opened (for error lines), if any."""
        return self._wb.db_path if self._wb is not None else self.db


STATE = State()


def wb(db: Path | None = None) -> Workbench:
    return STATE.workbench(db)


def catalog(workbench: Workbench | None = None) -> Catalog:
    setting = None
    if workbench is not None and (workbench.workspace / WORKSPACE_FILE).is_file():
        setting = workbench.settings.workspace.language
    return ConsoleCatalog(current_language(setting))


def campaign_id(workbench: Workbench, text: str | None) -> str | None:
    """The campaign a CAMPAIGN argument names: id, unique prefix, name or list number
    (``workbench.store.campaignref``); ``None`` stays ``None``."""
    if text is None or not workbench.db_exists():
        return text
    return resolve_campaign(workbench.store.variants, text)


def print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    sys.stdout.write("\n")


PresetOption = Annotated[
    str | None, typer.Option("--preset", help="Provider preset: openai, deepseek, qwen, ...")
]
BaseUrlOption = Annotated[
    str | None, typer.Option("--base-url", help="OpenAI-compatible base URL (…/v1).")
]
ModelOption = Annotated[str | None, typer.Option("--model", help="Model name.")]
KeyEnvOption = Annotated[
    str | None,
    typer.Option("--api-key-env", help="Environment variable holding the API key."),
]
OfflineOption = Annotated[
    bool, typer.Option("--offline", help="Use the offline composer even if an endpoint is set.")
]

_ENDPOINT_FLAGS: tuple[tuple[str, Any, Any], ...] = (
    ("preset", PresetOption, None),
    ("base_url", BaseUrlOption, None),
    ("model", ModelOption, None),
    ("api_key_env", KeyEnvOption, None),
    ("offline", OfflineOption, False),
)
ENDPOINT = EndpointOverrides()
"""The default of a command's ``endpoint`` parameter; ``endpoint_options`` always replaces it."""
_R = TypeVar("_R")


def endpoint_options(*, offline: bool = True) -> Callable[[Callable[..., _R]], Callable[..., _R]]:
    """The endpoint option group: a command declares ``endpoint: EndpointOverrides = ENDPOINT``
    where the group belongs; Typer sees --preset, --base-url, --model, --api-key-env (and
    --offline unless ``offline=False``) there, and the command gets them as one
    ``EndpointOverrides``."""
    flags = _ENDPOINT_FLAGS if offline else _ENDPOINT_FLAGS[:-1]

    def decorate(func: Callable[..., _R]) -> Callable[..., _R]:
        signature = inspect.signature(func, eval_str=True)
        if "endpoint" not in signature.parameters:
            raise TypeError(f"{func.__name__}: endpoint_options needs an 'endpoint' parameter")
        params: list[inspect.Parameter] = []
        for param in signature.parameters.values():
            if param.name != "endpoint":
                params.append(param)
                continue
            params += [
                inspect.Parameter(name, param.kind, default=default, annotation=annotation)
                for name, annotation, default in flags
            ]

        @functools.wraps(func)
        def command(*args: Any, **kwargs: Any) -> _R:
            # Typer passes every flag; a direct call (``demo`` calls ``generate``) may pass
            # none, some, or a ready ``endpoint``: missing flags take their defaults
            if "endpoint" in kwargs:
                return func(*args, **kwargs)
            values = {name: kwargs.pop(name, default) for name, _, default in flags}
            return func(*args, endpoint=EndpointOverrides(**values), **kwargs)

        command.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params}
        command.__annotations__["return"] = signature.return_annotation
        return command

    return decorate
