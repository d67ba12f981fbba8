"""The demo group's meetings: who presented which paper, the notes, the to-dos."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from studyapp.core.markdown.document import PaperRef

DEMO_GROUP = "KD 스터디"
SECOND_GROUP = "Paper Club"
SEOUL = "Asia/Seoul"
MEETING_TIME = dt.time(19, 0)


@dataclass(frozen=True)
class Slot:
    presenter: str
    paper: PaperRef | None = None
    title: str | None = None  # a slot without a paper
    notes: str = ""
    discussion: str = ""


@dataclass(frozen=True)
class Meeting:
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
    slots: tuple[Slot, ...] = ()
    # Tasks lines; "{+N}" is replaced by the meeting date plus N days.
    todos: tuple[str, ...] = field(default=())


KD_MEMBERS = ("민수님", "서연님", "지호님", "Alice", "Bob")


def kd_meetings() -> tuple[Meeting, ...]:
    return (
        Meeting(
            DEMO_GROUP,
            "KD 스터디 #1 — logit vs. feature distillation",
            -28,
            tags=("distillation", "review"),
            present=KD_MEMBERS,
            notes="첫 모임. 앞으로 매주 월요일 19시, **2명씩 발표**.\n\n"
            "- 발표 20분 + 질문 10분\n- 노트는 돌아가며 작성 (이번 주: Alice)\n",
            slots=(
                Slot(
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
                Slot(
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
        Meeting(
            DEMO_GROUP,
            "KD 스터디 #2 — distilling language models",
            -21,
            tags=("distillation", "LLM"),
            present=("민수님", "서연님", "지호님", "Bob"),
            absent=("Alice",),
            notes="## 지난주 to-do\n지호님 재현 결과: batch 256에서 수렴이 빨랐음 → "
            "너무 쉬운 task일 수 있음.\n\n## 공지\n- 다음 주 목요일 멘토링 있음\n",
            slots=(
                Slot(
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
                Slot(
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
                Slot(
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
        Meeting(
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
                Slot(
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
        Meeting(
            DEMO_GROUP,
            "KD 스터디 #3 — self-distillation",
            -14,
            tags=("distillation", "self-distillation"),
            present=KD_MEMBERS,
            notes="Self-distillation 특집. Alice가 notation 정리표 공유함.\n\n"
            "| 기호 | 의미 |\n|---|---|\n| $T$ | temperature |\n"
            "| $\\alpha$ | KD loss 비중 |\n",
            slots=(
                Slot(
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
                Slot(
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
        Meeting(
            DEMO_GROUP,
            "KD 스터디 #4 — distillation for detection",
            -7,
            tags=("distillation", "detection"),
            present=("민수님", "서연님", "지호님", "Alice"),
            absent=("Bob",),
            notes="Detection KD는 **어디를** 맞출지(feature/logit/box)가 핵심.\n\n"
            "> 다음 주는 MoE 특집으로 하기로 함.\n",
            slots=(
                Slot(
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
                Slot(
                    "지호님",
                    PaperRef(
                        "Box-Level Consistency for Lightweight Detectors",
                        venue="AAAI 2025",
                        year=2025,
                        arxiv_id="2412.07315",
                    ),
                    notes="YOLO 계열 student에 box regression 분포를 distill.\n",
                ),
                Slot(
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
        Meeting(
            DEMO_GROUP,
            "KD 스터디 #5 — mixture-of-experts distillation",
            7,
            tags=("distillation", "MoE"),
            notes="발표 예정. 질문은 미리 여기에 적어 주세요.\n",
            slots=(
                Slot(
                    "민수님",
                    PaperRef(
                        "Mixture of Depths: Dynamic Compute in Distilled Students",
                        venue="ICML 2025",
                        year=2025,
                        arxiv_id="2505.01193",
                    ),
                ),
                Slot(
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


def club_meetings() -> tuple[Meeting, ...]:
    members = ("Alice", "Bob", "Carol")
    return (
        Meeting(
            SECOND_GROUP,
            "Paper Club: efficient attention",
            -16,
            timezone="Europe/London",
            time=dt.time(18, 30),
            tags=("attention",),
            present=members,
            notes="Short meeting, one paper.\n",
            slots=(
                Slot(
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
        Meeting(
            SECOND_GROUP,
            "Paper Club: evaluation pitfalls",
            -2,
            timezone="Europe/London",
            time=dt.time(18, 30),
            tags=("evaluation",),
            present=("Alice", "Carol"),
            absent=("Bob",),
            slots=(
                Slot(
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
