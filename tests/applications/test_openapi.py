"""The application endpoints are in the OpenAPI document."""


def test_openapi_lists_the_application_paths(api):
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/applications", "/api/v1/applications/{number}",
                 "/api/v1/applications/{number}/actions/{action}",
                 "/api/v1/applications/{number}/letters/{letter_id}.pdf", "/api/v1/reports/annual/{year}"):
        assert path in paths
