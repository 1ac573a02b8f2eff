from django.conf import settings


def site(request):
    return {
        "SITE_NAME": "WSIS Forum",
        "DEBUG": settings.DEBUG,
        "TIME_ZONE_NAME": settings.TIME_ZONE,
    }
