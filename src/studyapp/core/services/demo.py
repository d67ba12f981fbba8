"""A demo study group to try the app with: written only through the services.

Dates are relative to today in Seoul, so the demo always looks like last month's work.
Loading it twice adds nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from studyapp.core.db import Database
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService

DEMO_GROUP = "KD 스터디"
SECOND_GROUP = "Paper Club"
SEOUL = "Asia/Seoul"
MEETING_TIME = dt.time(19, 0)


@dataclass(frozen=True)
class DemoResult:
    created: bool
    group: str = DEMO_GROUP
    groups: tuple[str, ...] = ()
    sessions: int = 0
    presentations: int = 0
    tasks: int = 0


@dataclass(frozen=True)
class _Slot:
    presenter: str
    paper: PaperRef | None = None
    title: str | None = None  # a slot without a paper
    notes: str = ""
    discussion: str = ""


@dataclass(frozen=True)
class _Meeting:
    group: str
    title: str
    offset_days: int  # from the reference Monday (see _reference_days)
    kind: str = "paper review"
    timezone: str = SEOUL
    time: dt.time = MEETING_TIME
    tags: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    notes: str = ""
    slots: tuple[_Slot, ...] = ()
    # Tasks lines; "{+N}" is replaced by the meeting date plus N days.
    todos: tuple[str, ...] = field(default=())


KD_MEMBERS = ("민수님", "서연님", "지호님", "Alice", "Bob")


def _kd_meetings() -> tuple[_Meeting, ...]:
    return (
        _Meeting(
            DEMO_GROUP,
            "KD 스터디 #1 — logit vs. feature distillation",
            -28,
            tags=("distillation", "review"),
            present=KD_MEMBERS,
            notes="첫 모임. 앞으로 매주 월요일 19시, **2명씩 발표**.\n\n"
            "- 발표 20분 + 질문 10분\n- 노트는 돌아가며 작성 (이번 주: Alice)\n",
            slots=(
                _Slot(
                    "민수님",
                    PaperRef(
                        "Tiny Teachers: When Small Models Teach Well",
                        venue="CVPR 2024",
                        year=2024,
                        arxiv_id="2403.04127",
                    ),
                    notes="1. 교사 모델이 작아도 학생 성능이 유지되는 조건을 분석\n"
                    "2. logit 대신 중간 feature의 *angle*을 맞추는 loss 제안\n"
                    "3. ImageNet-1k, 300 epoch; ResNet-18 student +1.2%p\n",
                    discussion="교사-학생 capacity gap이 클 때도 같은 결론일까?\n"
                    "Alice: the ablation on temperature looks thin.",
                ),
                _Slot(
                    "Alice",
                    PaperRef(
                        "Angular Feature Matching for Cross-Architecture Distillation",
                        venue="ECCV 2024",
                        year=2024,
                        arxiv_id="2407.11236",
                    ),
                    notes="- Distills a ViT teacher into a CNN student\n"
                    "- Projector + cosine loss on token/pixel features\n"
                    "- 코드 공개됨, 재현해볼 만함\n",
                    discussion="서연님: projector를 버리면 성능이 얼마나 떨어지나요?",
                ),
            ),
            todos=(
                "- [x] 발표 순서 정하기 ✅ {+0}",
                "- [x] Alice: share the slides in the drive ✅ {+1}",
                "- [x] 지호님: Tiny Teachers 코드 돌려보기 ⏫ 📅 {+7} ✅ {+6}",
            ),
        ),
        _Meeting(
            DEMO_GROUP,
            "KD 스터디 #2 — distilling language models",
            -21,
            tags=("distillation", "LLM"),
            present=("민수님", "서연님", "지호님", "Bob"),
            absent=("Alice",),
            notes="## 지난주 to-do\n지호님 재현 결과: batch 256에서 수렴이 빨랐음 → "
            "너무 쉬운 task일 수 있음.\n\n## 공지\n- 다음 주 목요일 멘토링 있음\n",
            slots=(
                _Slot(
                    "서연님",
                    PaperRef(
                        "MiniPrompt: Distilling Chain-of-Thought into Small Language Models",
                        venue="ICLR 2025 spotlight",
                        year=2025,
                        arxiv_id="2410.05521",
                    ),
                    notes="1. 큰 모델의 rationale을 생성해서 작은 모델 학습 데이터로 사용\n"
                    "2. rationale 품질 필터링에 self-consistency voting\n",
                    discussion="rationale이 틀렸는데 답은 맞는 경우는 어떻게 처리?\n"
                    "Bob: they drop them, about 8% of the data.",
                ),
                _Slot(
                    "Bob",
                    PaperRef(
                        "Sequence-Level Distillation Revisited for Decoder-Only Models",
                        venue="NeurIPS 2024",
                        year=2024,
                        arxiv_id="2405.18832",
                    ),
                    notes="- Word-level KD vs. sequence-level KD on 1B students\n"
                    "- Reverse KL works better for open-ended generation\n",
                ),
                _Slot(
                    "지호님",
                    PaperRef(
                        "Dataset Distillation with Diffusion Priors",
                        venue="ICML 2024",
                        year=2024,
                        arxiv_id="2402.09913",
                    ),
                    notes="합성 이미지 50장/class로 CIFAR-100 full data 대비 92% 성능.\n",
                    discussion="우리 의료 영상 데이터에도 적용 가능할까?",
                ),
            ),
            todos=(
                "- [x] 서연님: MiniPrompt 재현 환경 세팅 📅 {+5} ✅ {+4}",
                "- [ ] Bob: compare forward vs. reverse KL on our toy task 🔼 📅 {+14}",
                "- [ ] 멘토링 질문 정리 📅 {+3}",
            ),
        ),
        _Meeting(
            DEMO_GROUP,
            "멘토링 — 프로젝트 방향 점검",
            -18,
            kind="mentoring",
            tags=("mentoring",),
            present=("민수님", "서연님", "지호님", "Alice", "Bob", "멘토님"),
            notes="## 멘토님 코멘트\n- 임계값 0.5 고정 대신 **클래스별로 조정**해볼 것\n"
            "- Teacher를 먼저 충분히 튜닝하고 distillation을 시작하기\n"
            "- Write down *why* the problem matters before picking a method\n\n"
            "## 개별 면담\n- 진로 고민: 3D vs. 비디오\n",
            slots=(
                _Slot(
                    "지호님",
                    title="우리 프로젝트 중간 점검",
                    notes="손목 부위 뼈 분할이 어려움. crop 후 upsampling해서 다시 학습하는 "
                    "방안 검토 중.\n",
                    discussion="멘토님: validation split이 환자 단위로 나뉘었는지 먼저 확인.",
                ),
            ),
            todos=(
                "- [x] 팀 멘토링 ✅ {+0}",
                "- [ ] 지호님: 환자 단위 split으로 다시 평가 ⏫ 📅 {+10}",
                "- [ ] 주간 리포트 제출 📅 {+3}",
            ),
        ),
        _Meeting(
            DEMO_GROUP,
            "KD 스터디 #3 — self-distillation",
            -14,
            tags=("distillation", "self-distillation"),
            present=KD_MEMBERS,
            notes="Self-distillation 특집. Alice가 notation 정리표 공유함.\n\n"
            "| 기호 | 의미 |\n|---|---|\n| $T$ | temperature |\n"
            "| $\\alpha$ | KD loss 비중 |\n",
            slots=(
                _Slot(
                    "Alice",
                    PaperRef(
                        "Born-Again Transformers: Self-Distillation at Scale",
                        venue="ICLR 2025",
                        year=2025,
                        arxiv_id="2501.06614",
                    ),
                    notes="- Student = teacher architecture, trained for several generations\n"
                    "- Gains saturate after two generations\n",
                    discussion="민수님: 세대가 늘수록 calibration은 좋아지나?\n"
                    "Alice: yes, ECE drops in every table.",
                ),
                _Slot(
                    "민수님",
                    PaperRef(
                        "Depth-Wise Self-Distillation for Early-Exit Networks",
                        venue="WACV 2025",
                        year=2025,
                        arxiv_id="2411.02870",
                    ),
                    notes="1. 깊은 layer가 얕은 exit head를 가르침\n"
                    "2. 추론 시 confidence 기준으로 조기 종료 → 평균 1.8배 빠름\n",
                ),
            ),
            todos=(
                "- [x] 민수님: early-exit 코드 공유 ✅ {+2}",
                "- [ ] Alice: notation 정리표를 위키에 올리기 🔽",
            ),
        ),
        _Meeting(
            DEMO_GROUP,
            "KD 스터디 #4 — distillation for detection",
            -7,
            tags=("distillation", "detection"),
            present=("민수님", "서연님", "지호님", "Alice"),
            absent=("Bob",),
            notes="Detection KD는 **어디를** 맞출지(feature/logit/box)가 핵심.\n\n"
            "> 다음 주는 MoE 특집으로 하기로 함.\n",
            slots=(
                _Slot(
                    "서연님",
                    PaperRef(
                        "Focal Region Distillation for Open-Vocabulary Detectors",
                        venue="CVPR 2025",
                        year=2025,
                        arxiv_id="2503.11842",
                    ),
                    notes="- 전경 영역 feature만 distill, 배경은 가중치 낮춤\n"
                    "- COCO novel AP +2.3\n",
                    discussion="Alice: how do they pick the region without labels?\n"
                    "서연님: teacher의 objectness score 사용.",
                ),
                _Slot(
                    "지호님",
                    PaperRef(
                        "Box-Level Consistency for Lightweight Detectors",
                        venue="AAAI 2025",
                        year=2025,
                        arxiv_id="2412.07315",
                    ),
                    notes="YOLO 계열 student에 box regression 분포를 distill.\n",
                ),
                _Slot(
                    "Alice",
                    PaperRef(
                        "Teacher Assistants Revisited for Dense Prediction",
                        venue="arXiv 2025",
                        year=2025,
                        arxiv_id="2502.04418",
                    ),
                    notes="- A mid-size assistant closes half of the capacity gap\n"
                    "- Cheap: the assistant is trained once and reused\n",
                ),
            ),
            todos=(
                "- [ ] 서연님: open-vocab 평가 스크립트 정리 🔼 📅 {+9}",
                "- [x] 발표 자료 업로드 ✅ {+1}",
                "- [ ] 민수님: Mixture of Depths 읽어오기 ⏫ 📅 {+7}",
            ),
        ),
        _Meeting(
            DEMO_GROUP,
            "KD 스터디 #5 — mixture-of-experts distillation",
            7,
            tags=("distillation", "MoE"),
            notes="발표 예정. 질문은 미리 여기에 적어 주세요.\n",
            slots=(
                _Slot(
                    "민수님",
                    PaperRef(
                        "Mixture of Depths: Dynamic Compute in Distilled Students",
                        venue="ICML 2025",
                        year=2025,
                        arxiv_id="2505.01193",
                    ),
                ),
                _Slot(
                    "Bob",
                    PaperRef(
                        "Expert Pruning by Distillation in Sparse MoE Models",
                        venue="ACL 2025",
                        year=2025,
                        arxiv_id="2506.02254",
                    ),
                ),
            ),
            todos=(
                "- [ ] 민수님: 발표 자료 준비 ⏫ 📅 {-1}",
                "- [ ] Bob: send the paper PDF to the group 📅 {-3}",
            ),
        ),
    )


def _club_meetings() -> tuple[_Meeting, ...]:
    members = ("Alice", "Bob", "Carol")
    return (
        _Meeting(
            SECOND_GROUP,
            "Paper Club: efficient attention",
            -16,
            timezone="Europe/London",
            time=dt.time(18, 30),
            tags=("attention",),
            present=members,
            notes="Short meeting, one paper.\n",
            slots=(
                _Slot(
                    "Carol",
                    PaperRef(
                        "Linear Attention Without the Accuracy Tax",
                        venue="NeurIPS 2024",
                        year=2024,
                        arxiv_id="2406.13307",
                    ),
                    notes="- Kernel feature map learned per head\n- Matches softmax on LRA\n",
                    discussion="Bob: does it hold for long context retrieval?",
                ),
            ),
            todos=("- [x] Carol: upload the slides ✅ {+1}",),
        ),
        _Meeting(
            SECOND_GROUP,
            "Paper Club: evaluation pitfalls",
            -2,
            timezone="Europe/London",
            time=dt.time(18, 30),
            tags=("evaluation",),
            present=("Alice", "Carol"),
            absent=("Bob",),
            slots=(
                _Slot(
                    "Alice",
                    PaperRef(
                        "Benchmarks Leak: Contamination in Vision-Language Evaluation",
                        venue="ICLR 2025",
                        year=2025,
                        arxiv_id="2501.09921",
                    ),
                    notes="Half of the reported gains vanish on a clean split.\n",
                ),
            ),
            todos=("- [ ] Alice: pick next month's paper 📅 {+12}",),
        ),
    )


def _reference_monday(today: dt.date) -> dt.date:
    """The first Monday after today."""
    return today + dt.timedelta(days=7 - today.weekday())


def _expand(todo: str, date: dt.date) -> str:
    # "{+N}" / "{-N}" placeholders become real dates so done dates follow the meeting.
    result = todo
    while "{" in result:
        start = result.index("{")
        end = result.index("}", start)
        days = int(result[start + 1 : end])
        result = (
            f"{result[:start]}{(date + dt.timedelta(days=days)).isoformat()}{result[end + 1 :]}"
        )
    return result


def load_demo(database: Database, *, today: dt.date | None = None) -> DemoResult:
    """Create the demo groups unless the demo group already exists."""
    sessions = SessionService(database)
    if any(group.name == DEMO_GROUP for group in sessions.groups()):
        return DemoResult(created=False)
    slots_service = PresentationService(database)
    checklist = ChecklistService(database)
    today = today or dt.datetime.now(ZoneInfo(SEOUL)).date()
    # Offsets count from the Monday on or before today: negative ones are past (held),
    # +7 is the coming Monday (planned).
    base = _reference_monday(today) - dt.timedelta(days=7)
    session_count = presentation_count = task_count = 0
    for meeting in (*_kd_meetings(), *_club_meetings()):
        date = base + dt.timedelta(days=meeting.offset_days)
        created = sessions.create(
            group=meeting.group,
            title=meeting.title,
            date=date,
            start_time=meeting.time,
            timezone=meeting.timezone,
            kind=meeting.kind,
            tags=meeting.tags,
            notes=meeting.notes,
        )
        if meeting.present or meeting.absent:
            sessions.set_attendees(created.id, meeting.present, meeting.absent)
        for slot in meeting.slots:
            info = slots_service.add(
                created.id, presenter=slot.presenter, paper=slot.paper, title=slot.title
            )
            if slot.notes or slot.discussion:
                slots_service.update(info.id, notes=slot.notes, discussion=slot.discussion)
        for todo in meeting.todos:
            checklist.add(created.id, _expand(todo, date))
        session_count += 1
        presentation_count += len(meeting.slots)
        task_count += len(meeting.todos)
    return DemoResult(
        created=True,
        groups=(DEMO_GROUP, SECOND_GROUP),
        sessions=session_count,
        presentations=presentation_count,
        tasks=task_count,
    )
