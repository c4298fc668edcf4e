"""Ippo's one settings module.

Every value comes from the environment with a default that is safe: a fresh clone runs on
SQLite, the kombu filesystem broker and the file email backend, all under var/ (the embedded
default). Production sets DATABASE_URL, CELERY_BROKER_URL, EMAIL_URL, SECRET_KEY and
ALLOWED_HOSTS (see README.md and .env.example).
"""

import os
import re
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
env.read_env(BASE_DIR / ".env")  # optional; the real environment wins


def env_bool(name: str, default: bool) -> bool:
    """A strict boolean: only True/False (any case) are accepted, anything else raises."""
    raw = env.str(name, default=str(default))
    if raw.lower() not in ("true", "false"):
        raise ImproperlyConfigured(f"{name} must be True or False, not {raw!r}")
    return raw.lower() == "true"


DEBUG = env_bool("DEBUG", False)
# HTTPS governs secure cookies, redirects and HSTS; on by default outside DEBUG.
HTTPS = env_bool("HTTPS", not DEBUG)

if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="ippo-insecure-development-key-do-not-deploy")
else:
    SECRET_KEY = env.str("SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The absolute address used in emails (reset links, summaries).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Where the embedded default keeps its files (database, broker queue, emails).
VAR_DIR = (BASE_DIR / env.str("IPPO_VAR_DIR", default="var")).resolve()
for _sub in ("", "mail", "static", "broker/queue", "broker/control"):
    (VAR_DIR / _sub).mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "pwa",
    "server.accounts",
    "server.sync",
    "server.journal",
    "server.guide",
    "server.summaries",
    "server.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files carry the same policy as the pages.
    "server.web.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "server.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "server.urls"
WSGI_APPLICATION = "server.wsgi.application"
ASGI_APPLICATION = "server.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "server" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'ippo.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL lets the web process read while the worker writes; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not memory, so a real worker process in the tests sees the same rows; one per
    # test process, so two test runs on one machine never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://ippo")}

# Accounts
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=60 * 60 * 24)

# Sessions last months: she opens the app from her home screen, not a log-in page.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 24 * 180)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = False  # the PWA reads it to send X-CSRFToken

SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy, sent on every response by server/web/security.py (Django 5.2 has
# none built in; the name and shape follow Django 6.0's SECURE_CSP so the upgrade is a swap
# of middleware). No inline script anywhere: the shell loads Vite's files, the worker is
# registered from the bundle, /api/docs/ loads its start-up script from a URL. Inline
# styles only by hash (tests/web/test_security_headers.py fails when a page has an inline
# style not listed here): the app shell's boot style (server/web/templates/web/shell.html,
# inline so it works offline before any file loads). Preact's style props use the CSSOM.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": [
        "'self'",
        "'sha256-GV40eN4Pr4bg7bPrJMpvwx2sQtozZpSGBDEOhID3VvA='",  # web/shell.html
    ],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'"],
    "frame-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
}
# Powerful browser features nobody needs in a career journal are off; copying the weekly
# report stays on for Ippo itself. Sharing it (navigator.share) keeps its default, which is
# Ippo itself too: desktop Chromium does not know "web-share" and would log an error for it.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "serial": [],
    "usb": [],
    "clipboard-write": ["self"],
}

# The admin lives at ADMIN_URL, for staff only. It must stay under admin/ (e.g.
# "admin/ops-7f3k/"): the list of the server's own paths (server/web/paths.py), which the
# app shell's route, the PWA's router and its service worker share, has the prefix admin.
ADMIN_URL = env.str("ADMIN_URL", default="admin/")
if not re.fullmatch(r"admin/(?:[A-Za-z0-9_~-][A-Za-z0-9_.~-]*/)*", ADMIN_URL):
    raise ImproperlyConfigured(
        f"ADMIN_URL must start with admin/ and end with a slash, like admin/ops-7f3k/, "
        f"not {ADMIN_URL!r}"
    )

# Lock-out: LOGIN_LOCKOUT_FAILURES wrong passwords for one account within
# LOGIN_LOCKOUT_WINDOW seconds lock it for LOGIN_LOCKOUT_SECONDS (kept in the database, so
# every web worker sees it); the owner gets one email per lock-out; a password reset ends it.
LOGIN_LOCKOUT_FAILURES = env.int("LOGIN_LOCKOUT_FAILURES", default=10)
LOGIN_LOCKOUT_WINDOW = env.int("LOGIN_LOCKOUT_WINDOW", default=15 * 60)
LOGIN_LOCKOUT_SECONDS = env.int("LOGIN_LOCKOUT_SECONDS", default=30 * 60)

# Language and time: Japanese first, English complete; the user's own zone for dates.
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True
DEFAULT_USER_TIME_ZONE = env.str("DEFAULT_USER_TIME_ZONE", default="Asia/Tokyo")

# What the writer edits (guide chapters, the self-check questionnaire): read by server/guide/.
CONTENT_DIR = Path(env.str("CONTENT_DIR", default=str(BASE_DIR / "content"))).resolve()

# Static files, served by WhiteNoise in every environment.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedStaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The installable PWA: frontend/ is built by Vite into PWA_BUILD_DIR (`make install`);
# django-pwa serves /manifest.json from these values (template: server/templates/manifest.json)
# and server/web/shell.py serves the built Workbox worker at /serviceworker.js.
PWA_BUILD_DIR = BASE_DIR / "server" / "web" / "static" / "app"
PWA_SERVICE_WORKER_PATH = PWA_BUILD_DIR / "sw.js"
PWA_APP_NAME = "一歩 (Ippo)"
PWA_APP_DESCRIPTION = "育休から戻った働く母のキャリアを、毎日の小さな一歩で取り戻す記録アプリ。"
PWA_APP_LANG = "ja"
PWA_APP_DIR = "ltr"
PWA_APP_START_URL = "/today"
PWA_APP_SCOPE = "/"
PWA_APP_DISPLAY = "standalone"
PWA_APP_ORIENTATION = "any"
# The UI's own colours (frontend/src/styles.css): its brand red, and its page background so
# the splash screen turns into the first frame without a flash.
PWA_APP_THEME_COLOR = "#a8322a"
PWA_APP_BACKGROUND_COLOR = "#f7f4ef"
PWA_APP_STATUS_BAR_COLOR = "default"
PWA_APP_DEBUG_MODE = False
_ICONS = f"{STATIC_URL}web/icons/"
PWA_APP_ICONS = [
    {"src": f"{_ICONS}icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": f"{_ICONS}icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {
        "src": f"{_ICONS}maskable-512.png",
        "sizes": "512x512",
        "type": "image/png",
        "purpose": "maskable",
    },
]
PWA_APP_ICONS_APPLE = [{"src": f"{_ICONS}apple-touch-icon-180.png", "sizes": "180x180"}]
PWA_APP_SPLASH_SCREEN: list = []
PWA_APP_SCREENSHOTS: list = []
_SHORTCUT_ICONS = [{"src": f"{_ICONS}icon-192.png", "sizes": "192x192", "type": "image/png"}]
PWA_APP_SHORTCUTS = [
    {
        "name": "記録する / Log efficiency",
        "short_name": "記録する",
        "url": "/today?focus=efficiency",
        "icons": _SHORTCUT_ICONS,
    },
    {
        "name": "今日のチェック / Today's checklist",
        "short_name": "今日のチェック",
        "url": "/today",
        "icons": _SHORTCUT_ICONS,
    },
]
# Vite names its files with a content hash too: let browsers keep them for good.
WHITENOISE_IMMUTABLE_FILE_TEST = rf"^(?:.+\.[0-9a-f]{{12}}\..+|{STATIC_URL}app/assets/.+)$"

# Email: files under var/mail/ unless EMAIL_URL names a server (smtp://user:pass@host:587).
if env.str("EMAIL_URL", default=""):
    globals().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Ippo <noreply@ippo.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)

# Celery: the kombu filesystem transport under var/ unless CELERY_BROKER_URL names a server.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = str(VAR_DIR / "broker" / "queue")
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": _queue_dir,
        "data_folder_out": _queue_dir,
        "control_folder": str(VAR_DIR / "broker" / "control"),
        "store_processed": False,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE: dict = {}
CELERY_TIMEZONE = "UTC"

# Monthly summaries (server/summaries/): the beat looks hourly for users whose 1st-of-the-month
# SUMMARY_SEND_HOUR (their own zone) has passed; a send tries SUMMARY_SEND_TRIES times with
# backoff from SUMMARY_RETRY_BACKOFF seconds; a row pending or sending for longer than
# SUMMARY_STALE_MINUTES (a lost message, a killed worker) is queued again.
CELERY_BEAT_SCHEDULE["monthly-summaries"] = {
    "task": "server.summaries.tasks.plan_monthly_summaries",
    "schedule": crontab(minute=5),
}
SUMMARY_SEND_HOUR = env.int("SUMMARY_SEND_HOUR", default=7)
SUMMARY_SEND_TRIES = env.int("SUMMARY_SEND_TRIES", default=5)
SUMMARY_RETRY_BACKOFF = env.int("SUMMARY_RETRY_BACKOFF", default=60)
SUMMARY_STALE_MINUTES = env.int("SUMMARY_STALE_MINUTES", default=30)
# A beat that was down catches up for this long; a first deployment in mid-month does not
# mail everyone a summary of a month long gone (the command can, by hand).
SUMMARY_CATCH_UP_DAYS = env.int("SUMMARY_CATCH_UP_DAYS", default=3)

# API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["server.accounts.auth.CsrfSessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "server.lib.api.AutoSchema",  # documents each view's error answers
    "EXCEPTION_HANDLER": "server.lib.api.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "login_ip": env.str("THROTTLE_LOGIN_IP", default="10/min"),
        "login_email": env.str("THROTTLE_LOGIN_EMAIL", default="10/min"),
        "signup_ip": env.str("THROTTLE_SIGNUP_IP", default="20/hour"),
        "password_reset": env.str("THROTTLE_PASSWORD_RESET", default="5/hour"),
    },
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ippo API",
    "DESCRIPTION": "The API behind the Ippo PWA: session auth with CSRF, JSON bodies.",
    "VERSION": "1",
    # 3.1 is JSON Schema: the record models' nullable fields ("anyOf": [..., {"type": "null"}])
    # are published as pydantic writes them.
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Three "status" choice sets (a goal's, the weekly report's progressed goals', a monthly
    # summary's) get their own names, so the schema is stable and `check --deploy
    # --fail-level WARNING` stays clean.
    "ENUM_NAME_OVERRIDES": {
        "GoalStatusEnum": "server.journal.records.GOAL_STATUSES",
        "ProgressStatusEnum": "server.journal.records.PROGRESS_STATUSES",
        "SummaryStatusEnum": "server.summaries.models.MonthlySummary.Status",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
