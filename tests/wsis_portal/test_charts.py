"""The portal's one bar chart: values, accessible name and description, data table, right to
left geometry, and labels that keep to their own line."""

import itertools
import re

from django.template import Context, Template
from django.utils import translation

from wsis_portal.templatetags.charts import BAR_SPACE, ROW_HEIGHT, chart_bars

TEMPLATE = Template(
    "{% load charts %}{% bar_chart rows title=title label_heading='Region' value_heading='Entries' %}"
    "{% bar_chart rows title='Second' %}"
)


def render(rows, title="Africa leads with 41 entries", language="en"):
    with translation.override(language):
        return TEMPLATE.render(Context({"rows": rows, "title": title}))


ROWS = [("Africa", 41), ("Arab States", 20.5), ("Europe", 0, "/europe/")]


def test_bar_chart_has_accessible_name_description_and_collapsed_table():
    html = render(ROWS)
    svg = re.search(r"<svg role=\"img\" aria-labelledby=\"([^\"]+)\"[^>]*>", html)
    title_id, desc_id = svg.group(1).split()
    assert f'<title id="{title_id}">Africa leads with 41 entries</title>' in html
    assert f'<desc id="{desc_id}">Africa: 41; Arab States: 20.5; Europe: 0</desc>' in html
    table = re.search(r"<details class=\"data-table\">.*?</details>", html, re.S).group(0)
    assert '<details class="data-table" open' not in html  # collapsed
    assert '<th scope="row">Africa</th><td class="number">41</td>' in table
    assert '<a href="/europe/">Europe</a>' in table
    assert '<th scope="col">Region</th>' in table and ">Entries</th>" in table
    # Two charts on one page never share an id.
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_bar_lengths_are_relative_to_the_largest_value_and_rows_do_not_overlap():
    bars = chart_bars(ROWS)
    assert [b.percent for b in bars] == [BAR_SPACE, BAR_SPACE / 2, 0]
    assert [b.value_x for b in bars] == [BAR_SPACE, BAR_SPACE / 2, 0]
    for bar, following in itertools.pairwise(bars):
        # label line above its bar, the value line below it, then the next row
        assert bar.label_y < bar.bar_y < bar.bar_y + 14 <= following.label_y - 13 + ROW_HEIGHT
        assert following.label_y - bar.label_y == ROW_HEIGHT
    html = render(ROWS)
    assert '<rect class="bar" x="0%" y="19" width="82%"' in html or 'width="82.0%"' in html


def test_bar_chart_mirrors_right_to_left():
    bars = chart_bars(ROWS, rtl=True)
    assert [b.bar_x for b in bars] == [100 - BAR_SPACE, 100 - BAR_SPACE / 2, 100]
    html = render(ROWS, language="ar")
    assert 'direction="rtl"' in html
    assert re.search(r'<text class="bar-label" x="100%"', html)
    assert 'dx="-4"' in html


def test_bar_chart_numbers_follow_the_language_but_geometry_does_not():
    html = render([("A", 1234.5), ("B", 10)], language="fr")
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", html).group(1)
    assert "1234,5" in desc.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    # SVG coordinates keep a dot whatever the language's decimal mark.
    assert re.search(r'width="\d+(\.\d+)?%"', html) and not re.search(r'width="\d+,\d+%"', html)


def test_bar_chart_long_label_is_shortened_in_svg_but_whole_in_table_and_description():
    label = "Information and communication infrastructure for every community " * 2
    html = render([(label, 3)])
    assert "<desc id" in html and label.strip() in html
    svg_label = re.search(r'<text class="bar-label"[^>]*>(.*?)</text>', html).group(1)
    assert len(svg_label) <= 48 and svg_label.endswith("…")


def test_bar_chart_without_rows_says_so():
    assert "No data yet." in render([])


def test_bar_chart_shortens_wide_characters_sooner():
    label = "信息和通信基础设施" * 6
    html = render([(label, 3)], language="zh-hans")
    svg_label = re.search(r'<text class="bar-label"[^>]*>(.*?)</text>', html).group(1)
    assert len(svg_label) <= 25 and svg_label.endswith("…")
    assert label in html  # whole in the description and the table
