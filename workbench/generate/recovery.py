"""What the runner does about two things real servers do: cut an answer off at
``max_tokens`` and reject the ``response_format`` a run asks for.

A cut-off answer (``finish_reason: "length"``) is not invalid JSON to be repaired: the
repair round asks again with a higher ``max_tokens``, and a second cut-off fails the job
with "stopped at max_tokens N". A ``response_format`` the endpoint rejects makes the run
fall back once to the next weaker mode (json_schema -> json_object -> none).
"""

from __future__ import annotations

from workbench.llm.base import WEAKER_MODE

FALLBACK = WEAKER_MODE
"""The next structured-output mode to try when the endpoint rejects the current one."""

REPAIR_MAX_TOKENS = 4096
"""The repair round's cap when the first answer was cut off and no cap was configured."""
MAX_TOKENS_CEILING = 32768
"""The repair round never asks for more than this."""


def length_problem(max_tokens: int | None, completion_tokens: int | None) -> str:
    """The one-line reason for a cut-off answer, naming the limit it hit."""
    limit = max_tokens or completion_tokens
    where = f"max_tokens {limit}" if limit else "the endpoint's max_tokens"
    return f"stopped at {where} (finish_reason length): the answer was cut off"


def raised_max_tokens(max_tokens: int | None, completion_tokens: int | None) -> int:
    """The repair round's ``max_tokens``: twice what the cut-off answer had, at least 4096
    when nothing was configured, never above the ceiling."""
    base = max_tokens or completion_tokens or 0
    wanted = max(2 * base, REPAIR_MAX_TOKENS if max_tokens is None else 2 * base)
    return max(1, min(MAX_TOKENS_CEILING, wanted))
