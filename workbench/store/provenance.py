"""Where a variant came from, as an export shows it: the call that wrote it and its files."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Provenance:
    """The generation behind a variant version (an edit traces to its chain's first call)."""

    template: str | None
    """The prompt template's name; None when no call is on record."""
    template_hash: str | None
    """The rendered template's hash."""
    provider: str | None
    """Who answered: ``offline`` or the endpoint's provider name."""
    model: str | None
    """The model that answered."""
    prompt_tokens: int | None
    """Prompt tokens of that call, as the endpoint reported them."""
    completion_tokens: int | None
    """Completion tokens of that call."""
    generated_at: str | None
    """When the call was made (ISO 8601, UTC)."""
    assets: tuple[str, ...] = ()
    """The variant's rendered files (poster PNGs), in the order they were saved."""
