"""Typed workspace settings, read from ``workbench.toml``.

Every field has a docstring; unknown keys are errors naming the file and line. The API key is
never stored here: ``api_key_env`` names the environment variable that holds it, and the key
is resolved at call time (``llm/factory.resolve_endpoint``: explicit flag -> that variable).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from workbench.errors import ConfigError, InputError, Problem
from workbench.guards.decode import read_text as guarded_read_text
from workbench.guards.redact import register_secret

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


# -- scale (issue 16): Batch API shards, prices, off-peak window ---------------------------


class BatchSettings(_Section):
    max_requests: int = Field(default=50_000, ge=1, le=50_000)
    """Requests per batch file (providers accept at most 50,000)."""
    max_bytes: int = Field(default=100_000_000, ge=10_000, le=200_000_000)
    """Bytes per batch file (OpenAI accepts 200 MB, Qwen/DashScope and Zhipu 100 MB)."""
    poll_interval: float = Field(default=30.0, gt=0, le=3600)
    """Seconds between two status requests while waiting for a batch."""


class PriceSettings(_Section):
    input: float = Field(ge=0)
    """Price of one million input (prompt) tokens at the interactive endpoint."""
    output: float = Field(ge=0)
    """Price of one million output (completion) tokens at the interactive endpoint."""
    batch_factor: float = Field(default=0.5, gt=0, le=1)
    """Batch price as a share of the interactive price (OpenAI, Qwen, Zhipu 0.5; Moonshot 0.6)."""
    currency: str = Field(default="CNY", max_length=8)
    """Currency of the prices, shown with the estimate."""


class OffPeakSettings(_Section):
    start: str = Field(default="00:30", pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    """Start of the discount window, HH:MM in ``timezone`` (DeepSeek: 00:30 Beijing time)."""
    end: str = Field(default="08:30", pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    """End of the window, HH:MM (a window may run past midnight)."""
    timezone: str = "Asia/Shanghai"
    """IANA time zone the window is given in."""


class LLMSettings(_Section):
    preset: str = ""
    """Provider preset: openai, deepseek, qwen, moonshot, zhipu, ollama, vllm (fills base URL,
    default model and structured-output capability). Empty: use base_url as given."""
    base_url: str = ""
    """OpenAI-compatible base URL, e.g. https://api.deepseek.com/v1. Empty with no preset and no
    OPENAI_BASE_URL in the environment: the offline composer is used."""
    model: str = ""
    """Model name; empty takes the preset's default."""
    api_key_env: str = "OPENAI_API_KEY"
    """Name of the environment variable holding the API key (the key itself is never stored)."""
    temperature: float = Field(default=0.8, ge=0, le=2)
    """Sampling temperature."""
    timeout: float = Field(default=60.0, gt=0)
    """Seconds to wait for one response before giving up on that attempt."""
    max_retries: int = Field(default=3, ge=0, le=10)
    """Retries for rate limits, timeouts and server errors, with backoff (Retry-After honoured)."""
    structured_output: Literal["auto", "json_schema", "json_object", "none"] = "auto"
    """How JSON is asked for: auto (the preset's capability), json_schema, json_object, none."""
    stream: bool = True
    """Stream tokens as the model writes them (usage is still recorded)."""
    max_tokens: int | None = Field(default=None, gt=0)
    """Cap on completion tokens per call; None leaves it to the endpoint (whose own default
    may be small). An answer cut off at the cap (finish_reason "length") is reported as
    "stopped at max_tokens N" and asked again once with twice the cap (4096 when unset)."""
    rate_limit_wait: float = Field(default=60.0, ge=0, le=3600)
    """Seconds of backoff one call may spend on 429s (exponential with jitter, Retry-After
    and x-ratelimit-reset-* honoured) before it fails; per-minute limits need tens."""
    mode: Literal["interactive", "batch"] = "interactive"
    """How generate calls the model: interactive (chat completions, one call per job) or
    batch (the provider's Batch API: JSONL files, about half price, answers within 24 h)."""
    batch: BatchSettings = Field(default_factory=lambda: BatchSettings())
    """[llm.batch]: shard limits and polling of Batch API runs."""
    prices: PriceSettings | None = None
    """[llm.prices]: price per million tokens, for the cost estimate of generate --dry-run."""
    off_peak: OffPeakSettings = Field(default_factory=lambda: OffPeakSettings())
    """[llm.off_peak]: the discount window generate --off-peak waits for."""


class WorkspaceSettings(_Section):
    reviewer: str = "operator"
    """Name recorded in the audit trail for reviews done in this workspace."""
    language: Literal["zh-CN", "en-US"] = "zh-CN"
    """UI language and default content language."""


class GenerateSettings(_Section):
    concurrency: int = Field(default=8, ge=1, le=256)
    """Jobs in flight at once."""
    rpm: int = Field(default=0, ge=0)
    """Requests per minute cap (0: no cap)."""
    max_jobs: int = Field(default=50_000, ge=1, le=10_000_000)
    """Ceiling on the jobs one run's briefs expand into (segments x deliverables x styles x
    variants); validate and generate refuse briefs above it, with the count."""


class ScriptSettings(_Section):
    speech_rate_zh: float = Field(default=4.0, gt=0, le=12)
    """Voice-over pace for Chinese scripts: characters per second (a deliverable's
    speech_rate overrides it)."""
    speech_rate_en: float = Field(default=2.5, gt=0, le=12)
    """Voice-over pace for English scripts: words per second."""


class ReviewSettings(_Section):
    steps: list[str] = Field(default_factory=lambda: ["review"], min_length=1)
    """Approval steps in order, e.g. ["marketing", "legal"]: approved only after every one.
    A step may name who approves it: ``steps = [{name = "legal", reviewers = ["法务小王"]}]``
    (read into ``reviewers``)."""
    reviewers: dict[str, list[str]] = Field(default_factory=dict)
    """Who may approve each step (``[review.reviewers] legal = ["法务小王"]``, or the
    ``reviewers`` of a step table); a step not named here may be approved by anyone."""
    allow_same_reviewer: bool = False
    """Let one person approve two steps of the same version (separation of duties is the
    default: with several steps, each is approved by someone else)."""

    @model_validator(mode="before")
    @classmethod
    def _step_tables(cls, data: Any) -> Any:
        """``steps`` given as tables (``{name, reviewers}``) become names plus ``reviewers``."""
        if not isinstance(data, dict) or not isinstance(data.get("steps"), list):
            return data
        names: list[Any] = []
        reviewers = dict(data.get("reviewers") or {})
        for index, step in enumerate(data["steps"]):
            if not isinstance(step, dict):
                names.append(step)
                continue
            unknown = sorted(set(step) - {"name", "reviewers"})
            if unknown:
                raise ValueError(f"steps[{index}]: unknown key {unknown[0]!r} (name, reviewers)")
            name = step.get("name")
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"steps[{index}]: a step table needs a name")
            people = step.get("reviewers", [])
            if not isinstance(people, list) or not all(isinstance(p, str) for p in people):
                raise ValueError(f"steps[{index}].reviewers: a list of names")
            names.append(name)
            if people:
                reviewers[name] = people
        return {**data, "steps": names, "reviewers": reviewers}

    @model_validator(mode="after")
    def _reviewers_name_steps(self) -> ReviewSettings:
        for step, people in self.reviewers.items():
            if step not in self.steps:
                raise ValueError(f"reviewers: {step!r} is not one of the steps")
            if not [p for p in people if p.strip()]:
                raise ValueError(f"reviewers.{step}: name at least one reviewer")
        return self


class TrackingSettings(_Section):
    base_url: str = Field(default="", pattern=r"^(https?://[A-Za-z0-9.-]+(:[0-9]+)?/?)?$")
    """Short-link domain, e.g. https://t.example.cn (the brand's own, served by `workbench
    track serve` behind its HTTPS proxy): links become {base_url}/s/{code}. Empty: the
    landing URL with utm_content=<variant uid>."""


class Settings(_Section):
    workspace: WorkspaceSettings = Field(default_factory=lambda: WorkspaceSettings())
    llm: LLMSettings = Field(default_factory=lambda: LLMSettings())
    generate: GenerateSettings = Field(default_factory=lambda: GenerateSettings())
    review: ReviewSettings = Field(default_factory=lambda: ReviewSettings())
    scripts: ScriptSettings = Field(default_factory=lambda: ScriptSettings())
    tracking: TrackingSettings = Field(default_factory=lambda: TrackingSettings())

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read ``workbench.toml``; a missing file gives the defaults."""
        if not path.is_file():
            return cls()
        text = guarded_read_text(path, limit=1_000_000, what="TOML")
        try:
            data = tomllib.loads(text)
        except RecursionError:
            message = "TOML nested too deeply to read"
            raise InputError(Problem(str(path), None, "", message)) from None
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
            line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)
            message = re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(exc))
            raise InputError(
                Problem(str(path), line, "", f"TOML syntax error: {message}")
            ) from None
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            problems = []
            for err in exc.errors():
                loc = [str(p) for p in err["loc"]]
                problems.append(
                    Problem(str(path), _toml_line(text, loc), ".".join(loc), err["msg"])
                )
            raise InputError(problems) from None


def _toml_line(text: str, loc: list[str]) -> int | None:
    """Best-effort line of ``key`` inside ``[section]`` for an error message."""
    if not loc:
        return None
    section, key = (loc[0], loc[-1]) if len(loc) > 1 else ("", loc[0])
    current = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line.strip("[] ")
            if not section and current == key:
                return number
            continue
        name = line.split("=", 1)[0].strip().strip('"')
        if name == key and (current == section or not section):
            return number
    return None


def check_key_env(name: str) -> str:
    """``name`` when it can name an environment variable; a key pasted in by mistake is an error.

    The pasted value is registered as a secret first, so no message or log ever shows it.
    """
    if not _ENV_NAME.fullmatch(name):
        register_secret(name)
        raise ConfigError(
            "llm.api_key_env must be the NAME of an environment variable (e.g. "
            "OPENAI_API_KEY); it looks like a key itself, which is not shown"
        )
    return name
