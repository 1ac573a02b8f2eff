import csv
import io
import json

import pytest
from django.http import StreamingHttpResponse

from stocktaking import selectors
from stocktaking.enums import EntryStatus
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_csv_export_has_the_filtered_entries_without_contact_email(client):
    EntryFactory(title="=HYPERLINK(evil)", country="KE", action_lines=["C2", "C4"], sdgs=[9, 4])
    EntryFactory(title="Europe only", country="FR")
    EntryFactory(title="Draft", country="KE", status=EntryStatus.DRAFT)
    response = client.get("/stocktaking/export.csv?region=africa")
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(_body(response))))
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "'=HYPERLINK(evil)"  # formula escaped
    assert row["action_lines"] == "C2;C4" and row["sdgs"] == "4;9"
    assert row["region"] == "africa"
    assert "contact_email" not in row
    assert "secret-contact" not in _body(client.get("/stocktaking/export.csv"))


def test_json_export_is_valid_json_and_streams(client):
    EntryFactory.create_batch(3, country="BR")
    response = client.get("/stocktaking/export.json?region=americas")
    assert isinstance(response, StreamingHttpResponse)
    data = json.loads(_body(response))
    assert len(data) == 3
    assert set(data[0]) >= {"title", "action_lines", "sdgs", "url", "country"}
    assert "contact_email" not in data[0]
    assert json.loads(_body(client.get("/stocktaking/export.json?region=europe"))) == []


def test_export_reads_in_chunks_never_the_whole_set(
    client, monkeypatch, django_assert_max_num_queries
):
    """Many entries come out as a stream of small pieces read chunk by chunk."""
    monkeypatch.setattr(selectors.exports, "EXPORT_CHUNK", 10)
    EntryFactory.create_batch(35, sdgs=[1])
    response = client.get("/stocktaking/export.csv")
    pieces = iter(response.streaming_content)
    first = next(pieces)
    assert first.startswith("\ufeffid,".encode())  # header sent before all rows are read
    rest = list(pieces)
    assert len(rest) == 35  # one piece per row, not one big string
    # 35 rows in chunks of 10: 4 chunks, each with its Action Lines and SDGs query.
    with django_assert_max_num_queries(1 + 4 * 2 + 1):
        list(selectors.export_rows(selectors.published_entries()))


def test_api_lists_published_entries_with_the_same_filters(client):
    EntryFactory(title="Kenya broadband", country="KE", action_lines=["C2"], sdgs=[9])
    EntryFactory(title="France e-health", country="FR", action_lines=["C7-EHEA"], sdgs=[3])
    EntryFactory(title="Hidden draft", country="KE", status=EntryStatus.DRAFT)
    data = client.get("/api/stocktaking/entries/").json()
    assert data["count"] == 2
    item = data["results"][0]
    assert "contact_email" not in item
    assert set(item) >= {"id", "title", "country", "region", "action_lines", "sdgs", "url"}
    only = client.get("/api/stocktaking/entries/?region=africa&action_line=C2&sdg=9").json()
    assert [e["title"] for e in only["results"]] == ["Kenya broadband"]
    assert only["results"][0]["action_lines"] == ["C2"] and only["results"][0]["sdgs"] == [9]
    assert client.get("/api/stocktaking/entries/?action_line=C7-EHEA").json()["count"] == 1
    assert client.get("/api/stocktaking/entries/?region=atlantis").status_code == 400


def test_api_detail_hides_unpublished_entries(client):
    draft = EntryFactory(status=EntryStatus.DRAFT)
    published = EntryFactory()
    assert client.get(f"/api/stocktaking/entries/{draft.pk}/").status_code == 404
    assert client.get(f"/api/stocktaking/entries/{published.pk}/").json()["id"] == published.pk


def test_api_list_query_count_is_fixed(client, django_assert_max_num_queries):
    EntryFactory()
    with django_assert_max_num_queries(4):
        client.get("/api/stocktaking/entries/?region=africa")
    EntryFactory.create_batch(2)
    with django_assert_max_num_queries(4):
        assert client.get("/api/stocktaking/entries/?region=africa").json()["count"] == 3


def test_openapi_schema_describes_the_entries_endpoint(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/api/stocktaking/entries/" in body
    assert "contact_email" not in body
    assert "action_line" in body and "region" in body


def test_api_sorts_by_title_when_asked(client):
    EntryFactory(title="Beta")
    EntryFactory(title="Alpha")
    titles = [
        e["title"] for e in client.get("/api/stocktaking/entries/?sort=title").json()["results"]
    ]
    assert titles == ["Alpha", "Beta"]
    newest = [e["title"] for e in client.get("/api/stocktaking/entries/").json()["results"]]
    assert newest == ["Alpha", "Beta"]  # created last, published last


class _FailOnSecondBatch:
    """A database error on the second chunk's SDG query: the export fails mid-stream."""

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, execute, sql, params, many, context):
        if "stocktaking_entrysdg" in sql:
            self.seen += 1
            if self.seen == 2:
                from django.db import OperationalError

                raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_failing_mid_stream_says_so_and_is_logged(client, monkeypatch, caplog, fmt):
    from django.db import connection

    monkeypatch.setattr(selectors.exports, "EXPORT_CHUNK", 2)
    EntryFactory.create_batch(5)
    response = client.get(f"/stocktaking/export.{fmt}")
    assert response.status_code == 200  # the headers went out before the failure
    with connection.execute_wrapper(_FailOnSecondBatch()):
        body = _body(response)
    assert "EXPORT FAILED" in body
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(body)))
        assert len(rows) >= 3  # the header and the first chunk came out
        assert rows[-1][0].startswith("EXPORT FAILED")
    else:
        with pytest.raises(json.JSONDecodeError):
            json.loads(body)
        assert body.startswith("[")  # a prefix that looked like JSON until the marker
    failures = [r for r in caplog.records if r.name == "wsis_portal.exports"]
    assert failures and "server closed the connection" in failures[0].exc_text
