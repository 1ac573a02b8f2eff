"""Celery tasks of the Forum: drawing the Outcome Document's PDF away from web requests."""

from celery import shared_task

# Drawing 500 reports takes seconds, a minute on a loaded machine: within the default soft
# limit, and a redelivered task finds the copy drawn and stops.


@shared_task(acks_late=True, ignore_result=True)
def outcome_document_draw(edition_id: int, language: str, version: int) -> bool:
    """Draw the current version of an edition's Outcome Document PDF in ``language``."""
    from .outcomes import caching

    return caching.draw(edition_id, language, version)


@shared_task(acks_late=True, ignore_result=True)
def outcome_documents_refresh() -> int:
    """After a change: ask for each downloaded edition and language to be drawn again."""
    from .outcomes import caching

    return caching.refresh()
