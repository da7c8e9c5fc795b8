"""The shell: dashboard, caseload, and the pages around casework."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_GET

from monia.access import policy
from monia.access.purposes import Purpose
from monia.accounts import unsent
from monia.accounts.language import remember_account_language
from monia.accounts.services import user_language_set
from monia.casework import exception_selectors, list_selectors, selectors, stages
from monia.casework.list_selectors import CaseListOptions
from monia.enotify import selectors as enotify_selectors
from monia.network import referral_selectors
from monia.portal import safety_selectors
from monia.systemic import selectors as systemic_selectors
from monia.teams import selectors as teams_selectors
from monia.ui import charts
from monia.ui.rows import id_url
from monia.web import caseload_html, dashboard_html
from monia.web.forms import CaseListForm, OnDateForm

if TYPE_CHECKING:
    from monia.accounts.models import User
    from monia.teams.models import Team


def language_set(request: HttpRequest) -> HttpResponse:
    """Django's language switch; a logged-in user's choice is also stored on their account,
    so that their pages after the next login and their e-mails are in it."""
    response = i18n.set_language(request)
    language = request.POST.get(i18n.LANGUAGE_QUERY_PARAMETER, "")
    if request.method == "POST" and request.user.is_authenticated and language:
        user_language_set(user=policy.user_of(request), language=language)
    return response


class LoginView(auth_views.LoginView):
    """The login page; after login the pages are in the language stored on the account
    (the account's own choice wins over a switch made on a shared computer's login page)."""

    template_name = "web/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["unsent_waiting"] = unsent.waiting(self.request)
        return context

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        return remember_account_language(response, policy.user_of(self.request))


def _list_options(request: HttpRequest, user: User) -> tuple[CaseListOptions, list[Team]]:
    """The lists' filters and sorting from the query string, through the allow-list; the
    county's teams to filter by for a senior official (her lists hold the county's)."""
    county_scope = policy.case_list_scope(user) == "county" and user.county_id
    teams = teams_selectors.teams_of_county(user.county_id) if county_scope else []
    options = CaseListOptions.allowed(
        stage=request.GET.get("stage"),
        team=request.GET.get("team"),
        due=request.GET.get("due"),
        sort=request.GET.get("sort"),
        teams={t.pk for t in teams},
    )
    return options, teams


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    elsewhere = policy.front_page_elsewhere(user)
    if elsewhere:
        return redirect(elsewhere)
    visible = policy.cases_visible_to(user)
    options, teams = _list_options(request, user)
    board = selectors.dashboard_for_user(
        user=user,
        visible=visible,
        today=timezone.localdate(),
        warn_working_days=settings.MONIA_DUE_SOON_WORKING_DAYS,
        options=options,
        my_page=request.GET.get("page"),
        team_page=request.GET.get("others_page"),
    )
    # The sub-selects of the visible (open) cases compiled once for the queries below.
    visible_once = list_selectors.compiled_once(visible)
    tasks = list(systemic_selectors.open_tasks_for(user).filter(case__in=visible_once))
    open_cases = list_selectors.compiled_once(stages.open_cases(visible))
    late_waits = [
        w for w in referral_selectors.referral_waits(open_cases, timezone.localdate()) if w.late
    ]
    safety_alerts = safety_selectors.open_safety_alerts(visible_once)
    # Exceptions a supervisor must see (of open cases only), and the deadlines, a page each.
    exceptions = list_selectors.list_page(
        exception_selectors.case_exceptions(open_cases, today=timezone.localdate()),
        request.GET.get("exceptions_page"),
    )
    deadlines = list_selectors.list_page(board.deadlines, request.GET.get("deadlines_page"))
    # Every child the page names is logged: the lists' pages, the deadlines' and the
    # exceptions' pages, the tasks, the late waits and the safety alerts.
    named = {
        *(row.pk for row in board.shown),
        *(item.case_id for item in [*deadlines, *exceptions, *tasks, *safety_alerts]),
        *(wait.referral.case_id for wait in late_waits),
    }
    policy.log_case_list(
        user, list_selectors.cases_to_log(visible, named), purpose=Purpose.DASHBOARD
    )
    case_url = id_url("case_detail")
    return render(
        request,
        "web/dashboard.html",
        {
            "board": board,
            "list_form": CaseListForm(options=options, teams=teams),
            "list_options": options,
            "may_record_intake": policy.may_record_intake(user),
            "others_scope": policy.case_list_scope(user),
            "enotifications_waiting": enotify_selectors.enotifications_waiting_count(user),
            "tasks": tasks,
            "safety_alerts": safety_alerts,
            "exceptions": exceptions,
            "deadlines": deadlines,
            "late_waits": late_waits,
            "support_target": settings.MONIA_SUPPORT_TARGET_DAYS,
            "today": timezone.localdate(),
            "warn_days": settings.MONIA_DUE_SOON_WORKING_DAYS,
            # The rows' links, reversed once for the page (monia/ui/rows.py).
            "case_url": case_url,
            # The four tables' rows, written in Python (monia/web/dashboard_html.py).
            "my_rows": dashboard_html.case_rows(board.my_cases.object_list, case_url),
            "team_rows": dashboard_html.case_rows(board.team_cases.object_list, case_url),
            "deadline_rows": dashboard_html.deadline_rows(deadlines.object_list, case_url),
            "exception_rows": dashboard_html.exception_rows(exceptions.object_list, case_url),
            "portal_url": id_url("case_portal"),
            "referrals_url": id_url("case_referrals"),
            "task_done_url": id_url("task_done"),
        },
    )


def _caseload_history(history: selectors.CaseloadSeries) -> dict[str, Any]:
    """The last twelve months: the team's (or county's) total as one line, each worker in a
    small chart of their own on a shared scale, and the data table of both."""
    months = [d.strftime("%m/%y") for d in history.dates]
    totals = [sum(history.children[w.pk][i] for w in history.workers) for i in range(len(months))]
    head, body = caseload_html.history_table(
        [w.display_name for w in history.workers],
        [
            (
                d.strftime("%m/%Y"),
                [history.children[w.pk][i] for w in history.workers] + [history.caps[i], totals[i]],
            )
            for i, d in enumerate(history.dates)
        ],
    )
    return {
        "total_chart": charts.line_chart(
            [(str(_("In total")), totals)], months, width=420, height=220, pad_right=40
        ),
        "per_worker": caseload_html.small_multiples(
            charts.small_multiples(
                [(w.display_name, history.children[w.pk]) for w in history.workers],
                months,
                reference=(str(_("Cap")), history.caps),
            )
        ),
        "history_head": head,
        "history_body": body,
    }


@login_required
@require_GET
def caseload(request: HttpRequest) -> HttpResponse:
    """Children per designated worker against the statutory cap: counts, no client data."""
    user = policy.user_of(request)
    scope = policy.caseload_scope(user)
    if scope is None:  # no caseloads to show this user (the menu offers none either)
        raise policy.NotFound
    # A senior official's caseloads are the county's: she may narrow them to one team.
    teams = teams_selectors.teams_of_county(scope[0]) if scope[1] is None else []
    form = OnDateForm(request.GET or None, teams=teams)
    valid = form.is_valid()
    on = (form.cleaned_data["on"] if valid else None) or timezone.localdate()
    county_id, team_id = scope
    if valid and form.cleaned_data.get("team"):
        team_id = int(form.cleaned_data["team"])
    # The chart's last month end is the date asked: its caseloads are the bars.
    series = selectors.caseload_series(county_id=county_id, until=on, team_id=team_id)
    rows: list[selectors.Caseload] = series.latest()
    history: dict[str, Any] = _caseload_history(series)
    scale = max([r.cap for r in rows] + [r.children for r in rows] + [1])
    bars, table = caseload_html.bars_and_rows(rows, scale)
    return render(
        request,
        "web/caseload.html",
        {"form": form, "on": on, "rows": rows, "bars": bars, "table": table, **history},
    )


@login_required
def unsent_resume(request: HttpRequest) -> HttpResponse:
    """What the worker sent after her session ended (accounts/unsent.py): shown to her, to send
    again with a fresh CSRF token, or to throw away."""
    kept = unsent.take(request, policy.user_of(request).pk)
    if request.method == "POST":
        unsent.forget(request)
        return redirect("dashboard")
    if kept is None:
        return redirect("dashboard")
    return render(request, "web/unsent_resume.html", {"kept": kept})
