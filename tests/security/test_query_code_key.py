"""The query-code key is its own setting (issue 10): rotating SECRET_KEY keeps citizens' codes."""

import hashlib
import hmac

from django.conf import settings as django_settings

from zwgk.core.query_codes import hash_query_code, query_code_matches


def test_the_default_key_is_the_secret_key_so_existing_codes_keep_working():
    old = hmac.new(django_settings.SECRET_KEY.encode(), b"ABCD2345", hashlib.sha256).hexdigest()
    assert django_settings.ZWGK_QUERY_CODE_KEY == django_settings.SECRET_KEY
    assert query_code_matches(old, "abcd2345")


def test_rotating_the_secret_key_does_not_change_a_stored_code(settings):
    settings.ZWGK_QUERY_CODE_KEY = settings.SECRET_KEY
    stored = hash_query_code("ABCD2345")
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 50
    assert query_code_matches(stored, "ABCD2345")
    settings.ZWGK_QUERY_CODE_KEY = "another-key"
    assert not query_code_matches(stored, "ABCD2345")
