"""Links between the pages of a long list that keep the list's filters and sorting."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.paginator import Page
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context: dict[str, Any], param: str, number: int) -> str:
    """The current query string with ``param`` set to ``number``: "?q=…&page=2"."""
    query = context["request"].GET.copy()
    query[param] = str(number)
    return "?" + query.urlencode()


def _link(href: str, text: str, rel: str = "") -> SafeString:
    if rel:
        return format_html('<li><a href="{}" rel="{}">{}</a></li>', href, rel, text)
    return format_html('<li><a href="{}">{}</a></li>', href, text)


@register.simple_tag(takes_context=True)
def pager(context: dict[str, Any], page: Page[Any] | None, param: str, label: str) -> SafeString:
    """``{% pager page "page" label %}``: the links to the first, previous, next and last
    page of a long list (those that lead elsewhere), each keeping the list's filters, and
    "Page 2 of 5"; nothing when the list fits on one page. Written in Python: a dashboard
    shows four of these (issue 15)."""
    if page is None or not page.has_other_pages():
        return mark_safe("")
    number, last = page.number, page.paginator.num_pages

    def to(n: int) -> str:
        return page_query(context, param, n)

    links = []
    if number > 2:
        links.append(_link(to(1), gettext("First page")))
    if page.has_previous():
        links.append(_link(to(number - 1), gettext("Previous page"), "prev"))
    if page.has_next():
        links.append(_link(to(number + 1), gettext("Next page"), "next"))
    if number < last - 1:
        links.append(_link(to(last), gettext("Last page")))
    return format_html(
        '<nav class="pager" aria-label="{}">\n  <p>{}</p>\n  <ul>{}</ul>\n</nav>\n',
        label,
        gettext("Page %(n)s of %(total)s") % {"n": number, "total": last},
        mark_safe("".join(links)),  # noqa: S308 - each link made by format_html
    )
