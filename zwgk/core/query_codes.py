"""Query codes: with a case's number, the secret that opens its status to the citizen (API.md
"General"). Only a keyed hash is stored, so a copy of the database does not reveal them."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

# No 0/O or 1/I: codes are read aloud over the phone and copied from paper receipts.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 8


def new_query_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def hash_query_code(code: str) -> str:
    return hmac.new(settings.ZWGK_QUERY_CODE_KEY.encode(), code.strip().upper().encode(), hashlib.sha256).hexdigest()


def query_code_matches(stored_hash: str, code: str | None) -> bool:
    """A wrong or missing code never matches; the comparison takes the same time either way."""
    return bool(code and stored_hash) and hmac.compare_digest(stored_hash, hash_query_code(code or ""))
