"""The pager under a long list: links that lead somewhere, the list's filters kept, its
name read out, and nothing at all when the list fits on one page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

TEMPLATE = Template('{% load paging %}{% pager page "deadlines_page" label %}')


def _render(number: int, pages: int, query: str = "", language: str = "fi") -> str:
    page = Paginator(range(pages * 10), 10).page(number)
    request = RequestFactory().get("/?" + query)
    with translation.override(language):
        return TEMPLATE.render(Context({"request": request, "page": page, "label": "Ajat <&>"}))


def test_the_middle_page_links_to_first_previous_next_and_last_keeping_the_filters() -> None:
    html = _render(3, 5, "stage=assessment&deadlines_page=3")
    assert '<nav class="pager" aria-label="Ajat &lt;&amp;&gt;">' in html
    assert "<p>Sivu 3 / 5</p>" in html
    assert html.count("<li>") == 4
    assert '<a href="?stage=assessment&amp;deadlines_page=1">Ensimmäinen sivu</a>' in html
    assert '<a href="?stage=assessment&amp;deadlines_page=2" rel="prev">Edellinen sivu</a>' in html
    assert '<a href="?stage=assessment&amp;deadlines_page=4" rel="next">Seuraava sivu</a>' in html
    assert '<a href="?stage=assessment&amp;deadlines_page=5">Viimeinen sivu</a>' in html


def test_the_first_page_links_only_forward_and_in_swedish() -> None:
    html = _render(1, 2, language="sv")
    assert "<p>Sida 1 av 2</p>" in html
    assert html.count("<li>") == 1
    assert 'rel="next"' in html and 'rel="prev"' not in html


def test_a_list_on_one_page_has_no_pager() -> None:
    assert _render(1, 1) == ""
