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
# DEBUG is off unless a developer asks for it (``DEBUG=1``): the embedded default is what a county
# bureau runs, and a mistyped address must show our own 404 page, never Django's URL patterns.
DEBUG = os.environ.get("DEBUG", "0") == "1"
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
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "zwgk.core",
    "zwgk.events",
    "zwgk.org",
    "zwgk.workdays",
    "zwgk.privacy",
    "zwgk.catalog",
    "zwgk.assessment",
    "zwgk.procurement",
    "zwgk.applications",
    "zwgk.interaction",
    "zwgk.portal",
    "zwgk.publishing",
    "zwgk.workbench",
    "zwgk.api",
    "zwgk.security",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "zwgk.security.context.AuditContextMiddleware",
    "csp.middleware.CSPMiddleware",
    "zwgk.publishing.protection.ProtectionHeadersMiddleware",
    "zwgk.core.middleware.BodySizeMiddleware",
    "zwgk.core.middleware.NulCharacterMiddleware",
    "zwgk.core.middleware.JsonBodyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "zwgk.org.middleware.ApiTokenMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "zwgk.org.middleware.StaffSessionMiddleware",
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
# Every password login, /admin/'s included, passes the one lock-out gate (zwgk.org.auth).
AUTHENTICATION_BACKENDS = ["zwgk.org.auth.GatedBackend"]

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
# WhiteNoise serves the static files with DEBUG off; in the embedded mode straight from the apps'
# static folders (no collectstatic needed on a fresh clone), in production from STATIC_ROOT.
WHITENOISE_USE_FINDERS = not PRODUCTION
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
    # django-redis, not Django's own RedisCache: that one builds a new redis.Redis client (and its
    # table of reply callbacks) for every cache call, a dozen per public submission (issue 11).
    CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}}
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
    # 国办秘函〔2019〕19号: the portal's public address probed every 10 minutes (also: manage.py probe_portal).
    "assessment-probe-portal": {"task": "assessment.probe_portal", "schedule": crontab(minute="*/10")},
    # Art. 40: a daily backup keeping ZWGK_BACKUP_KEEP copies (also: manage.py backup_daily), and
    # audit entries past the retention period leave (also: manage.py prune_audit).
    "security-daily-backup": {"task": "security.daily_backup", "schedule": crontab(hour=2, minute=30)},
    "security-prune-audit": {"task": "security.prune_audit", "schedule": crontab(hour=3, minute=30)},
    "staff-alerts": {"task": "workbench.daily_alerts", "schedule": crontab(hour=7, minute=30)},
    # Art. 40: the static tree is compared with its fingerprints every 5 minutes (manage.py tamper_check).
    "publishing-tamper-check": {"task": "publishing.tamper_check", "schedule": crontab(minute="*/5")},
    # Art. 39: every link of the published portal is visited nightly (also: manage.py check_links).
    "publishing-check-links": {"task": "publishing.check_links", "schedule": crontab(hour=2, minute=30)},
    # The visit counter lives in the cache; its total is written to the site profile now and then.
    "portal-save-visits": {"task": "portal.save_visits", "schedule": crontab(minute="*/5")},
    # Receipts and notices whose place in the Redis queue was lost (a Redis restart) are sent.
    "events-notify-missed": {"task": "events.notify_missed", "schedule": crontab(minute="*/10")},
}
# Staff alerts by e-mail: one per alert (default) or one digest a day (ZWGK_STAFF_DIGEST=1).
ZWGK_STAFF_DIGEST = os.environ.get("ZWGK_STAFF_DIGEST", "0") == "1"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "zwgk@localhost")
# Text messages to citizens (zwgk.core.sms): the file outbox by default, the office's HTTP gateway in production.
ZWGK_SMS_BACKEND = os.environ.get("ZWGK_SMS_BACKEND", "zwgk.core.sms.FileBackend")
ZWGK_SMS_DIR = os.environ.get("ZWGK_SMS_DIR", str(VAR_DIR / "sms"))
ZWGK_SMS_GATEWAY_URL = os.environ.get("ZWGK_SMS_GATEWAY_URL", "")
ZWGK_SMS_GATEWAY_TOKEN = os.environ.get("ZWGK_SMS_GATEWAY_TOKEN", "")
ZWGK_SMS_SIGN = os.environ.get("ZWGK_SMS_SIGN", "【公安厅政务公开】")
ZWGK_SMS_TIMEOUT = float(os.environ.get("ZWGK_SMS_TIMEOUT", "10"))

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
# An Idempotency-Key "in progress" holds its lease this long; a retry after it is processed anew.
ZWGK_IDEMPOTENCY_LEASE_SECONDS = int(os.environ.get("ZWGK_IDEMPOTENCY_LEASE_SECONDS", "60"))
# Citizens' side (API.md v1): wrong query codes per address and per number within the window,
# then 429 until it has passed; public submissions (applications, messages) per address an hour.
ZWGK_LOOKUP_MAX_FAILURES = int(os.environ.get("ZWGK_LOOKUP_MAX_FAILURES", "10"))
ZWGK_LOOKUP_WINDOW_SECONDS = int(os.environ.get("ZWGK_LOOKUP_WINDOW_SECONDS", "3600"))
ZWGK_SUBMISSIONS_PER_HOUR = int(os.environ.get("ZWGK_SUBMISSIONS_PER_HOUR", "20"))
# Past this many public submissions of one address within the hour, the public forms ask an
# offline arithmetic captcha (zwgk.core.captcha); the API answers 429 "captcha_required" with the challenge (issue 11).
ZWGK_CAPTCHA_AFTER = int(os.environ.get("ZWGK_CAPTCHA_AFTER", "5"))
# Uploads (issue 11; zwgk.core.files.check_upload): size limits, and the zip-bomb limits of DOCX/XLSX.
ZWGK_CATALOG_ATTACHMENT_MAX_MB = int(os.environ.get("ZWGK_CATALOG_ATTACHMENT_MAX_MB", "20"))
ZWGK_SCAN_MAX_MB = int(os.environ.get("ZWGK_SCAN_MAX_MB", "20"))
ZWGK_UPLOAD_ZIP_MAX_ENTRIES = int(os.environ.get("ZWGK_UPLOAD_ZIP_MAX_ENTRIES", "2000"))
ZWGK_UPLOAD_ZIP_MAX_UNCOMPRESSED_MB = int(os.environ.get("ZWGK_UPLOAD_ZIP_MAX_UNCOMPRESSED_MB", "200"))
ZWGK_UPLOAD_ZIP_MAX_RATIO = int(os.environ.get("ZWGK_UPLOAD_ZIP_MAX_RATIO", "200"))
# The largest request body (MB) Django accepts, whatever its kind: larger is 413 with a Chinese
# message (zwgk.core.middleware.BodySizeMiddleware); nginx's client_max_body_size is the same.
ZWGK_MAX_BODY_MB = int(os.environ.get("ZWGK_MAX_BODY_MB", "25"))
# Form fields (not files) held in memory; files above this go to a temporary file, never the web root.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# The portal's public address, probed for the website check's reachability veto (empty: no probe).
ZWGK_PORTAL_URL = os.environ.get("ZWGK_PORTAL_URL", "")
# API tokens expire after this many hours (API.md, "General").
ZWGK_TOKEN_HOURS = int(os.environ.get("ZWGK_TOKEN_HOURS", "12"))
# Login lock-out: this many failures within the window lock the account name for the window.
ZWGK_LOGIN_MAX_FAILURES = int(os.environ.get("ZWGK_LOGIN_MAX_FAILURES", "5"))
ZWGK_LOGIN_LOCK_MINUTES = int(os.environ.get("ZWGK_LOGIN_LOCK_MINUTES", "15"))

# --- Staff identity, audit, backups (issue 10; Art. 40, 41) ---
# Failures per account from one address lock that pair; failures from one address over all
# accounts lock the address. Each lock-out in a row doubles the next (up to a day).
ZWGK_LOGIN_MAX_FAILURES_PER_ADDRESS = int(os.environ.get("ZWGK_LOGIN_MAX_FAILURES_PER_ADDRESS", "30"))
# Front servers (nginx) whose X-Forwarded-For names the client for lock-out and audit.
ZWGK_TRUSTED_PROXIES = [a for a in os.environ.get("ZWGK_TRUSTED_PROXIES", "127.0.0.1,::1").split(",") if a]
ZWGK_PASSWORD_MAX_AGE_DAYS = int(os.environ.get("ZWGK_PASSWORD_MAX_AGE_DAYS", "90"))
ZWGK_PASSWORD_HISTORY = int(os.environ.get("ZWGK_PASSWORD_HISTORY", "5"))
# A workbench session ends after this many minutes without a request.
ZWGK_SESSION_IDLE_MINUTES = int(os.environ.get("ZWGK_SESSION_IDLE_MINUTES", "30"))
# Publishing, approving and role changes ask for the password again when the last check (login or
# re-check) is older than this many minutes (issue 10); API tokens count as checked while valid.
ZWGK_REAUTH_MINUTES = int(os.environ.get("ZWGK_REAUTH_MINUTES", str(ZWGK_SESSION_IDLE_MINUTES)))
# Two-factor login (TOTP + backup codes) is required for accounts holding these roles (those that
# can publish, sign off, approve or administer); on by default in production.
ZWGK_OTP_REQUIRED = os.environ.get("ZWGK_OTP_REQUIRED", "1" if PRODUCTION else "0") == "1"
ZWGK_OTP_ROLES = os.environ.get(
    "ZWGK_OTP_ROLES", "handler,dept_head,office_head,secrecy,legal,leader,sysadmin").split(",")
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "zwgk")
# Audit entries are kept this many days; the regulation asks for at least six months.
ZWGK_AUDIT_RETENTION_DAYS = int(os.environ.get("ZWGK_AUDIT_RETENTION_DAYS", "365"))
if ZWGK_AUDIT_RETENTION_DAYS < 183:
    raise ImproperlyConfigured("ZWGK_AUDIT_RETENTION_DAYS must be at least 183 (six months).")
# The daily backup job writes into this directory and keeps the newest N copies.
ZWGK_BACKUP_DIR = Path(os.environ.get("ZWGK_BACKUP_DIR", VAR_DIR / "backups"))
ZWGK_BACKUP_KEEP = int(os.environ.get("ZWGK_BACKUP_KEEP", "7"))
# The key of the citizens' query-code hashes, apart from SECRET_KEY so that rotating SECRET_KEY
# keeps every code working. Defaults to SECRET_KEY (how codes were hashed before); keep it with
# the backups' instructions: a restore onto another key opens no case.
ZWGK_QUERY_CODE_KEY = os.environ.get("ZWGK_QUERY_CODE_KEY", SECRET_KEY)

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
