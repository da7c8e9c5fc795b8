"""The table of docs/performance.md's "National scale in production (issue 15)", printed as
Markdown from the newest result files that ``make bench`` (scripts/bench.sh) writes:

    .venv/bin/python bench/summary.py

- the busy pages at national scale beside their floors (``bench/run.py --floors``);
- the caseload pages at small, county and national scale (the same runs);
- the access log's write and "who has seen my data" at the largest log generated
  (``bench/accesslog.py``);
- the load test through the production server (``bench/load.py``).

Each part names its file and the machine's load average when it was measured.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
BUSY = ("dashboard_page", "case_detail_page", "caseboard_page", "search_")
CASELOAD = ("caseload_page_worker", "caseload_page_senior")


TAG = "issue15"  # scripts/bench.sh tags its runs so; the newest date of each wins


def newest(pattern: str) -> tuple[Path, dict[str, Any]] | None:
    files = sorted(RESULTS.glob(pattern))  # the date in the name orders them
    return (files[-1], json.loads(files[-1].read_text())) if files else None


def _floored(scale: str) -> tuple[Path, dict[str, Any]] | None:
    return newest(f"{scale}-*-{TAG}.json")


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.1f}"


def pages() -> list[str]:
    found = _floored("national")
    if found is None:
        return ["(no national run with --floors yet)"]
    path, data = found
    out = [
        f"Busy pages, national scale (`{path.name}`; load average {data['load_average']}):",
        "",
        "| page | median ms | p95 ms | DB floor ms | framework floor ms | × DB floor | CPU ms "
        "| layout's Python ms | content's budget at 2× ms | content's Python ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in data["results"]:
        if r["name"].startswith(BUSY) and r.get("ratio") is not None:
            out.append(
                f"| {r['name']} | {_ms(r['median_ms'])} | {_ms(r['p95_ms'])} "
                f"| {_ms(r['db_floor_ms'])} | {_ms(r['framework_floor_ms'])} "
                f"| {r['ratio']:.1f} | {_ms(r.get('cpu_ms'))} "
                # Runs before the layout floor (7 December) have no such figures: "–".
                f"| {_ms(r.get('layout_python_ms'))} | {_ms(r.get('content_budget_ms'))} "
                f"| {_ms(r.get('content_python_ms'))} |"
            )
    return out


def caseloads() -> list[str]:
    runs = {s: _floored(s) for s in ("small", "county", "national")}
    out = [
        "Caseload pages by installation size (median ms, p95 in brackets):",
        "",
        "| page | small | county | national | national ÷ small |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in CASELOAD:
        cells, medians = [], {}
        for scale, found in runs.items():
            results = found[1]["results"] if found else []
            row = next((r for r in results if r["name"] == name), None)
            if row is None:
                cells.append("–")
                continue
            medians[scale] = row["median_ms"]
            cells.append(f"{row['median_ms']:.1f} ({row['p95_ms']:.1f})")
        ratio = (
            f"{medians['national'] / medians['small']:.2f}"
            if {"national", "small"} <= medians.keys()
            else "–"
        )
        out.append(f"| {name} | {' | '.join(cells)} | {ratio} |")
    files = ", ".join(f"`{f[0].name}`" for f in runs.values() if f)
    return [*out, "", f"Files: {files}." if files else "(no runs yet)"]


def access_log() -> list[str]:
    found = newest("accesslog-*.json")
    if found is None:
        return ["(no access-log run yet)"]
    path, data = found
    step = data["sizes"][-1]
    m = step["measured"]
    rows = step["size"].get("person_rows")
    out = [
        f"The access log at {rows:,} person rows (`{path.name}`):",
        "",
        "| | median ms | p95 ms | load |",
        "|---|---:|---:|---:|",
    ]
    labels = {
        "write": "list page's log write, the whole team's list",
        "write_paged": "list page's log write, a paged dashboard",
        "child": "who has seen my data, child",
        "guardian": "who has seen my data, guardian",
    }
    for key, label in labels.items():
        if key in m:
            extra = f" ({m[key]['persons']} children)" if "persons" in m[key] else ""
            load = m[key].get("load")
            load_text = f"{load[0]:.1f}" if isinstance(load, list) else str(load)
            out.append(
                f"| {label}{extra} | {_ms(m[key]['median_ms'])} | {_ms(m[key]['p95_ms'])} "
                f"| {load_text} |"
            )
    return out


def load_test() -> list[str]:
    found = newest(f"load-*-{TAG}.json")
    if found is None:
        return ["(no load test yet)"]
    path, data = found
    every, steady = data["pages"]["all"], data["steady_state"]["pages"]["all"]
    machine = data["machine"]
    return [
        f"Load test (`{path.name}`; {data['config'].get('users')} users, "
        f"{data['config'].get('minutes')} min; load average mean {machine['load1_mean']}, "
        f"max {machine['load1_max']}):",
        "",
        "| | requests | errors | requests/s | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| busy pages, whole run | {every['requests']} | {every['errors']} "
        f"| {every['per_second']} | {_ms(every['p50_ms'])} | {_ms(every['p95_ms'])} "
        f"| {_ms(every['p99_ms'])} |",
        f"| after the logins | {steady['requests']} | {steady['errors']} "
        f"| {steady['per_second']} | {_ms(steady['p50_ms'])} | {_ms(steady['p95_ms'])} "
        f"| {_ms(steady['p99_ms'])} |",
    ]


def main() -> None:
    for part in (pages(), caseloads(), access_log(), load_test()):
        print("\n".join(part), end="\n\n")


if __name__ == "__main__":
    main()
