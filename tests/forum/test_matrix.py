import re

import pytest
from django.core.cache import cache
from django.db.models import Count

from forum.models import MatrixLink
from tests.factories.forum import MatrixLinkFactory, action_line, sdg
from wsis_portal.registry import MatrixItem, MatrixSource, registry


@pytest.fixture
def tagged_source():
    """A content source registered like a domain app would: counts in one query."""

    def counts():
        rows = MatrixLink.objects.values("action_line__code", "sdg__number").annotate(n=Count("id"))
        return {(r["action_line__code"], r["sdg__number"]): r["n"] * 7 for r in rows}

    def items(al, goal, limit):
        return [MatrixItem(kind="test", title=f"Item of {al.code}", url="/")][:limit]

    source = MatrixSource(label="Test items", counts=counts, items=items)
    registry.add_matrix(source)
    yield source
    registry.matrix.remove(source)


@pytest.mark.django_db
def test_matrix_is_a_table_with_row_and_column_headers(client):
    MatrixLinkFactory(action_line=action_line("C2"), sdg=sdg(9))
    html = client.get("/matrix/").content.decode()
    assert "<table" in html and "<caption" in html
    assert len(re.findall(r'<th scope="col"', html)) == 17
    assert len(re.findall(r'<th scope="row"', html)) == 18
    assert html.count("<tr>") == 19


@pytest.mark.django_db
def test_matrix_linked_cell_is_marked_and_clickable(client):
    MatrixLinkFactory(action_line=action_line("C2"), sdg=sdg(9))
    html = client.get("/matrix/").content.decode()
    cells = re.findall(r'<td class="([^"]*)">(.*?)</td>', html, re.S)
    assert len(cells) == 18 * 17
    linked = [(cls, body) for cls, body in cells if "linked" in cls.split()]
    assert len(linked) == 1
    _cls, body = linked[0]
    assert 'href="/matrix/C2/9/"' in body
    assert "documented linkage" in body
    unlinked_with_links = [b for c, b in cells if "linked" not in c.split() and "href" in b]
    assert unlinked_with_links == []


@pytest.mark.django_db
def test_matrix_cell_shade_follows_tagged_content(client, tagged_source):
    MatrixLinkFactory(action_line=action_line("C2"), sdg=sdg(9))
    html = client.get("/matrix/").content.decode()
    assert re.search(r'<td class="cell shade-2 linked">', html)
    assert 'class="cell-count">7<' in html


def _matrix_queries(client, django_assert_max_num_queries, budget):
    # Apps may cache their counts; measure the uncached page each time.
    cache.clear()
    with django_assert_max_num_queries(budget) as captured:
        assert client.get("/matrix/").status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_matrix_query_count_does_not_grow_with_content(
    client, django_assert_max_num_queries, tagged_source
):
    MatrixLinkFactory(action_line=action_line("C1"), sdg=sdg(1))
    one = _matrix_queries(client, django_assert_max_num_queries, 8)
    MatrixLinkFactory(action_line=action_line("C3"), sdg=sdg(4))
    MatrixLinkFactory(action_line=action_line("C11"), sdg=sdg(17))
    three = _matrix_queries(client, django_assert_max_num_queries, 8)
    assert one == three


@pytest.mark.django_db
def test_matrix_cell_page_shows_rationale_and_items(client, tagged_source):
    MatrixLinkFactory(
        action_line=action_line("C7-EGOV"), sdg=sdg(16), rationale="Open government data."
    )
    response = client.get("/matrix/c7-egov/16/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Open government data." in html
    assert "Item of C7-EGOV" in html


@pytest.mark.django_db
def test_matrix_cell_without_link_says_so(client):
    html = client.get("/matrix/C9/2/").content.decode()
    assert "No linkage between this Action Line and this Goal" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/matrix/C99/1/", "/matrix/C1/18/", "/matrix/C1/0/", "/action-lines/C12/", "/sdgs/18/"]
)
def test_unknown_code_or_number_is_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"Page not found" in response.content


@pytest.mark.django_db
def test_action_line_and_sdg_pages_list_their_links(client):
    MatrixLinkFactory(action_line=action_line("C4"), sdg=sdg(4))
    al = client.get("/action-lines/C4/").content.decode()
    assert al.count("<h1") == 1
    assert "Capacity building" in al
    assert 'href="/matrix/C4/4/"' in al
    goal = client.get("/sdgs/4/").content.decode()
    assert "Ensure inclusive and equitable quality education" in goal
    assert 'href="/matrix/C4/4/"' in goal


@pytest.mark.django_db
def test_home_page_shows_a_compact_matrix_summary(client):
    """The home page summarises the matrix (18 Action Lines, 17 Goals); /matrix/ has the grid."""
    MatrixLinkFactory(action_line=action_line("C4"), sdg=sdg(4))
    response = client.get("/")
    html = response.content.decode()
    assert '<table class="matrix">' not in html
    assert html.count('class="sdg-tile"') == 17
    assert 'href="/action-lines/C4/"' in html
    assert "Linked to 1 Goal" in html
    assert 'href="/matrix/"' in html
    # The home page stays light for phones on slow connections (it was 115 KB with the grid).
    assert len(response.content) < 60_000


@pytest.mark.django_db
def test_home_page_does_not_count_tagged_content(client):
    """The home shows linkages only: counting every entry, project and session per pair is
    for /matrix/."""

    def counts():
        raise AssertionError("the home page counted tagged content")

    source = MatrixSource(label="Never counted", counts=counts, items=lambda *a: [])
    registry.add_matrix(source)
    try:
        assert client.get("/").status_code == 200
    finally:
        registry.matrix.remove(source)


@pytest.mark.django_db
def test_home_matrix_is_cached_until_a_linkage_changes(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    cache.clear()
    client.get("/")
    with django_assert_max_num_queries(0):
        from forum.base.selectors import home_matrix

        home_matrix()
    with django_capture_on_commit_callbacks(execute=True):
        MatrixLinkFactory(action_line=action_line("C4"), sdg=sdg(4))
    assert "Linked to 1 Goal" in client.get("/").content.decode()


@pytest.mark.django_db
def test_matrix_page_content_is_kept_until_a_count_a_linkage_or_the_language_changes(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    from forum.base import views

    counts = {("C2", 9): 3}
    source = MatrixSource(label="Test items", counts=lambda: dict(counts), items=lambda *a: [])
    registry.add_matrix(source)
    rendered: list[int] = []
    render = views.render_to_string
    monkeypatch.setattr(
        views, "render_to_string", lambda *a, **k: rendered.append(1) or render(*a, **k)
    )
    try:
        cache.clear()
        first = client.get("/matrix/").content.decode()
        assert 'class="cell-count">3<' in first
        assert 'class="cell-count">3<' in client.get("/matrix/").content.decode()
        assert len(rendered) == 1  # the second page's grid came from the cache
        counts[("C2", 9)] = 5  # new content tagged: read on every request
        assert 'class="cell-count">5<' in client.get("/matrix/").content.decode()
        assert len(rendered) == 2
        with django_capture_on_commit_callbacks(execute=True):
            MatrixLinkFactory(action_line=action_line("C2"), sdg=sdg(9))
        assert 'href="/matrix/C2/9/"' in client.get("/matrix/").content.decode()
        assert len(rendered) == 3
        assert 'href="/fr/matrix/C2/9/"' in client.get("/fr/matrix/").content.decode()
        assert len(rendered) == 4
    finally:
        registry.matrix.remove(source)
