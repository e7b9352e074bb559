"""The small error hierarchy every face renders the same way.

Expected failures (bad input, missing files, unreachable endpoints) raise a subclass of
``WorkbenchError``. The CLI prints ``str(error)`` on stderr and exits with
``error.exit_code``; the TUI shows it as a notification. Anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass


class WorkbenchError(Exception):
    """Base class for expected failures, carrying a one-line message and an exit code."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Problem:
    """One problem in an input file: ``path:line: field: message``."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class InputError(WorkbenchError):
    """Bad user input (brief, CSV, config, flags). Holds one or more problems."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ConfigError(WorkbenchError):
    """The workspace or LLM configuration is unusable."""

    exit_code = 2


class NotFoundError(WorkbenchError):
    """A named thing (variant, campaign, template, workspace) does not exist."""

    exit_code = 3


class LLMError(WorkbenchError):
    """A call to the model failed. ``kind`` names the failure for diagnosis and retries.

    Kinds: ``not_found`` (404 / wrong base URL), ``auth`` (401/403), ``balance`` (402),
    ``rate_limit`` (429), ``timeout``, ``server`` (5xx), ``model_not_found``,
    ``connection``, ``bad_response`` (unparseable body), ``validation`` (content that
    failed the kind's model after the repair round), ``format_rejected`` (the endpoint
    refused the ``response_format`` sent: 4xx/5xx naming it; never retried as is).
    """

    exit_code = 4

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        retry_after: float | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.retry_after = retry_after
        self.status = status  # the HTTP status, when the endpoint answered with one

    @property
    def retryable(self) -> bool:
        return self.kind in {"rate_limit", "timeout", "server", "connection"}


class StoreError(WorkbenchError):
    """The database could not be opened or is not a workbench database."""

    exit_code = 5
