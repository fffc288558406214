"""The demo site's furniture, as on the seed page (宁夏回族自治区公安厅门户网站)."""

from __future__ import annotations

from zwgk.core.models import SiteProfile

SITE = {
    "name": "宁夏回族自治区公安厅门户网站",
    "department_name": "宁夏回族自治区公安厅",
    "sponsor": "宁夏公安厅",
    "phone": "6136088",
    "site_code": "6400000032",
    "icp_number": "宁ICP备12000307号",
    "police_record": "宁公网安备 64010602000257号",
    "unified_code": "11640000010065393W",
    "copyright_since": 2011,
    "address": "宁夏回族自治区银川市（演示数据）",
    "office_hours": "工作日 上午8:30—12:00，下午14:30—18:00",
}


def load() -> str:
    site = SiteProfile.objects.order_by("pk").first()
    if site is None:
        SiteProfile.objects.create(**SITE)
        return "网站信息已创建"
    return "网站信息已存在，保持不变"
