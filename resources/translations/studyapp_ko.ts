<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>AbsenceGrid</name>
    <message>
        <location filename="../../src/studyapp/ui/papers/members_editor.py" line="+130"/>
        <source>{name} on {date}</source>
        <translation>{name} ({date})</translation>
    </message>
</context>
<context>
    <name>AddPaperDialog</name>
    <message>
        <location filename="../../src/studyapp/ui/papers/add_paper_dialog.py" line="+71"/>
        <source>Add paper</source>
        <translation>논문 추가</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Paste an arXiv id or URL, a DOI, or one or more BibTeX entries</source>
        <translation>arXiv id나 URL, DOI, 또는 BibTeX 항목(여러 개 가능)을 붙여 넣으세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Look up</source>
        <translation>조회</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>One author per line, or separated by ;</source>
        <translation>한 줄에 저자 한 명, 또는 ;로 구분</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. ICLR 2025 spotlight</source>
        <translation>예: ICLR 2025 spotlight</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Comma-separated</source>
        <translation>쉼표로 구분</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;uthors:</source>
        <translation>저자(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Venue:</source>
        <translation>게재처(&amp;V):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Year:</source>
        <translation>연도(&amp;Y):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ar&amp;Xiv id:</source>
        <translation>arXiv id(&amp;X):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;DOI:</source>
        <translation>DOI(&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abst&amp;ract:</source>
        <translation>초록(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;gs:</source>
        <translation>태그(&amp;G):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open existing paper</source>
        <translation>기존 논문 열기</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Paste an arXiv id, a DOI or BibTeX first.</source>
        <translation>먼저 arXiv id, DOI 또는 BibTeX를 붙여 넣으세요.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Lookup cancelled; fill in the form by hand.</source>
        <translation>조회를 취소했습니다. 양식을 직접 채우세요.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No BibTeX entries found.</source>
        <translation>BibTeX 항목을 찾지 못했습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add all {count} entries</source>
        <translation>항목 {count}개 모두 추가</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} BibTeX entries read; the first is shown.</source>
        <translation>BibTeX 항목 {count}개를 읽었습니다. 첫 항목을 표시합니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>BibTeX entry read.</source>
        <translation>BibTeX 항목을 읽었습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Found. Check the fields, then save.</source>
        <translation>찾았습니다. 내용을 확인한 뒤 저장하세요.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No answer: save to keep the id; its details are looked up when the network answers.</source>
        <translation>응답이 없습니다. 저장하면 ID를 보관해 두고, 네트워크가 응답할 때 세부 정보를 조회합니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lookup failed; fill in the form by hand.</source>
        <translation>조회하지 못했습니다. 양식을 직접 채우세요.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Looking up…</source>
        <translation>조회 중…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>A paper needs a title.</source>
        <translation>논문 제목을 입력하세요.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Added {added} papers; {skipped} were already in the library.</source>
        <translation>논문 {added}개를 추가했습니다. {skipped}개는 이미 논문 목록에 있습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Empty fields filled in for {count} of them.</source>
        <translation>그중 {count}개는 비어 있던 항목을 채웠습니다.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This paper is already in the library: “{title}”.</source>
        <translation>이미 논문 목록에 있는 논문입니다: “{title}”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This paper is already in the library: “{title}”. Its empty fields were filled in from this form.</source>
        <translation>이미 논문 목록에 있는 논문입니다: “{title}”. 비어 있던 항목을 이 양식의 내용으로 채웠습니다.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../src/studyapp/ui/papers/assign_dialog.py" line="+50"/>
        <source>Assign a paper</source>
        <translation>논문 배정</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{date} · {group} · {title}</source>
        <translation>{date} · {group} · {title}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Start typing a title</source>
        <translation>제목을 입력하세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A name; a new name adds a person</source>
        <translation>이름 (새 이름이면 담당자로 추가)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Session:</source>
        <translation>세션(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;ue date:</source>
        <translation>마감일(&amp;U):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Paper:</source>
        <translation>논문(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pe&amp;rson:</source>
        <translation>담당자(&amp;R):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Assign</source>
        <translation>배정</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There is no paper titled “{title}”.</source>
        <translation>“{title}” 제목의 논문이 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who reads it? Type a name.</source>
        <translation>읽을 사람의 이름을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>AssignmentTableModel</name>
    <message>
        <location filename="../../src/studyapp/ui/models/assignment_model.py" line="+41"/>
        <source>Assigned</source>
        <translation>배정됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading</source>
        <translation>읽는 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>읽음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presented</source>
        <translation>발표함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Paper</source>
        <translation>논문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due / session</source>
        <translation>마감 / 세션</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{text} — overdue</source>
        <translation>{text} — 기한 지남</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{date} · {session}</source>
        <translation>{date} · {session}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due {date}</source>
        <translation>마감 {date}</translation>
    </message>
</context>
<context>
    <name>AssignmentsView</name>
    <message>
        <location filename="../../src/studyapp/ui/papers/assignments_view.py" line="+100"/>
        <source>By person</source>
        <translation>담당자별</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By session</source>
        <translation>세션별</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overdue only</source>
        <translation>기한 지난 것만</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign…</source>
        <translation>배정…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show:</source>
        <translation>보기(&amp;S):</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reading</source>
        <translation>읽는 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>읽음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presented</source>
        <translation>발표함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Everyone</source>
        <translation>모든 담당자</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All sessions</source>
        <translation>모든 세션</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{date} · {session}</source>
        <translation>{date} · {session}</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Removed “{paper}” for {person}.</source>
        <translation>{person}의 “{paper}” 배정을 삭제했습니다.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Assigned to {person}, who was added as a new person.</source>
        <translation>새 담당자 {person}을(를) 추가하고 배정했습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Assigned “{paper}” to {person}.</source>
        <translation>“{paper}” 논문을 {person}에게 배정했습니다.</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <location filename="../../src/studyapp/ui/workers.py" line="+138"/>
        <source>Something went wrong: {detail}</source>
        <translation>문제가 생겼습니다: {detail}</translation>
    </message>
</context>
<context>
    <name>ChecklistItemEditor</name>
    <message>
        <location filename="../../src/studyapp/ui/checklist_item_editor.py" line="+89"/>
        <source>Due date; the lowest value means no date</source>
        <translation>마감일 (가장 낮은 값은 날짜 없음)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No date</source>
        <translation>날짜 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the due date</source>
        <translation>마감일 지우기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highest</source>
        <translation>가장 높음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>높음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>보통</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowest</source>
        <translation>가장 낮음</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nobody</source>
        <translation>담당자 없음</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Text</source>
        <translation>내용(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Due</source>
        <translation>마감일(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Priority</source>
        <translation>우선순위(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assignee</source>
        <translation>담당자(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../src/studyapp/ui/models/checklist_model.py" line="+277"/>
        <source>Carried over: the newest {shown} (double-click for all)</source>
        <translation>이월됨: 최근 {shown}개 (두 번 클릭하면 모두)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Carried over</source>
        <translation>이월됨</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Still open from earlier sessions of this group. Double-click to show all of them.</source>
        <translation>이 그룹의 이전 세션에서 아직 끝나지 않은 할 일입니다. 두 번 클릭하면 모두 보여 줍니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Still open from earlier sessions of this group</source>
        <translation>이 그룹의 이전 세션에서 아직 끝나지 않은 할 일</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Carried over from {date} ({title})</source>
        <translation>{date} ({title})에서 이월됨</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due {date}</source>
        <translation>마감 {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{due} — overdue</source>
        <translation>{due} — 기한 지남</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done {date}</source>
        <translation>완료 {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ticked by {name}</source>
        <translation>{name} 님이 완료함</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled {date}</source>
        <translation>취소 {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status “{symbol}”</source>
        <translation>상태 “{symbol}”</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../src/studyapp/ui/checklist_panel.py" line="+69"/>
        <source>Show done</source>
        <translation>완료 항목 보기</translation>
    </message>
    <message>
        <source>Show or hide the to-dos already done</source>
        <translation type="vanished">이미 끝낸 할 일을 보이거나 숨깁니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide the to-dos already done or cancelled</source>
        <translation>이미 끝냈거나 취소한 할 일을 보이거나 숨깁니다</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>To-dos</source>
        <translation>할 일</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a to-do — Enter to add (e.g. Alice: send slides 📅 2025-01-27)</source>
        <translation>Enter로 할 일 추가 (예: Alice: 자료 보내기 📅 2025-01-27)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a to-do — Enter to add (e.g. Alice: send slides)</source>
        <translation>Enter로 할 일 추가 (예: Alice: 자료 보내기)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a to-do</source>
        <translation>할 일 추가</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the removed to-do back (Ctrl+Z)</source>
        <translation>지운 할 일 되돌리기 (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>This to-do belongs to the session of {date}; check it off here or remove it there.</source>
        <translation>이 할 일은 {date} 세션의 항목입니다. 여기서 완료 표시하거나 그 세션에서 지우세요.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Removed “{text}”.</source>
        <translation>“{text}” 항목을 지웠습니다.</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>To-dos · {count} open</source>
        <translation>할 일 · 남은 항목 {count}개</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/checklist_menu.py" line="+27"/>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark as to do</source>
        <translation>할 일로 표시</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as in progress</source>
        <translation>진행 중으로 표시</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark as done</source>
        <translation>완료로 표시</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark as cancelled</source>
        <translation>취소로 표시</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Move up</source>
        <translation>위로 이동</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move down</source>
        <translation>아래로 이동</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../src/studyapp/ui/conflict_notice.py" line="+97"/>
        <source>Two versions of this note</source>
        <translation>이 노트의 두 버전</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Theirs (kept in the history)</source>
        <translation>다른 쪽 (기록에 보관됨)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yours (saved)</source>
        <translation>내 글 (저장됨)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tinted lines are in one version only. Copy what you need from theirs into the editor; the history (Ctrl+Shift+H) can also bring theirs back whole.</source>
        <translation>색이 칠해진 줄은 한쪽 버전에만 있습니다. 다른 쪽에서 필요한 부분을 편집기에 복사하세요. 기록(Ctrl+Shift+H)에서 다른 쪽 글 전체를 되살릴 수도 있습니다.</translation>
    </message>
</context>
<context>
    <name>ConflictNotice</name>
    <message>
        <location line="-61"/>
        <source>Another writer changed this note while you were typing; your text was kept and theirs saved in the history.</source>
        <translation>입력하는 동안 다른 곳에서 이 노트를 바꿨습니다. 내 글을 그대로 두었고, 다른 쪽 글은 기록에 저장했습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Compare side by side</source>
        <translation>나란히 비교</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hide this notice</source>
        <translation>이 알림 숨기기</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <location filename="../../src/studyapp/ui/dialogs/connection_form.py" line="+46"/>
        <source>This computer only</source>
        <translation>이 컴퓨터에만</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A shared group server</source>
        <translation>그룹이 함께 쓰는 서버</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Off (disable)</source>
        <translation>사용 안 함 (disable)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the server offers it (prefer)</source>
        <translation>서버가 지원하면 사용 (prefer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always (require)</source>
        <translation>항상 사용 (require)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always, with the server&apos;s certificate checked (verify-full)</source>
        <translation>항상 사용, 서버 인증서 확인 (verify-full)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Test connection</source>
        <translation>연결 시험(&amp;T)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Port:</source>
        <translation>포트:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Host:</source>
        <translation>호스트(&amp;H):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data&amp;base:</source>
        <translation>데이터베이스(&amp;B):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>사용자(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>비밀번호(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Encryption:</source>
        <translation>암호화(&amp;E):</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Fill in the host, the database and the user first.</source>
        <translation>먼저 호스트, 데이터베이스, 사용자를 입력하세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connecting…</source>
        <translation>연결하는 중…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Connected. The server answers.</source>
        <translation>연결했습니다. 서버가 응답합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The PostgreSQL driver (psycopg) is not installed: install studyapp[postgres].</source>
        <translation>PostgreSQL 드라이버(psycopg)가 설치되어 있지 않습니다. studyapp[postgres]를 설치하세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server {host} cannot be reached: check the host name, the port and the network.</source>
        <translation>서버 {host}에 연결할 수 없습니다. 호스트 이름, 포트, 네트워크를 확인하세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server refused the password for {user}.</source>
        <translation>서버가 {user}의 비밀번호를 거부했습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server has no database named {name}.</source>
        <translation>서버에 {name} 데이터베이스가 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server has no user named {user}.</source>
        <translation>서버에 {user} 사용자가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The encrypted connection failed; check the encryption setting.</source>
        <translation>암호화 연결에 실패했습니다. 암호화 설정을 확인하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection failed.</source>
        <translation>연결하지 못했습니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The password is kept in this computer&apos;s keyring, not in the settings.</source>
        <translation>비밀번호는 설정 파일이 아니라 이 컴퓨터의 키링에 보관합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This computer has no keyring to keep the password in: it is not stored, and studyapp asks for it at start.</source>
        <translation>이 컴퓨터에는 비밀번호를 보관할 키링이 없습니다. 비밀번호를 저장하지 않고 studyapp을 시작할 때 묻습니다.</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../src/studyapp/ui/core_messages.py" line="+14"/>
        <source>--since {since} is after --until {until}; nothing to export.</source>
        <translation>--since {since}가 --until {until}보다 뒤입니다. 내보낼 것이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A backup cannot overwrite the database it copies.</source>
        <translation>백업으로 원본 데이터베이스를 덮어쓸 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A link must start with http:// or https://: {url}</source>
        <translation>링크는 http:// 또는 https://로 시작해야 합니다: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A meeting needs at least one presenter slot.</source>
        <translation>모임에는 발표 순서가 하나 이상 있어야 합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A paper needs a title.</source>
        <translation>논문에는 제목이 있어야 합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A session needs a title.</source>
        <translation>세션에는 제목이 있어야 합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A slot cannot last longer than a day.</source>
        <translation>발표 시간은 하루를 넘을 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A slot&apos;s duration must be zero or more seconds.</source>
        <translation>발표 시간은 0초 이상이어야 합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A slot&apos;s time box can be at most {most} minutes.</source>
        <translation>발표 제한 시간은 최대 {most}분입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A slot&apos;s time box must be at least one minute.</source>
        <translation>발표 제한 시간은 1분 이상이어야 합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A to-do is one line of text.</source>
        <translation>할 일은 한 줄로 써야 합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A to-do needs some text.</source>
        <translation>할 일 내용을 입력하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in the library: #{id} {title}</source>
        <translation>이미 논문 목록에 있습니다: #{id} {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An in-memory database has no file to back up.</source>
        <translation>메모리 데이터베이스에는 백업할 파일이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An in-memory database has no file to restore.</source>
        <translation>메모리 데이터베이스에는 복원할 파일이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup refused: {reason} A damaged file is never copied over a good backup.</source>
        <translation>백업하지 않았습니다: {reason} 손상된 파일은 정상 백업 위에 복사하지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup refused: {reason} A damaged file is never copied over a good backup. The newest good backup is {path}.</source>
        <translation>백업하지 않았습니다: {reason} 손상된 파일은 정상 백업 위에 복사하지 않습니다. 가장 최근의 정상 백업은 {path}입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups of non-SQLite databases: use your server&apos;s own tools (for PostgreSQL, pg_dump).</source>
        <translation>SQLite가 아닌 데이터베이스는 서버의 도구로 백업하세요 (PostgreSQL은 pg_dump).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot copy {source} to {dest}: {reason}.</source>
        <translation>{source}을(를) {dest}(으)로 복사할 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot create the folder {folder}: {reason}</source>
        <translation>{folder} 폴더를 만들 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot delete the old backup {path}: {reason}.</source>
        <translation>오래된 백업 {path}을(를) 지울 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot export to {folder}: it is a file, not a folder.</source>
        <translation>{folder}(으)로 내보낼 수 없습니다: 폴더가 아니라 파일입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read the backups folder {folder}: {reason}.</source>
        <translation>백업 폴더 {folder}을(를) 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read {path}: {reason}</source>
        <translation>{path}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read {path}: {reason}.</source>
        <translation>{path}을(를) 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot replace {target}: {reason}.</source>
        <translation>{target}을(를) 바꿀 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot run {program}: {reason}.</source>
        <translation>{program}을(를) 실행할 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write the backup to {dest}: {reason}.</source>
        <translation>{dest}에 백업을 쓸 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write the front matter of {title!r}.</source>
        <translation>{title!r}의 머리말(front matter)을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write to {folder}: {reason}</source>
        <translation>{folder}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write to {path}: {reason}</source>
        <translation>{path}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: {reason}.</source>
        <translation>{path}에 쓸 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not reach {service} (timed out after {seconds})</source>
        <translation>{service}에 연결하지 못했습니다 ({seconds} 후 시간 초과)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not reach {service} ({reason})</source>
        <translation>{service}에 연결하지 못했습니다 ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crossref has no title for DOI {doi}; fill in the details by hand</source>
        <translation>Crossref에 DOI {doi}의 제목이 없습니다. 정보를 직접 입력하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crossref sent a reply that could not be read</source>
        <translation>Crossref의 응답을 읽을 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database error: {detail}</source>
        <translation>데이터베이스 오류: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database error: {reason}</source>
        <translation>데이터베이스 오류: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was not saved first.</source>
        <translation>복원 전의 데이터베이스는 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Malformed BibTeX, nothing was added: {problem}{more}</source>
        <translation>BibTeX 형식이 잘못되어 아무것도 추가하지 않았습니다: {problem}{more}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No BibTeX entry found (an entry starts like @article{key, ...}).</source>
        <translation>BibTeX 항목이 없습니다 (항목은 @article{key, ...}처럼 시작합니다).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such file or folder: {path}</source>
        <translation>파일이나 폴더가 없습니다: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a DOI: {text}</source>
        <translation>DOI가 아닙니다: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a database URL: {url!r}.</source>
        <translation>데이터베이스 URL이 아닙니다: {url!r}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a database URL: {url}</source>
        <translation>데이터베이스 URL이 아닙니다: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid recurrence rule: {text} (give one RRULE, optionally with DTSTART)</source>
        <translation>올바른 반복 규칙이 아닙니다: {text} (RRULE 하나를, 필요하면 DTSTART와 함께 쓰세요)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid recurrence rule: {text} ({error})</source>
        <translation>올바른 반복 규칙이 아닙니다: {text} ({error})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an arXiv id, DOI or BibTeX entry: {text}</source>
        <translation>arXiv ID, DOI, BibTeX 항목 중 어느 것도 아닙니다: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an arXiv id: {text}</source>
        <translation>arXiv ID가 아닙니다: {text}</translation>
    </message>
    <message>
        <source>Only SQLite files can be restored here; restore PostgreSQL with pg_restore (see &quot;Your data&quot; in the README).</source>
        <translation type="vanished">여기서는 SQLite 파일만 복원할 수 있습니다. PostgreSQL은 pg_restore로 복원하세요 (README의 &quot;Your data&quot; 참고).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only SQLite files and PostgreSQL databases can be restored here; use your server&apos;s own tools.</source>
        <translation>여기서는 SQLite 파일과 PostgreSQL 데이터베이스만 복원할 수 있습니다. 서버 자체의 도구를 사용하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a session&apos;s to-do can be put back.</source>
        <translation>세션의 할 일만 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images can be kept with a session, not {mime}.</source>
        <translation>세션에는 이미지만 넣을 수 있습니다 ({mime}은(는) 안 됩니다).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan between 1 and {most} weeks ahead.</source>
        <translation>1주에서 {most}주 사이로 계획하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publishing writes jekyll or obsidian, not {flavor!r}.</source>
        <translation>게시는 jekyll 또는 obsidian 형식만 됩니다 ({flavor!r}은(는) 안 됩니다).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refusing to write {file_name!r}: it would land outside {folder}.</source>
        <translation>{file_name!r}을(를) 쓰지 않습니다: {folder} 밖에 쓰게 됩니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refusing to write {file_name!r}: not a plain file name.</source>
        <translation>{file_name!r}을(를) 쓰지 않습니다: 올바른 파일 이름이 아닙니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session {session_id} has no revision {revision_id}.</source>
        <translation>세션 {session_id}에는 {revision_id}번 이전 버전이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That file is the database itself, not a backup of it.</source>
        <translation>그 파일은 백업이 아니라 데이터베이스 자체입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The BibTeX entry {key!r} has no title.</source>
        <translation>BibTeX 항목 {key!r}에 제목이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PostgreSQL driver (psycopg) is not installed: install studyapp[postgres].</source>
        <translation>PostgreSQL 드라이버(psycopg)가 설치되어 있지 않습니다. studyapp[postgres]를 설치하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup {path} failed verification and was removed: {reason}</source>
        <translation>백업 {path}이(가) 검증에 실패해 삭제했습니다: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection failed.</source>
        <translation>연결하지 못했습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database as it was is in {path}.</source>
        <translation>복원 전의 데이터베이스는 {path}에 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database file cannot be opened: {reason}</source>
        <translation>데이터베이스 파일을 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database file cannot be opened; check the path and permissions.</source>
        <translation>데이터베이스 파일을 열 수 없습니다. 경로와 권한을 확인하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database file is damaged; restore it from a backup.</source>
        <translation>데이터베이스 파일이 손상되었습니다. 백업에서 복원하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database file is read-only; changes cannot be saved.</source>
        <translation>데이터베이스 파일이 읽기 전용이라 변경 내용을 저장할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database is locked by another program; close it and try again.</source>
        <translation>다른 프로그램이 데이터베이스를 잠그고 있습니다. 그 프로그램을 닫고 다시 시도하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database is read-only ({read_only}); changes cannot be saved.</source>
        <translation>데이터베이스가 읽기 전용이라({read_only}) 변경 내용을 저장할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database is read-only ({reason}) and was made by {made_by} studyapp, whose schema cannot be changed there; copy it to a folder you can write to and open the copy.</source>
        <translation>데이터베이스가 읽기 전용이고({reason}) {made_by} studyapp으로 만들어져 그 자리에서는 구조를 바꿀 수 없습니다. 쓰기 가능한 폴더에 복사해서 복사본을 여세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disk is full; free some space and try again.</source>
        <translation>디스크가 가득 찼습니다. 공간을 확보하고 다시 시도하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The encrypted connection failed; check the encryption setting.</source>
        <translation>암호화 연결에 실패했습니다. 암호화 설정을 확인하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is empty.</source>
        <translation>이미지가 비어 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is larger than 25 MB; use a smaller one.</source>
        <translation>이미지가 25MB보다 큽니다. 더 작은 이미지를 쓰세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number of days cannot be negative.</source>
        <translation>일 수는 음수일 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recurrence rule is empty.</source>
        <translation>반복 규칙이 비어 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recurrence rule is too long.</source>
        <translation>반복 규칙이 너무 깁니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recurrence rule {rule} has no meeting in the next five years.</source>
        <translation>반복 규칙 {rule}에는 앞으로 5년 동안 모임이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The restore failed and nothing was changed: {reason}</source>
        <translation>복원에 실패했으며 아무것도 바뀌지 않았습니다: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The restored database does not match the backup ({sessions} sessions, schema {found}; the backup recorded {expected} sessions, schema {revision}). {before}</source>
        <translation>복원된 데이터베이스가 백업과 맞지 않습니다(세션 {sessions}개, 스키마 {found}; 백업에 기록된 것은 세션 {expected}개, 스키마 {revision}). {before}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server cannot be reached; the text is kept on this computer and saved when it is back.</source>
        <translation>서버에 연결할 수 없습니다. 글은 이 컴퓨터에 보관되며 서버가 돌아오면 저장됩니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server has no database named {name}.</source>
        <translation>서버에 {name} 데이터베이스가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server has no user named {user}.</source>
        <translation>서버에 {user} 사용자가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused the password for {user}.</source>
        <translation>서버가 {user}의 비밀번호를 거부했습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server {host} cannot be reached: check the host name, the port and the network.</source>
        <translation>서버 {host}에 연결할 수 없습니다. 호스트 이름, 포트, 네트워크를 확인하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The time to look from needs a time zone.</source>
        <translation>기준 시각에는 시간대가 있어야 합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The title is too long (at most 1000 characters).</source>
        <translation>제목이 너무 깁니다 (최대 1000자).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The title is too long (at most {most} characters).</source>
        <translation>제목이 너무 깁니다 (최대 {most}자).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The to-do was not written.</source>
        <translation>할 일을 기록하지 못했습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The to-do&apos;s line was not read back as a to-do.</source>
        <translation>그 줄이 할 일로 읽히지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The year must be between {first} and {last}, not {year}.</source>
        <translation>연도는 {first}에서 {last} 사이여야 합니다 ({year}은(는) 안 됩니다).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {backend} driver is not installed: {module}{hint}.</source>
        <translation>{backend} 드라이버가 설치되어 있지 않습니다: {module}{hint}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {what} cannot be empty.</source>
        <translation>{what}은(는) 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {what} is too long (at most 200 characters).</source>
        <translation>{what}이(가) 너무 깁니다 (최대 200자).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no backup file at {backup}.</source>
        <translation>{backup}에 백업 파일이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no database file at {path}.</source>
        <translation>{path}에 데이터베이스 파일이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no database file at {source}.</source>
        <translation>{source}에 데이터베이스 파일이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no group named {group!r}.</source>
        <translation>{group!r}라는 그룹이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no group named {name!r}.</source>
        <translation>{name!r}라는 그룹이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no group {name!r}.</source>
        <translation>{name!r} 그룹이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no image {name} in this session.</source>
        <translation>이 세션에는 {name} 이미지가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no paper #{paper_id}.</source>
        <translation>#{paper_id} 논문이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no paper {item_id} in the trash.</source>
        <translation>휴지통에 {item_id}번 논문이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no paper {paper_id}.</source>
        <translation>{paper_id}번 논문이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no presentation {presentation_id}.</source>
        <translation>{presentation_id}번 발표가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no reading assignment {assignment_id}.</source>
        <translation>{assignment_id}번 읽기 과제가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no revision {revision_id}; it may have been thinned.</source>
        <translation>{revision_id}번 이전 버전이 없습니다. 정리되어 지워졌을 수 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no session {item_id} in the trash.</source>
        <translation>휴지통에 {item_id}번 세션이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no session {session_id}.</source>
        <translation>{session_id}번 세션이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no to-do {item_id}.</source>
        <translation>{item_id}번 할 일이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no {kind} {item_id} in the trash.</source>
        <translation>휴지통에 {kind} {item_id}이(가) 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is nothing to back up: {database} has no studyapp tables.</source>
        <translation>백업할 것이 없습니다: {database}에 studyapp 테이블이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These names cannot be written in an attendance line that reads back the same (a comma or a bracket in a name); edit the line in the notes instead.</source>
        <translation>이 이름들은 참석자 줄에 그대로 다시 읽히게 쓸 수 없습니다 (이름에 쉼표나 괄호가 있음). 노트에서 그 줄을 직접 고치세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This database has studyapp&apos;s tables but no record of their schema version, so studyapp will not guess how to upgrade it; restore it from a backup.</source>
        <translation>이 데이터베이스에는 studyapp 표가 있지만 구조 버전 기록이 없어 업그레이드 방법을 추측하지 않습니다. 백업에서 복원하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This database was written by a newer version of studyapp; upgrade studyapp to open it.</source>
        <translation>이 데이터베이스는 더 새로운 버전의 studyapp으로 만들어졌습니다. studyapp을 업그레이드한 뒤 여세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This search reads the file only; open the database to write.</source>
        <translation>이 검색은 파일을 읽기만 합니다. 쓰려면 데이터베이스를 여세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This to-do cannot be written as a Tasks line as typed.</source>
        <translation>입력한 그대로는 이 할 일을 Tasks 줄로 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This to-do cannot be written as a Tasks line that reads back the same; edit its line in the notes instead.</source>
        <translation>이 할 일은 그대로 다시 읽히는 Tasks 줄로 쓸 수 없습니다. 노트에서 그 줄을 직접 고치세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This to-do was changed elsewhere while you edited it (it now says “{current}”); your edit was not saved. Edit it again from what it says now.</source>
        <translation>편집하는 동안 이 할 일이 다른 곳에서 바뀌었습니다(지금 내용: “{current}”). 편집 내용은 저장되지 않았습니다. 지금 내용에서 다시 편집해 주세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown assignment status {status!r}; use one of: {valid}.</source>
        <translation>알 수 없는 과제 상태 {status!r}입니다. 다음 중 하나를 쓰세요: {valid}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown database type {driver!r} in the URL.</source>
        <translation>URL의 데이터베이스 종류 {driver!r}을(를) 알 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown flavor {flavor!r}; use one of: {flavors}.</source>
        <translation>알 수 없는 형식 {flavor!r}입니다. 다음 중 하나를 쓰세요: {flavors}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown kind {kind!r}; use one of: {valid}.</source>
        <translation>알 수 없는 종류 {kind!r}입니다. 다음 중 하나를 쓰세요: {valid}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown kind {text!r}: use session or paper.</source>
        <translation>알 수 없는 종류 {text!r}입니다. session 또는 paper를 쓰세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown note field {field!r}.</source>
        <translation>알 수 없는 노트 항목 {field!r}입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown status {status!r}; use one of: {valid}.</source>
        <translation>알 수 없는 상태 {status!r}입니다. 다음 중 하나를 쓰세요: {valid}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown time zone: {name}</source>
        <translation>알 수 없는 시간대: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrading the database would leave broken links between rows; nothing was changed. Run `studyapp check` for details.</source>
        <translation>데이터베이스를 업그레이드하면 행 사이의 연결이 끊어지므로 아무것도 바꾸지 않았습니다. 자세한 내용은 `studyapp check`를 실행하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a newer</source>
        <translation>더 새로운</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an older</source>
        <translation>더 오래된</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arXiv has no paper {arxiv_id}</source>
        <translation>arXiv에 {arxiv_id} 논문이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arXiv sent a reply that could not be read</source>
        <translation>arXiv의 응답을 읽을 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fill in the details by hand</source>
        <translation>정보를 직접 입력하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>git {command} failed: {error}</source>
        <translation>git {command} 실패: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>git {command} failed: {reason}</source>
        <translation>git {command} 실패: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>group name</source>
        <translation>그룹 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is:{value} is not a filter; use is:open (to-dos not done).</source>
        <translation>is:{value}는 필터가 아닙니다. is:open(끝나지 않은 할 일)을 쓰세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind:{value} is not a session kind; use one of {names}.</source>
        <translation>kind:{value}는 세션 종류가 아닙니다. 다음 중 하나를 쓰세요: {names}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>member&apos;s name</source>
        <translation>멤버 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paper title</source>
        <translation>논문 제목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paper {arxiv_id}</source>
        <translation>논문 {arxiv_id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>person&apos;s name</source>
        <translation>사람 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pg_dump failed: {reason}</source>
        <translation>pg_dump 실패: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record of DOI {doi}</source>
        <translation>DOI {doi} 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>try again in a minute or fill in the details by hand</source>
        <translation>잠시 후 다시 시도하거나 정보를 직접 입력하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>try again later or fill in the details by hand</source>
        <translation>나중에 다시 시도하거나 정보를 직접 입력하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{damage}</source>
        <translation>{damage}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{dest} is a folder; give a file name for the backup.</source>
        <translation>{dest}은(는) 폴더입니다. 백업 파일 이름을 지정하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{group} has no meeting schedule yet.</source>
        <translation>{group}에는 아직 모임 일정이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{heading!r} is not read as a talk.</source>
        <translation>{heading!r}은(는) 발표로 읽히지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{heading!r} would not read back as this talk&apos;s heading; write the heading in the notes instead.</source>
        <translation>{heading!r}은(는) 이 발표의 제목으로 다시 읽히지 않습니다. 노트에 제목을 직접 쓰세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}: needs a date written YYYY-MM-DD (like {key}:2025-03-10), not {value!r}.</source>
        <translation>{key}:에는 YYYY-MM-DD 형식의 날짜가 필요합니다 (예: {key}:2025-03-10). {value!r}은(는) 안 됩니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}: needs a value, like {key}:something.</source>
        <translation>{key}:에는 값이 필요합니다 (예: {key}:something).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} already has {title!r} to read (assignment {duplicate}).</source>
        <translation>{name}님은 이미 {title!r}을(를) 읽기로 되어 있습니다 (과제 {duplicate}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a member of {group}.</source>
        <translation>{name}님은 {group}의 멤버가 아닙니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: cannot be read ({reason})</source>
        <translation>{name}: 읽을 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: is a folder, not a note</source>
        <translation>{name}: 노트가 아니라 폴더입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: no such file</source>
        <translation>{name}: 파일이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: not UTF-8, UTF-16 or CP949/EUC-KR text (undecodable byte at offset {position}); save it as UTF-8 and try again</source>
        <translation>{name}: UTF-8, UTF-16, CP949/EUC-KR 텍스트가 아닙니다 ({position}번째 바이트를 해석할 수 없음). UTF-8로 저장한 뒤 다시 시도하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: not a text file</source>
        <translation>{name}: 텍스트 파일이 아닙니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: permission denied</source>
        <translation>{name}: 권한이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: starts like {encoding} text but is damaged (undecodable byte at offset {position})</source>
        <translation>{name}: {encoding} 텍스트로 시작하지만 손상되었습니다 ({position}번째 바이트를 해석할 수 없음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {error}</source>
        <translation>{name}: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{not_ours} (SQLite cannot read it: {error}).</source>
        <translation>{not_ours} (SQLite가 읽을 수 없음: {error}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{not_ours} (not a pg_dump archive).</source>
        <translation>{not_ours}(pg_dump 아카이브가 아닙니다).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{not_ours} (pg_restore cannot read it: {reason}).</source>
        <translation>{not_ours}(pg_restore가 읽을 수 없습니다: {reason}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{not_ours}: it has no studyapp tables.</source>
        <translation>{not_ours}: studyapp 표가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{not_ours}: it records no schema version.</source>
        <translation>{not_ours}: 스키마 버전이 기록되어 있지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{not_ours}: the archive is damaged ({reason}).</source>
        <translation>{not_ours}: 아카이브가 손상되었습니다({reason}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{not_ours}: the file is damaged ({result}).</source>
        <translation>{not_ours}: 파일이 손상되었습니다 ({result}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a backup of a SQLite file; a database on a PostgreSQL server is restored from a pg_dump archive (.dump). To bring a file&apos;s notes to the server, restore it into a file and use studyapp copy-to.</source>
        <translation>{path}은(는) SQLite 파일의 백업입니다. PostgreSQL 서버의 데이터베이스는 pg_dump 아카이브(.dump)로 복원합니다. 파일의 노트를 서버로 옮기려면 파일로 복원한 뒤 studyapp copy-to를 사용하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder, not a database file; name a file, such as {example}</source>
        <translation>{path}은(는) 데이터베이스 파일이 아니라 폴더입니다. {example}처럼 파일을 지정하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a pg_dump archive of a PostgreSQL database; a SQLite file is restored from a .sqlite3 backup. Restore the archive into a PostgreSQL database (studyapp --database postgresql://... restore).</source>
        <translation>{path}은(는) PostgreSQL 데이터베이스의 pg_dump 아카이브입니다. SQLite 파일은 .sqlite3 백업으로 복원합니다. 이 아카이브는 PostgreSQL 데이터베이스로 복원하세요(studyapp --database postgresql://... restore).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a studyapp backup</source>
        <translation>{path}은(는) studyapp 백업이 아닙니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} was made by a newer studyapp (schema {revision}); upgrade studyapp to restore it.</source>
        <translation>{path}은(는) 더 새로운 studyapp이 만든 것입니다(스키마 {revision}). 복원하려면 studyapp을 업그레이드하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problem} ({detail})</source>
        <translation>{problem} ({detail})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problem}; {advice}</source>
        <translation>{problem}. {advice}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{program} was not found: install PostgreSQL&apos;s client programs, the server&apos;s version or newer (Debian and Ubuntu: apt-get install postgresql-client).</source>
        <translation>{program}을(를) 찾을 수 없습니다: 서버와 같거나 더 새로운 버전의 PostgreSQL 클라이언트 프로그램을 설치하세요(Debian, Ubuntu: apt-get install postgresql-client).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{program} was not found: install PostgreSQL&apos;s client programs, version {version} or newer (Debian and Ubuntu: apt-get install postgresql-client).</source>
        <translation>{program}을(를) 찾을 수 없습니다: {version} 이상 버전의 PostgreSQL 클라이언트 프로그램을 설치하세요(Debian, Ubuntu: apt-get install postgresql-client).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{service} answered with an error (HTTP {status})</source>
        <translation>{service}가 오류로 응답했습니다 (HTTP {status})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{service} asks to slow down (too many requests)</source>
        <translation>{service}가 요청을 줄여 달라고 합니다 (요청이 너무 많음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{service} has no {what}</source>
        <translation>{service}에 {what}이(가) 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{service} sent a reply that is far too large</source>
        <translation>{service}의 응답이 너무 큽니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{site} is not a folder; name a Jekyll site or an Obsidian vault.</source>
        <translation>{site}은(는) 폴더가 아닙니다. Jekyll 사이트나 Obsidian 보관소를 지정하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{symbol!r} is not a status: use one character, like x, / or -.</source>
        <translation>{symbol!r}은(는) 상태가 아닙니다. x, /, - 같은 한 글자를 쓰세요.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/studyapp/ui/dialogs/export_dialog.py" line="+60"/>
        <source>Export minutes</source>
        <translation>회의록 내보내기</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The folder the files go to</source>
        <translation>파일을 저장할 폴더</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The layout the blog&apos;s theme gives posts (post, single…)</source>
        <translation>블로그 테마가 글에 쓰는 레이아웃 (post, single…)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publish: the folder is a Jekyll site or an Obsidian vault</source>
        <translation>게시: 이 폴더는 Jekyll 사이트 또는 Obsidian 보관함</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Posts go to _posts/ and their images to assets/ (a vault: its top folder); nothing else is touched. In a git repository the changed files are committed.</source>
        <translation>글은 _posts/에, 이미지는 assets/에 씁니다(보관함은 맨 위 폴더). 다른 파일은 건드리지 않습니다. git 저장소라면 바뀐 파일을 커밋합니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All dates</source>
        <translation>모든 날짜</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Folder:</source>
        <translation>폴더(&amp;F):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>F&amp;lavor:</source>
        <translation>형식(&amp;L):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>La&amp;yout:</source>
        <translation>레이아웃(&amp;Y):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Group:</source>
        <translation>그룹(&amp;G):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dates:</source>
        <translation>기간:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>All groups</source>
        <translation>모든 그룹</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Markdown posts with YAML front matter, for a Jekyll blog.</source>
        <translation>Jekyll 블로그용 YAML 머리말이 있는 Markdown 글입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown for an Obsidian vault: wikilinks and Tasks lines.</source>
        <translation>Obsidian 보관함용 Markdown입니다: 위키링크와 Tasks 줄.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One sanitized web page per session, to share or print.</source>
        <translation>세션마다 안전하게 정리된 웹 페이지 하나로, 공유하거나 인쇄할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose the export folder</source>
        <translation>내보낼 폴더 선택</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a folder to export to.</source>
        <translation>내보낼 폴더를 선택하세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the folder&apos;s full path, for example ~/minutes.</source>
        <translation>폴더의 전체 경로를 입력하세요. 예: ~/minutes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first date is after the last date.</source>
        <translation>시작 날짜가 끝 날짜보다 늦습니다.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Preparing the export…</source>
        <translation>내보내기 준비 중…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping…</source>
        <translation>멈추는 중…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exported {done} sessions…</source>
        <translation>세션 {done}개 내보냄…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting {done} of {total} sessions…</source>
        <translation>세션 {total}개 중 {done}개 내보내는 중…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancelled: {count} sessions exported to {folder}.</source>
        <translation>취소됨: 세션 {count}개를 {folder}에 내보냈습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sessions match; nothing was written to {folder}.</source>
        <translation>해당하는 세션이 없어 {folder}에 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported {count} sessions to {folder} ({unchanged} unchanged).</source>
        <translation>세션 {count}개를 {folder}에 내보냈습니다 (변경 없음 {unchanged}개).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing to publish: {folder} already has these minutes.</source>
        <translation>게시할 것이 없습니다: {folder}에 이미 이 회의록이 있습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Published {count} files to {folder} and committed them ({commit}).</source>
        <translation>{folder}에 파일 {count}개를 게시하고 커밋했습니다 ({commit}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Published {count} files to {folder}.</source>
        <translation>{folder}에 파일 {count}개를 게시했습니다.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/studyapp/ui/editor/find_bar.py" line="+49"/>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace with</source>
        <translation>바꿀 내용</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Match case</source>
        <translation>대소문자 구분</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>이전 항목 (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next match (Enter, F3)</source>
        <translation>다음 항목 (Enter, F3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace this match and find the next</source>
        <translation>이 항목을 바꾸고 다음 항목 찾기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace all</source>
        <translation>모두 바꾸기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replace every match</source>
        <translation>찾은 항목을 모두 바꾸기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close find bar</source>
        <translation>찾기 막대 닫기</translation>
    </message>
    <message>
        <location line="+250"/>
        <source>No matches</source>
        <translation>찾은 항목 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{current} of {total}</source>
        <translation>{total}개 중 {current}번째</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 match</source>
        <translation>1개 찾음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{total} matches</source>
        <translation>{total}개 찾음</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../src/studyapp/ui/history_dialog.py" line="+74"/>
        <source>Note history</source>
        <translation>노트 기록</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Written by</source>
        <translation>작성자</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Green lines are only in the current text; red lines are only in this version.</source>
        <translation>초록색 줄은 현재 글에만, 빨간색 줄은 이 버전에만 있습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No earlier versions yet. One is kept every few minutes while you type.</source>
        <translation>아직 이전 버전이 없습니다. 입력하는 동안 몇 분마다 하나씩 보관됩니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Restore this version</source>
        <translation>이 버전으로 복원(&amp;R)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Restored the version from {when}. The text it replaced is kept as “Before restore” at the top of the list.</source>
        <translation>{when} 버전으로 복원했습니다. 바뀌기 전 글은 목록 맨 위에 “복원 전”으로 보관됩니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Written before members were recorded</source>
        <translation>작성자를 기록하기 전에 쓴 글</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{count} chars</source>
        <translation>{count}자</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edited</source>
        <translation>편집</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session switch</source>
        <translation>세션 전환</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before restore</source>
        <translation>복원 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved elsewhere</source>
        <translation>다른 곳에서 저장됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before re-import</source>
        <translation>다시 가져오기 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged with your typing</source>
        <translation>내 입력과 합쳐짐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slot removed</source>
        <translation>발표 삭제됨</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Both texts are empty.</source>
        <translation>두 글 모두 비어 있습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This version is the same as the current text.</source>
        <translation>이 버전은 현재 글과 같습니다.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/studyapp/ui/dialogs/import_dialog.py" line="+64"/>
        <source>Import notes</source>
        <translation>노트 가져오기</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Files and folders to import; folders are searched</source>
        <translation>가져올 파일과 폴더 (폴더는 안쪽까지 찾습니다)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add files…</source>
        <translation>파일 추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>From each note, or the folder name</source>
        <translation>각 노트에서, 또는 폴더 이름으로</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dry run (show what would be created)</source>
        <translation>시험 실행 (만들어질 내용만 보기)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split a log of dated meetings into a session for each</source>
        <translation>날짜별 모임을 기록한 로그는 모임마다 세션으로 나누기</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A note with a dated heading for each meeting (# 0303 스터디, ## 2025-03-10) becomes one session per meeting, each with its own date.</source>
        <translation>모임마다 날짜가 붙은 제목(# 0303 스터디, ## 2025-03-10)이 있는 노트는 모임마다 한 세션이 되고, 각 세션은 그 날짜를 가집니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Group:</source>
        <translation>그룹(&amp;G):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>자세히</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Import</source>
        <translation>가져오기(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Notes to import (.md, .markdown, .txt):</source>
        <translation>가져올 노트 (.md, .markdown, .txt):</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Choose notes to import</source>
        <translation>가져올 노트 선택</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes (*.md *.markdown *.txt);;All files (*)</source>
        <translation>노트 (*.md *.markdown *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a folder of notes</source>
        <translation>노트 폴더 선택</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Looking for notes…</source>
        <translation>노트를 찾는 중…</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation type="vanished">지금 파일을 마치고 멈추는 중…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Importing {number} of {total}: {name}</source>
        <translation>{total}개 중 {number}번째 가져오는 중: {name}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Created</source>
        <translation>만듦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>갱신함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>변경 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Would create</source>
        <translation>만들 예정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Would update</source>
        <translation>갱신할 예정</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Empty file: nothing to import</source>
        <translation>빈 파일: 가져올 내용이 없음</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No notes found (.md, .markdown or .txt files).</source>
        <translation>노트를 찾지 못했습니다 (.md, .markdown, .txt 파일).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} created</source>
        <translation>{count}개 만듦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} would be created</source>
        <translation>{count}개 만들 예정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} updated</source>
        <translation>{count}개 갱신함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} would be updated</source>
        <translation>{count}개 갱신할 예정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} unchanged</source>
        <translation>{count}개 변경 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} skipped</source>
        <translation>{count}개 건너뜀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} failed</source>
        <translation>{count}개 실패</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled after {done} of {total} files. {counts}</source>
        <translation>파일 {total}개 중 {done}개 후 취소됨. {counts}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dry run, nothing was saved: {counts}</source>
        <translation>시험 실행이라 아무것도 저장하지 않았습니다: {counts}</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <location filename="../../src/studyapp/ui/dialogs/job_dialog.py" line="+40"/>
        <source>Stopping after the current file…</source>
        <translation>지금 파일을 마치고 멈추는 중…</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <location filename="../../src/studyapp/ui/live_updates.py" line="+100"/>
        <source>someone</source>
        <translation>누군가</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Notes for the whole session (Markdown)</source>
        <translation type="vanished">세션 전체 노트 (Markdown)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>노트</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/main_window.py" line="+119"/>
        <source>Session</source>
        <translation>세션</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/main_actions.py" line="+175"/>
        <location filename="../../src/studyapp/ui/main_window.py" line="+1"/>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation type="vanished">세션 노트</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/main_window.py" line="+27"/>
        <source>Backup failed: {message}</source>
        <translation>백업 실패: {message}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>저장됨 {time}</translation>
    </message>
    <message>
        <source>The meeting&apos;s minutes in Markdown: a heading per talk (## Alice: Paper title (Venue 2025)), notes under it, - [ ] to-dos where they come up</source>
        <translation type="vanished">모임 기록을 Markdown으로: 발표마다 제목(## 민수님: 논문 제목 (학회 2025)), 그 아래 메모, 할 일은 나오는 자리에 - [ ]</translation>
    </message>
    <message>
        <source>No talk at the cursor</source>
        <translation type="vanished">커서 위치에 발표 없음</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation type="vanished">저장되지 않은 변경 사항</translation>
    </message>
    <message>
        <source>Some changes could not be saved ({reason}). Close anyway and lose them?</source>
        <translation type="vanished">일부 변경 사항을 저장하지 못했습니다 ({reason}). 그래도 닫고 변경 사항을 버릴까요?</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/main_actions.py" line="-111"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../src/studyapp/ui/main_window.py" line="-26"/>
        <source>Papers</source>
        <translation>논문</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../src/studyapp/ui/main_window.py" line="+1"/>
        <source>Assignments</source>
        <translation>읽기 과제</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Focus mode</source>
        <translation>집중 모드</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>G&amp;roup</source>
        <translation>그룹(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add paper…</source>
        <translation>논문 추가…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schedule and rotation…</source>
        <translation>일정과 발표 순서…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/session_actions.py" line="+94"/>
        <source>Moved to the trash (File → Trash… brings it back).</source>
        <translation>휴지통으로 옮겼습니다(파일 → 휴지통…에서 되살릴 수 있습니다).</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Schedule and rotation</source>
        <translation>일정과 발표 순서</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a group in the list (or open one of its sessions) first.</source>
        <translation>먼저 목록에서 그룹을 선택하거나 그 그룹의 세션을 여세요.</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/main_actions.py" line="-123"/>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/search_panel.py" line="+45"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search notes, papers and to-dos (Ctrl+Shift+F)</source>
        <translation>노트, 논문, 할 일 검색 (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/session_actions.py" line="-96"/>
        <source>Study group name:</source>
        <translation>스터디 그룹 이름:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Session {date}</source>
        <translation>{date} 세션</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/main_actions.py" line="+187"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used for windows opened from now on; restart studyapp to see it everywhere.</source>
        <translation>새 언어는 지금부터 여는 창에 적용됩니다. 모든 화면에 적용하려면 studyapp을 다시 시작하세요.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open database</source>
        <translation>데이터베이스 열기</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/search_panel.py" line="+31"/>
        <source>Nothing found for “{query}”</source>
        <translation>“{query}”에 대한 검색 결과 없음</translation>
    </message>
    <message>
        <location filename="../../src/studyapp/ui/main_actions.py" line="+62"/>
        <source>studyapp {version}
Study-group and journal-club sessions: live notes, presenters, papers, to-dos and Markdown minutes.</source>
        <translation>studyapp {version}
스터디 그룹·저널 클럽 세션 관리: 실시간 노트, 발표자, 논문, 할 일, Markdown 회의록.</translation>
    </message>
    <message>
        <location line="-274"/>
        <location filename="../../src/studyapp/ui/session_actions.py" line="-9"/>
        <location line="+16"/>
        <source>New session</source>
        <translation>새 세션</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Trash…</source>
        <translation>휴지통…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move to trash</source>
        <translation>휴지통으로 이동</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>History…</source>
        <translation>기록…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Quick switcher…</source>
        <translation>빠른 전환…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search…</source>
        <translation>검색…</translation>
    </message>
    <message>
        <source>Not saved: {reason} — retrying</source>
        <translation>저장 안 됨: {reason} — 다시 시도하는 중</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <location line="+122"/>
        <location line="+120"/>
        <source>About studyapp</source>
        <translation>studyapp 정보</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>Insert current time</source>
        <translation>현재 시각 넣기</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Find…</source>
        <translation>찾기…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace…</source>
        <translation>바꾸기…</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <location filename="../../src/studyapp/ui/editor/markdown_editor.py" line="+163"/>
        <source>Insert Current Time</source>
        <translation>현재 시각 넣기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insert the current time as HH:MM at the cursor</source>
        <translation>커서 위치에 현재 시각을 HH:MM 형식으로 넣습니다</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Find…</source>
        <translation>찾기…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace…</source>
        <translation>바꾸기…</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <location filename="../../src/studyapp/ui/meeting_editor.py" line="+53"/>
        <source>The meeting&apos;s minutes in Markdown: a heading per talk (## Alice: Paper title (Venue 2025)), notes under it, - [ ] to-dos where they come up</source>
        <translation>모임 기록을 Markdown으로: 발표마다 제목(## 민수님: 논문 제목 (학회 2025)), 그 아래 메모, 할 일은 나오는 자리에 - [ ]</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>No talk at the cursor</source>
        <translation>커서 위치에 발표 없음</translation>
    </message>
</context>
<context>
    <name>MemberBox</name>
    <message>
        <location filename="../../src/studyapp/ui/dialogs/member_box.py" line="+26"/>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Notes you write, to-dos you tick and talks you add are recorded under this name; written as a member of the group writes it, it is theirs.</source>
        <translation>내가 쓴 메모, 완료한 할 일, 추가한 발표가 이 이름으로 기록됩니다. 그룹 멤버의 이름과 같게 쓰면 그 멤버의 기록이 됩니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your &amp;name:</source>
        <translation>내 이름(&amp;N):</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No one named {name} in this database yet: recorded as typed.</source>
        <translation>이 데이터베이스에 아직 {name}(이)라는 사람이 없습니다. 입력한 그대로 기록됩니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded as {name}, member of {groups}.</source>
        <translation>{name}(으)로 기록됩니다. 소속: {groups}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded as {name}, named in the notes (in no group).</source>
        <translation>{name}(으)로 기록됩니다. 메모에만 나오는 사람입니다(그룹 없음).</translation>
    </message>
</context>
<context>
    <name>MembersEditor</name>
    <message>
        <location filename="../../src/studyapp/ui/papers/members_editor.py" line="-98"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>아래로</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../src/studyapp/ui/checklist_item_editor.py" line="-92"/>
        <source>No date</source>
        <translation>날짜 없음</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../src/studyapp/ui/outline_panel.py" line="+105"/>
        <source>Add talk</source>
        <translation>발표 추가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presenter and paper…</source>
        <translation>발표자와 논문…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Outline</source>
        <translation>개요</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Attendees: {names}</source>
        <translation>참석: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(absent: {names})</source>
        <translation>(불참: {names})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No attendance line yet (Attendees: A, B)</source>
        <translation>아직 참석 줄이 없음 (참석: A, B)</translation>
    </message>
</context>
<context>
    <name>PaperTableModel</name>
    <message>
        <location filename="../../src/studyapp/ui/models/paper_model.py" line="+65"/>
        <source>details pending…</source>
        <translation>세부 정보 대기 중…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authors</source>
        <translation>저자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Venue</source>
        <translation>게재처</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presented</source>
        <translation>발표 횟수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last presented</source>
        <translation>최근 발표</translation>
    </message>
</context>
<context>
    <name>PapersView</name>
    <message>
        <location filename="../../src/studyapp/ui/papers/papers_view.py" line="+78"/>
        <source>Filter by title, author, venue, year or tag</source>
        <translation>제목, 저자, 게재처, 연도, 태그로 거르기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add paper…</source>
        <translation>논문 추가…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Look up now</source>
        <translation>지금 조회</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open link</source>
        <translation>링크 열기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to trash</source>
        <translation>휴지통으로 이동</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+55"/>
        <source>Papers</source>
        <translation>논문</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Looking up details…</source>
        <translation>세부 정보 조회 중…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Details filled in: {count} papers</source>
        <translation>세부 정보를 채운 논문: {count}개</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for details: {count} papers (no answer yet)</source>
        <translation>세부 정보를 기다리는 논문: {count}개 (아직 응답 없음)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No paper selected</source>
        <translation>선택한 논문 없음</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>arXiv id</source>
        <translation>arXiv ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DOI</source>
        <translation>DOI</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Details pending: only its {known} is known so far. They are looked up when the network answers, and filled in without changing what you typed.</source>
        <translation>세부 정보 대기 중: 아직 {known}만 알고 있습니다. 네트워크가 응답하면 조회해서, 입력하신 내용은 바꾸지 않고 빈 항목만 채웁니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>arXiv {id}</source>
        <translation>arXiv {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOI {doi}</source>
        <translation>DOI {doi}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BibTeX key {key}</source>
        <translation>BibTeX 키 {key}</translation>
    </message>
</context>
<context>
    <name>PresentationEditor</name>
    <message>
        <source>Who presents; Enter to set</source>
        <translation type="vanished">발표자 (Enter로 지정)</translation>
    </message>
    <message>
        <source>Paper title, e.g. Tiny Teachers (CVPR 2024), or an arXiv id or DOI</source>
        <translation type="vanished">논문 제목 (예: Tiny Teachers (CVPR 2024)) 또는 arXiv id나 DOI</translation>
    </message>
    <message>
        <source>Notes on this presentation</source>
        <translation type="vanished">이 발표에 대한 노트</translation>
    </message>
    <message>
        <source>Questions and discussion (exported as quotes)</source>
        <translation type="vanished">질문과 토론 (인용문으로 내보냄)</translation>
    </message>
    <message>
        <source>&amp;Presenter:</source>
        <translation type="vanished">발표자(&amp;P):</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation type="vanished">논문(&amp;A):</translation>
    </message>
    <message>
        <source>Timer:</source>
        <translation type="vanished">타이머:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="vanished">노트</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation type="vanished">토론</translation>
    </message>
</context>
<context>
    <name>PresentationListModel</name>
    <message>
        <source>No presenter</source>
        <translation type="vanished">발표자 없음</translation>
    </message>
</context>
<context>
    <name>PresentationsPanel</name>
    <message>
        <source>Presentation slots</source>
        <translation type="vanished">발표 순서</translation>
    </message>
    <message>
        <source>&amp;Add Slot</source>
        <translation type="vanished">발표 추가(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove Slot</source>
        <translation type="vanished">발표 삭제(&amp;R)</translation>
    </message>
    <message>
        <source>Move Slot &amp;Up</source>
        <translation type="vanished">발표를 위로(&amp;U)</translation>
    </message>
    <message>
        <source>Move Slot &amp;Down</source>
        <translation type="vanished">발표를 아래로(&amp;D)</translation>
    </message>
    <message>
        <source>Add slot</source>
        <translation type="vanished">발표 추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="vanished">삭제</translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="vanished">위로</translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="vanished">아래로</translation>
    </message>
    <message>
        <source>Presentations</source>
        <translation type="vanished">발표</translation>
    </message>
    <message>
        <source>Remove Slot</source>
        <translation type="vanished">발표 삭제</translation>
    </message>
    <message>
        <source>Remove “{slot}”?</source>
        <translation type="vanished">“{slot}” 발표를 삭제할까요?</translation>
    </message>
    <message>
        <source>Its notes and discussion are kept as a revision of the session, so nothing typed is lost.</source>
        <translation type="vanished">노트와 토론 내용은 세션의 이전 버전으로 보관되므로 입력한 내용은 사라지지 않습니다.</translation>
    </message>
    <message>
        <source>No session is selected.</source>
        <translation type="vanished">선택한 세션이 없습니다.</translation>
    </message>
    <message>
        <source>No presentations yet. Add a slot with {keys}.</source>
        <translation type="vanished">아직 발표가 없습니다. {keys}로 발표를 추가하세요.</translation>
    </message>
    <message>
        <source>Select a slot to edit it.</source>
        <translation type="vanished">편집할 발표를 선택하세요.</translation>
    </message>
</context>
<context>
    <name>PreviewBrowser</name>
    <message>
        <location filename="../../src/studyapp/ui/preview.py" line="+210"/>
        <source>Rendering…</source>
        <translation>미리 보기를 만드는 중…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This note takes too long to show here; the Session tab has it as written.</source>
        <translation>이 노트는 여기에 보여 주기에 너무 오래 걸립니다. 세션 탭에서 쓴 그대로 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This note cannot be shown here ({reason}); the Session tab has it as written.</source>
        <translation>이 노트는 여기에 보여 줄 수 없습니다({reason}). 세션 탭에서 쓴 그대로 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>PreviewRenderer</name>
    <message>
        <location line="-107"/>
        <location line="+14"/>
        <source>the renderer stopped</source>
        <translation>렌더러가 멈춤</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the renderer could not start</source>
        <translation>렌더러를 시작할 수 없음</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <location filename="../../src/studyapp/ui/quick_switcher.py" line="+194"/>
        <source>Go to session</source>
        <translation>세션으로 이동</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go to a session: title, group, ㄹㄷ, 0310…</source>
        <translation>세션으로 이동: 제목, 그룹, ㄹㄷ, 0310…</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>↑↓ move · Enter opens · Esc closes</source>
        <translation>↑↓ 이동 · Enter 열기 · Esc 닫기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There are no sessions yet.</source>
        <translation>아직 세션이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No session matches “{query}”.</source>
        <translation>“{query}”에 맞는 세션이 없습니다.</translation>
    </message>
</context>
<context>
    <name>SaveStatus</name>
    <message>
        <location filename="../../src/studyapp/ui/save_status.py" line="+34"/>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {time}</source>
        <translation>저장됨 {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved</source>
        <translation>저장 안 됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: {reason} — retrying. Your text is safe in the window.</source>
        <translation>저장 안 됨: {reason} — 다시 시도하는 중입니다. 입력한 내용은 창에 안전하게 남아 있습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{words} words · {characters} characters</source>
        <translation>{words}단어 · {characters}자</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Changes not saved</source>
        <translation>저장되지 않은 변경 사항</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some changes could not be saved ({reason}). Close anyway and lose them?</source>
        <translation>일부 변경 사항을 저장하지 못했습니다 ({reason}). 그래도 닫고 변경 사항을 버릴까요?</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../src/studyapp/ui/papers/schedule_dialog.py" line="+68"/>
        <source>Schedule of {group}</source>
        <translation>{group} 일정</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Weekly</source>
        <translation>매주</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every two weeks</source>
        <translation>격주</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nth weekday of the month</source>
        <translation>매월 N번째 요일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advanced (RRULE)</source>
        <translation>고급 (RRULE)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First</source>
        <translation>첫째</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second</source>
        <translation>둘째</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third</source>
        <translation>셋째</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fourth</source>
        <translation>넷째</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last</source>
        <translation>마지막</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Meetings</source>
        <translation>모임</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Repeat:</source>
        <translation>반복(&amp;R):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On:</source>
        <translation>요일:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;At:</source>
        <translation>시각(&amp;A):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ad&amp;vanced (RRULE):</source>
        <translation>고급 RRULE(&amp;V):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time &amp;zone:</source>
        <translation>시간대(&amp;Z):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skip date</source>
        <translation>날짜 건너뛰기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skipped dates</source>
        <translation>건너뛸 날짜</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next meetings and presenters</source>
        <translation>다음 모임과 발표자</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Members in rotation order</source>
        <translation>멤버 발표 순서</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Absent (tick who misses a meeting)</source>
        <translation>불참 (모임에 빠지는 사람에 체크)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create planned sessions for the next 4 weeks</source>
        <translation>앞으로 4주간 예정 세션 만들기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>No meetings ahead.</source>
        <translation>예정된 모임이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no presenter)</source>
        <translation>(발표자 없음)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{date} {time} — {names}</source>
        <translation>{date} {time} — {names}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Schedule saved.</source>
        <translation>일정을 저장했습니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Created {count} planned sessions.</source>
        <translation>예정 세션 {count}개를 만들었습니다.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../src/studyapp/ui/search_panel.py" line="+47"/>
        <source>title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attendance</source>
        <translation>참석</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paper</source>
        <translation>논문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>presenter</source>
        <translation>발표자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to-do</source>
        <translation>할 일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>front matter</source>
        <translation>머리말</translation>
    </message>
</context>
<context>
    <name>ServerTrouble</name>
    <message>
        <location filename="../../src/studyapp/ui/server_trouble.py" line="+131"/>
        <source>Kept on this computer</source>
        <translation>이 컴퓨터에 보관됨</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server {server} cannot be reached ({reason}). Keep typing: your text is kept on this computer and saved when the server is back.</source>
        <translation>서버 {server}에 연결할 수 없습니다 ({reason}). 계속 입력하세요: 입력한 내용은 이 컴퓨터에 보관되었다가 서버가 돌아오면 저장됩니다.</translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message>
        <location filename="../../src/studyapp/ui/session_header.py" line="+83"/>
        <source>Session title</source>
        <translation>세션 제목</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>at</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time zone: a name like Asia/Seoul or an offset like +09:00</source>
        <translation>시간대: Asia/Seoul 같은 이름이나 +09:00 같은 시차</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>review, distillation</source>
        <translation>리뷰, 증류</translation>
    </message>
    <message>
        <source>Alice, 민수님, …</source>
        <translation type="vanished">Alice, 민수님, …</translation>
    </message>
    <message>
        <source>who could not come</source>
        <translation type="vanished">참석하지 못한 사람</translation>
    </message>
    <message>
        <source>When</source>
        <translation type="vanished">일시</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="vanished">종류</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="vanished">태그</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation type="vanished">참석자</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="vanished">불참</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags, separated by commas</source>
        <translation>태그, 쉼표로 구분</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Paper review</source>
        <translation>논문 리뷰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentoring</source>
        <translation>멘토링</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lecture</source>
        <translation>강의</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer session</source>
        <translation>피어 세션</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conference</source>
        <translation>학회</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Planned</source>
        <translation>예정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held</source>
        <translation>진행됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>SessionSidebar</name>
    <message>
        <location filename="../../src/studyapp/ui/sidebar.py" line="+34"/>
        <source>Show the sessions of one group</source>
        <translation>한 그룹의 세션만 보기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter sessions by title</source>
        <translation>제목으로 세션 거르기</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There are no sessions yet.</source>
        <translation>아직 세션이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load demo study group</source>
        <translation>예제 스터디 그룹 불러오기</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>All groups</source>
        <translation>모든 그룹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/studyapp/ui/dialogs/settings_dialog.py" line="+93"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Database</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open another…</source>
        <translation>다른 파일 열기…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create new…</source>
        <translation>새로 만들기…</translation>
    </message>
    <message>
        <source>You</source>
        <translation type="vanished">나</translation>
    </message>
    <message>
        <source>Notes you write, to-dos you tick and talks you add are recorded under this name; written as a member of the group writes it, it is theirs.</source>
        <translation type="vanished">내가 쓴 메모, 완료한 할 일, 추가한 발표가 이 이름으로 기록됩니다. 그룹 멤버의 이름과 같게 쓰면 그 멤버의 기록이 됩니다.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="vanished">내 이름(&amp;N):</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask every time</source>
        <translation>매번 묻기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Jekyll</source>
        <translation>Jekyll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Obsidian</source>
        <translation>Obsidian</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Folder:</source>
        <translation>폴더(&amp;F):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>F&amp;lavor:</source>
        <translation>형식(&amp;L):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Appearance</source>
        <translation>모양</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use the default font</source>
        <translation>기본 글꼴 사용</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> pt</source>
        <translation>pt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Theme:</source>
        <translation>테마(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes &amp;font:</source>
        <translation>노트 글꼴(&amp;F):</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The default database</source>
        <translation>기본 데이터베이스</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The window reopens with this database when you press OK.</source>
        <translation>확인을 누르면 이 데이터베이스로 창을 다시 엽니다.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite 데이터베이스 (*.sqlite3 *.sqlite *.db);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a database</source>
        <translation>데이터베이스 열기</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Create a database</source>
        <translation>데이터베이스 만들기</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name} already exists; it will be opened, not replaced.</source>
        <translation>{name} 파일이 이미 있습니다. 덮어쓰지 않고 그대로 엽니다.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose the export folder</source>
        <translation>내보낼 폴더 선택</translation>
    </message>
</context>
<context>
    <name>SlotTimer</name>
    <message>
        <location filename="../../src/studyapp/ui/slot_timer.py" line="+48"/>
        <location line="+127"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Start or pause the slot&apos;s stopwatch</source>
        <translation>발표 시간 스톱워치를 시작하거나 멈춥니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The slot&apos;s time box</source>
        <translation>발표에 배정된 시간</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time box:</source>
        <translation>배정 시간:</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{elapsed} / {timebox}</source>
        <translation>{elapsed} / {timebox}</translation>
    </message>
</context>
<context>
    <name>TalkDialog</name>
    <message>
        <location filename="../../src/studyapp/ui/outline_panel.py" line="-137"/>
        <source>Talk</source>
        <translation>발표</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>동훈님, Alice, …</source>
        <translation>동훈님, Alice, …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title (Venue 2025) or an arXiv link</source>
        <translation>제목 (학회 2025) 또는 arXiv 링크</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Presenter</source>
        <translation>발표자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper</source>
        <translation>논문</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../src/studyapp/ui/trash_dialog.py" line="+52"/>
        <source>Trash</source>
        <translation>휴지통</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deleted sessions and papers wait here for {days} days before they are removed for good. A restored session comes back with its presentations, to-dos and assignments.</source>
        <translation>삭제한 세션과 논문은 {days}일 동안 이곳에 보관된 뒤 완전히 지워집니다. 복원한 세션은 발표, 할 일, 읽기 과제와 함께 돌아옵니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deleted</source>
        <translation>삭제한 날</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The trash is empty.</source>
        <translation>휴지통이 비어 있습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Restore</source>
        <translation>복원(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Empty trash…</source>
        <translation>휴지통 비우기(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Session</source>
        <translation>세션</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paper</source>
        <translation>논문</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Empty trash</source>
        <translation>휴지통 비우기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the {count} items in the trash for good? This cannot be undone.</source>
        <translation>휴지통의 항목 {count}개를 완전히 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/studyapp/app.py" line="+226"/>
        <source>Password for {user} on {host}:</source>
        <translation>{host}의 {user} 비밀번호:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer has no keyring to keep the password in.
Password for {user} on {host}:</source>
        <translation>이 컴퓨터에는 비밀번호를 보관할 키링이 없습니다.
{host}의 {user} 비밀번호:</translation>
    </message>
    <message>
        <location line="-117"/>
        <location line="+36"/>
        <location line="+127"/>
        <source>studyapp</source>
        <translation>studyapp</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>The group&apos;s server {server} cannot be reached:
{reason}</source>
        <translation>그룹 서버 {server}에 연결할 수 없습니다:
{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the local database</source>
        <translation>로컬 데이터베이스 열기</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>The database cannot be opened:
{reason}</source>
        <translation>데이터베이스를 열 수 없습니다:
{reason}</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <location filename="../../src/studyapp/ui/recovery.py" line="+29"/>
        <source>The database is empty, but a backup of it holds {count} sessions: nothing is saved until it is restored.</source>
        <translation>데이터베이스가 비어 있지만 백업에는 세션 {count}개가 있습니다. 백업을 복원하기 전까지는 아무것도 저장되지 않습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database is damaged ({reason}): you can read what is left, but changes are not saved.</source>
        <translation>데이터베이스가 손상되었습니다({reason}). 남은 내용은 읽을 수 있지만 변경 사항은 저장되지 않습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+17"/>
        <source>studyapp</source>
        <translation>studyapp</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>{reason}

Restore the backup from {time}?
It holds {count} sessions. The damaged file is kept beside it.</source>
        <translation>{reason}

{time}의 백업을 복원할까요?
백업에는 세션 {count}개가 있습니다. 손상된 파일은 옆에 보관됩니다.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The database cannot be opened:
{reason}</source>
        <translation>데이터베이스를 열 수 없습니다:
{reason}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Restore the backup from {time}…</source>
        <translation>{time} 백업 복원…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The database is read-only: you can read your notes, but changes are not saved.</source>
        <translation>데이터베이스가 읽기 전용입니다. 노트를 읽을 수는 있지만 변경 사항은 저장되지 않습니다.</translation>
    </message>
</context>
</TS>
