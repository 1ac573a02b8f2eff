"""Thin Celery tasks of the Open Consultation Process: look up by id, call a service."""

from celery import shared_task


@shared_task(acks_late=True, ignore_result=True)
def comment_digest_send(subscription_id: int) -> int:
    """Email one subscriber the new comments of their discussion (idempotent)."""
    from .services import comment_digest_deliver

    return comment_digest_deliver(subscription_id=subscription_id)
