"""Full-text search in the six UN languages, shared by Stocktaking and the consultations.

One document vector, built in PostgreSQL by ``wsis_search_vector(text)``, holds:

- the words stemmed by the ``english``, ``russian`` and ``arabic`` configurations ("education"
  finds "educational", "образования" finds "образование", "التعليم" finds "تعليم");
- the words as written, lower-cased (``simple``): French, Spanish and any other language, and
  words a stemmer would not recognise;
- Chinese (and Japanese, Korean) text, which has no spaces between words: every ideograph and
  every pair of neighbouring ideographs of a run is a lexeme of its own (character unigrams and
  bigrams), so a two-character query such as "教育" is one lexeme and finds every text that
  contains those two characters side by side; a longer query must contain all its bigrams.

A tsvector cannot exceed 1 MB: each configuration reads at most the first 50,000 characters of
a field (forms allow far less) and the character pairs the first 20,000, so no write, however
long, fails on it.

``wsis_search_query(text)`` reads what a visitor typed the same way: web-search syntax
("quoted phrase", -word, or) in each of the four configurations, joined by OR, and for Chinese
the bigrams of each run joined by AND. Both functions are IMMUTABLE (fixed configurations), so
they can back expression indexes and a constant query is computed once per statement.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db.models import F, Func

# Han (CJK unified ideographs, extension A, compatibility), kana and Hangul syllables.
CJK_CLASS = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]"

# The end of both query functions: each run of CJK characters searched by its bigrams (a
# single character by itself), all of them required, then the query returned.
_CJK_QUERY_TAIL = rf"""        FOR run IN SELECT m[1] FROM regexp_matches(coalesce(q, ''), '({CJK_CLASS}+)', 'g') AS m
        LOOP
            IF char_length(run) = 1 THEN
                grams := quote_literal(run)::tsquery;
            ELSE
                grams := NULL;
                FOR i IN 1 .. char_length(run) - 1 LOOP
                    grams := CASE WHEN grams IS NULL
                        THEN quote_literal(substr(run, i, 2))::tsquery
                        ELSE grams && quote_literal(substr(run, i, 2))::tsquery END;
                END LOOP;
            END IF;
            result := CASE WHEN result IS NULL OR numnode(result) = 0
                THEN grams ELSE result && grams END;
        END LOOP;
        RETURN coalesce(result, ''::tsquery);
    END
    $$;
"""

FUNCTIONS_SQL = [
    rf"""
    CREATE OR REPLACE FUNCTION wsis_cjk_grams(doc text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT g.gram), '{{}}')
        FROM regexp_matches(coalesce(doc, ''), '({CJK_CLASS}+)', 'g') AS m,
             generate_series(1, char_length(m[1])) AS i,
             LATERAL (VALUES (substr(m[1], i, 1)),
                             (CASE WHEN i < char_length(m[1]) THEN substr(m[1], i, 2) END))
                     AS g(gram)
        WHERE g.gram IS NOT NULL
    $$;
    """,
    """
    CREATE OR REPLACE FUNCTION wsis_search_vector(doc text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT to_tsvector('english', left(coalesce(doc, ''), 50000))
            || to_tsvector('russian', left(coalesce(doc, ''), 50000))
            || to_tsvector('arabic', left(coalesce(doc, ''), 50000))
            || to_tsvector('simple', left(coalesce(doc, ''), 50000))
            || array_to_tsvector(wsis_cjk_grams(left(doc, 20000)))
    $$;
    """,
    rf"""
    CREATE OR REPLACE FUNCTION wsis_search_query(q text) RETURNS tsquery
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
        words text := btrim(regexp_replace(coalesce(q, ''), '{CJK_CLASS}+', ' ', 'g'));
        result tsquery;
        run text;
        grams tsquery;
        i int;
    BEGIN
        IF words <> '' THEN
            result := websearch_to_tsquery('english', words)
                || websearch_to_tsquery('russian', words)
                || websearch_to_tsquery('arabic', words)
                || websearch_to_tsquery('simple', words);
        END IF;
{_CJK_QUERY_TAIL}    """,
]


# ``wsis_search_match(text)`` finds exactly what ``wsis_search_query(text)`` finds, with each
# language's reading written once: for most words two or all four configurations read the
# same query ("network" is 'network' in english, russian, arabic and simple), and a GIN index
# scan reads a word's posting list once for every time the query names it. Reading each only
# once cut choosing the entries' pool of "community network" (26,798 matches) from 25 to
# 17 ms. ``x | x`` matches what ``x`` matches, so the matches are the same; ranking keeps
# wsis_search_query, since ts_rank's weighting follows the query's shape (an OR of two
# equal ANDs is ranked as an OR, the AND alone as an AND).
MATCH_FUNCTION_SQL = rf"""
    CREATE OR REPLACE FUNCTION wsis_search_match(q text) RETURNS tsquery
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
        words text := btrim(regexp_replace(coalesce(q, ''), '{CJK_CLASS}+', ' ', 'g'));
        result tsquery;
        config regconfig;
        reading tsquery;
        seen tsquery[] := '{{}}';
        run text;
        grams tsquery;
        i int;
    BEGIN
        IF words <> '' THEN
            FOREACH config IN ARRAY ARRAY['english', 'russian', 'arabic', 'simple']::regconfig[]
            LOOP
                reading := websearch_to_tsquery(config, words);
                IF NOT reading = ANY (seen) THEN
                    seen := seen || reading;
                    result := CASE WHEN result IS NULL THEN reading ELSE result || reading END;
                END IF;
            END LOOP;
        END IF;
{_CJK_QUERY_TAIL}"""


class MultilingualSearchQuery(SearchQuery):
    """``wsis_search_query(text)``: what a visitor typed, read in every language."""

    def __init__(self, value, **kwargs):
        super().__init__(value, **kwargs)
        self.function = "wsis_search_query"


class MultilingualMatchQuery(SearchQuery):
    """``wsis_search_match(text)``: the same matches as MultilingualSearchQuery, for filtering."""

    def __init__(self, value, **kwargs):
        super().__init__(value, **kwargs)
        self.function = "wsis_search_match"


def run_on_postgresql(statements: list[str]):
    """A RunPython body that executes ``statements`` on PostgreSQL and does nothing elsewhere."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


def search_document(*fields: str) -> Func:
    """``wsis_search_vector(a || ' ' || b)``: written exactly as the expression indexes are."""
    return Func(
        *(F(name) for name in fields),
        function="wsis_search_vector",
        arg_joiner=" || ' ' || ",
        output_field=SearchVectorField(),
    )
