"""Every kind's answer to a broad set of searches, written as JSON, to compare two checkouts.

Run it from each checkout on the same database and compare the files (``cmp``): counts,
"or more" flags, the hits in order (title, URL, summary, meta, language) of the grouped page
in English, French and Arabic, and of each kind's pages 1-2 (and the entries' last capped
page) in English, for words in several scripts under several filter sets. Every search is
computed (``_compute``), never read from the cache.

    DATABASE_URL=... REDIS_URL=... .venv/bin/python bench/site_search_same.py OUT.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from site_search_profile import setup

WORDS = [
    "telecentre", "andes", "tsunami", "jobs", "broadband", "podcast", "digital",
    "community network", "sign language", "early warning", '"sign language"',
    "jobs or broadband", "broadband -rural", "the", "e-government", "2025", "zzqxv",
    "教育", "数字", "образование", "التعليم", "éducation", "numérique", "gobierno digital",
]  # fmt: skip
FILTERS = [
    {},
    {"action_line": "C7-EEMP"},
    {"action_line": "C3"},
    {"sdg": 4},
    {"year": 2021},
    {"action_line": "C7-EEMP", "year": 2021},
    {"sdg": 9, "year": 2025},
]


def main() -> None:
    setup()
    from django.utils import translation

    from wsis_portal.site_search import SearchParams, _compute, kind_keys

    out = []

    def record(params, lang, only, offset, limit):
        with translation.override(lang):
            results = _compute(params=params, only=only, offset=offset, limit=limit, preview=5)
            out.append(
                {
                    "search": [params.text, params.action_line, params.sdg, params.year],
                    "lang": lang,
                    "only": only,
                    "offset": offset,
                    "kinds": [
                        [r.kind.key, r.count, r.more, [list(vars(h).values()) for h in r.hits]]
                        for r in results
                    ],
                }
            )

    for words in WORDS:
        for filters in FILTERS:
            params = SearchParams(text=words, **filters)
            for lang in ("en", "fr", "ar"):
                record(params, lang, "", 0, 5)
            for key in kind_keys():
                for offset in (0, 20):
                    record(params, "en", key, offset, 20)
            record(params, "en", "entries", 980, 20)
    Path(sys.argv[1]).write_text(json.dumps(out, ensure_ascii=False, indent=0, default=str))
    print(len(out), "searches")


if __name__ == "__main__":
    main()
