"""Projects for the profile and department tests: built in code, checked after a real trip."""

from __future__ import annotations

from decimal import Decimal

from desktop.model.department import PROJECT_LINE, DeptFunds, DeptLine
from desktop.model.project import Execution, FundsRow, Goals, Indicator, Project, Unit

D = Decimal


def detailed_project(profile: str = "sichuan-2023") -> Project:
    """A project with 指标性质/度量单位 in their own columns (the shape of 四川/云南 forms)."""
    p = Project(
        unit=Unit("青神县发展和改革局", "青神县发展和改革局本级"), year=2023, name="工资性支出"
    )
    p.profile = p.unit.profile = profile
    p.funds.rows["total"] = FundsRow("total", D("2389300.00"), D("2518900.00"), D("2518900.00"))
    p.funds.rows["fiscal"] = FundsRow("fiscal", D("2389300.00"), D("2518900.00"), D("2518900.00"))
    p.execution = Execution(D(10), D(10))
    p.goals = Goals("保障工资及时、足额发放。", "按时足额发放工资。")
    p.indicators = [
        Indicator("产出指标", "数量指标", "发放覆盖率", "100", "100%", D(60), D(60), "", "=", "%"),
        Indicator("效益指标", "社会效益", "足额保障率", "100", "100%", D(30), D(30), "", "=", "%"),
    ]
    return p


def department_project(profile: str = "mof-2020") -> Project:
    """A department-wide report whose breakdowns add up (南县政协 2021 figures)."""
    p = Project(
        unit=Unit("南县政协", "南县人民政府"), year=2021, name="部门整体支出", form="department"
    )
    p.profile = profile
    if profile != "mof-2020":
        p.unit.profile = profile
    p.funds.rows["total"] = FundsRow("total", D("7000000.00"), D("8000000.00"), D("7991200.00"))
    p.execution = Execution(D(10), D("9.99"))
    p.goals = Goals("履行政治协商、民主监督、参政议政职能。", "完成年度工作任务。")
    p.dept = DeptFunds(
        lines=[
            DeptLine("income", "total", "收入合计", D("6029700.00"), None, D("7922200.00")),
            DeptLine("income", "fiscal", "财政拨款收入", None, None, D("7922200.00")),
            DeptLine("expense", "total", "支出合计", None, None, D("7991200.00")),
            DeptLine("expense", "personnel", "人员经费", None, None, D("4348900.00")),
            DeptLine("expense", "public", "公用经费", None, None, D("774000.00")),
            DeptLine("expense", "project", "项目支出", None, None, D("2868300.00")),
            DeptLine("expense", PROJECT_LINE, "委员活动经费", None, None, D("363000.00")),
            DeptLine("expense", PROJECT_LINE, "其他项目", None, None, D("2505300.00")),
        ],
        counts={"staff_quota": 20, "staff_actual": 18, "units": 1},
    )
    p.indicators = [
        Indicator("产出", "数量指标", "提案办理数", "≥100件", "120件", D(50), D(50)),
        Indicator("效益", "社会效益", "建言献策采纳率", "≥80%", "85%", D(30), D(30)),
        Indicator("满意度", "服务对象满意度", "委员满意度", "≥90%", "95%", D(10), D(10)),
    ]
    return p
