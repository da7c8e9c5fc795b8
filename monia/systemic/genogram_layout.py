"""Where each person of a genogram goes. Pure Python over ``genogram_data``'s dict.

Generations are rows (older above). Partners sit side by side; children hang from their
parents' union; the household the child lives in is kept together in each row so that
one boundary can be drawn around it. Ordering is a few barycentre sweeps; x positions are
the least-squares fit to where parents and children want each person, under the minimum
spacing (pool-adjacent-violators), swept down and up a few times.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

SYMBOL = 40  # the side of a square, the diameter of a circle
SLOT = 168  # the least distance between two persons' centres: a symbol and its label
ROW = 150  # from one generation to the next
MARGIN = 60
TOP = 56  # room above the oldest row for curved emotional lines
BAR_DROP = 14  # partnership line below the partners' symbols
LEG_SHIFT = 10
ORDER_SWEEPS = 4
PLACE_SWEEPS = 3
PARENT_KINDS = ("biological", "adoptive", "foster")


@dataclass
class Union:
    """Parents (0–2) and the children who hang from them, each with the kind of tie."""

    id: str
    parents: tuple[int, ...]
    status: str = ""  # a couple's partnership status; "unknown" when none is recorded
    children: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Layout:
    x: dict[int, float]
    y: dict[int, float]
    rows: list[list[int]]
    unions: list[Union]
    width: float
    height: float

    def legs(self, union: Union) -> dict[int, float]:
        """Where each parent's line leaves the symbol: off-centre, towards the partner,
        for someone with several partners, so that each partnership is its own line."""
        if len(union.parents) < 2:
            return {p: self.x[p] for p in union.parents}
        a, b = sorted(union.parents, key=lambda p: self.x[p])
        couples = [u.parents for u in self.unions if len(u.parents) == 2]
        shift = {p: LEG_SHIFT if sum(p in c for c in couples) > 1 else 0.0 for p in (a, b)}
        return {a: self.x[a] + shift[a], b: self.x[b] - shift[b]}

    def mid(self, union: Union) -> float:
        legs = self.legs(union)
        return sum(legs.values()) / len(legs)


def union_id(parents: tuple[int, ...]) -> str:
    return "u-" + "-".join(str(p) for p in sorted(parents)) if parents else "u-siblings"


def build_unions(data: dict[str, Any]) -> list[Union]:
    """Couples from the partnerships, and for each child one union per kind of parenthood."""
    unions: dict[str, Union] = {}

    def get(parents: tuple[int, ...], status: str = "unknown") -> Union:
        parents = tuple(sorted(parents))
        key = union_id(parents)
        if key not in unions:
            unions[key] = Union(key, parents, status if len(parents) == 2 else "")
        return unions[key]

    # The register can be inconsistent (a "partner" a generation apart): such a pair is
    # not drawn as a couple; the data table still lists the tie.
    generation = {p["id"]: p["generation"] for p in data["persons"]}

    def same_row(*ids: int) -> bool:
        return len({generation.get(i) for i in ids}) == 1 and ids[0] in generation

    partners: dict[int, set[int]] = defaultdict(set)
    for p in data["partnerships"]:
        if not same_row(p["a"], p["b"]):
            continue
        get((p["a"], p["b"]), p["status"] or "unknown")
        partners[p["a"]].add(p["b"])
        partners[p["b"]].add(p["a"])
    parents_of: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for link in data["parent_links"]:
        parents_of[link["child"]][link["kind"]].append(link["parent"])
    for child, by_kind in sorted(parents_of.items()):
        real = {p for kind in PARENT_KINDS for p in by_kind.get(kind, [])}
        for kind in PARENT_KINDS:
            group = sorted(p for p in by_kind.get(kind, []) if p in generation)
            for i in range(0, len(group), 2):
                pair = tuple(group[i : i + 2])
                for parents in [pair] if same_row(*pair) else [(p,) for p in pair]:
                    get(parents).children.append((child, kind))
        for step in sorted(by_kind.get("step", [])):
            if not partners[step] & real:  # else the partnership line already says it
                get((step,)).children.append((child, "step"))
    _attach_parentless_siblings(data, parents_of, get)
    return [u for u in unions.values() if u.children or len(u.parents) == 2]


def _attach_parentless_siblings(data: dict[str, Any], parents_of: Any, get: Any) -> None:
    """A sibling recorded without parents hangs beside the child, its tie marked unknown."""
    index = data["index"]
    loose = [
        p["id"] for p in data["persons"] if p["role"] == "sibling" and p["id"] not in parents_of
    ]
    if not loose:
        return
    own = parents_of.get(index, {})
    kind = next((k for k in PARENT_KINDS if own.get(k)), None)
    if kind is None:
        home = get(())
        home.children.append((index, "unknown"))
    else:
        home = get(tuple(sorted(own[kind])[:2]))
    home.children.extend((p, "unknown") for p in loose)


def compute(data: dict[str, Any]) -> Layout:
    persons = {p["id"]: p for p in data["persons"]}
    unions = build_unions(data)
    gens = sorted({p["generation"] for p in persons.values()})
    rows = [[pid for pid in persons if persons[pid]["generation"] == g] for g in gens]
    ordering = _Ordering(persons, unions, rows)
    rows = ordering.run()
    x = _Placement(rows, unions, ordering.blocks_of).run()
    shift = MARGIN + SYMBOL - min(x.values(), default=0.0)
    x = {pid: v + shift for pid, v in x.items()}
    y = {pid: TOP + SYMBOL / 2 + r * ROW for r, row in enumerate(rows) for pid in row}
    width = max(x.values(), default=0.0) + SLOT - SYMBOL / 2 + MARGIN
    height = TOP + len(rows) * ROW
    return Layout(x, y, rows, unions, width, height)


class _Ordering:
    """The order of persons in each row: partners together, children under parents."""

    def __init__(self, persons: dict[int, Any], unions: list[Union], rows: list[list[int]]):
        self.persons = persons
        self.parent_unions: dict[int, list[Union]] = defaultdict(list)
        self.child_unions: dict[int, list[Union]] = defaultdict(list)
        for u in unions:
            for parent in u.parents:
                self.child_unions[parent].append(u)
            for child, _kind in u.children:
                self.parent_unions[child].append(u)
        couples = [u.parents for u in unions if len(u.parents) == 2]
        self.rows = rows
        self.blocks_of = [_blocks(row, couples, persons) for row in rows]

    def _birth_key(self, pid: int) -> tuple[int, int]:
        p = self.persons[pid]
        return (p["birth_year"] or p["expected_year"] or 9999, pid)

    def run(self) -> list[list[int]]:
        pos = {pid: float(i) for row in self.rows for i, pid in enumerate(row)}
        for sweep in range(ORDER_SWEEPS):
            indices = range(len(self.rows)) if sweep % 2 == 0 else reversed(range(len(self.rows)))
            for r in indices:
                self._order_row(r, pos, down=sweep % 2 == 0)
        for r in range(len(self.rows)):
            self._household_together(r, pos)
        return [[pid for block in blocks for pid in block] for blocks in self.blocks_of]

    def _neighbours(self, pid: int, down: bool) -> list[int]:
        if down:
            return [p for u in self.parent_unions[pid] for p in u.parents]
        return [c for u in self.child_unions[pid] for c, _kind in u.children]

    def _order_row(self, r: int, pos: dict[int, float], *, down: bool) -> None:
        def key(block: list[int]) -> tuple[float, tuple[int, int]]:
            near = [pos[n] for pid in block for n in self._neighbours(pid, down) if n in pos]
            mean = sum(near) / len(near) if near else sum(pos[p] for p in block) / len(block)
            return (mean, min(self._birth_key(p) for p in block))

        blocks = sorted(self.blocks_of[r], key=key)
        for block in blocks:
            self._orient(block, pos)
        self.blocks_of[r] = blocks
        for i, pid in enumerate(p for block in blocks for p in block):
            pos[pid] = float(i)

    def _orient(self, block: list[int], pos: dict[int, float]) -> None:
        """Turn a chain of partners so that each end leans towards its own relatives."""
        if len(block) < 2:
            return

        def lean(pid: int) -> float | None:
            near = [pos[n] for d in (True, False) for n in self._neighbours(pid, d) if n in pos]
            return sum(near) / len(near) if near else None

        first, last = lean(block[0]), lean(block[-1])
        if first is not None and last is not None and first > last:
            block.reverse()
        elif (first is None or last is None) and self.persons[block[0]]["gender"] == "female":
            if self.persons[block[-1]]["gender"] == "male":  # by convention he stands left
                block.reverse()

    def _household_together(self, r: int, pos: dict[int, float]) -> None:
        blocks = self.blocks_of[r]
        home = [i for i, b in enumerate(blocks) if any(self.persons[p]["household"] for p in b)]
        if len(home) < 2 or home[-1] - home[0] + 1 == len(home):
            return
        centre = sum(home) / len(home)
        inside = [blocks[i] for i in home]
        before = [b for i, b in enumerate(blocks) if i not in home and i < centre]
        after = [b for i, b in enumerate(blocks) if i not in home and i >= centre]
        self.blocks_of[r] = before + inside + after
        for i, pid in enumerate(p for block in self.blocks_of[r] for p in block):
            pos[pid] = float(i)


def _blocks(
    row: list[int], couples: Sequence[tuple[int, ...]], persons: dict[int, Any]
) -> list[list[int]]:
    """Partners chained side by side; everyone else alone."""
    members = set(row)
    links: dict[int, set[int]] = defaultdict(set)
    for a, b in couples:
        if a in members and b in members:
            links[a].add(b)
            links[b].add(a)
    seen: set[int] = set()
    blocks = []
    for pid in sorted(row):
        if pid in seen:
            continue
        component, stack = [], [pid]
        while stack:
            cur = stack.pop()
            if cur in seen:
                continue
            seen.add(cur)
            component.append(cur)
            stack.extend(sorted(links[cur] - seen))
        blocks.append(_chain(component, links))
    return blocks


def _chain(component: list[int], links: dict[int, set[int]]) -> list[int]:
    """Order partners as a path; someone with several partners goes in the middle."""
    if len(component) == 1:
        return component
    ends = [p for p in sorted(component) if len(links[p]) == 1]
    if len(ends) == 2 and all(len(links[p]) <= 2 for p in component):
        path, prev = [ends[0]], None
        while len(path) < len(component):
            nxt = next(n for n in sorted(links[path[-1]]) if n != prev)
            prev = path[-1]
            path.append(nxt)
        return path
    hub = max(sorted(component), key=lambda p: len(links[p]))
    rest = [p for p in sorted(component) if p != hub]
    left, right = rest[::2], rest[1::2]
    return [*reversed(left), hub, *right]


class _Placement:
    """x positions: children under their parents' union, unions over their children."""

    def __init__(
        self, rows: list[list[int]], unions: list[Union], blocks_of: list[list[list[int]]]
    ):
        self.rows = rows
        self.unions = [u for u in unions if u.parents]
        block_start = {b[0] for blocks in blocks_of for b in blocks}
        # a little more room between blocks than between partners
        self.gaps = [
            [0.0] + [SLOT + (12 if pid in block_start else 0) for pid in row[1:]] for row in rows
        ]
        self.row_of = {pid: r for r, row in enumerate(rows) for pid in row}

    def run(self) -> dict[int, float]:
        x: dict[int, float] = {}
        for r, row in enumerate(self.rows):
            acc = 0.0
            for pid, gap in zip(row, self.gaps[r], strict=True):
                acc += gap
                x[pid] = acc
        for _ in range(PLACE_SWEEPS):
            for r in range(1, len(self.rows)):
                self._fit(r, self._wish_down(r, x), x)
            for r in reversed(range(len(self.rows) - 1)):
                self._fit(r, self._wish_up(r, x), x)
        for r in range(1, len(self.rows)):
            self._fit(r, self._wish_down(r, x), x)
        return x

    def _wish_down(self, r: int, x: dict[int, float]) -> dict[int, list[float]]:
        wishes: dict[int, list[float]] = defaultdict(list)
        for u in self.unions:
            kids = sorted(
                (c for c, _k in u.children if self.row_of.get(c) == r), key=lambda c: x[c]
            )
            if not kids or any(p not in x for p in u.parents):
                continue
            mid = sum(x[p] for p in u.parents) / len(u.parents)
            for i, c in enumerate(kids):
                wishes[c].append(mid + (i - (len(kids) - 1) / 2) * SLOT)
        return wishes

    def _wish_up(self, r: int, x: dict[int, float]) -> dict[int, list[float]]:
        wishes: dict[int, list[float]] = defaultdict(list)
        for u in self.unions:
            kids = [x[c] for c, _k in u.children if c in x]
            if not kids or self.row_of.get(u.parents[0]) != r:
                continue
            target = sum(kids) / len(kids)
            mid = sum(x[p] for p in u.parents) / len(u.parents)
            for p in u.parents:
                wishes[p].append(x[p] + target - mid)
        return wishes

    def _fit(self, r: int, wishes: dict[int, list[float]], x: dict[int, float]) -> None:
        row = self.rows[r]
        want = [sum(wishes[p]) / len(wishes[p]) if wishes.get(p) else x[p] for p in row]
        weight = [1.0 if wishes.get(p) else 0.2 for p in row]
        placed = isotonic_spaced(want, weight, self.gaps[r])
        for pid, value in zip(row, placed, strict=True):
            x[pid] = value


def isotonic_spaced(want: list[float], weight: list[float], gaps: list[float]) -> list[float]:
    """Positions as near ``want`` as possible (weighted least squares) with each at least
    ``gaps[i]`` right of the one before: pool-adjacent-violators on shifted values."""
    offsets, acc = [], 0.0
    for gap in gaps:
        acc += gap
        offsets.append(acc)
    pools: list[list[float]] = []  # [mean, weight, count]
    for w, o, wt in zip(want, offsets, weight, strict=True):
        pools.append([w - o, wt, 1])
        while len(pools) > 1 and pools[-2][0] > pools[-1][0]:
            m2, w2, n2 = pools.pop()
            m1, w1, n1 = pools.pop()
            pools.append([(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, n1 + n2])
    out: list[float] = []
    for mean, _w, count in pools:
        out.extend([mean] * int(count))
    return [v + o for v, o in zip(out, offsets, strict=True)]
