"""Settings from the environment (12-factor), with safe defaults for the embedded mode.

Embedded mode (the default) runs on SQLite with tasks run eagerly and a local-memory cache.
``ZWGK_ENV=production`` refuses to start with a default secret key, DEBUG on or no allowed hosts.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ZWGK_VAR_DIR", BASE_DIR / "var"))

ENVIRONMENT = os.environ.get("ZWGK_ENV", "embedded")
PRODUCTION = ENVIRONMENT == "production"

_DEFAULT_SECRET = "zwgk-embedded-insecure-default-key"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEFAULT_SECRET)
DEBUG = os.environ.get("DEBUG", "0" if PRODUCTION else "1") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "" if PRODUCTION else "*").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

if PRODUCTION:
    if SECRET_KEY == _DEFAULT_SECRET or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("ZWGK_ENV=production needs SECRET_KEY: 50 or more random characters.")
    if DEBUG:
        raise ImproperlyConfigured("ZWGK_ENV=production refuses DEBUG=1.")
    if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
        raise ImproperlyConfigured("ZWGK_ENV=production needs ALLOWED_HOSTS naming the site's hosts.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",
    "csp",
    "zwgk.core",
    "zwgk.events",
    "zwgk.org",
    "zwgk.workdays",
    "zwgk.catalog",
    "zwgk.applications",
    "zwgk.interaction",
    "zwgk.portal",
    "zwgk.publishing",
    "zwgk.workbench",
    "zwgk.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "zwgk.publishing.protection.ProtectionHeadersMiddleware",
    "zwgk.core.middleware.NulCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "zwgk.org.middleware.ApiTokenMiddleware",
    "zwgk.core.middleware.IdempotencyMiddleware",
    "zwgk.core.middleware.ServiceErrorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "zwgk.urls"
WSGI_APPLICATION = "zwgk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zwgk.portal.context_processors.site",
                "zwgk.workbench.context_processors.navigation",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'zwgk.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the portal read while the workbench writes; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "org.Staff"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "zwgk.org.passwords.ComplexityValidator"},
]
PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if os.environ.get("ZWGK_FAST_HASHER") == "1"
    else ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
)

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGIN_URL = "workbench:login"
LOGIN_REDIRECT_URL = "workbench:home"
LOGOUT_REDIRECT_URL = "workbench:login"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work: Celery with Redis in production; the embedded default runs tasks eagerly.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL or "memory://")
CELERY_TASK_ALWAYS_EAGER = not bool(os.environ.get("CELERY_BROKER_URL") or REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
# Daily reminders of cases due soon and overdue (Art. 15, 31); each is also a management command
# (application_reminders, message_reminders) for machines without beat.
CELERY_BEAT_SCHEDULE = {
    # Art. 26: scheduled publications go out on time (also: manage.py publish_scheduled).
    "catalog-publish-scheduled": {"task": "catalog.publish_scheduled", "schedule": crontab(minute="*/5")},
    "application-reminders": {"task": "applications.reminders", "schedule": crontab(hour=8, minute=0)},
    "message-reminders": {"task": "zwgk.interaction.tasks.remind_overdue", "schedule": crontab(hour=8, minute=0)},
    # Art. 40: the static tree is compared with its fingerprints every 5 minutes (manage.py tamper_check).
    "publishing-tamper-check": {"task": "publishing.tamper_check", "schedule": crontab(minute="*/5")},
    # The visit counter lives in the cache; its total is written to the site profile now and then.
    # Art. 39: every link of the published portal is visited nightly (also: manage.py check_links).
    "publishing-check-links": {"task": "publishing.check_links", "schedule": crontab(hour=2, minute=30)},
    "portal-save-visits": {"task": "portal.save_visits", "schedule": crontab(minute="*/5")},
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "zwgk@localhost")

# Static publishing (DESIGN.md "Deployment"): the tree nginx serves, and the address pages are
# rendered for (absolute links in feeds and sitemaps); production: https:// and the first allowed host.
ZWGK_SITE_DIR = Path(os.environ.get("ZWGK_SITE_DIR", VAR_DIR / "site"))
# Re-render what a change shows (on Celery; at once in the embedded default). The test settings
# turn it off except where the publishing tests turn it on.
ZWGK_PUBLISH_ON_CHANGE = os.environ.get("ZWGK_PUBLISH_ON_CHANGE", "1") == "1"
ZWGK_SITE_URL = os.environ.get(
    "ZWGK_SITE_URL", f"https://{ALLOWED_HOSTS[0]}" if PRODUCTION else "http://localhost")

# The policy profile in force (Art. 15, 26, 31): "seed-2018" or "national-2019".
ZWGK_POLICY_PROFILE = os.environ.get("ZWGK_POLICY_PROFILE", "seed-2018")
# PostgreSQL cancels a public catalog search after this many milliseconds (the person is asked to narrow it).
ZWGK_SEARCH_TIMEOUT_MS = int(os.environ.get("ZWGK_SEARCH_TIMEOUT_MS", "2000"))
# A TrueType font for PDF letters ("path" or "path#index" in a .ttc); empty: WenQuanYi Micro Hei.
ZWGK_LETTER_FONT = os.environ.get("ZWGK_LETTER_FONT", "")
# API tokens expire after this many hours (API.md, "General").
ZWGK_TOKEN_HOURS = int(os.environ.get("ZWGK_TOKEN_HOURS", "12"))
# Login lock-out: this many failures within the window lock the account name for the window.
ZWGK_LOGIN_MAX_FAILURES = int(os.environ.get("ZWGK_LOGIN_MAX_FAILURES", "5"))
ZWGK_LOGIN_LOCK_MINUTES = int(os.environ.get("ZWGK_LOGIN_LOCK_MINUTES", "15"))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): no inline script or style anywhere (behaviour lives in
# static files), no framing. The admin and the API's interactive docs use inline script of their
# own and are left out; they are staff/developer pages, never the portal.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/api/v1/docs"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Browser features the portal never uses (Permissions-Policy), and the paths never cached.
ZWGK_PERMISSIONS_POLICY_OFF = ["camera", "microphone", "geolocation", "payment", "usb"]
ZWGK_NO_STORE_PREFIXES = ["/workbench/", "/admin/", "/api/", "/apply/status/", "/apply/receipt/",
                          "/interaction/mailbox/query/", "/interaction/mailbox/receipt/", "/visits.svg"]
if PRODUCTION:
    SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
