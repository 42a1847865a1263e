"""A realistic, deterministic demo portfolio (`rmdesk demo`).

The same seed gives the same book relative to today: Chinese company names across
the credit-relevant industries, key persons, every step and the nurture/lost states,
past visits with call reports, visits planned over the next 14 days, deals and
objections — each client's records consistent with its step (a step-3 client has a
held visit with a decision maker, a step-6 client a won deal, ...).
Rows go in with Core bulk inserts in one transaction: fast enough for 100k clients.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import delete, func, select

from rmdesk import clock, vocab
from rmdesk.errors import ValidationError
from rmdesk.playbook.loader import CLOSING_STRATEGIES
from rmdesk.playbook.loader import load as load_playbook
from rmdesk.services import demo_reports, demo_risk, fincheck, proposals_demo
from rmdesk.services.bulk import bulk_insert
from rmdesk.services.catalog import NEED_PRODUCTS
from rmdesk.services.pinyin import search_keys_many
from rmdesk.services.validation import CREDIT_CODE_ALPHABET, credit_code_check_char
from rmdesk.store import search_index, stays
from rmdesk.store.engine import Store
from rmdesk.store.models import (
    BankRelation,
    Base,
    BusinessVolume,
    Client,
    Contact,
    Deal,
    FinancialYear,
    MaintenanceLog,
    Need,
    Objection,
    Product,
    StepChange,
    StepProgress,
    Task,
    Visit,
)

MAX_CLIENTS = 2_000_000
KEEP_TABLES = {"settings", "products", "calendar_days"}  # what --force keeps

CITIES = ("北京", "上海", "天津", "重庆", "江苏", "浙江", "广东", "山东", "河南", "湖北", "湖南", "四川",
          "福建", "安徽", "河北", "山西", "陕西", "辽宁", "吉林", "江西", "云南", "广西", "深圳", "苏州")
BRAND_CHARS = "华恒金泰宏达瑞丰中联鑫源盛世天成永安东方新海长城国嘉禾博远正信润通利隆兴宝德昌盈和嘉康汇亿创"
INDUSTRY_WORDS = {
    "coal": ("煤业", "能源"), "power": ("电力", "新能源"), "chemicals": ("化工", "化学"),
    "petrochemicals": ("石化", "石油化工"), "steel": ("钢铁", "特钢"), "nonferrous": ("有色金属", "铝业"),
    "paper": ("纸业", "造纸"), "textiles": ("纺织", "服饰"), "autos": ("汽车", "汽车零部件"),
    "real_estate": ("置业", "房地产开发"), "machinery": ("机械", "重工"), "food": ("食品", "粮油"),
    "electronics_it": ("电子", "信息技术"), "cement": ("水泥", "建材"), "trade": ("商贸", "国际贸易"),
    "logistics": ("物流", "供应链"), "pharma": ("医药", "生物科技"), "construction": ("建设", "建工"),
    "services": ("酒店管理", "物业服务"), "other": ("实业", "投资"),
}
SUFFIXES = ("有限公司", "股份有限公司", "集团有限公司", "科技有限公司")
TWO_HIGH = {"coal", "power", "chemicals", "petrochemicals", "steel", "nonferrous", "paper", "cement"}
REGION_CODES = ("110105", "310115", "120116", "500112", "320505", "330106", "440305", "370102",
                "410105", "420106", "510107", "350102", "340104", "130102", "610113", "210102")
DISTRICTS = ("朝阳区", "浦东新区", "滨海新区", "渝北区", "工业园区", "西湖区", "南山区", "历下区",
             "金水区", "江汉区", "武侯区", "鼓楼区", "高新区", "经开区")
STREETS = ("人民路", "建设大道", "解放路", "中山路", "科技园路", "滨江大道", "长江路", "新华路", "工业大道")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程魏苏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰晓东海燕鹏飞雪梅文博宇浩然思远"
BANKS = ("工商银行", "建设银行", "农业银行", "中国银行", "交通银行", "招商银行", "浦发银行", "兴业银行",
         "中信银行", "民生银行", "光大银行", "平安银行")
OWNERS = ("张伟", "李娜", "王强")
RATINGS = ("AAA", "AA+", "AA", "AA-", "A+", "A", "BBB")

ROLE_TITLES = {"gm": "总经理", "finance_vp": "财务副总", "cfo": "财务总监", "finance_manager": "财务经理",
               "treasury": "资金主管"}
ROLE_POWER = {"gm": "decides", "finance_vp": "decides", "cfo": "influences", "finance_manager": "influences",
              "treasury": "informs"}

NEED_TEXTS = {
    "purchasing": "原材料集中采购，希望延后付款", "sales": "应收账款回笼慢，账期约 90 天",
    "financing": "旺季流动资金缺口，需降低融资成本", "idle_cash": "季末有闲置资金，希望稳健理财",
    "settlement": "多家子公司资金分散，需要现金管理", "trade": "出口业务增长，需要信用证与结售汇",
}
OBJECTION_WORDS = {
    "no_need": "我们现在资金挺充足的，暂时不需要贷款。", "price": "你们的利率比别的银行高。",
    "product_fit": "这个产品的审批材料太多了，不适合我们。", "bank_loyalty": "我们和现在的银行合作十几年了。",
    "timing": "等年底审计完再说吧。", "authority": "这件事我得请示老板。", "service": "上次你们网银出问题，耽误了付款。",
}
OBJECTION_ANSWERS = {
    "no_need": "资金充足时先把授信额度备好，旺季用款不求人。", "price": "综合成本还要看结算、理财收益和审批效率。",
    "product_fit": "我们可以按贵司情况精简材料清单，先做一笔小额试试。", "bank_loyalty": "不需要替换原来的银行，多一家合作行是多一份保障。",
    "timing": "可以先把额度申请做起来，审计后直接启用。", "authority": "能否约老板一起坐坐？我来当面介绍。",
    "service": "已经升级了系统，并指定专人负责贵司的业务。",
}
# Referral agents (猎犬): people who pass on leads, each bringing several clients.
REFERRAL_AGENTS = ("李律师", "王会计（华恒集团财务部）", "张经理（地产开发）", "陈总（建筑承包）", "刘行长（同业）",
                   "赵主任（行业协会）", "孙经理（销售）", "周会计师")
# How often a client found by each channel goes on to step 6 (weights for the demo's channel mix):
# referrals and the relationship network bring clients who sign, cold visits rarely.
CHANNEL_WEIGHTS_BY_OUTCOME = {"won": (15, 35, 5, 15, 30), "other": (25, 15, 30, 15, 15)}

# Other answers RMs give (some work less often), so "what wins objections" has a choice to show.
OTHER_ANSWERS = {
    "no_need": ("先开一个结算账户，有需要时随时启用。", "我们可以先帮您做一次资金诊断。"),
    "price": ("利率可以再申请优惠。", "我们审批快，能省下您的时间成本。"),
    "product_fit": ("我们还有别的产品可以选。", "我请产品经理来给您做个定制方案。"),
    "bank_loyalty": ("我们的服务比他们好。", "可以先做一笔业务，比较一下再决定。"),
    "timing": ("那我年底再联系您。", "现在申请可以锁定今年的额度。"),
    "authority": ("麻烦您帮忙转达一下。", "我准备一份一页纸的材料，方便您向老板汇报。"),
    "service": ("以后不会了。", "给您开通专属客服热线，问题当天响应。"),
}
OUTCOMES = ("初步了解企业经营与资金状况，对方愿意进一步交流。", "介绍了我行产品，财务总监对现金管理方案感兴趣。",
            "就授信方案交换意见，约定下周提交书面方案。", "客户反馈良好，同意安排实地考察。",
            "节前走访，沟通全年合作情况并征求服务意见。")
REACTIONS = ("积极", "中立，需要内部讨论", "比较关注利率", "对服务效率满意")

# Share of clients per step (1..6), and of nurture / lost among them.
STEP_WEIGHTS = (30, 20, 15, 10, 8, 17)
NURTURE_SHARE, LOST_SHARE = 0.08, 0.05


def _credit_code(rng: random.Random, used: set[str]) -> str:
    while True:
        body = "91" + rng.choice(REGION_CODES) + "".join(rng.choice(CREDIT_CODE_ALPHABET[:10] + "ABCDEFGH")
                                                          for _ in range(9))
        code = body + credit_code_check_char(body)
        if code not in used:
            used.add(code)
            return code


def _company_name(rng: random.Random, industry: str, used: set[str]) -> str:
    for _ in range(50):
        brand = rng.choice(BRAND_CHARS) + rng.choice(BRAND_CHARS)
        name = rng.choice(CITIES) + brand + rng.choice(INDUSTRY_WORDS[industry]) + rng.choice(SUFFIXES)
        if brand[0] != brand[1] and name not in used:
            used.add(name)
            return name
    n = len(used)  # pools exhausted: number the name so it stays unique
    name = f"{rng.choice(CITIES)}{rng.choice(BRAND_CHARS)}{INDUSTRY_WORDS[industry][0]}第{n}有限公司"
    used.add(name)
    return name


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _working_slot(rng: random.Random, day: date) -> datetime:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(rng.choice((9, 10, 11, 14, 15, 16)), rng.choice((0, 30))))


def generate(store: Store, clients: int, seed: int = 1, force: bool = False,
             progress: Callable[[int, int], None] | None = None, detail: bool = True) -> dict[str, int]:
    """Fill the store with `clients` demo clients; returns row counts per table.
    `detail=False` writes only the clients, their key persons and step history (a fast
    book for scale tests of the lists and search)."""
    if not 1 <= clients <= MAX_CLIENTS:
        raise ValidationError("error.demo_count", "clients", max=MAX_CLIENTS)
    with store.read() as s:
        existing = s.scalar(select(func.count(Client.id))) or 0
        products = {key: pid for key, pid in s.execute(select(Product.key, Product.id))}
    if existing and not force:
        raise ValidationError("error.store_not_empty", None, count=existing)

    rng = random.Random(seed)
    playbook = load_playbook("zh_CN")  # checklist ids are the same in every language
    checklists = {step.number: [item.id for item in step.checklist] for step in playbook.steps}
    today = clock.today()
    now = datetime.combine(today, time(8, 0))
    rows: dict[str, list[dict]] = {t: [] for t in ("clients", "contacts", "banks", "visits", "tasks", "changes",
                                                    "progress", "needs", "objections", "deals")}
    names: set[str] = set()
    codes: set[str] = set()
    ids = {"contact": 0, "visit": 0}

    for cid in range(1, clients + 1):
        industry = rng.choice(vocab.INDUSTRIES[:14]) if rng.random() < 0.85 else rng.choice(vocab.INDUSTRIES[14:])
        step = rng.choices(vocab.STEPS, STEP_WEIGHTS)[0]
        roll = rng.random()
        status = "nurture" if roll < NURTURE_SHARE else "lost" if roll < NURTURE_SHARE + LOST_SHARE else (
            "won" if step == 6 else "active")
        name = _company_name(rng, industry, names)
        days_in_step = rng.randint(1, 80)
        entered = now - timedelta(days=days_in_step)
        created = entered - timedelta(days=rng.randint(0, 40) * (step - 1) + rng.randint(0, 30))
        quals = [rng.random() < 0.5 for _ in vocab.QUALIFICATION_CRITERIA]
        if step >= 2:
            quals = [True, True, True] + [rng.random() < 0.7 for _ in range(2)]
        policy = "restricted" if industry in TWO_HIGH and rng.random() < 0.3 else rng.choice(("encouraged", "permitted"))
        district = rng.choice(DISTRICTS)
        rows["clients"].append({
            "id": cid, "name": name, "short_name": name[2:6], "pinyin_initials": "", "pinyin_full": "",
            "credit_code": _credit_code(rng, codes), "industry": industry, "policy_class": policy,
            "two_high": industry in TWO_HIGH, "size": rng.choice(vocab.SIZES),
            "district": district,
            "address": f"{rng.choice(STREETS)}{rng.randint(1, 999)}号",
            "credit_rating": rng.choice(RATINGS),
            "annual_sales": Decimal(rng.randint(500, 500_000)) * 10_000,
            "source_channel": rng.choice(vocab.SOURCE_CHANNELS),
            "referrer": _person(rng) if rng.random() < 0.3 else None,
            "tier": rng.choices(vocab.PYRAMID_TIERS, (10, 20, 45, 25))[0], "owner": rng.choice(OWNERS),
            "step": step, "status": status, "status_reason": None,
            "lost_reason": rng.choice(vocab.LOST_REASONS) if status == "lost" else None,
            "wake_up_date": today + timedelta(days=rng.randint(15, 120)) if status == "nurture" else None,
            "step_entered_at": entered,
            "next_action_date": today + timedelta(days=rng.randint(-10, 20)) if status in ("active", "won") else None,
            **{f"q_{k}": q for k, q in zip(vocab.QUALIFICATION_CRITERIA, quals, strict=True)},
            "qualification_score": sum(quals), "proposal_agreed": step >= 4,
            "closing_strategy": rng.choice(CLOSING_STRATEGIES) if step >= 5 else None,
            "next_maintenance_date": today + timedelta(days=rng.randint(-5, 60)) if step == 6 else None,
            "intel_notes": "主要结算行为" + rng.choice(BANKS) + "，对现有银行的审批效率不太满意。" if step >= 2 else None,
            "created_at": created, "updated_at": entered, "deleted_at": None,
        })
        # History of moves up to the current step.
        rows["changes"].append({"client_id": cid, "at": created, "from_step": None, "to_step": 1,
                                "from_status": None, "to_status": "active", "reason": None, "override": False,
                                "unmet": None})
        for moved_to in range(2, step + 1):
            at = created + (entered - created) * (moved_to - 1) / max(step - 1, 1)
            rows["changes"].append({"client_id": cid, "at": at.replace(microsecond=0), "from_step": moved_to - 1,
                                    "to_step": moved_to, "from_status": "active",
                                    "to_status": "won" if moved_to == 6 else "active", "reason": None,
                                    "override": False, "unmet": None})
        if status in ("nurture", "lost"):
            rows["changes"].append({"client_id": cid, "at": entered + timedelta(days=1), "from_step": step,
                                    "to_step": step, "from_status": "won" if step == 6 else "active",
                                    "to_status": status, "reason": "客户近期无合作意向" if status == "lost" else "客户明年再议",
                                    "override": False, "unmet": None})

        # Key persons: a decision maker first, then others.
        contact_ids = []
        roles = ["gm" if rng.random() < 0.5 else "finance_vp"] + rng.sample(
            ["cfo", "finance_manager", "treasury"], rng.randint(0, 3))
        if step == 1 and rng.random() < 0.4:
            roles = []
        for role in roles:
            ids["contact"] += 1
            contact_ids.append((ids["contact"], ROLE_POWER[role]))
            rows["contacts"].append({
                "id": ids["contact"], "client_id": cid, "name": _person(rng), "title": ROLE_TITLES[role],
                "role": role, "decision_power": ROLE_POWER[role],
                "attitude": rng.choice(vocab.ATTITUDES[:3]) if step >= 2 else "unknown",
                "phone": f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}",
                "email": "@" if rng.random() < 0.6 else None,  # filled in with the pinyin below
                "birthday": date(rng.randint(1962, 1992), rng.randint(1, 12), rng.randint(1, 28)),
                "preferences": rng.choice(("喜欢打高尔夫", "爱喝普洱茶", "关注孩子升学", "周末爬山", None)),
            })
        if detail:  # accounts, visits, tasks, checklists, needs, objections, deals
            for bank in rng.sample(BANKS, rng.randint(1, 3)):
                rows["banks"].append({"client_id": cid, "bank_name": bank, "share_pct": rng.choice((20, 30, 50, 70)),
                                      "satisfaction": rng.randint(2, 5), "notes": None})

            decider = next((pid for pid, power in contact_ids if power == "decides"), None)
            # Past visits with call reports (a held visit with the decider from step 3 on).
            past = rng.randint(1, 4) if step >= 3 else (rng.randint(0, 1) if step == 2 else 0)
            for k in range(past):
                ids["visit"] += 1
                at = _working_slot(rng, today - timedelta(days=rng.randint(3, 120)))
                who = decider if k == 0 and decider else (rng.choice(contact_ids)[0] if contact_ids else None)
                rows["visits"].append(_visit_row(rng, ids["visit"], cid, who, at, "done", step, now))
                if rng.random() < 0.5:
                    rows["tasks"].append({"client_id": cid, "visit_id": ids["visit"],
                                          "title": rng.choice(("提交授信方案", "发送产品手册", "安排行领导拜访", "收集财务报表")),
                                          "owner": rows["clients"][-1]["owner"],
                                          "due_date": today + timedelta(days=rng.randint(-7, 14)), "done_at": None,
                                          "created_at": at})
            # Planned visits over the next 14 days (a confirmed one with the decider at step 2).
            if status in ("active", "won") and contact_ids and rng.random() < (0.6 if step == 2 else 0.25):
                ids["visit"] += 1
                at = _working_slot(rng, today + timedelta(days=rng.randint(0, 13)))
                who = decider or contact_ids[0][0]
                row = _visit_row(rng, ids["visit"], cid, who, at, "planned", step, now)
                row["confirmed"] = rng.random() < 0.7
                rows["visits"].append(row)

            # Checklists: earlier steps done, part of the current one.
            for number in range(1, step + 1):
                items = checklists[number]
                done = items if number < step else items[: rng.randint(0, len(items) - 1)]
                for item_id in done:
                    rows["progress"].append({"client_id": cid, "step": number, "item_id": item_id, "done_at": entered})

            if step >= 3:
                areas = rng.sample(vocab.NEED_AREAS, rng.randint(1, 3))
                for i, area in enumerate(areas):
                    rows["needs"].append({"client_id": cid, "area": area, "description": NEED_TEXTS[area],
                                          "confirmed": step >= 4 or i == 0 and rng.random() < 0.5, "created_at": entered})
                if step >= 4 or rng.random() < 0.3:
                    for kind in rng.sample(vocab.OBJECTION_TYPES, rng.randint(1, 2)):
                        resolved = step >= 5 or rng.random() < 0.4
                        rows["objections"].append({
                            "client_id": cid, "visit_id": None, "type": kind, "words": OBJECTION_WORDS[kind],
                            "answer": OBJECTION_ANSWERS[kind], "blocking": rng.random() < 0.7, "resolved": resolved,
                            "created_at": entered, "resolved_at": entered + timedelta(days=3) if resolved else None})
                if step >= 5:
                    product = NEED_PRODUCTS[areas[0]]
                    deal_status = "won" if step == 6 else "open"
                    rows["deals"].append({
                        "client_id": cid, "product_id": products[product],
                        "amount": Decimal(rng.randint(50, 20_000)) * 10_000,
                        "rate": Decimal(rng.randint(280, 480)) / 100 if "loan" in product else None,
                        "status": deal_status, "expected_date": today + timedelta(days=rng.randint(5, 60)),
                        "actual_date": entered.date() if deal_status == "won" else None,
                        "lost_reason": None, "created_at": entered, "deleted_at": None})
                    if rng.random() < 0.15:
                        rows["deals"].append({
                            "client_id": cid, "product_id": products["corporate_wealth"],
                            "amount": Decimal(rng.randint(100, 5000)) * 10_000, "rate": None, "status": "lost",
                            "expected_date": None, "actual_date": entered.date() - timedelta(days=20),
                            "lost_reason": "客户选择了他行的理财产品", "created_at": created, "deleted_at": None})
        if progress and cid % 1000 == 0:
            progress(cid, clients)

    _keeping(random.Random(seed * 7919 + 1), rows, now)
    _star_measures(random.Random(seed * 7919 + 2), rows)  # issue 17
    _answers(random.Random(seed * 104729 + 3), rows)
    _channels(random.Random(seed * 1299709 + 5), rows)
    rows["financials"] = fincheck.demo_rows(random.Random(seed * 15485863 + 7), rows["clients"], today) if detail else []  # issue 19
    # Pinyin keys for every name at once (spread over the cores for big books).
    keys = search_keys_many([row["name"] for row in rows["clients"]])
    for row, (initials, full) in zip(rows["clients"], keys, strict=True):
        row["pinyin_initials"], row["pinyin_full"] = initials, full
    for row in rows["contacts"]:
        if row["email"]:
            initials = rows["clients"][row["client_id"] - 1]["pinyin_initials"]
            row["email"] = f"{initials[:6] or 'info'}{row['id']}@example.cn"

    tables = {"clients": Client, "contacts": Contact, "banks": BankRelation, "visits": Visit, "tasks": Task,
              "changes": StepChange, "progress": StepProgress, "needs": Need, "objections": Objection,
              "deals": Deal, "volumes": BusinessVolume, "maintenance": MaintenanceLog, "financials": FinancialYear}
    tables.update(demo_risk.add_rows(random.Random(seed * 15485863 + 9), rows, today, detail))  # issue 19
    with store.write() as s, search_index.bulk_load(s.connection(), replace=bool(existing),
                                                                      rows=clients):
        if existing:
            # Children first, table by table: a cascade from clients would look up every
            # child (some foreign keys have no index) row by row.
            for table in reversed(Base.metadata.sorted_tables):
                if table.name not in KEEP_TABLES:
                    s.execute(delete(table))
        stays.fill_rows(rows["changes"])  # issue 18: each stay's start (store/stays.py)
        _authored(rows, tables)  # issue 15: who made each row (the timeline's By column)
        for key, model in tables.items():
            bulk_insert(s, model, rows[key])
    _demo_profile(store)  # issue 15: the demo's RM, unless the book has one
    proposals_demo.add_demo_proposals(store, seed)  # issue 19: example proposals (金融服务方案)
    if detail:
        demo_reports.add_demo_reports(store)  # issue 18: submitted work reports, one changed with a reason
    if progress:
        progress(clients, clients)
    return {key: len(value) for key, value in rows.items()}


def _keeping(rng: random.Random, rows: dict[str, list[dict]], now: datetime) -> None:
    """Step 6 data from a separate random stream (the rest of the book stays as it was):
    business volumes for 2025 and 2026 with a few big clients (a log-normal spread), founding
    dates, some lunar birthdays, and maintenance contacts of the kept clients."""
    rows["volumes"], rows["maintenance"] = [], []
    ways = ("onsite", "extra_value", "knowledge", "personal_care", "advisory", "cross_selling")
    for client in rows["clients"]:
        founded = date(rng.randint(1985, 2020), rng.randint(1, 12), rng.randint(1, 28))
        client["founded_date"] = founded if rng.random() < 0.6 else None
        if client["step"] < 5 or client["status"] == "lost":
            continue
        scale = Decimal(int(rng.lognormvariate(16.1, 1.3)) // 10_000 * 10_000)  # median about 1,000万
        for period, growth in (("2025", Decimal("0.85")), ("2026", Decimal(1))):
            deposits = (scale * growth).quantize(Decimal(1))
            rows["volumes"].append({
                "client_id": client["id"], "period": period, "avg_deposits": deposits,
                "avg_loans": (deposits * Decimal(rng.randint(0, 150)) / 100).quantize(Decimal(1)),
                "intl_settlement_usd": (deposits * Decimal(rng.randint(0, 40)) / 100).quantize(Decimal(1)),
                "fee_income": (deposits * Decimal(rng.randint(2, 30)) / 1000).quantize(Decimal(1)),
                "products_held": rng.randint(1, 6)})
        if client["step"] == 6:
            if rng.random() < 0.5:  # half run on their tier's cadence alone
                client["next_maintenance_date"] = None
            for _ in range(rng.randint(0, 3)):
                rows["maintenance"].append({"client_id": client["id"], "way": rng.choice(ways), "note": None,
                                            "at": now - timedelta(days=rng.randint(1, 120))})
    for contact in rows["contacts"]:
        contact["birthday_is_lunar"] = rng.random() < 0.25


# The retail-side measures of the published star table, as shares of a client's average
# deposits (the payroll staff's investment trades, card spending, mortgages, other loans and
# card overdraft through the bank): (chance the client has it at all, the largest share).
STAR_SHARES = {"investment": (0.7, 0.6), "card_spending": (0.8, 0.05), "mortgage": (0.5, 0.3),
               "personal_loans": (0.4, 0.08), "card_overdraft": (0.3, 0.02)}


def _star_measures(rng: random.Random, rows: dict[str, list[dict]]) -> None:
    """The star table's measures on each volumes row, from a separate random stream (the
    rest of the book stays as it was); a client keeps its shares from one period to the next."""
    shares: dict[int, dict[str, Decimal]] = {}
    for row in rows["volumes"]:
        mine = shares.setdefault(row["client_id"], {
            key: Decimal(rng.randint(1, int(top * 1000))) / 1000 if rng.random() < chance else Decimal(0)
            for key, (chance, top) in STAR_SHARES.items()})
        for key, share in mine.items():
            row[key] = (row["avg_deposits"] * share).quantize(Decimal(1))


def _channels(rng: random.Random, rows: dict[str, list[dict]]) -> None:
    """Source channels that differ in yield, and referral agents who each brought several
    clients (a separate random stream: the rest of the book stays as it was)."""
    for client in rows["clients"]:
        outcome = "won" if client["step"] == 6 else "other"
        client["source_channel"] = rng.choices(vocab.SOURCE_CHANNELS, CHANNEL_WEIGHTS_BY_OUTCOME[outcome])[0]
        client["referrer"] = rng.choice(REFERRAL_AGENTS[: 3 + rng.randint(0, 5)]) \
            if client["source_channel"] == "referral" else None


def _answers(rng: random.Random, rows: dict[str, list[dict]]) -> None:
    """Vary the answers used against objections, from a separate random stream: the
    prepared answer resolves most often, the second one sometimes, the plain reply rarely."""
    for row in rows["objections"]:
        plain, good = OTHER_ANSWERS[row["type"]]
        roll = rng.random()
        if row["resolved"]:
            row["answer"] = OBJECTION_ANSWERS[row["type"]] if roll < 0.6 else good if roll < 0.9 else plain
        else:
            row["answer"] = OBJECTION_ANSWERS[row["type"]] if roll < 0.3 else good if roll < 0.55 else plain


def _visit_row(rng: random.Random, vid: int, cid: int, contact_id: int | None, at: datetime, status: str,
               step: int, now: datetime) -> dict:
    done = status == "done"
    return {
        "id": vid, "client_id": cid, "contact_id": contact_id, "planned_at": at,
        "duration_min": rng.choice((30, 45, 60, 90)), "place": "客户办公室" if rng.random() < 0.7 else "我行会议室",
        "kind": rng.choices(vocab.VISIT_KINDS, (6, 2, 1, 1))[0],
        "objective": rng.choice(("了解企业经营与资金需求", "介绍现金管理方案", "沟通授信方案", "节日走访，维护关系",
                                 "回访服务满意度")),
        "agenda": None, "attendees_ours": None, "attendees_theirs": None, "questions": None,
        "materials": '["cards", "brochures"]', "products": "[]", "status": status, "confirmed": done,
        "cancel_reason": None, "report_outcome": rng.choice(OUTCOMES) if done else None,
        "report_needs": NEED_TEXTS[rng.choice(vocab.NEED_AREAS)] if done and step >= 3 else None,
        "report_reaction": rng.choice(REACTIONS) if done else None, "reported_at": at + timedelta(hours=2) if done else None,
        "created_at": min(at, now) - timedelta(days=2), "deleted_at": None,
    }


# ---- issue 15: who did what in the demo book ---------------------------------------------------------
DEMO_PROFILE = {"rm_name": OWNERS[0], "bank": "示范商业银行", "branch": "北京分行公司业务部"}


def _authored(rows: dict[str, list[dict]], tables: dict[str, type]) -> None:
    """Each row that records its author (changed_by) was made by its client's owner."""
    owner = {c["id"]: c["owner"] for c in rows["clients"]}
    for key, model in tables.items():
        if "changed_by" in model.__table__.c and rows[key] and "client_id" in rows[key][0]:
            for row in rows[key]:
                row.setdefault("changed_by", owner.get(row["client_id"]))
    for row in rows["clients"]:
        row.setdefault("changed_by", row["owner"])


def _demo_profile(store: Store) -> None:
    """A plausible RM profile (name, bank, branch) when none is set, so the timeline's By column
    and the call plan's header name the demo's RM rather than the computer's login."""
    from rmdesk.services import settings

    if not settings.get_profile(store).rm_name:
        settings.save_profile(store, DEMO_PROFILE)
