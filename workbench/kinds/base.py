"""What every content kind provides to the pipeline and to both faces.

A kind (``copy``, ``title``, ``poster``, ``video_script``, ``live_script``, ``theme_post``)
owns its output model, the JSON Schema sent to the model, the parsing that turns one LLM
answer into variant contents, the numbers its prompt states, the fields channel limits are
checked on, and its plain-text views. Callers dispatch through ``get_kind(name)``; adding a
kind touches its own module (plus its deliverable model, prompt and offline answer).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeVar, cast

from pydantic import BaseModel

from workbench.kinds.records import Content, PromptLimits
from workbench.kinds.sizelimits import schema_of

if TYPE_CHECKING:
    from workbench.brief.models import Brief, Deliverable
    from workbench.kinds.channels import ChannelSpec

C = TypeVar("C", bound=Content)
"""A kind's stored content (``CopyContent``, ``TitleContent``, ...; ``kinds/records.py``)."""
R = TypeVar("R", covariant=True)
"""A kind's answer as the model writes it (``CopyReply``, ``TitleReply``, ...)."""


DERIVED_KEYS = ("length", "sms_length", "sms_segments", "repairs")
"""Keys the workbench adds to a variant's content (counts, repair notes): never the model's."""


class ContentError(ValueError):
    """The model's answer does not fit the kind. ``str()`` is sent back in the repair round."""


@dataclass(frozen=True)
class LimitField:
    """One text of a variant that a channel's limits apply to."""

    field: str
    """The content key (``body``, ``title``, ``text``): findings' offsets point into it."""
    text: str
    """The field's text as stored."""
    spec: ChannelSpec
    """The channel or platform whose limits apply."""
    role: Literal["sms", "title", "body"]
    """Which limits: a whole SMS (signature, opt-out, parts), a title, or a body."""


class KindSpec(Protocol[C, R]):
    """A content kind over its stored content ``C`` and its answer ``R``.

    ``KINDS`` holds kinds of different content types, so a caller that dispatches by name
    gets a ``KindSpec[Any, Any]`` and passes the stored JSON through; each kind reads it as
    its own record.
    """

    name: str
    tracked_links: bool
    """Its text carries the campaign's landing URL, which link tracking replaces."""
    frameworks: bool
    """A copywriting framework (AIDA, PAS, ...) may shape it."""
    lint_scope: str | None
    """The compliance-term scope it is checked in when it has no channel (posters)."""
    carries_qr: bool
    """It can print a QR code (a diversion on platforms that forbid one)."""
    renders_image: bool
    """It becomes an image file (its words are not what the operator sends as text)."""
    standalone: bool
    """It is a whole piece (titles are headline candidates: the copy they head carries
    what every piece must say)."""

    def angles(self, lang: str) -> tuple[str, ...]:
        """The angles that make variants of one job differ, in ``lang`` (zh-CN unless
        en-US); variant ``i`` of a job takes ``angles[i % len]``."""
        ...

    def call_size(self, deliverable: Deliverable) -> int:
        """How many variants one LLM call yields (titles: all of them; others: 1)."""
        ...

    def response_model(self, deliverable: Deliverable, count: int) -> type[BaseModel]:
        """The pydantic model of one LLM answer carrying ``count`` variants."""
        ...

    def json_schema(self, deliverable: Deliverable, count: int) -> dict[str, Any]:
        """JSON Schema of one answer, for ``response_format`` and the prompt (the JSON
        document sent to the model: an edge)."""
        ...

    def parse(self, data: Any, deliverable: Deliverable, brief: Brief, count: int) -> list[C]:
        """Validate one parsed JSON answer and split it into ``count`` variant contents.

        Raises ``ContentError`` with a plain message naming every problem (sent back to
        the model in the repair round).
        """
        ...

    def prompt_limits(self, deliverable: Deliverable, lang: str, brand: str) -> PromptLimits:
        """The numbers the prompt states (the template variable ``limits``; stored with
        every generation, so JSON only)."""
        ...

    def limit_fields(self, content: C, target: str | None) -> list[LimitField]:
        """The texts of one variant that ``target``'s channel limits apply to."""
        ...

    def example_output(self, content: C) -> R:
        """One stored variant written as the answer the model gives (few-shot examples)."""
        ...

    def counts(self, content: C, target: str | None) -> dict[str, int]:
        """The counts stored beside the text (``length``; an SMS's ``sms_length`` and
        ``sms_segments``) as the text is now: recounted after an edit or a link swap."""
        ...

    def text(self, content: C) -> str:
        """The whole piece as an operator would read or paste it."""
        ...

    def headline(self, content: C) -> str:
        """The text a one-line preview starts from."""
        ...


class KindBase(Generic[C, R]):
    """Defaults a kind overrides where it differs (every kind writes its own ``headline``)."""

    name: str = ""
    tracked_links = False
    frameworks = False
    lint_scope: str | None = None
    carries_qr = False
    renders_image = False
    standalone = True
    angles_zh: tuple[str, ...] = ()
    angles_en: tuple[str, ...] = ()
    """The kind's angles in each language (``tests/kinds/test_kinds_protocol.py`` checks
    that every kind writes both)."""

    def angles(self, lang: str) -> tuple[str, ...]:
        return self.angles_en if lang == "en-US" else self.angles_zh

    def response_model(self, deliverable: Deliverable, count: int) -> type[BaseModel]:
        raise NotImplementedError(f"the {self.name or 'base'} kind names no answer model")

    def json_schema(self, deliverable: Deliverable, count: int) -> dict[str, Any]:
        return schema_of(self.response_model(deliverable, count))

    def limit_fields(self, content: C, target: str | None) -> list[LimitField]:
        return []

    def example_output(self, content: C) -> R:
        """The stored content without what the workbench added: the answer's keys."""
        return cast(R, {k: v for k, v in content.items() if k not in DERIVED_KEYS})

    def counts(self, content: C, target: str | None) -> dict[str, int]:
        return {}

    def text(self, content: C) -> str:
        return "\n".join(f"{k}: {v}" for k, v in content.items())
