"""The 22 categories of Art. 8 (reference data)."""

from django.db import migrations

CATEGORIES = [
    ("laws", "与履行职责相关的法律、法规、规章和规范性文件"),
    ("organization", "职责、机构设置、办公地址、办公时间、联系方式、法定代表人姓名"),
    ("licensing", "行政许可或者其他事项的程序、条件、期限、材料目录及办理情况"),
    ("penalties", "行政处罚、行政强制的依据、条件、程序"),
    ("inspections", "执法检查的情况"),
    ("budget", "财政预算决算信息"),
    ("fees", "行政事业性收费项目、依据、标准"),
    ("procurement", "政府集中采购项目的目录、审批及实施情况"),
    ("construction", "重大建设项目的批准和实施情况"),
    ("recruitment", "公安民警、基层警务人员、警务辅助人员等招考、录用信息"),
    ("statistics", "统计公报信息"),
    ("policies", "重大政策、工作部署及实施情况"),
    ("campaigns", "专项行动、专项斗争情况"),
    ("convenience", "便民利民措施"),
    ("public_security", "打击违法犯罪、维护社会治安稳定、火灾和道路交通安全管理等总体情况及统计数据"),
    ("major_cases", "重大案（事）件侦破、查处情况"),
    ("wanted", "通缉令"),
    ("foreign_affairs", "重要外事活动情况"),
    ("emergencies", "重大突发公共安全事件及应急处置情况"),
    ("rumours", "针对不实传言或谣言的解疑释惑、澄清事实"),
    ("commitments", "向社会承诺办理的事项及其完成情况"),
    ("other", "其他需要依法公开的事项"),
]


def seed(apps, schema_editor):
    Category = apps.get_model("catalog", "Category")
    for order, (code, name) in enumerate(CATEGORIES, start=1):
        Category.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
