"""What an A/B action will do, as text for its confirm dialog: the experiments ``create``
would make (arms, the groups it skips and why, overlaps with running experiments), and a
promotion's verdict and the winner's approval state."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from workbench.abtest.experiments import arm_name, plan_groups
from workbench.abtest.reports import ExperimentReport
from workbench.store import Store
from workbench.store.abrecords import Experiment

Translate = Callable[..., str]


def preview_groups(store: Store, campaign: str, t: Translate) -> tuple[Text, int]:
    """The preview and how many experiments confirming would create."""
    text = Text()
    creatable = 0
    blocked = False
    for g in plan_groups(store, campaign):
        kind = g.variants[0].kind if g.variants else ""
        if g.existing is not None:
            text.append(f"= {g.where}  ", style="dim")
            text.append(t("tui.ab.preview_exists", id=g.existing) + "\n", style="dim")
        elif not g.eligible:
            text.append(f"✗ {g.where}  ", style="yellow")
            text.append(t("tui.ab.preview_skipped", reason=g.skip_reason(t)) + "\n", style="yellow")
        else:
            overlap = store.ab.running_overlap([v.id for v in g.variants])
            if overlap:
                blocked = True
                eid, name, vid = overlap[0]
                text.append(f"✗ {g.where}  ", style="bold red")
                message = t("tui.ab.preview_overlap", variant=vid, id=eid, name=name)
                text.append(message + "\n", style="bold red")
                continue
            creatable += 1
            arms = " ".join(
                f"{arm_name(i)}={v.id}" + ("*" if i == 0 else "")
                for i, v in enumerate(sorted(g.variants, key=lambda v: v.id))
            )
            text.append(f"✓ {g.where} {kind}  ", style="green")
            text.append(t("tui.ab.preview_arms", n=len(g.variants), arms=arms) + "\n")
    if blocked:
        text.append("\n" + t("tui.ab.preview_blocked"), style="bold red")
        creatable = 0
    return text, creatable


def promotion_body(
    experiment: Experiment, report: ExperimentReport, t: Translate
) -> tuple[Text, bool]:
    """The verdict, the winner and its review status; True when promotion is allowed."""
    text = Text()
    verdict = report.verdict
    text.append(t("tui.ab.promote_verdict", verdict=t(f"tui.ab.v.{verdict}")) + "\n")
    if verdict != "winner":
        text.append(t("tui.ab.promote_no_winner"), style="yellow")
        return text, False
    arm = next(a for a in experiment.arms if a.variant_id == report.winner)
    status = str(arm.variant_status)
    text.append(t("tui.ab.promote_winner", arm=arm.name, variant=arm.variant_id) + "\n")
    if report.early:
        text.append(t("tui.ab.promote_early") + "\n", style="yellow")
    style = "green" if status == "approved" else "bold red"
    text.append(t("tui.ab.promote_status", status=t(f"cal.status.{status}")) + "\n", style=style)
    if status != "approved":
        text.append(t("tui.ab.promote_needs_approval"), style="bold red")
        return text, False
    text.append(t("tui.ab.promote_effect"))
    return text, True
