"""Reference data of Art. 39, 40: the party and government domains entries link to without approval,
and the authorised sources of central documents. Both are data the office changes afterwards."""

from django.db import migrations

DOMAINS = [
    ("gov.cn", "政府网站（含各级党政机关 *.gov.cn）"),
    ("12377.cn", "中央网信办违法和不良信息举报中心"),
    ("12371.cn", "共产党员网"),
    ("cpc.cn", "中国共产党网站"),
]
SOURCES = [
    ("人民日报", "people.com.cn", "central_media"),
    ("人民日报", "people.cn", "central_media"),
    ("新华社", "news.cn", "central_media"),
    ("新华社", "xinhuanet.com", "central_media"),
    ("中国政府网（国务院网站）", "www.gov.cn", "state_council"),
    ("公安部", "www.mps.gov.cn", "issuing_body"),
]


def seed(apps, schema_editor):
    TrustedDomain = apps.get_model("catalog", "TrustedDomain")
    for domain, name in DOMAINS:
        TrustedDomain.objects.get_or_create(domain=domain, defaults={"name": name})
    AuthorisedSource = apps.get_model("catalog", "AuthorisedSource")
    for name, host, kind in SOURCES:
        AuthorisedSource.objects.get_or_create(host=host, defaults={"name": name, "kind": kind})


class Migration(migrations.Migration):
    dependencies = [("catalog", "0010_external_links_and_sources")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
