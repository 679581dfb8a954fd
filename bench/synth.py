"""Synthetic branch records at any scale, for the benchmark and its tests.

``make_site(folder, records, seed)`` writes a complete site — ``site_config.yml``,
``content/branch.yml``, a few attachments and exactly ``records`` record files —
and returns the path of ``site_config.yml``.  The records have the demo's
shapes: every meeting kind the schema knows (支部党员大会, 支委会, 党小组会, 党课,
主题党日, 组织生活会, 民主生活会, 其他会议), decisions voted at those meetings,
quarterly funds ledgers chained period to period with expenses approved by
adopted decisions, yearly dues, appraisals of every kind and notices of every
kind; bodies of about the demo's length, the demo's roster as attendees, and
visibilities public / members / restricted in about the demo's proportions
(94 : 5 : 1).  Every rule of ``openbranch check`` holds, so the site checks
with no errors and no warnings.

The branch keeps the demo's yearly cadence (about a hundred records a year);
a larger site is a longer archive, reaching back one year per hundred records
from the year of ``today``.  The same ``records``, ``seed`` and ``today`` give
byte-identical files (only ``random.Random(seed)`` is used).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 22)

# ---------------------------------------------------------------------------
# The branch (the demo's roster, fictitious names)
# ---------------------------------------------------------------------------

COMMITTEE = [("陈立群", "书记"), ("周建华", "副书记"), ("王思远", "组织委员"), ("孙雨桐", "宣传委员"), ("赵国栋", "纪检委员")]
GROUPS = [
    ("第一党小组", "刘洋", ["陈立群", "刘洋", "张静怡", "黄志强", "徐文博", "马丽娟", "胡海涛", "郭晓燕", "刘晨阳"]),
    ("第二党小组", "何明辉", ["周建华", "王思远", "何明辉", "林淑芬", "罗建新", "高玉兰", "郑浩然", "梁秀英", "吴佳怡"]),
    ("第三党小组", "谢振宇", ["李晓梅", "赵国栋", "孙雨桐", "谢振宇", "宋佳琪", "唐国庆", "韩冬梅", "冯志远", "曹丽华", "彭海峰"]),
]
MEMBERS = [name for _, _, names in GROUPS for name in names]
SECRETARY, DEPUTY, ORGANIZER, PUBLICITY, DISCIPLINE = (name for name, _ in COMMITTEE)
GUESTS = ["丁卫国（区直属机关工委组织员）", "区直属机关工委督导组", "入党积极分子代表", "群众代表"]

ROOMS = ["局机关三楼党员活动室", "局机关一楼多功能厅", "局机关四楼会议室", "局机关二楼小会议室"]
PLACES = ["江畔社区党群服务中心", "区廉政教育基地", "区科技馆", "滨江革命历史纪念馆", "高新区企业服务中心", "西兴街道新时代文明实践站"]
TAGS = [
    "发展党员", "经费", "学习教育", "志愿服务", "科普", "组织生活会", "民主评议", "党费", "换届选举", "支部建设",
    "绩效考核", "廉政建设", "主题党日", "意识形态", "调查研究", "科技创新", "服务企业", "乡村振兴", "安全生产", "作风建设",
    "党史学习", "理论学习", "整改落实", "群众工作", "青年工作", "统一战线", "保密工作", "三会一课",
]
STUDY = [
    "《中国共产党章程》", "《中国共产党纪律处分条例》", "《关于新形势下党内政治生活的若干准则》", "《中国共产党支部工作条例（试行）》",
    "党的二十大报告", "党的二十届三中全会精神", "党的二十届四中全会精神", "《习近平谈治国理政》第四卷", "《中国共产党党员教育管理工作条例》",
    "《中国共产党廉洁自律准则》", "《中国共产党基层组织选举工作条例》", "《中国共产党发展党员工作细则》", "全国科技大会精神", "中央八项规定及其实施细则精神",
]
ACTIVITIES = [
    ("社区科普志愿服务", "科普"), ("参观廉政教育基地", "廉政建设"), ("走访科技型中小企业", "服务企业"), ("重温入党誓词", "党史学习"),
    ("“寒冬送温暖”志愿服务", "志愿服务"), ("红色教育现场教学", "党史学习"), ("结对共建社区清洁行动", "志愿服务"), ("青年党员读书分享会", "理论学习"),
    ("防范电信诈骗宣传", "群众工作"), ("企业创新政策宣讲", "科技创新"), ("安全生产专项检查", "安全生产"), ("无偿献血志愿服务", "志愿服务"),
]
SENTENCES = [
    "会议传达学习了{study}，与会党员结合岗位实际进行了交流。",
    "{name}同志领学了{study}有关章节，并谈了学习体会。",
    "会议要求各党小组把学习成果转化为服务科技创新、服务企业群众的实际成效。",
    "与会同志围绕{topic}开展讨论，提出意见建议{n}条，会后由组织委员汇总整理。",
    "{name}同志通报了上月工作完成情况和本月重点任务安排。",
    "会议强调，要严格落实“三会一课”制度，规范会议记录和台账管理。",
    "会议研究了{topic}有关事项，明确了责任人和完成时限。",
    "{name}：建议把{topic}与业务工作结合起来，防止“两张皮”。",
    "{name}：要加强对青年党员的思想引导，多开展形式新颖的学习活动。",
    "支部书记{name}作总结讲话，对下一阶段工作提出具体要求。",
    "全体党员参加了集中学习，缺席同志会后已补学并提交学习笔记。",
    "会议通报了上级党组织关于{topic}的工作部署，对支部落实工作作出安排。",
    "本次活动共有{n}名党员参加，服务群众约{m}人次。",
    "各党小组长汇报了小组学习和志愿服务开展情况，小组之间交流了经验做法。",
    "会议指出，要坚持问题导向，把整改任务逐项抓到位，做到件件有着落。",
    "会议对近期意识形态工作进行了研判，未发现需要专门处置的问题。",
]
TOPICS = [
    "发展党员工作", "党费收缴", "主题党日活动安排", "志愿服务", "调查研究", "党员教育管理", "作风建设", "廉政风险防控",
    "科技企业服务", "年度工作要点", "组织生活会整改", "意识形态工作", "保密工作", "在职党员社区报到", "党建品牌创建",
]


def _pick(rng: random.Random, items: list) -> Any:
    return items[rng.randrange(len(items))]


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _day(year: int, month: int, low: int, high: int, rng: random.Random) -> dt.date:
    return _weekday(dt.date(year, month, rng.randint(low, high)))


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


# ---------------------------------------------------------------------------
# A tiny YAML writer: plain scalars where safe, JSON-quoted otherwise, Markdown
# bodies as literal blocks.  Much faster than yaml.safe_dump, and the files
# look like the demo's hand-written ones.
# ---------------------------------------------------------------------------

_PLAIN = re.compile(r"^[\w\u4e00-\u9fff（《“][^\n#:'\"\[\]{}]*$")
_SPECIAL = re.compile(r"^(\d|~$|null$|true$|false$|yes$|no$|on$|off$)", re.IGNORECASE)


def _scalar(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return _money(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}|(0|[1-9]\d*)(\.\d{1,2})?", text):
        return text
    if _PLAIN.match(text) and not _SPECIAL.match(text) and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)


def _emit(value: Any, indent: int, lines: list[str], key: Optional[str] = None) -> None:
    pad = " " * indent
    head = f"{pad}{key}:" if key is not None else None
    if isinstance(value, dict):
        if head is not None:
            lines.append(head)
            indent += 2
        for k, v in value.items():
            if v is not None and v != [] and v != {} and v != "":
                _emit(v, indent, lines, str(k))
    elif isinstance(value, list):
        lines.append(head)  # lists only ever appear under a key here
        for item in value:
            if isinstance(item, dict):
                sub: list[str] = []
                _emit(item, indent + 4, sub)
                first = sub[0].lstrip()
                lines.append(f"{pad}  - {first}")
                lines.extend(sub[1:])
            else:
                lines.append(f"{pad}  - {_scalar(item)}")
    elif isinstance(value, str) and "\n" in value:
        lines.append(f"{head} |")
        lines.extend(f"{pad}  {line}" if line else "" for line in value.rstrip("\n").split("\n"))
    else:
        lines.append(f"{head} {_scalar(value)}")


def to_yaml(data: dict[str, Any]) -> str:
    lines: list[str] = []
    _emit(data, 0, lines)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


@dataclass
class Rec:
    section: str
    id: str
    data: dict[str, Any]
    needs: list[str] = field(default_factory=list)  # ids this record refers to

    @property
    def date(self) -> dt.date:
        return self.data["date"]


@dataclass
class MeetingInfo:
    id: str
    kind: str
    date: dt.date
    present: int


@dataclass
class Year:
    """One year's records in dependency order: nothing refers to a later item."""

    meetings: list[Rec] = field(default_factory=list)
    appraisals: list[Rec] = field(default_factory=list)
    notices: list[Rec] = field(default_factory=list)
    dues: list[Rec] = field(default_factory=list)
    decisions: list[Rec] = field(default_factory=list)
    funds: list[Rec] = field(default_factory=list)

    def ordered(self) -> list[Rec]:
        return self.meetings + self.appraisals + self.notices + self.dues + self.decisions + self.funds

    def sample(self, count: int) -> list[Rec]:
        """``count`` of this year's records, a bit of every kind, each with what it refers to.

        Takes one item of each list in turn (the funds ledgers newest first, so
        the kept ones stay a continuous chain), adding the records an item
        refers to just before it; an item whose references do not fit is skipped.
        """
        if count >= len(self.ordered()):
            return self.ordered()
        by_id = {rec.id: rec for rec in self.ordered()}
        queues = [list(self.meetings), list(self.decisions), list(reversed(self.funds)), list(self.notices), list(self.appraisals), list(self.dues)]
        chosen: dict[str, Rec] = {}

        def closure(rec: Rec) -> list[Rec]:
            out: list[Rec] = []
            for need in rec.needs:
                if need not in chosen:
                    for dep in closure(by_id[need]) + [by_id[need]]:
                        if dep.id not in chosen and dep not in out:
                            out.append(dep)
            return out

        while len(chosen) < count:
            for queue in queues:
                while queue and queue[0].id in chosen:
                    queue.pop(0)
                if not queue or len(chosen) >= count:
                    continue
                rec = queue.pop(0)
                adding = closure(rec) + [rec]
                if len(chosen) + len(adding) <= count:
                    chosen.update((r.id, r) for r in adding)
        return [rec for rec in self.ordered() if rec.id in chosen]


class Synth:
    def __init__(self, seed: int, today: dt.date):
        self.rng = random.Random(seed)
        self.today = today
        self.ids: set[str] = set()

    # -- shared parts -------------------------------------------------------

    def visibility(self) -> str:
        roll = self.rng.random()
        return "公开" if roll < 0.94 else ("党内" if roll < 0.99 else "不公开")

    def status(self, day: dt.date) -> Optional[str]:
        # About 1% are drafts, but only records still within the disclosure catalogue's
        # window (dated in the last few days, or ahead): an older draft is a late disclosure.
        # One draw either way, so every other record stays the same.
        draft = self.rng.random() < 0.01
        return "草稿" if draft and day >= self.today - dt.timedelta(days=3) else None

    def tags(self, *fixed: str) -> list[str]:
        tags = [t for t in fixed if t]
        for _ in range(self.rng.choice((0, 0, 1, 1, 2))):
            tag = _pick(self.rng, TAGS)
            if tag not in tags:
                tags.append(tag)
        return tags

    def unique(self, day: dt.date, slug: str) -> str:
        base = f"{day.isoformat()}-{slug}"
        candidate, n = base, 2
        while candidate in self.ids:
            candidate, n = f"{base}-{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def newcomer(self) -> str:
        return _pick(self.rng, "丁邓冯韩江黎孟潘钱任沈田魏严叶袁") + _pick(self.rng, ["雅文", "晓东", "思琪", "国强", "海燕", "子涵", "建军", "梦瑶"])

    def sentence(self) -> str:
        rng = self.rng
        return _pick(rng, SENTENCES).format(
            name=_pick(rng, MEMBERS), study=_pick(rng, STUDY), topic=_pick(rng, TOPICS), n=rng.randint(3, 25), m=rng.randint(20, 300)
        )

    def paragraphs(self, count: int, sentences: tuple[int, int] = (1, 3)) -> list[str]:
        return ["".join(self.sentence() for _ in range(self.rng.randint(*sentences))) for _ in range(count)]

    def approval(self, day: dt.date) -> Optional[dict[str, Any]]:
        """The complete disclosure approval (提出 → 保密审查 → 审批): a published public record needs it.

        Dated the record's day, or today for a record dated later (an upcoming meeting is approved before it is announced).
        """
        on = min(day, self.today)
        return {"proposed_by": ORGANIZER, "proposed_on": on, "reviewed_by": DISCIPLINE, "reviewed_on": on, "approved_by": SECRETARY, "approved_on": on}

    def attachment(self, kind: str) -> list[dict[str, str]]:
        if self.rng.random() < 0.06:
            return [{"file": f"bench/{kind}.pdf", "title": {"minutes": "会议记录（扫描件）", "tally": "统计表", "notice": "公示原件"}[kind]}]
        return []

    # -- meetings -----------------------------------------------------------

    def meeting(self, year: Year, day: dt.date, kind: str, slug: str, title: str, people: list[str], **extra: Any) -> MeetingInfo:
        rng = self.rng
        absent_count = min(len(people) - (len(people) // 2 + 1), rng.choice((0, 0, 1, 1, 2, 3)))
        absent = rng.sample(people, absent_count) if absent_count > 0 else []
        attendees = [p for p in people if p not in absent]
        start_hour = rng.choice((9, 12, 14, 15))
        agenda = extra.pop("agenda", None) or [f"学习{_pick(rng, STUDY)}", f"研究{_pick(rng, TOPICS)}", "布置近期工作"]
        body_parts = []
        if rng.random() < 0.9:
            body_parts.append("## 会议议程\n" + "\n".join(f"{i}. {item}" for i, item in enumerate(agenda, 1)))
            body_parts.append("## 会议纪要\n" + "\n\n".join(self.paragraphs(rng.randint(1, 3))))
        if kind == "主题党日" and rng.random() < 0.4:
            rows = "\n".join(f"| {_pick(rng, ACTIVITIES)[0]} | {_pick(rng, TOPICS)} | 约{rng.randint(20, 200)}人次 |" for _ in range(rng.randint(2, 4)))
            body_parts.append("| 项目 | 内容 | 参与群众 |\n|---|---|---|\n" + rows)
        record_id = self.unique(day, slug)
        data: dict[str, Any] = {
            "title": title,
            "date": day,
            "kind": kind,
            "group": extra.pop("group", None),
            "visibility": self.visibility(),
            "status": self.status(day),
            "start_time": f"{start_hour:02d}:{rng.choice(('00', '30'))}",
            "end_time": f"{start_hour + rng.randint(1, 2):02d}:{rng.choice(('00', '30'))}",
            "location": extra.pop("location", None) or _pick(rng, ROOMS),
            "chair": extra.pop("chair", SECRETARY),
            "recorder": ORGANIZER,
            "summary": extra.pop("summary", None) or f"{self.sentence()}",
            "tags": self.tags(extra.pop("tag", None)),
            "attendees": attendees,
            "absent": [{"name": name, "reason": _pick(rng, ["病假", "出差", "公务外出", "事假", "年休假", "参加培训"])} for name in absent],
            "guests": [_pick(rng, GUESTS)] if rng.random() < 0.15 else [],
            "agenda": agenda,
        }
        data.update(extra)
        data["body"] = "\n\n".join(body_parts) + "\n" if body_parts else ""
        data["attachments"] = self.attachment("minutes")
        data["approval"] = self.approval(day)
        year.meetings.append(Rec("meetings", record_id, data))
        return MeetingInfo(record_id, kind, day, len(attendees))

    def meetings_of(self, y: int, year: Year) -> dict[str, list[MeetingInfo]]:
        rng = self.rng
        held: dict[str, list[MeetingInfo]] = {"committee": [], "assembly": []}
        committee = [name for name, _ in COMMITTEE]
        for month in range(1, 13):
            day = _day(y, month, 2, 8, rng)
            held["committee"].append(self.meeting(year, day, "支委会", "branch-committee", f"{y}年{month}月支部委员会会议", committee, tag="三会一课"))
            for g, (group, leader, names) in enumerate(GROUPS, 1):
                study = _pick(rng, STUDY)
                self.meeting(
                    year, _day(y, month, 9, 16, rng), "党小组会", f"group-{g}", f"{group}{month}月党小组会：{study}", names,
                    group=group, chair=leader, summary=f"{group}学习{study}并交流研讨。",
                    agenda=[f"学习{study}", "交流发言", "布置近期工作"],
                )
            activity, tag = _pick(rng, ACTIVITIES)
            place = _pick(rng, PLACES)
            self.meeting(
                year, _day(y, month, 17, 24, rng), "主题党日", "theme-day", f"{month}月主题党日：{activity}", MEMBERS,
                tag=tag, location=place, chair=PUBLICITY, summary=f"支部党员到{place}开展{activity}。",
            )
            if month % 3 == 0:
                held["assembly"].append(self.meeting(
                    year, _day(y, month, 22, 26, rng), "党员大会", "general-assembly", f"{y}年第{month // 3}季度支部党员大会", MEMBERS,
                    agenda=[f"通报第{month // 3}季度支部工作", f"讨论{_pick(rng, TOPICS)}", "党员民主议事"],
                ))
            if month % 3 == 2:
                topic = f"学习贯彻{_pick(rng, STUDY)}"
                speaker = _pick(rng, committee)
                self.meeting(
                    year, _day(y, month, 17, 24, rng), "党课", "party-lesson", f"专题党课：{topic}", MEMBERS,
                    speaker=speaker, topic=topic, chair=DEPUTY if speaker == SECRETARY else SECRETARY, tag="学习教育",
                )
        topics = [f"检视{_pick(rng, TOPICS)}方面存在的差距" for _ in range(rng.randint(3, 4))]
        rectification = []
        for i, topic in enumerate(topics):
            due = dt.date(y, 3 + i * 2, 28)
            done = due <= self.today and rng.random() < 0.8
            rectification.append({
                "item": topic.replace("检视", "整改"), "owner": _pick(rng, committee), "due": due,
                "status": "已完成" if done else ("进行中" if due <= self.today else "未开始"),
                "done_on": due - dt.timedelta(days=rng.randint(1, 20)) if done else None,
            })
        self.meeting(
            year, _day(y, 1, 20, 28, rng), "组织生活会", "organizational-life", f"{y - 1}年度组织生活会暨民主评议党员大会", MEMBERS,
            topics=topics, rectification=rectification, tag="组织生活会",
            agenda=["支部委员会对照检查", "党员逐一对照检查、开展批评和自我批评", "民主测评", "研究整改措施"],
        )
        self.meeting(
            year, _day(y, 1, 9, 19, rng), "民主生活会", "democratic-life", f"{y - 1}年度支委班子民主生活会", committee,
            topics=topics[:2], guests=[GUESTS[0]], tag="作风建设",
        )
        self.meeting(year, _day(y, rng.randint(4, 11), 9, 20, rng), "其他会议", "other", f"{_pick(rng, TOPICS)}专题会议", committee + rng.sample([m for m in MEMBERS if m not in committee], 5))
        return held

    # -- decisions ------------------------------------------------------------

    def decision(self, year: Year, meeting: MeetingInfo, title: str, category: str, result: str, slug: str, tag: Optional[str] = None) -> str:
        rng = self.rng
        present = meeting.present
        if result == "通过":
            against = rng.choice((0, 0, 0, 1))
            abstain = rng.choice((0, 0, 1))
            if present - against - abstain <= present / 2:
                against = abstain = 0
            vote = {"for": present - against - abstain, "against": against, "abstain": abstain}
        elif result == "未通过":
            yes = rng.randint(0, present // 2)
            no = rng.randint(0, present - yes)
            vote = {"for": yes, "against": no, "abstain": rng.randint(0, present - yes - no)}
        else:
            vote = None
        record_id = self.unique(meeting.date, slug)
        consultation = None
        if rng.random() < 0.2:
            start = meeting.date - dt.timedelta(days=rng.randint(15, 25))
            consultation = {
                "method": _pick(rng, ["各党小组讨论", "征求意见表", "个别访谈", "网上征求意见"]), "start": start,
                "end": start + dt.timedelta(days=10), "participants": len(MEMBERS) - rng.randint(0, 3), "opinions": rng.randint(2, 20),
                "summary": self.sentence(),
            }
        follow_up = []
        for i in range(rng.randint(0, 2) if result != "未通过" else 0):
            day = meeting.date + dt.timedelta(days=10 + 20 * i)
            follow_up.append({"date": day, "action": self.sentence().rstrip("。"), "status": "已完成" if day <= self.today else "未开始"})
        data = {
            "title": title,
            "date": meeting.date,
            "visibility": self.visibility(),
            "status": self.status(meeting.date),
            "meeting": meeting.id,
            "category": category,
            "summary": f"{title.removeprefix('关于').removesuffix('的决定').removesuffix('的决议')}，表决结果：{result}。",
            "tags": self.tags(tag),
            "background": self.sentence(),
            "consultation": consultation,
            "vote": vote,
            "result": result,
            "follow_up": follow_up,
            "body": "\n\n".join(self.paragraphs(rng.randint(1, 2), (1, 2))) + "\n",
            "approval": self.approval(meeting.date),
        }
        year.decisions.append(Rec("decisions", record_id, data, [meeting.id]))
        return record_id

    def decisions_of(self, y: int, year: Year, held: dict[str, list[MeetingInfo]]) -> list[str]:
        """About fourteen decisions a year; returns the adopted funds decisions (for expenses)."""
        rng = self.rng
        committee, assembly = held["committee"], held["assembly"]
        funds = [
            self.decision(year, committee[0], f"关于{y}年支部党建工作要点的决定", "重大事项", "通过", "work-plan"),
            self.decision(year, committee[1], f"关于{y}年主题党日活动经费安排的决定", "经费", "通过", "theme-day-budget", "经费"),
            self.decision(year, committee[2], f"关于购置{y}年度党员学习书籍的决定", "经费", "通过", "study-books", "经费"),
        ]
        self.decision(year, assembly[0], f"关于接收{self.newcomer()}同志为预备党员的决议", "发展党员", "通过", "admit", "发展党员")
        self.decision(year, assembly[1], f"关于{_pick(rng, MEMBERS)}同志按期转为正式党员的决议", "发展党员", "通过", "full-member", "发展党员")
        self.decision(year, assembly[2], f"关于{_pick(rng, TOPICS)}的提议", "重大事项", "未通过", "proposal-rejected")
        self.decision(year, assembly[3], f"关于推荐{y}年度优秀共产党员的决定", "表彰", "通过", "recommend-excellent")
        for i in range(7):
            meeting = committee[3 + i]
            topic = _pick(rng, TOPICS)
            result = rng.choices(("通过", "暂缓", "未通过"), (85, 10, 5))[0]
            self.decision(year, meeting, f"关于{topic}有关事项的决定", _pick(rng, ["重大事项", "经费", "人事", "组织建设"]), result, "decision")
        return funds

    # -- finances ----------------------------------------------------------

    def funds_of(self, y: int, year: Year, approving: list[str], opening: Decimal) -> Decimal:
        rng = self.rng
        for q in range(1, 5):
            start = dt.date(y, 3 * q - 2, 1)
            end = (dt.date(y + 1, 1, 1) if q == 4 else dt.date(y, 3 * q + 1, 1)) - dt.timedelta(days=1)
            income = [{"date": _day(y, 3 * q - 2, 10, 20, rng), "source": f"上级党委下拨党建工作经费（第{q}季度）", "amount": Decimal(rng.randint(9, 13) * 100)}]
            if q == 1:
                income.append({"date": _day(y, 3, 5, 15, rng), "source": f"上级党委按规定比例返还{y - 1}年度党费", "amount": Decimal(rng.randint(600, 800))})
            total_in = sum(i["amount"] for i in income)
            budget = opening + total_in
            expenses = []
            for _ in range(rng.randint(2, 5)):
                amount = Decimal(rng.randint(3000, 40000)) / 100
                if sum(e["amount"] for e in expenses) + amount > budget:
                    break
                activity, _ = _pick(rng, ACTIVITIES)
                expenses.append({
                    "date": _day(y, 3 * q - rng.randint(0, 2), 5, 25, rng),
                    "item": f"{activity}活动物资及资料印制",
                    "category": _pick(rng, ["学习教育", "主题党日", "办公", "志愿服务"]),
                    "amount": amount,
                    "approved_by": SECRETARY,
                    "decision": _pick(rng, approving) if rng.random() < 0.5 else None,
                    "receipts": ["bench/receipt.pdf"],
                })
            expenses.sort(key=lambda e: e["date"])
            closing = budget - sum((e["amount"] for e in expenses), Decimal(0))
            day = end + dt.timedelta(days=8)
            record_id = self.unique(day, f"q{q}-funds")
            data = {
                "title": f"{y}年第{q}季度党建工作经费收支情况",
                "date": day,
                "visibility": self.visibility(),
                "kind": "经费",
                "period": f"{y}年第{q}季度",
                "period_start": start,
                "period_end": end,
                "summary": f"期初结余{_money(opening)}元，本期收入{_money(total_in)}元，支出{_money(budget - closing)}元，期末结余{_money(closing)}元。",
                "tags": ["经费"],
                "opening_balance": opening,
                "income": income,
                "expenses": expenses,
                "closing_balance": closing,
                "audit": {"date": day, "auditor": DISCIPLINE, "finding": "账实相符"} if q == 4 else None,
                "approval": self.approval(day),
            }
            year.funds.append(Rec("finances", record_id, data, sorted({e["decision"] for e in expenses if e["decision"]})))
            opening = closing
        return opening

    def dues_of(self, y: int, year: Year) -> None:
        rng = self.rng
        last_month = 12 if y < self.today.year else self.today.month
        day = dt.date(y, 12, 20) if y < self.today.year else self.today
        base = Decimal(rng.randint(2300, 2600)) + Decimal(rng.randint(0, 9)) / 10
        months = []
        for month in range(1, last_month + 1):
            if month == 7:
                base += Decimal(rng.randint(20, 80))
            due = base
            paid = due - (Decimal(rng.choice((12, 24))) if rng.random() < 0.1 else 0)
            months.append({"month": month, "members": len(MEMBERS), "due": due, "paid": paid})
        data = {
            "title": f"{y}年党费收缴情况",
            "date": day,
            "visibility": "党内" if rng.random() < 0.8 else "公开",
            "kind": "党费",
            "year": y,
            "summary": f"{y}年1—{last_month}月党费收缴情况。",
            "tags": ["党费"],
            "months": months,
            "body": "## 说明\n- 党费按月收缴，每月15日前由各党小组长收齐后交组织委员；\n- " + self.sentence() + "\n",
            "approval": self.approval(day),
        }
        year.dues.append(Rec("finances", self.unique(day, "dues"), data))

    # -- appraisals and notices ----------------------------------------------

    def appraisals_of(self, y: int, year: Year) -> None:
        rng = self.rng
        members = len(MEMBERS) - rng.randint(0, 2)
        # At most a third of the full members (one is probationary); clamped, not redrawn, so the draws that follow stay the same.
        excellent = min(rng.randint(3, members // 3), (members - 1) // 3)
        basic = rng.choice((0, 0, 1))
        names = rng.sample(MEMBERS, excellent)
        day = _day(y, 2, 2, 8, rng)
        steps = [("个人学习", _day(y, 1, 5, 9, rng)), ("征求意见", _day(y, 1, 12, 16, rng)), ("召开组织生活会", _day(y, 1, 20, 28, rng)), ("组织评定", day)]
        year.appraisals.append(Rec("appraisals", self.unique(day, "member-appraisal"), {
            "title": f"{y - 1}年度民主评议党员结果", "date": day, "visibility": self.visibility(), "kind": "民主评议党员", "period": f"{y - 1}年度",
            "members": members, "steps": [{"name": n, "date": d} for n, d in steps],
            "results": {"优秀": excellent, "合格": members - excellent - basic, "基本合格": basic, "不合格": 0},
            "excellent_members": names,
            "measures": [f"针对{_pick(rng, TOPICS)}制定整改清单，明确责任人和时限", "整改进展每季度在支委会上通报"],
            "summary": f"{y - 1}年度参加评议党员{members}名，评定优秀{excellent}名。", "tags": self.tags("民主评议"),
            "body": "".join(self.paragraphs(1, (2, 3))) + "\n", "attachments": self.attachment("tally"), "approval": self.approval(day),
        }))
        day = _day(y, 3, 10, 20, rng)
        year.appraisals.append(Rec("appraisals", self.unique(day, "branch-rating"), {
            "title": f"{y - 1}年度支部评星定级结果", "date": day, "visibility": self.visibility(), "kind": "支部评星定级", "period": f"{y - 1}年度",
            "rating": rng.choice(("四星级支部", "五星级支部", "三星级支部")),
            "steps": [{"name": "支部自评", "date": _day(y, 1, 10, 16, rng)}, {"name": "上级党委考核评定", "date": _day(y, 3, 2, 9, rng)}],
            "measures": [f"{_pick(rng, TOPICS)}不够规范，制定改进措施" for _ in range(rng.randint(1, 3))],
            "summary": "经区直属机关工委考核评定，公布支部评星定级结果。", "tags": self.tags("支部建设"),
            "body": "".join(self.paragraphs(1, (2, 3))) + "\n", "approval": self.approval(day),
        }))
        for half, month in (("上半年", 7), ("下半年", 12)):
            day = _day(y, month, 5, 12, rng)
            indicators = [
                {"name": "“三会一课”完成率", "target": "100", "actual": str(rng.choice((100, 100, 92))), "unit": "%"},
                {"name": "党费按时足额收缴率", "target": "100", "actual": str(rng.choice((100, 100, 96))), "unit": "%"},
                {"name": "人均志愿服务时长", "target": "4", "actual": f"{rng.randint(30, 70) / 10}", "unit": "小时"},
                {"name": "党员参加主题党日平均出席率", "target": "90", "actual": f"{rng.randint(850, 990) / 10}", "unit": "%"},
            ]
            year.appraisals.append(Rec("appraisals", self.unique(day, f"performance-h{1 if month == 7 else 2}"), {
                "title": f"{y}年{half}支部党建工作绩效考核", "date": day, "visibility": self.visibility(), "kind": "绩效考核", "period": f"{y}年{half}",
                "indicators": indicators, "measures": [self.sentence()], "summary": f"{y}年{half}绩效考核{len(indicators)}项指标完成情况。",
                "tags": self.tags("绩效考核"), "body": "".join(self.paragraphs(1, (1, 2))) + "\n", "approval": self.approval(day),
            }))

    def notice(self, year: Year, start: dt.date, kind: str, slug: str, title: str, stage: str, subjects: list[dict[str, str]]) -> None:
        from generator.workdays import LIBRARY_CALENDAR

        end = max(start + dt.timedelta(days=6), LIBRARY_CALENDAR.deadline(start, 5).day)
        contact = f"支部组织委员{ORGANIZER}，电话0571-85550123，或书面意见投递局机关三楼党员活动室意见箱"
        year.notices.append(Rec("notices", self.unique(start, slug), {
            "title": title, "date": start, "visibility": "公开" if self.rng.random() < 0.97 else "党内", "kind": kind, "stage": stage,
            "start": start, "end": end, "contact": contact, "subjects": subjects,
            "summary": f"{title.removeprefix('关于').removesuffix('的公示')}，公示期{start.month}月{start.day}日至{end.month}月{end.day}日。",
            "tags": self.tags(), "approval": self.approval(start - dt.timedelta(days=2)),
            "body": "".join(self.paragraphs(1, (1, 2))) + "公示期间，党员和群众可通过来电、来信、来访等方式反映情况。\n",
            "attachments": self.attachment("notice"),
        }))

    def notices_of(self, y: int, year: Year) -> None:
        rng = self.rng
        for month in (3, 9):
            name = self.newcomer()
            detail = f"{rng.choice('男女')}，{y - rng.randint(24, 35)}年出生，大学本科，区科技局科员；已完成发展对象培养考察"
            self.notice(year, _day(y, month, 10, 16, rng), "发展党员", "membership", f"关于拟接收{name}同志为预备党员的公示", "拟接收预备党员", [{"name": name, "detail": detail}])
        self.notice(year, _day(y, 5, 12, 18, rng), "选举", "election", f"关于{y}年支部委员会委员补选人选的公示", "候选人预备人选公示",
                    [{"name": name, "detail": post} for name, post in rng.sample(COMMITTEE, 2)])
        self.notice(year, _day(y, 2, 9, 12, rng), "评议结果", "appraisal-results", f"关于{y - 1}年度民主评议党员结果的公示", "评议结果公示",
                    [{"name": name, "detail": "评定等次：优秀"} for name in rng.sample(MEMBERS, 3)])
        for month in (6, 11):
            self.notice(year, _day(y, month, 3, 10, rng), "其他", "notice", f"关于{_pick(rng, TOPICS)}情况的公示", "情况公示",
                        [{"name": _pick(rng, MEMBERS), "detail": self.sentence().rstrip("。")}])

    def year(self, y: int, opening: Decimal) -> tuple[Year, Decimal]:
        year = Year()
        held = self.meetings_of(y, year)
        self.appraisals_of(y, year)
        self.notices_of(y, year)
        self.dues_of(y, year)
        approving = self.decisions_of(y, year, held)
        closing = self.funds_of(y, year, approving, opening)
        return year, closing


def records_per_year(seed: int = 1, today: dt.date = TODAY) -> int:
    year, _ = Synth(seed, today).year(today.year, Decimal("1000.00"))
    return len(year.ordered())


def generate(records: int, seed: int = 1, today: dt.date = TODAY) -> tuple[list[Rec], int]:
    """Exactly ``records`` records, oldest year first; and the first year."""
    per_year = records_per_year(seed, today)
    years = max(1, -(-records // per_year))
    first = today.year - years + 1
    synth = Synth(seed, today)
    out: list[Rec] = []
    opening = Decimal(synth.rng.randint(500, 2000))
    for y in range(first, today.year + 1):
        year, opening = synth.year(y, opening)
        items = year.ordered()
        if y == first:
            # The oldest year is partial: a sample of every kind whose references all resolve.
            items = year.sample(records - per_year * (years - 1))
        out.extend(items)
    return out, first


def branch_yaml(first_year: int, today: dt.date) -> str:
    data = {
        "name": "滨江区科技局机关第三党支部",
        "parent": "中共滨江区直属机关工作委员会",
        "description": "支部设在区科技局机关，下设3个党小组。（基准测试用合成数据，支部及人员均为虚构。）",
        "committee": [{"name": n, "post": p} for n, p in COMMITTEE],
        "groups": [{"name": g, "leader": leader, "members": names} for g, leader, names in GROUPS],
        "member_counts": [{"since": dt.date(first_year, 1, 1), "count": len(MEMBERS), "probationary": 1}],
        "term": {"start": dt.date(today.year - 1, 6, 20), "end": dt.date(today.year + 2, 6, 19)},
        "contact": {"phone": "0571-85550123", "email": "dangwu@bjkjj.example.org", "address": "滨江区江晖路（示例地址）区科技局机关三楼党员活动室"},
    }
    return "# 支部基本信息（基准测试用合成数据）\n" + to_yaml(data)


SITE_CONFIG = """\
# OpenBranch 基准测试站点（合成数据）
site_name: 滨江区科技局机关第三党支部党务公开
language: zh
default_visibility: 党内
# Random records are not a branch's complete disclosures (a small site lacks some quarters'
# ledgers): no catalogue, so check has nothing to say of periods nobody meant to cover.
catalogue: []
audiences:
  public:
    url: https://dwgk.example.org/
  members:
    url: https://dwgk.intranet.example.org/
"""


def make_site(folder: Path, records: int, seed: int = 1, today: dt.date = TODAY) -> Path:
    """Write a synthetic site of exactly ``records`` records into ``folder``; return its site_config.yml."""
    folder = Path(folder)
    content = folder / "content"
    if content.exists():
        shutil.rmtree(content)
    attachments = content / "attachments" / "bench"
    attachments.mkdir(parents=True)
    sample = ROOT / "content" / "attachments" / "minutes" / "2026" / "2026-03-26-general-assembly-minutes.pdf"
    for name in ("minutes", "tally", "notice", "receipt"):
        shutil.copyfile(sample, attachments / f"{name}.pdf")
    items, first = generate(records, seed, today)
    (content / "branch.yml").write_text(branch_yaml(first, today), encoding="utf-8")
    made: set[Path] = set()
    for rec in items:
        target = content / rec.section / str(rec.date.year)
        if target not in made:
            target.mkdir(parents=True, exist_ok=True)
            made.add(target)
        (target / f"{rec.id}.yml").write_text(to_yaml(rec.data), encoding="utf-8")
    config = folder / "site_config.yml"
    config.write_text(SITE_CONFIG, encoding="utf-8")
    return config


def public_record(config: Path) -> Path:
    """A published public meeting with a body: the record the incremental benchmark edits."""
    for path in sorted((config.parent / "content" / "meetings").rglob("*.yml"), reverse=True):
        text = path.read_text(encoding="utf-8")
        if "\nvisibility: 公开\n" in text and "\nstatus:" not in text and "\nbody: |\n" in text:
            return path
    raise LookupError("no public meeting with a body")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic OpenBranch site")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(make_site(args.folder, args.records, args.seed))
