"""What every content kind provides to the pipeline.

A kind (``copy``, ``title``, ``poster``, ``video_script``) owns its output model, the JSON
Schema sent to the model, and the parsing that turns one LLM answer into variant contents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel

if TYPE_CHECKING:
    from workbench.brief.models import Brief, Deliverable


class ContentError(ValueError):
    """The model's answer does not fit the kind. ``str()`` is sent back in the repair round."""


class KindSpec(Protocol):
    name: str

    def call_size(self, deliverable: Deliverable) -> int:
        """How many variants one LLM call yields (titles: all of them; others: 1)."""
        ...

    def response_model(self, deliverable: Deliverable, count: int) -> type[BaseModel]:
        """The pydantic model of one LLM answer carrying ``count`` variants."""
        ...

    def json_schema(self, deliverable: Deliverable, count: int) -> dict[str, Any]:
        """JSON Schema of one answer, for ``response_format`` and the prompt."""
        ...

    def parse(
        self, data: Any, deliverable: Deliverable, brief: Brief, count: int
    ) -> list[dict[str, Any]]:
        """Validate one parsed JSON answer and split it into ``count`` variant contents.

        Raises ``ContentError`` with a plain message naming every problem (sent back to
        the model in the repair round).
        """
        ...
