from django.conf import settings


def site(request):
    return {
        "SITE_NAME": "WSIS Forum",
        "DEBUG": settings.DEBUG,
        "TIME_ZONE_NAME": settings.TIME_ZONE,
        # Set by wsis_portal.publishing.mark_preview when staff look at a draft.
        "draft_preview": getattr(request, "draft_preview", None),
    }
