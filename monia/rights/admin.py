"""Staff accounts, changes of access rights and the rights log in Django's admin.

- No page sets or shows a password: Django's "change password" page answers 403 and is
  not linked; "Send a password link" e-mails the user a one-time link instead.
- A change of the fields that grant access is a request (``RightsChange``) that another
  administrator approves or rejects on its page; what only takes away applies at once.
- The rights log is read-only. Django's groups are not offered: Monia's access follows
  the role, county and team, not Django permissions.
- Portal clients are not listed: their names are client data.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from monia.accounts.models import Role, User
from monia.rights import grants, selectors, services
from monia.rights.access import is_administrator, may_approve
from monia.rights.admin_forms import DecisionForm, StaffChangeForm, StaffCreationForm
from monia.rights.models import ChangeStatus, RightsChange, RightsLogEntry

if admin.site.is_registered(Group):
    admin.site.unregister(Group)

RIGHTS_TITLE = gettext_lazy("Access rights: a change waits for another administrator's approval")


def _errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@admin.register(User)
class StaffAdmin(UserAdmin):
    form = StaffChangeForm
    add_form = StaffCreationForm
    add_form_template = "admin/rights/staff_add_form.html"
    change_form_template = "admin/rights/staff_change_form.html"
    list_display = (
        "username",
        "first_name",
        "last_name",
        "role",
        "county",
        "team",
        "language",
        "is_active",
    )
    list_filter = ("role", "county", "team", "language", "is_active")
    filter_horizontal = ()
    readonly_fields = ("password_state", "waiting_change", "last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("username", "password_state")}),
        (
            gettext_lazy("Personal info"),
            {
                "fields": (
                    "first_name",
                    "last_name",
                    ("title", "title_sv", "title_en"),
                    "phone",
                    "language",
                )
            },
        ),
        (
            RIGHTS_TITLE,
            {
                "fields": (
                    "waiting_change",
                    "email",
                    "oidc_subject",
                    "role",
                    "county",
                    "team",
                    "organisation",
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "reason",
                ),
                "description": gettext_lazy(
                    "Taking a right away (deactivating, leaving a team or an organisation, "
                    "removing the staff or superuser flag) applies at once. Every other "
                    "change here is saved as a request; the person is told by e-mail."
                ),
            },
        ),
        (gettext_lazy("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "fields": (
                    "username",
                    "first_name",
                    "last_name",
                    "email",
                    ("title", "title_sv", "title_en"),
                    "phone",
                )
            },
        ),
        (gettext_lazy("Language"), {"fields": ("language",)}),
        (
            gettext_lazy("Access rights asked for"),
            {"fields": ("role", "county", "team", "organisation", "reason")},
        ),
    )
    actions = ["send_password_link"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        # Portal clients are persons of the client register, not staff: their names are
        # client data and the admin site shows none (they log in through identification).
        return super().get_queryset(request).exclude(role=Role.CLIENT)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # accounts are deactivated, never deleted: the logs name them

    def get_urls(self) -> list[Any]:
        return [
            path(
                "<id>/password-link/",
                self.admin_site.admin_view(self.password_link_view),
                name="accounts_user_password_link",
            ),
            *super().get_urls(),
        ]

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> Any:
        """Django's page to set another user's password: refused (issue 11, item 1)."""
        raise PermissionDenied

    @admin.display(description=gettext_lazy("Password"))
    def password_state(self, obj: User) -> str:
        if obj.has_usable_password():
            return _(
                "Set by the staff member. Nobody else can set or see it; if they need a "
                "new one, send them a password link."
            )
        return _("Not set: the staff member sets it with a password link.")

    @admin.display(description=gettext_lazy("Waiting for approval"))
    def waiting_change(self, obj: User) -> str:
        waiting = selectors.pending_change_for(obj) if obj.pk else None
        if waiting is None:
            return "–"
        url = reverse("admin:rights_rightschange_change", args=[waiting.pk])
        return format_html('<a href="{}">{}</a>', url, _("A change of rights waits: open it"))

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        actor: User = request.user
        reason = form.cleaned_data.get("reason", "")
        if not change:
            services.account_create(actor=actor, user=obj, reason=reason)
            messages.info(
                request,
                _(
                    "The account was made inactive. It gets its rights, and a link to set "
                    "its password, when another administrator approves the request."
                ),
            )
            return
        try:
            outcome = services.staff_save(
                actor=actor, user=obj, changed=form.changed_data, reason=reason
            )
        except ValidationError as exc:  # a race the form could not see: nothing was saved
            _errors(request, exc)
            return
        if outcome.applied_now:
            messages.info(request, _("The rights that were taken away apply now."))
        if outcome.waiting is not None:
            messages.info(
                request, _("The change of rights waits for another administrator's approval.")
            )

    def construct_change_message(
        self, request: HttpRequest, form: Any, formsets: Any, add: bool = False
    ) -> list[dict[str, Any]]:
        """Django's history names only what was saved; rights are in the rights log."""
        message: list[dict[str, Any]] = super().construct_change_message(
            request, form, formsets, add
        )
        rights = {str(form.fields[f].label) for f in grants.SCALAR if f in form.fields}
        for part in message:
            if "changed" in part:
                part["changed"]["fields"] = [
                    f for f in part["changed"]["fields"] if f not in rights and f != "reason"
                ]
        return [p for p in message if p.get("changed", {}).get("fields", True)]

    def password_link_view(self, request: HttpRequest, id: str) -> HttpResponse:
        if request.method != "POST":
            raise Http404
        user = self.get_object(request, id)
        if user is None or not self.has_change_permission(request, user):
            raise Http404
        self._send_link(request, user)
        return HttpResponseRedirect(reverse("admin:accounts_user_change", args=[user.pk]))

    def _send_link(self, request: HttpRequest, user: User) -> bool:
        try:
            services.password_link_send(actor=request.user, subject=user)
        except ValidationError as exc:
            messages.error(request, f"{user.username}: {' '.join(exc.messages)}")
            return False
        messages.success(
            request,
            _("A password link was sent to %(name)s's own e-mail address.")
            % {"name": user.username},
        )
        return True

    @admin.action(description=gettext_lazy("Send a password link"))
    def send_password_link(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            self._send_link(request, user)


@admin.register(RightsChange)
class RightsChangeAdmin(admin.ModelAdmin):
    """Requests are read here and decided with the buttons under them; nothing of a
    request can be edited."""

    change_form_template = "admin/rights/rightschange/change_form.html"
    list_display = ("requested_at", "subject", "kind", "summary", "requested_by", "status")
    list_filter = ("status", "kind")
    search_fields = ("subject__username", "subject__first_name", "subject__last_name")
    fields = (
        "subject",
        "kind",
        "changes_table",
        "reason",
        "requested_by",
        "requested_at",
        "status",
        "decided_by",
        "decided_at",
        "decision_note",
    )
    readonly_fields = fields
    actions = ["approve_selected", "reject_selected"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[RightsChange]:
        return super().get_queryset(request).select_related("subject", "requested_by", "decided_by")

    @admin.display(description=gettext_lazy("Changes"))
    def summary(self, obj: RightsChange) -> str:
        return "; ".join(
            f"{f}: {old} → {new}" for f, old, new in grants.describe_changes(obj.changes)
        )

    @admin.display(description=gettext_lazy("Changes"))
    def changes_table(self, obj: RightsChange) -> str:
        rows = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>",
            grants.describe_changes(obj.changes),
        )
        return format_html(
            "<table><thead><tr><th scope='col'>{}</th><th scope='col'>{}</th>"
            "<th scope='col'>{}</th></tr></thead><tbody>{}</tbody></table>",
            _("Field"),
            _("Now"),
            _("Asked for"),
            rows,
        )

    def get_urls(self) -> list[Any]:
        return [
            path(
                "<path:object_id>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name="rights_rightschange_decide",
            ),
            *super().get_urls(),
        ]

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        change = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if change is not None and change.status == ChangeStatus.PENDING:
            user: User = request.user
            context.update(
                decision_form=DecisionForm(),
                may_approve=may_approve(user, change),
                may_decide=is_administrator(user) and user.pk != change.subject_id,
                is_requester=user.pk == change.requested_by_id,
            )
        return super().change_view(request, object_id, form_url, context)

    def decide_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        change = self.get_object(request, object_id)
        if request.method != "POST" or change is None:
            raise Http404
        form = DecisionForm(request.POST)
        back = HttpResponseRedirect(reverse("admin:rights_rightschange_change", args=[change.pk]))
        if not form.is_valid():
            messages.error(request, _("Choose to approve or to reject."))
            return back
        self._decide(request, [change], form.cleaned_data["decision"], form.cleaned_data["note"])
        return back

    def _decide(self, request: HttpRequest, changes: Any, decision: str, note: str = "") -> None:
        actor: User = request.user
        done = 0
        for change in changes:
            try:
                if decision == "approve":
                    result = services.rights_change_approve(
                        actor=actor, change_id=change.pk, note=note
                    )
                else:
                    result = services.rights_change_reject(
                        actor=actor, change_id=change.pk, note=note
                    )
            except ValidationError as exc:
                _errors(request, exc)
                continue
            if result.status == ChangeStatus.STALE:
                messages.error(
                    request,
                    _(
                        "The account of %(name)s changed after the request was made: the "
                        "request was refused. Make a new one if it is still needed."
                    )
                    % {"name": change.subject.username},
                )
                continue
            done += 1
        if done:
            messages.success(
                request,
                ngettext("%(n)d request decided.", "%(n)d requests decided.", done) % {"n": done},
            )

    @admin.action(description=gettext_lazy("Approve the selected requests"))
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[RightsChange]) -> None:
        self._decide(request, list(queryset), "approve")

    @admin.action(description=gettext_lazy("Reject the selected requests"))
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[RightsChange]) -> None:
        self._decide(request, list(queryset), "reject")


@admin.register(RightsLogEntry)
class RightsLogAdmin(admin.ModelAdmin):
    """The rights log, read-only (the database refuses any change to it as well)."""

    list_display = ("at", "event", "actor_name", "subject_name", "details_text")
    list_filter = ("event",)
    search_fields = ("subject_name", "actor_name")
    date_hierarchy = "at"
    fields = ("at", "event", "actor_name", "subject_name", "change", "details_text")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=gettext_lazy("details"))
    def details_text(self, obj: RightsLogEntry) -> str:
        return json.dumps(obj.details, ensure_ascii=False, sort_keys=True) if obj.details else "–"
