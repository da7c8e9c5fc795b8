"""The shape of the code, measured: imports run one way, access decisions stay out of views,
modules stay small. docs/architecture.md draws the same layers and names the exceptions."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

MONIA = Path(__file__).resolve().parents[1]

# Apps from the ground floor up; an app may import any app on its own floor or below.
LAYERS: list[set[str]] = [
    {"ui", "jobs"},
    {"teams"},
    {"accounts", "people"},
    {"access", "attachments"},
    {"casework"},
    {"decisions"},
    {"network"},
    {"notify", "rights", "mfa"},
    {"experts", "training", "experience", "devgroups"},
    {"consult", "contrib", "netmeet"},
    {"systemic"},
    {"sosmeta", "letters"},
    {"portal", "calendar", "archive", "reporting"},
    {"dialogue", "voice"},
    {"events", "peer"},
    {"feedback"},
    {"enotify"},
    {"api", "web"},
    {"demo"},
]
FLOOR = {app: i for i, floor in enumerate(LAYERS) for app in floor}

# The only imports that climb, each inside a function (never at module level) — see
# docs/architecture.md, "Imports that climb".
CLIMBS_ALLOWED = {
    ("access", "casework"),  # the staff policy loads the Case it rules on
    ("access", "systemic"),  # policy.meeting_get_for_user loads the TeamMeeting it rules on
}
MAX_CLIMBS = 3


def _modules() -> list[Path]:
    return [
        p
        for p in MONIA.rglob("*.py")
        if "migrations" not in p.parts and "tests" not in p.parts and p.name != "conftest.py"
    ]


def _app_of(path: Path) -> str | None:
    rel = path.relative_to(MONIA).parts
    return rel[0] if len(rel) > 1 else None


def _imports(path: Path, *, module_level_only: bool) -> set[str]:
    """The Monia apps a module imports: at module level (what runs on import), or anywhere
    (inside functions and ``if TYPE_CHECKING:`` blocks too: a type is a tie as well)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes: list[ast.AST] = list(tree.body) if module_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
            if node.module == "monia":
                names = [f"monia.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "monia" and len(parts) > 1 and parts[1] in FLOOR:
                found.add(parts[1])
    return found


def _edges(*, module_level_only: bool) -> dict[tuple[str, str], list[str]]:
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in _modules():
        app = _app_of(path)
        if app is None or app not in FLOOR:
            continue
        for target in _imports(path, module_level_only=module_level_only) - {app}:
            edges[(app, target)].append(str(path.relative_to(MONIA)))
    return edges


def _has_cycle(edges: set[tuple[str, str]]) -> list[str]:
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = 2
        path.pop()
        return []

    for node in list(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_every_app_has_a_floor() -> None:
    apps = {
        p.name
        for p in MONIA.iterdir()
        if p.is_dir() and (p / "__init__.py").exists() and p.name not in {"tests"}
    }
    assert apps - set(FLOOR) == set(), "add the new app to LAYERS and docs/architecture.md"


def test_no_import_cycle_between_apps_at_module_level() -> None:
    assert _has_cycle(set(_edges(module_level_only=True))) == []


def test_imports_that_climb_are_the_named_few_and_never_at_module_level() -> None:
    every = _edges(module_level_only=False)
    climbs = {edge for edge in every if FLOOR[edge[0]] < FLOOR[edge[1]]}
    assert climbs <= CLIMBS_ALLOWED, {e: every[e] for e in climbs - CLIMBS_ALLOWED}
    assert len(climbs) <= MAX_CLIMBS
    module_level = _edges(module_level_only=True)
    assert not [e for e in module_level if FLOOR[e[0]] < FLOOR[e[1]]]


def test_the_ground_floor_imports_nothing_of_monia() -> None:
    for path in (MONIA / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("monia"), path
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("monia") for a in node.names), path


def _view_modules() -> list[Path]:
    return [p for p in _modules() if p.name == "views.py" or p.name.endswith("_views.py")]


def test_views_decide_no_access_and_query_nothing_themselves() -> None:
    """Access rules live beside the data (policy.py, each app's access.py), reads in
    selectors: a view that checks ``.role`` or touches ``.objects`` is a bug."""
    offences = []
    for path in _view_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"role", "objects"}:
                offences.append(f"{path.relative_to(MONIA)}:{node.lineno} .{node.attr}")
    assert offences == []


def test_no_module_is_over_500_lines_and_the_staff_policy_stays_short() -> None:
    long = {
        str(p.relative_to(MONIA)): n
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}
    assert len((MONIA / "access" / "policy.py").read_text().splitlines()) <= 350


def test_partner_and_portal_rules_live_beside_their_data() -> None:
    """policy.py is the staff rule; it names no partner or client model."""
    policy = (MONIA / "access" / "policy.py").read_text(encoding="utf-8")
    for other in ("SharingGrant", "Consultation", "ContributionRequest", "NetworkMeeting"):
        assert other not in policy
    assert "PortalCase" not in policy
    for app in ("network", "consult", "contrib", "netmeet", "portal"):
        assert (MONIA / app / "access.py").exists()


def test_every_form_refuses_hostile_input_through_the_ground_floor() -> None:
    """Every form of Monia inherits ``monia.ui.fields.MoniaForm`` (NUL and control
    characters, dates outside 1900–2100): a plain ``forms.Form`` would let them through."""
    plain = []
    for path in _modules():
        if path == MONIA / "ui" / "fields.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for base in node.bases:
                    name = ast.unparse(base)
                    if name in {"forms.Form", "Form", "django.forms.Form"}:
                        plain.append(f"{path.relative_to(MONIA)}:{node.lineno} {node.name}")
    assert plain == []
