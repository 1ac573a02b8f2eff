"""The Forum's programme pipeline: a call for session proposals, their review, and the
scheduling of accepted proposals into rooms and times (issue 15, items 1-3 and 5).

Models live in ``models`` (imported by ``forum.models``); writes in ``services``,
``review`` and ``scheduling``; reads in ``selectors``.
"""
