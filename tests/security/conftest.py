from tests.org.conftest import admin_api, person  # noqa: F401  (the identity fixtures, shared)
