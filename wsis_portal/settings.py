"""Settings of the WSIS Forum portal, read from the environment (12-factor).

Every variable has a safe laptop default; production is ``DJANGO_DEBUG=false`` with
``DJANGO_SECRET_KEY`` and ``DJANGO_ALLOWED_HOSTS`` set.
"""

import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from wsis_portal import settings_fixed as fixed
from wsis_portal.countries import countries_override
from wsis_portal.logging_config import logging_config
from wsis_portal.redis_urls import redis_layout

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("DJANGO_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)


def _secret_key() -> str:
    """A production key must come from the environment; a laptop gets one generated once."""
    key = env.str("DJANGO_SECRET_KEY", default="")
    if key and not DEBUG and key.startswith("change-me"):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY still holds the placeholder of docker-compose.yml; "
            "set a long random value (python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off (production mode)."
        )
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS",
    default=["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else [],
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Before the admin, so that its translated fields show side by side there.
    "modeltranslation",
    # django.contrib.admin, whose site keeps each person's list of sections (admin_site.py).
    "wsis_portal.admin_site.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Index expressions with an operator class (the admin's trigram indexes, trigram.py).
    "django.contrib.postgres",
    "allauth",
    "accounts.signin_app.SignInConfig",  # allauth.account, with a distinct admin section name
    "accounts.signin_app.SignInSecurityConfig",  # axes, its admin section named
    "django_countries",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "csp",
    "wsis_portal",
    "accounts",
    "forum",
    "prizes",
    "stocktaking",
    "consultations",
    "ungis",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before everything that logs: each log line of a request carries its id.
    "wsis_portal.jsonlog.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wsis_portal.i18n.LanguageMiddleware",
    # Refuses NUL bytes (400) and oversized bodies (413) before any view, in the visitor's
    # language; turns a cache outage during a view into a 503 page.
    "wsis_portal.middleware.RequestGuardMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # A refusal a view did not show in context becomes the refused page (one mapping).
    "wsis_portal.refusal_responses.RefusalMiddleware",
    # axes must come last: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wsis_portal.urls"
WSGI_APPLICATION = "wsis_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wsis_portal.context_processors.site",
            ],
        },
    },
]

# An empty DATABASE_URL counts as unset: the embedded SQLite default.
DATABASES = {
    "default": env.db_url_config(
        env.str("DATABASE_URL", default="") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
    ),
}
# Persistent connections (docker-compose.yml sets 60 s), checked before each request reuses
# them so a connection the database or a proxy dropped is replaced, not turned into a 500.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("DJANGO_CONN_HEALTH_CHECKS", default=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A worker, beat and the web process share the file; wait instead of failing on a lock.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
else:
    # A database that does not answer (a dropped SYN) fails a connection after this many
    # seconds rather than the system's two minutes: a request gets its error page, and a web
    # worker's warm-up (wsis_portal/warm_up.py) never outlasts gunicorn's timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DJANGO_DB_CONNECT_TIMEOUT", default=10)
    )
# The site search prepares its statements once per kept connection (wsis_portal/
# search_prepared.py). PgBouncer in transaction mode hands a session's statements to other
# clients' transactions: turn this off behind it (docs/deployment.md, "Scaling out").
SITE_SEARCH_PREPARED_STATEMENTS = env.bool("DJANGO_SITE_SEARCH_PREPARED_STATEMENTS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# REDIS_URL is the Celery broker's database; results and the cache get their own
# (wsis_portal/redis_urls.py), so that cache.clear() never drops a queued task.
REDIS_URL = env.str("REDIS_URL", default="")
REDIS_RESULT_URL = REDIS_CACHE_URL = ""
if REDIS_URL:
    REDIS_URL, REDIS_RESULT_URL, REDIS_CACHE_URL = redis_layout(
        REDIS_URL,
        result_url=env.str("CELERY_RESULT_BACKEND", default=""),
        cache_url=env.str("REDIS_CACHE_URL", default=""),
    )
    CACHES = {
        "default": {
            "BACKEND": "wsis_portal.redis_cache.RedisCache",
            "LOCATION": REDIS_CACHE_URL,
            "KEY_PREFIX": env.str("DJANGO_CACHE_PREFIX", default="wsis"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions live in the database so a Redis outage does not sign everybody out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:my"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: email is the login, verified before first use.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Following the link in the confirmation email signs the new user in (same browser or not).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupProfileForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[WSIS] "
# django-axes counts failed logins (site and admin alike, in the database); allauth's own
# cache-based counter would answer a locked-out login with a plain form error first, so it
# is switched off and axes' lockout page (429) is what people see.
ACCOUNT_RATE_LIMITS = {"login_failed": None}

# django-axes: brute-force protection for every login that goes through authenticate(),
# the admin's included (allauth's own limits do not cover the admin).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.security.axes_username"
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# X-Forwarded-For is trusted only when proxies are declared; otherwise a client could forge it
# to dodge lockouts and rate limits.
PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", default=0)
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if PROXY_COUNT else ["REMOTE_ADDR"]
)

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Country names as the UN writes them, in each language (wsis_portal/countries.py).
COUNTRIES_OVERRIDE = countries_override()
# Content the Secretariat writes, and reference data, carry one column per language
# (django-modeltranslation; docs/translations.md, "Translating content"). English is the
# source and the fallback; the admin lists it first, then the others in the switcher's order.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "ar", "zh-hans", "fr", "ru", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Whatever language a row is created in, its English column is filled too, so that the
# fallback is never empty; translators then overwrite it in the admin.
MODELTRANSLATION_AUTO_POPULATE = "default"
# Slugs are made from the English title, whatever the admin's language.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"
TIME_ZONE = "Europe/Zurich"
USE_I18N = True
USE_TZ = True
# Each language's date formats (wsis_portal/formats/<lang>/formats.py), then Django's own.
FORMAT_MODULE_PATH = ["wsis_portal.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Serve straight from the app folders until collectstatic has run (development and tests).
WHITENOISE_USE_FINDERS = DEBUG or env.bool("WHITENOISE_USE_FINDERS", default=False)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Files only some people may read (e.g. draft prize attachments); served by views that check
# permissions, never by the proxy.
PRIVATE_MEDIA_ROOT = Path(
    env.str("DJANGO_PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private-media"))
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Form fields without files; the largest real form (a consultation submission) is far below.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Uploads stop being read past these (wsis_portal.uploads.SizeLimitUploadHandler, 413): the
# largest file any form accepts (a 10 MB programme document), and a whole request (several
# prize attachments). The proxy in front should refuse bodies above MAX_REQUEST_SIZE too.
MAX_UPLOAD_FILE_SIZE = env.int("DJANGO_MAX_UPLOAD_FILE_SIZE", default=10 * 1024 * 1024)
MAX_REQUEST_SIZE = env.int("DJANGO_MAX_REQUEST_SIZE", default=32 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "wsis_portal.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# An outbox delivery holds its row lock while it talks to the mail server: never forever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str(
    "DJANGO_DEFAULT_FROM_EMAIL", default="WSIS Secretariat <wsis-info@itu.int>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis when REDIS_URL is set, otherwise a broker on the filesystem that needs no server.
CELERY_BROKER_DIR = VAR_DIR / "celery-broker"
# A message a worker took but never acknowledged (the worker was killed, the machine lost)
# goes back to the queue this many seconds after it was taken: Redis's visibility timeout.
# Tasks acknowledge late (after they ran) so such a message is run again, by another worker.
CELERY_REDELIVERY_SECONDS = env.int("CELERY_REDELIVERY_SECONDS", default=300)
# Every task is stopped past these (soft: SoftTimeLimitExceeded inside the task; hard: the
# worker process is replaced). The hard limit stays below the redelivery time, or a task
# still running would be handed to a second worker.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
if not CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT < CELERY_REDELIVERY_SECONDS:
    raise ImproperlyConfigured(
        "Celery limits must satisfy CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT "
        "< CELERY_REDELIVERY_SECONDS."
    )
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_RESULT_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": CELERY_REDELIVERY_SECONDS,
        # Workers look for such messages every few seconds (kombu's default sweep is every
        # 10 x 10 s), so one is back in the queue at most a sweep after its timeout.
        "unacked_restore_interval": max(1, min(10, CELERY_REDELIVERY_SECONDS // 3)),
        "unacked_restore_throttle": 1,
    }
else:
    for sub in ("out", "processed", "control"):
        (CELERY_BROKER_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "out"),
        "data_folder_out": str(CELERY_BROKER_DIR / "out"),
        "processed_folder": str(CELERY_BROKER_DIR / "processed"),
        # Broadcast (control) messages too, or kombu writes them under the working directory.
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        "store_processed": False,
    }
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# A proxy terminates TLS in production; it tells Django so through this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz(/web)?$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy, the API and its schema: fixed values (wsis_portal/settings_fixed.py).
CONTENT_SECURITY_POLICY = fixed.CONTENT_SECURITY_POLICY
REST_FRAMEWORK = fixed.REST_FRAMEWORK
SPECTACULAR_SETTINGS = fixed.SPECTACULAR_SETTINGS

LOG_LEVEL = env.str("DJANGO_LOG_LEVEL", default="INFO")
# JSON lines in production (one record per line, request id included), plain text on a laptop.
LOG_FORMAT = env.str("DJANGO_LOG_FORMAT", default="text" if DEBUG else "json")
LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT)

# Private submission links of consultations keep read access this many days after the
# consultation's last phase ends; the page then says the link has expired (410).
CONSULTATION_LINK_DAYS_AFTER_CLOSE = env.int("CONSULTATION_LINK_DAYS_AFTER_CLOSE", default=90)

# Absolute links in emails sent outside a request (Celery tasks, the beat tick).
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://localhost:8000")

# How many seconds a worker heartbeat stays fresh for /healthz.
HEALTH_WORKER_MAX_AGE = 120

# The outbox (wsis_portal/outbox.py, docs/configuration.md): a failed delivery waits
# OUTBOX_RETRY_BASE seconds, doubling up to OUTBOX_RETRY_MAX, and is given up (shown as failed
# in the admin) after OUTBOX_MAX_ATTEMPTS. /healthz fails when a message has waited longer
# than OUTBOX_MAX_PENDING_AGE seconds: beat delivers every 30 s, so that means mail is stuck.
OUTBOX_RETRY_BASE = env.int("OUTBOX_RETRY_BASE", default=60)
OUTBOX_RETRY_MAX = env.int("OUTBOX_RETRY_MAX", default=3600)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=12)
OUTBOX_MAX_PENDING_AGE = env.int("OUTBOX_MAX_PENDING_AGE", default=900)
OUTBOX_BATCH = env.int("OUTBOX_BATCH", default=500)
OUTBOX_BATCH_SECONDS = env.int("OUTBOX_BATCH_SECONDS", default=60)
