"""``workbench ab ...``: A/B experiments, assignment, results, reports, winners, pitfalls."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from workbench.abtest.numbers import lift_points, p_text, pct, span
from workbench.cli.common import (
    CAMPAIGN_HELP,
    DbOption,
    JsonOption,
    campaign_id,
    catalog,
    err,
    out,
    print_json,
    wb,
)
from workbench.errors import InputError, NotFoundError, Problem
from workbench.i18n import Catalog

if TYPE_CHECKING:
    from workbench.abtest.reports import ExperimentReport

app = typer.Typer(help="A/B tests: experiments, assignment, results, statistics, winners.")

ExperimentArg = Annotated[int, typer.Argument(help="Experiment id (see `ab list`).")]
CampaignOption = Annotated[str | None, typer.Option("--campaign", help=CAMPAIGN_HELP)]
MetricOption = Annotated[
    str | None, typer.Option("--metric", help="click, conversion or share (default: the brief's).")
]


def _bad(flag: str, value: object, message: str) -> InputError:
    return InputError(Problem(flag, None, str(value), message))


def _floats(flag: str, text: str | None) -> list[float] | None:
    if text is None:
        return None
    try:
        return [float(part) for part in text.split(",")]
    except ValueError:
        raise _bad(flag, text, "must be numbers separated by commas") from None


@app.command("create")
def create(
    campaign: CampaignOption = None,
    segment: Annotated[str | None, typer.Option("--segment", help="Only this segment.")] = None,
    deliverable: Annotated[
        int | None, typer.Option("--deliverable", help="Only deliverables[N].")
    ] = None,
    variants: Annotated[
        str | None,
        typer.Option("--variants", help="Hand-picked variant ids or uids, a,b,c."),
    ] = None,
    control: Annotated[
        str | None, typer.Option("--control", help="Control variant (default: the first).")
    ] = None,
    weights: Annotated[
        str | None, typer.Option("--weights", help="Planned split, e.g. 1,1,2 (default equal).")
    ] = None,
    metric: MetricOption = None,
    alpha: Annotated[float | None, typer.Option("--alpha", help="Default: the brief's.")] = None,
    mde: Annotated[float, typer.Option("--mde", help="Minimum detectable effect.")] = 0.2,
    relative: Annotated[
        bool, typer.Option("--relative/--absolute", help="Is --mde relative to the control?")
    ] = True,
    power: Annotated[float, typer.Option("--power", help="Power for the planned sample.")] = 0.8,
    name: Annotated[str | None, typer.Option("--name", help="Experiment name.")] = None,
    include_drafts: Annotated[
        bool,
        typer.Option("--include-drafts", help="Also take variants not approved yet (warned)."),
    ] = False,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Create experiments from approved variants: per segment x deliverable, or hand-picked."""
    from workbench.abtest.experiments import (
        ExperimentOptions,
        create_from_variants,
        create_manual,
        experiment_summary,
    )

    workbench = wb(db)
    t = catalog(workbench)
    options = ExperimentOptions(
        metric=metric,
        alpha=alpha,
        control=control,
        weights=_floats("--weights", weights),
        mde=mde,
        mde_relative=relative,
        power=power,
        name=name,
        include_drafts=include_drafts,
    )
    store = workbench.store
    unapproved = 0
    if variants is not None:
        if campaign or segment or deliverable is not None:
            raise _bad("--variants", variants, "use either --variants or --campaign filters")
        keys = [k.strip() for k in variants.split(",") if k.strip()]
        new_id = create_manual(store, keys, options)
        created = [(new_id, True)]
        arms = store.ab.get_experiment(new_id).arms
        unapproved = sum(1 for a in arms if a.variant_status != "approved")
    elif campaign is None:
        raise _bad("--campaign", "", "give --campaign (with optional filters) or --variants")
    else:
        campaign = campaign_id(workbench, campaign)
        creation = create_from_variants(
            store, str(campaign), segment=segment, deliverable=deliverable, options=options
        )
        created = [(c.id, c.created) for c in creation.experiments]
        unapproved = creation.unapproved
        for g in creation.skipped:
            err.print(t("ab.skipped", where=g.where, reason=g.skip_reason(t)))
        if not created:
            raise NotFoundError(t("ab.none_eligible", campaign=campaign))
    if unapproved:
        err.print(f"[yellow]{t('ab.drafts_warning', n=unapproved)}[/]")
    experiments = {e.id: e for e in store.ab.list_experiments(ids=[i for i, _ in created])}
    if json_out:
        print_json(
            [{**experiment_summary(experiments[i]), "created": is_new} for i, is_new in created]
        )
        return
    for i, is_new in created:
        e = experiments[i]
        key = "ab.created" if is_new else "ab.exists"
        metric = t.name("metric", e.metric)
        out.print(t(key, id=i, name=e.name, arms=len(e.arms), metric=metric))


@app.command("list")
def list_experiments(
    campaign: CampaignOption = None, json_out: JsonOption = False, db: DbOption = None
) -> None:
    """List experiments with their arms."""
    from workbench.abtest.experiments import experiment_summary

    workbench = wb(db)
    campaign = campaign_id(workbench, campaign)
    items = [experiment_summary(e) for e in workbench.store.ab.list_experiments(campaign)]
    if json_out:
        print_json(items)
        return
    t = catalog(workbench)
    if not items:
        out.print(t("ab.none"))
        return
    table = Table("ID", t("col.segment"), t("col.kind"), t("col.channel"), t("ab.col.arms"))
    table.add_column(t("ab.col.metric"))
    table.add_column(t("col.status"))
    for e in items:
        arms = " ".join(
            f"{a['arm']}={a['variant_id']}" + ("*" if a["control"] else "") for a in e["arms"]
        )
        table.add_row(
            str(e["id"]),
            e["segment"] or "-",
            t.name("kind", e["kind"]),
            t.name("channel", e["channel"]) or "-",
            arms,
            t.name("metric", e["metric"]),
            t.name("ab_status", e["status"]),
        )
    out.print(table)
    out.print(t("ab.control_mark"))


@app.command("assign")
def assign_users(
    experiment: ExperimentArg,
    users: Annotated[Path, typer.Option("--users", help="CSV with a user_id column.")],
    holdout: Annotated[
        float, typer.Option("--holdout", help="Share of users held out (get nothing).")
    ] = 0.0,
    out_path: Annotated[
        Path | None, typer.Option("--out", help="Send list CSV (default ab-<id>-send.csv).")
    ] = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Assign users to arms (deterministic per experiment) and write the send list."""
    from workbench.abtest.assign import assign

    workbench = wb(db)
    target = out_path or Path(f"ab-{experiment}-send.csv")
    base_url = workbench.settings.tracking.base_url
    result = assign(workbench.store, experiment, users, target, holdout, base_url)
    if json_out:
        print_json(result.to_json())
        return
    t = catalog(workbench)
    out.print(t("ab.assigned", users=result.users, holdout=result.holdout, out=result.out))
    table = Table(t("ab.col.arm"), t("ab.col.variant"), t("ab.col.users"), t("ab.col.planned"))
    table.add_column(t("ab.col.realised"))
    for a in result.arms:
        name = a.arm + ("*" if a.control else "")
        table.add_row(
            name, str(a.variant_id), str(a.users), pct(a.planned_share, 1), pct(a.share, 1)
        )
    out.print(table)


def _print_import(t: Catalog, summary: Any, json_out: bool) -> None:
    if json_out:
        print_json(summary.__dict__)
        return
    out.print(
        t(
            "ab.imported",
            path=summary.path,
            rows=summary.rows,
            written=summary.written,
            variants=summary.variants,
            dates=summary.dates,
        )
    )


FileArg = Annotated[Path, typer.Argument(help="File to import.")]


@app.command("import")
def import_csv(file: FileArg, json_out: JsonOption = False, db: DbOption = None) -> None:
    """Import daily results CSV: variant_id,date,impressions,clicks,conversions[,shares,...]."""
    from workbench.abtest.importing import import_results

    workbench = wb(db)
    _print_import(catalog(workbench), import_results(workbench.store, file), json_out)


@app.command("import-events")
def import_events_cmd(file: FileArg, json_out: JsonOption = False, db: DbOption = None) -> None:
    """Import an event log (JSONL: user_id, variant_id, event, ts)."""
    from workbench.abtest.importing import import_events

    workbench = wb(db)
    _print_import(catalog(workbench), import_events(workbench.store, file), json_out)


@app.command("import-scans")
def import_scans_cmd(file: FileArg, json_out: JsonOption = False, db: DbOption = None) -> None:
    """Import poster QR scans (CSV/JSONL: ts, utm_content or url, optional user_id)."""
    from workbench.abtest.importing import import_scans

    workbench = wb(db)
    _print_import(catalog(workbench), import_scans(workbench.store, file), json_out)


def _report_table(t: Catalog, r: ExperimentReport) -> None:
    srm = r.srm_p_value
    metric = t.name("metric", r.metric)
    out.print(f"[bold]#{r.id} {escape(str(r.name))}[/] · {t('ab.col.metric')}: {metric}")
    if not any(a.impressions for a in r.arms):
        out.print(t("ab.no_data_yet"))
    if srm is None:
        out.print(t("ab.srm_none"))
    elif r.srm_alert:
        out.print(f"[bold red]{t('ab.srm_alert', p=p_text(srm))}[/]")
    else:
        out.print(t("ab.srm_ok", p=p_text(srm)))
    holm = len(r.arms) > 2
    table = Table(t("ab.col.arm"), t("ab.col.users"), t("ab.col.rate"), t("ab.col.lift"))
    table.add_column(t("ab.col.p_adj" if holm else "ab.col.p"))
    table.add_column(t("ab.col.bayes"))
    table.add_column(t("ab.col.verdict"))
    for a in r.arms:
        if not a.impressions:  # no data: no 0% rate, no 50%/20% that read like results
            none = t("tui.ab.v.no_data")
            label = f"{a.arm}{'*' if a.control else ''} {a.variant_id}"
            table.add_row(label, "0", none, "-", "-", "-", t(f"ab.arm.{a.verdict}"))
            continue
        rate = f"{pct(a.rate, 1)}\n{span(a.ci_low, a.ci_high)}"
        lift = "-"
        if a.lift_abs is not None:
            lift = f"{lift_points(a.lift_abs, a.lift_rel)}\n{span(a.lift_ci_low, a.lift_ci_high)}"
        bayes = f"{pct(a.prob_beat_control, 1)}\n{pct(a.prob_best, 1)}"
        verdict = t(f"ab.arm.{a.verdict}")
        if a.verdict == "need_more" and a.need_more:
            verdict = t("ab.arm.need_n", n=a.need_more)
        if a.early:
            verdict += " " + t("ab.arm.early")
        table.add_row(
            f"{a.arm}{'*' if a.control else ''} {a.variant_id}",
            str(a.impressions),
            rate,
            lift,
            p_text(a.p_value_adjusted),
            bayes,
            verdict,
        )
    out.print(table)
    for warning in r.warnings:
        out.print(f"[yellow]{t('ab.warn.' + warning)}[/]")
    verdict = t(f"ab.verdict.{r.verdict}", winner=r.winner, arm=r.winner_arm)
    if r.early:
        verdict += t("ab.early")
    out.print(f"[bold]{verdict}[/]")
    if r.planned_n_per_arm:
        out.print(t("ab.planned", n=r.planned_n_per_arm))
    sources = sorted(
        {
            f"{a.arm} {field}: {t('ab.source.' + source)}"
            for a in r.arms
            for field, source in (a.sources.to_json() if a.sources else {}).items()
            if source != "imported"
        }
    )
    if sources:
        out.print(t("ab.source", sources="; ".join(sources)))


@app.command("report")
def report(
    experiment: Annotated[int | None, typer.Argument(help="Experiment id.")] = None,
    campaign: CampaignOption = None,
    metric: MetricOption = None,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Also write a PNG chart per experiment here.")
    ] = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Statistics per experiment: SRM check first, rates, lifts, p-values, Bayesian, verdict."""
    from workbench.abtest.analysis import analyze
    from workbench.abtest.clicks import with_endpoint_clicks
    from workbench.abtest.experiments import METRICS

    if metric is not None and metric not in METRICS:
        raise _bad("--metric", metric, f"must be one of {', '.join(METRICS)}")
    if (experiment is None) == (campaign is None):
        raise _bad("--campaign", campaign or "", "give an experiment id or --campaign")
    workbench = wb(db)
    store = workbench.store
    if experiment is not None:
        experiments = [store.ab.get_experiment(experiment)]
    else:
        campaign = campaign_id(workbench, campaign)
        experiments = store.ab.list_experiments(campaign)
        if not experiments:
            raise NotFoundError(f"no experiments for campaign {campaign!r}")
    reports = [analyze(with_endpoint_clicks(store, e), metric) for e in experiments]
    charts: list[Path] = []
    if chart is not None:
        from workbench.abtest.chart import render_chart

        t = catalog(workbench)
        charts = [render_chart(r, chart / f"ab-{r.id}-{r.metric}.png", t) for r in reports]
    if json_out:
        print_json(
            [
                {**r.to_json(), "chart": str(charts[i]) if charts else None}
                for i, r in enumerate(reports)
            ]
        )
        return
    t = catalog(workbench)
    for r in reports:
        _report_table(t, r)
        out.print()
    for path in charts:
        out.print(t("ab.chart", path=path))


@app.command("size")
def size(
    baseline: Annotated[float, typer.Option("--baseline", help="Control rate, e.g. 0.2.")],
    mde: Annotated[float, typer.Option("--mde", help="Minimum detectable effect.")],
    relative: Annotated[
        bool, typer.Option("--relative", help="--mde is relative (0.1 = +10% of baseline).")
    ] = False,
    alpha: Annotated[float, typer.Option("--alpha", help="Significance level.")] = 0.05,
    power: Annotated[float, typer.Option("--power", help="Power.")] = 0.8,
    arms: Annotated[int, typer.Option("--arms", help="Arms including control.")] = 2,
    json_out: JsonOption = False,
) -> None:
    """Users needed per arm (Evan Miller's formula)."""
    from workbench.abtest.stats import sample_size

    try:
        result = sample_size(baseline, mde, relative=relative, alpha=alpha, power=power, arms=arms)
    except ValueError as exc:
        flag = next(
            (f for f in ("baseline", "alpha", "power", "arms") if str(exc).startswith(f)), "mde"
        )
        value = {"baseline": baseline, "alpha": alpha, "power": power, "arms": arms}.get(flag, mde)
        raise _bad(f"--{flag}", value, str(exc)) from None
    if json_out:
        print_json(
            {
                "n_per_arm": result.n_per_arm,
                "n_total": result.n_per_arm * result.arms,
                "n_exact": result.n_exact,
                "baseline": result.baseline,
                "target": result.target,
                "alpha": result.alpha,
                "alpha_per_comparison": result.alpha_per_comparison,
                "power": result.power,
                "arms": result.arms,
                "formula": result.formula,
            }
        )
        return
    t = catalog(wb())  # the workspace's language (no database needed)
    out.print(
        t(
            "ab.size",
            n=f"{result.n_per_arm:,}",
            total=f"{result.n_per_arm * result.arms:,}",
            baseline=pct(result.baseline, 2),
            target=pct(result.target, 2),
        )
    )
    out.print(t("ab.formula_text", formula=result.formula))


@app.command("promote")
def promote_cmd(
    experiment: ExperimentArg,
    metric: MetricOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Promote a winner that is not approved (audited).")
    ] = False,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why --force (recorded in the audit trail).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Mark an approved winner (it becomes a few-shot example) and archive the losers."""
    from workbench.abtest.learn import promote

    workbench = wb(db)
    result = promote(
        workbench.store,
        experiment,
        metric,
        force=force,
        reason=reason,
        actor=workbench.settings.workspace.reviewer,
    )
    t = catalog(workbench)
    line = t(
        "ab.promoted",
        id=experiment,
        variant=result.winner_variant_id,
        arm=result.winner_arm,
        losers=result.losers,
    )
    line += t("ab.early") if result.early else ""
    out.print(line + (t("ab.forced") if force else ""))


@app.command("stop")
def stop_cmd(
    experiment: ExperimentArg,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why (recorded in the audit trail).")
    ] = None,
    db: DbOption = None,
) -> None:
    """End a running experiment (audited): its variants may join a new experiment."""
    from workbench.abtest.lifecycle import stop

    workbench = wb(db)
    stop(workbench.store, experiment, actor=workbench.settings.workspace.reviewer, reason=reason)
    out.print(catalog(workbench)("ab.stopped", id=experiment))


@app.command("pitfalls")
def pitfalls_cmd(
    campaign: CampaignOption = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only this content kind.")] = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """The pitfall guide: losing variants of decided experiments, with their numbers."""
    from workbench.abtest.learn import pitfalls
    from workbench.textview import preview

    workbench = wb(db)
    items = pitfalls(workbench.store, campaign_id(workbench, campaign), kind)
    if json_out:
        print_json(items)
        return
    t = catalog(workbench)
    if not items:
        out.print(t("ab.pitfalls_none"))
        return
    table = Table("ID", t("col.kind"), t("col.segment"), t("ab.col.rate"), t("ab.col.lift"))
    table.add_column(t("ab.col.p_adj"))
    table.add_column(t("col.content"))
    for p in items:
        lift = "-" if p["lift_abs"] is None else lift_points(p["lift_abs"], digits=2)
        table.add_row(
            f"{p['variant_id']} (#{p['experiment_id']})",
            t.kind_name(p["kind"], p["channel"] or "-", sep=":"),
            p["segment"] or "-",
            f"{pct(p['rate'], 2)} ({p['successes']}/{p['impressions']})",
            lift,
            p_text(p["p_value_adjusted"]),
            preview(p["kind"], p["content"] or {}, 30),
        )
    out.print(table)
