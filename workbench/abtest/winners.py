"""A/B winners as few-shot examples for the ``example`` and ``hybrid`` prompt styles.

``winner_examples(store, job)``: promoted winners of the same kind, channel and language as
the job; the job's segment first, then the newest decision, then the strongest lift; at
most three, within a token budget. Imports nothing heavy: it runs on every prompt render.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict, cast

from pydantic import JsonValue

from workbench.kinds import get_kind
from workbench.store import Store
from workbench.store.abrecords import Outcome

if TYPE_CHECKING:
    from workbench.app import Workbench
    from workbench.llm.base import JobContext

EXAMPLE_TOKEN_BUDGET = 1500
MAX_WINNER_EXAMPLES = 3


class ExampleFacts(TypedDict, total=False):
    """The request a winner answered, as its brief stored it (values are the brief's JSON;
    empty ones are left out)."""

    brand: JsonValue
    """The brand's name."""
    product: JsonValue
    """The product's name."""
    selling_points: JsonValue
    offer: JsonValue
    segment: JsonValue
    """The segment's name (its id when it has none)."""
    goal: JsonValue
    """The campaign goal of the experiment."""


class WinnerEntry(TypedDict):
    """One winner as a few-shot entry, in the shape of an examples file's entry (checked
    by ``prompting.examples.parse_example`` like any other)."""

    id: str
    """``ab-e<experiment>-<variant uid>``."""
    kind: str
    channel: str | None
    language: str
    input: ExampleFacts
    output: JsonValue
    """The winner's content as the model's answer (``KindSpec.example_output``)."""


def _example_output(kind: str, content: dict[str, JsonValue]) -> JsonValue:
    return get_kind(kind).example_output(content)  # the kind drops what it computed itself


def _mapping(value: object) -> dict[str, JsonValue]:
    return value if isinstance(value, dict) else {}


def _example_input(row: Outcome, brief: dict[str, JsonValue]) -> ExampleFacts:
    """The request the winner answered: campaign facts from its brief, and its segment."""
    campaign = _mapping(brief.get("campaign"))
    product = _mapping(campaign.get("product")) or _mapping(row.product)
    brand = _mapping(campaign.get("brand")) or _mapping(row.brand)
    segment = _mapping(row.segment_data)
    facts: ExampleFacts = {
        "brand": brand.get("name") or (row.brand if isinstance(row.brand, str) else None),
        "product": product.get("name"),
        "selling_points": product.get("selling_points") or None,
        "offer": product.get("offer") or None,
        "segment": row.segment_name or segment.get("name") or row.segment_id,
        "goal": row.goal,
    }
    return cast(ExampleFacts, {k: v for k, v in facts.items() if v})


def _tokens(example: WinnerEntry) -> int:
    """A cheap upper-bound token estimate: one per CJK character, one per 4 other chars."""
    text = repr(example["input"]) + repr(example["output"])
    wide = sum(1 for ch in text if ord(ch) > 0x2E80)
    return wide + (len(text) - wide + 3) // 4


def winner_examples(
    store: Store,
    job: JobContext,
    *,
    budget: int = EXAMPLE_TOKEN_BUDGET,
    limit: int = MAX_WINNER_EXAMPLES,
) -> list[WinnerEntry]:
    """Few-shot example entries from A/B winners for this job's kind, channel and language."""
    d = job.deliverable
    channel = d.target
    language = job.brief.campaign.language
    rows = [
        r
        for r in store.ab.outcomes("winner", kind=d.kind, channel=channel)
        if (r.language or "zh-CN") == language and isinstance(r.content, dict)
    ]
    same_segment = job.segment.id

    def strength(r: Outcome) -> float:
        return float(r.lift_rel if r.lift_rel is not None else r.lift_abs or 0.0)

    # Stable sorts, least important key first: strongest, then newest, then same segment.
    rows.sort(key=strength, reverse=True)
    rows.sort(key=lambda r: r.decided_at, reverse=True)
    rows.sort(key=lambda r: r.segment_id != same_segment)
    examples: list[WinnerEntry] = []
    briefs: dict[str, dict[str, JsonValue]] = {}
    spent = 0
    for r in rows:
        campaign = r.campaign_id
        if campaign not in briefs:
            briefs[campaign] = store.ab.campaign_brief(campaign)
        example: WinnerEntry = {
            "id": f"ab-e{r.experiment_id}-{r.variant_uid}",
            "kind": d.kind,
            "channel": channel,
            "language": language,
            "input": _example_input(r, briefs[campaign]),
            "output": _example_output(d.kind, _mapping(r.content)),
        }
        cost = _tokens(example)
        if spent + cost > budget:
            continue
        spent += cost
        examples.append(example)
        if len(examples) >= limit:
            break
    return examples


def workbench_examples(workbench: Workbench, job: JobContext) -> list[WinnerEntry]:
    """The ``extra_examples`` callable of ``Workbench.prompts``: winners, if a database
    exists (rendering a prompt never creates one)."""
    if not workbench.db_exists():
        return []
    return winner_examples(workbench.store, job)
