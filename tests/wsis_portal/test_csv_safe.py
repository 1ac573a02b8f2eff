import csv
import io

from wsis_portal.csv_safe import csv_rows, safe_cell, streaming_csv_response


def test_safe_cell_escapes_formula_prefixes():
    for value in ("=SUM(A1:A2)", "+1", "-1+2", "@cmd", "\tx"):
        assert safe_cell(value) == "'" + value
    assert safe_cell("plain") == "plain"
    assert safe_cell("a=b") == "a=b"
    assert safe_cell(None) == ""
    assert safe_cell(42) == "42"


def test_csv_response_streams_escaped_rows():
    response = streaming_csv_response(
        "export.csv", ["name", "=note"], [["Ada", '=HYPERLINK("http://x")'], ["Bob", "fine"]]
    )
    assert response["Content-Disposition"] == 'attachment; filename="export.csv"'
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows == [["name", "'=note"], ["Ada", '\'=HYPERLINK("http://x")'], ["Bob", "fine"]]


def test_csv_rows_is_lazy():
    def rows():
        yield ["1"]
        raise AssertionError("consumed too far")

    stream = csv_rows(["h"], rows())
    assert next(stream).endswith("h\r\n")
    assert next(stream) == "1\r\n"
