"""The click endpoint over real HTTP on 127.0.0.1: 302 to the target, 404 for unknown
codes (stored as orphans, never counted), bots and previews not counted, unique clicks per
(code, visitor, day); then ``track stats``, ``ab report`` without a CSV, PostHog export."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
import uvicorn

from workbench.app import make_workbench
from workbench.cli.main import run
from workbench.store import Store
from workbench.store.variantrecord import Variant
from workbench.tracking.links import code_for
from workbench.tracking.server import make_app

BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) AppleWebKit/605.1.15 MicroMessenger/8.0"


class Endpoint:
    """uvicorn serving ``make_app`` on a socket bound (and listening) before the thread
    starts, so requests queue in the backlog instead of racing the start-up."""

    def __init__(self, db: Path) -> None:
        self.store = Store.open(db)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        config = uvicorn.Config(make_app(self.store), log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]})
        self.thread.start()

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join()  # the lifespan's end flushes the queued hits
        self.sock.close()
        self.store.close()


@pytest.fixture
def endpoint(tracked: Path) -> Iterator[Endpoint]:
    ep = Endpoint(tracked / "workbench.db")
    try:
        yield ep
    finally:
        if ep.thread.is_alive():
            ep.stop()


def _variants(tracked: Path) -> list[Variant]:
    wb = make_workbench(tracked)
    try:
        return wb.store.variants.rows(kind="copy")
    finally:
        wb.close()


def test_redirects_counts_and_refuses(tracked: Path, endpoint: Endpoint) -> None:
    a, b = _variants(tracked)[:2]
    with httpx.Client(base_url=endpoint.url, follow_redirects=False) as client:
        assert client.get("/healthz").status_code == 200
        first = client.get(f"/s/{code_for(a.uid)}", headers={"User-Agent": BROWSER})
        assert first.status_code == 302
        query = dict(parse_qsl(urlsplit(first.headers["location"]).query))
        assert query["utm_content"] == a.uid and query["utm_source"] == "brand_sms"
        assert query["store"] == "cd01" and first.headers["cache-control"] == "no-store"
        # Same visitor again (same IP and UA, same day): a hit, not a new unique click.
        assert client.get(f"/s/{code_for(a.uid)}", headers={"User-Agent": BROWSER}).is_redirect
        other = {"User-Agent": BROWSER + " Android"}
        assert client.get(f"/s/{code_for(a.uid)}", headers=other).is_redirect
        # Previews and crawlers are redirected but never counted.
        for ua in ("WhatsApp/2.23", "facebookexternalhit/1.1", "curl/8.0", ""):
            assert client.get(f"/s/{code_for(b.uid)}", headers={"User-Agent": ua}).is_redirect
        prefetch = {"User-Agent": BROWSER, "Sec-Purpose": "prefetch"}
        assert client.get(f"/s/{code_for(b.uid)}", headers=prefetch).is_redirect
        assert client.head(f"/s/{code_for(b.uid)}", headers={"User-Agent": BROWSER}).is_redirect
        # Unknown codes: 404, logged as orphans.
        assert client.get("/s/zzzzzzz", headers={"User-Agent": BROWSER}).status_code == 404
        assert client.get("/s/0000000", headers={"User-Agent": BROWSER}).status_code == 404
    endpoint.stop()
    store = Store.open(tracked / "workbench.db")
    try:
        stats = {r.variant_id: r for r in store.tracking.stats("tea-open")}
        assert (stats[a.id].hits, stats[a.id].unique) == (3, 2)
        assert (stats[b.id].hits, stats[b.id].unique, stats[b.id].bots) == (
            0,
            0,
            6,
        )
        assert {o.code for o in store.tracking.orphans()} == {"zzzzzzz", "0000000"}
        visitors = {h.visitor for h in store.tracking.clicks()}
        assert len(visitors) == 2 and not any("127.0.0.1" in v for v in visitors)
    finally:
        store.close()


def test_stats_report_and_export_without_a_csv(
    tracked: Path, endpoint: Endpoint, capsys: pytest.CaptureFixture[str]
) -> None:
    copies = [v for v in _variants(tracked) if v.deliverable_index == 0]
    assert run(["ab", "create", "--campaign", "tea-open", "--include-drafts"]) == 0
    users = tracked / "users.csv"
    users.write_text("user_id\n" + "".join(f"u{i}\n" for i in range(600)), encoding="utf-8")
    capsys.readouterr()
    assert run(["ab", "list", "--json"]) == 0
    experiment = json.loads(capsys.readouterr().out)[0]
    assert run(["ab", "assign", str(experiment["id"]), "--users", str(users)]) == 0
    arms = {a["variant_id"]: a for a in experiment["arms"]}
    clicks = {v.id: 0 for v in copies}
    with httpx.Client(base_url=endpoint.url) as client:
        for i, v in enumerate(copies):
            for visitor in range(5 + 10 * i):
                ua = f"{BROWSER} v{visitor}"
                client.get(f"/s/{code_for(v.uid)}", headers={"User-Agent": ua})
                clicks[v.id] += 1
    endpoint.stop()
    capsys.readouterr()
    assert run(["track", "stats", "--campaign", "tea-open", "--json"]) == 0
    stats = {r["variant_id"]: r for r in json.loads(capsys.readouterr().out)}
    for v in copies:
        assert stats[v.id]["code"] == code_for(v.uid)
        assert stats[v.id]["hits"] == stats[v.id]["unique"] == clicks[v.id]
    assert run(["ab", "report", str(experiment["id"]), "--metric", "click", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)[0]
    assigned = 0
    for row in report["arms"]:
        assert row["clicks"] == clicks[row["variant_id"]]
        assert row["sources"] == {"impressions": "assigned", "clicks": "endpoint"}
        assigned += row["impressions"]
        assert row["variant_id"] in arms
    assert assigned == 600
    # Imported results win over endpoint clicks for that arm (never both).
    first = report["arms"][0]
    results = tracked / "results.csv"
    results.write_text(
        "variant_id,date,impressions,clicks,conversions\n"
        f"{first['variant_id']},2026-03-10,100,7,1\n",
        encoding="utf-8",
    )
    assert run(["ab", "import", str(results)]) == 0
    capsys.readouterr()
    assert run(["ab", "report", str(experiment["id"]), "--metric", "click", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)[0]["arms"][0]
    assert (again["impressions"], again["clicks"]) == (100, 7)
    assert again["sources"] == {"impressions": "imported", "clicks": "imported"}
    out = tracked / "clicks.jsonl"
    assert run(["track", "export", "--out", str(out), "--campaign", "tea-open"]) == 0
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(events) == sum(clicks.values())
    assert {e["event"] for e in events} == {"link_click"}
    uids = {v.uid for v in copies}
    assert all(e["properties"]["variant"] in uids and e["distinct_id"] for e in events)
