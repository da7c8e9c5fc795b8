"""The client search's first step alone: what typed words mean in a register-sized
vocabulary (``people.name_selectors.words_meant`` over ``people.NameWord``).

    DATABASE_URL=postgres://…/monia_x_bench .venv/bin/python bench/vocabulary_lookup.py
                                                   [--fill] [--plans] [query …]

``--fill`` puts a national register's vocabulary into the (migrated, otherwise unused)
database: the synthetic names' words, 100,000 invented ones as ``bench/generate.py`` makes
them (long: 2–4 syllables and an ending) and 20,000 short ones of 3–6 letters (a real
register has many: Aho, Ilo, Mäki, Nylund, and other languages' names), then VACUUM
ANALYZE (a GIN index filled by COPY keeps a pending list until then, and the planner,
seeing it, reads the whole table instead: 355 ms a lookup). Then each query's one
statement is run under ``EXPLAIN (ANALYZE, BUFFERS)`` seven times: the median and the
slowest execution, the planning time, and the rows the indexes gave that the conditions
then refused (``rechecked``: the work beyond the index). docs/performance.md, "Typos".
"""

from __future__ import annotations

import os
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "monia.settings")

QUERIES = [
    "Nylnd",
    "Mäkl",
    "Lindrs",
    "Korhnen",
    "Virrtanen",
    "Virtanen",
    "Hämäläinen",
    "Aino Nylnd",
    "Anna-Liisa Virtanen",
]
RUNS = 7


def fill() -> int:
    from django.db import connection

    from bench import data
    from bench.register import _ONSETS, _VOWELS, vocabulary_padding
    from monia.people.models import NameWord
    from monia.people.name_selectors import fold, name_words

    taken: set[str] = set()
    for name in (*data.FEMALE_NAMES, *data.MALE_NAMES, *data.LAST_NAMES):
        taken |= name_words(name)
    words = taken | set(vocabulary_padding(random.Random(7), 100_000, taken=taken))
    rng, short = random.Random(8), set()
    while len(short) < 20_000:
        syllables = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(2))
        word = fold(syllables[: rng.randint(2, 4)] + rng.choice(("", "n", "s", "k", "nd", "rs")))
        if 3 <= len(word) <= 6 and word not in words:
            short.add(word)
    NameWord.objects.bulk_create(
        [NameWord(word=w) for w in sorted(words | short)], batch_size=5000, ignore_conflicts=True
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE people_nameword")
    return NameWord.objects.count()


def explain(query: str) -> str:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monia.people.name_selectors import typed_words, words_meant
    from monia.people.selectors import search_terms

    words = typed_words(search_terms(query))
    with CaptureQueriesContext(connection) as captured:
        meant = words_meant(words)
    sql = captured.captured_queries[-1]["sql"]
    runs, planning, plan = [], [], []
    with connection.cursor() as cursor:
        for _ in range(RUNS):
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = [row[0] for row in cursor.fetchall()]
            runs.append(_ms(plan, "Execution Time"))
            planning.append(_ms(plan, "Planning Time"))
    rechecked = sum(int(line.split(": ")[1]) for line in plan if "Rows Removed by" in line)
    line = (
        f"{query:22} meant {[len(m) for m in meant]!s:12} median {statistics.median(runs):6.2f}"
        f" ms, slowest {max(runs):6.2f}, planning {statistics.median(planning):4.2f},"
        f" rechecked {rechecked}"
    )
    return "\n".join([line, *plan]) if "--plans" in sys.argv else line


def _ms(plan: list[str], label: str) -> float:
    return float(next(line for line in plan if line.startswith(label)).split()[2])


def main() -> None:
    import django

    django.setup()
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--fill" in sys.argv:
        print(f"vocabulary: {fill()} words")
    print(f"load average {os.getloadavg()[0]:.1f}")
    for query in args or QUERIES:
        print(explain(query))


if __name__ == "__main__":
    main()
