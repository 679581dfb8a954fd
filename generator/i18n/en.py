"""English (en): every message, label and form text, by key.

The keys are the same in every language (tests/test_i18n.py checks it); the lookup is in ``generator.i18n``.
"""

MESSAGES: dict[str, str] = {
    # Files and YAML
    "file_unreadable": "cannot read the file: {reason}",
    "file_too_large": "the file is too large ({size_kb} KB); a record file may be at most {limit_kb} KB",
    "file_not_utf8": "the file is not UTF-8 (probably saved as GBK/ANSI by a Windows editor). Open it and save it again with the encoding UTF-8",
    "file_utf16": "the file is UTF-16. Open it and save it again with the encoding UTF-8",
    "yaml_syntax": "YAML syntax error: {problem}",
    "yaml_tab": "a tab is used for indentation; indent with spaces",
    "yaml_colon": "a colon is not allowed here; if the value contains a colon, put the whole value in quotes",
    "yaml_missing_colon": "a ':' is missing, or the indentation is inconsistent",
    "yaml_unclosed_quote": "the file ends unexpectedly; a quote or bracket may be left open",
    "yaml_indent": "inconsistent indentation; check how this line lines up with the one above",
    "yaml_multi_doc": "a file holds one record only (do not use ---)",
    "yaml_alias": "YAML anchors and aliases (& and *) are not supported; write the value out",
    "yaml_too_deep": "nested too deeply (more than {limit} levels)",
    "yaml_complex_key": "a field name must be plain text",
    "yaml_duplicate_key": "the field '{key}' appears twice",
    "not_a_mapping": "a record file must consist of 'field: value' lines",
    "empty_file": "the file is empty",
    # Schema
    "missing": "required field missing",
    "unknown_field": "unknown field '{name}'",
    "did_you_mean": "; did you mean '{suggestion}'?",
    "allowed_fields": " (allowed fields: {fields})",
    "expected_text": "expected text, got {got}",
    "expected_list": "expected a list (each item starting with '- '), got {got}",
    "expected_mapping": "expected 'field: value' entries, got {got}",
    "got_text": "the text '{value}'",
    "got_list": "a list",
    "got_mapping": "'field: value' entries",
    "got_nothing": "nothing",
    "bad_date": "a date must be written YYYY-MM-DD (e.g. 2025-03-07), got '{value}'",
    "bad_date_value": "there is no such date as '{value}'",
    "bad_time": "a time must be written HH:MM (e.g. 14:30), got '{value}'",
    "bad_count": "expected a whole number of 0 or more, got '{value}'",
    "bad_count_range": "expected a number from {low} to {high}, got {value}",
    "bad_number": "expected a number, got '{value}'",
    "bad_money": "an amount must be a number with at most two decimals (e.g. 1200 or 35.50), without currency sign or thousands separators, got '{value}'",
    "money_decimals": "an amount has at most two decimals, got '{value}'",
    "money_negative": "an amount cannot be negative, got '{value}'",
    "bad_choice": "'{value}' is not allowed; expected one of: {allowed}",
    "bad_id": "the id '{value}' may hold only letters, digits, '-', '_' and '.', and may not start with '.'",
    "bad_value": "invalid value: {detail}",
    "control_character": "character {position} is an invisible control character ({code}), probably pasted from Word or WeChat; delete it",
    "empty_text": "must not be empty",
    "type_mismatch": "the record type '{value}' does not match its section '{section}'",
    # Cross-record
    "duplicate_id": "the id '{id}' is used twice; the other record is {other}",
    "missing_reference": "the referenced {kind} '{id}' does not exist",
    "wrong_reference": "'{id}' is a {actual}, not a {kind}",
    "missing_attachment": "the attachment '{file}' does not exist (attachments go under content/attachments/)",
    "attachment_outside": "the attachment path '{file}' points outside content/attachments/",
    "attachment_too_large": "the attachment '{file}' is {size_mb} MB, over the {limit_mb} MB limit; compress it before publishing",
    "unknown_section": "unknown section folder '{name}'; expected one of: {allowed}",
    "not_in_year_folder": "a record belongs in a year folder, e.g. {expected}",
    "year_folder_mismatch": "the record is dated {year} but sits in the folder '{folder}'",
    "no_content": "the records folder {path} does not exist",
    "no_branch": "content/branch.yml (the branch's description) is missing",
    # Rules a higher-level committee checks
    "rule_closing_balance": "the closing balance {closing} does not add up: opening {opening} + income {income} − expenses {expenses} = {expected}",
    "rule_opening_balance": "the opening balance {opening} should equal the previous period's ({previous}) closing balance {closing}",
    "rule_decision_not_adopted": "the approving decision '{id}' was not adopted (result: {result})",
    "rule_grades_exceed": "the grade counts add up to {total}, more than the {members} members appraised",
    "rule_excellent_cap": "{count} graded excellent, more than {share} of the {members} members (at most {limit})",
    "rule_vote_exceeds": "{cast} votes were cast, more than the {present} present at the meeting '{meeting}'",
    "rule_no_majority": "{votes} votes for is not more than half of the {present} present; the decision cannot be adopted",
    "rule_quorum": "the meeting '{meeting}' had {present} of {eligible} present, not more than {share}: too few to decide",
    "rule_notice_order": "the notice ends ({end}) before it starts ({start})",
    "rule_notice_short": "the notice runs {days} working days, fewer than the required {required}",
    "rule_term_ended": "the committee's term ended on {end} and no election is recorded",
    "pii_id_number": "contains a resident ID number, which must not be published; remove or mask it",
    "pii_mobile": "contains a mobile phone number; remove or mask it, or list this field under numbers_ok if it is meant to be published",
    "pii_bank_card": "contains a bank card number, which must not be published; remove or mask it",
    "previous_unreadable": "cannot read the last build's record index: {reason}",
    "previous_id_gone": "the record '{id}' ({url}) published by the last build is gone and its address will break; if the file was only renamed, add id: {id} to it",
    # Config
    "config_missing": "the configuration file {path} does not exist",
    # Command output
    "check_ok": "check passed: {total} records",
    "check_counts_line": "  {label}: {count}",
    "problems_found": "{errors} error(s), {warnings} warning(s)",
    "warning_word": "warning",
    "new_no_kind": "this record type has no kind; drop --kind",
    "schema_written": "wrote {count} JSON Schemas to {path}",
    "audience_label_public": "public site",
    "audience_label_members": "members' site",
    "build_summary": "{audience}: {records} records, {pages} pages ({counts})",
    "progress_loading": "loading and checking records…",
    "progress_compiling": "{audience}: compiling pages…",
    "progress_rendering": "{audience}: rendering {done}/{total} pages",
    "progress_rendered": "{audience}: {total} pages rendered",
    "build_reuse": "  {audience}: {rendered} pages rendered, {reused} unchanged pages reused",
    "build_timings": "time per stage: {timings}",
    "timing_inputs": "compare inputs",
    "timing_check": "load + check",
    "timing_compile": "compile {audience}",
    "timing_render": "render {audience}",
    "timing_search": "search index {audience}",
    "progress_indexing": "{audience}: indexing for search…",
    "build_done": "built {path} in {seconds:.1f} s",
    "build_failed": "the build failed; the previous site is left untouched",
    "engine_failed": "{engine} failed: {detail}",
    "engine_missing": "--engine {engine}: {name} is not installed. Install it with pip install 'openbranch[{engine}]' and try again",
    "search_failed": "Building the search index (Pagefind) failed: {detail}",
    # openbranch init (generator/scaffold/) and placeholders (generator/records/placeholders.py)
    "placeholder_left": "not filled in yet: {what} (replace the '【fill in: …】' with the real value)",
    "init_not_empty": "the folder {path} is not empty. To write into it anyway, add --force (files of the same name are overwritten, others are left alone)",
    "init_not_folder": "{path} is not a folder",
    "init_written": "wrote a branch site repository in {path} ({count} files)",
    "init_overwritten": "overwrote these {count} existing files:",
    "init_next_steps": "Next:\n  1. Replace each '【fill in: …】' in content/branch.yml (openbranch check lists every one)\n  2. Read README.md: add a record, check, preview, publish\n  3. Commit and push with git; CI checks the records, builds and publishes the sites",
    "list_separator": ", ",
    "new_title": "New {type}",
    "timing_seconds": "{label} {seconds:.1f} s",
}

LABELS: dict[str, str] = {
    # Site and navigation
    "home": "Home",
    "audience_public": "Public disclosure",
    "audience_members": "Within the party (members only)",
    "audience_public_note": "This site is open to the public",
    "audience_members_note": "This site is for the branch's members only; do not pass it on",
    "section_meetings": "Meetings",
    "section_decisions": "Decisions",
    "section_finances": "Finances",
    "section_appraisals": "Appraisals",
    "section_notices": "Notices",
    "tags": "Tags",
    "tag_title": "Tag: {tag}",
    "all_tags": "All tags",
    "by_year": "By year",
    "by_kind": "By kind",
    "year_heading": "{year}",
    "no_records": "No records yet",
    "count_records": "{count} records",
    "records_range": "{first}–{last} of {total} records",
    "page_number": "page {number}",
    "pages": "Pages",
    "previous_page": "Previous",
    "next_page": "Next",
    "newest_records": "Newest {count}",
    # Home
    "branch": "The branch",
    "parent_org": "Parent organization",
    "committee": "Branch committee",
    "term": "Term",
    "groups": "Party groups",
    "members_count": "Members",
    "contact": "Contact",
    "open_notices": "Open notices",
    "no_open_notices": "No notice is open now",
    "latest": "Latest disclosures",
    "upcoming": "Upcoming meetings",
    "no_upcoming": "No meeting scheduled",
    "year_figures": "Key figures {year}",
    "meetings_held": "Meetings held",
    "decisions_made": "Decisions",
    "dues_rate": "Dues collection rate",
    "balance": "Funds balance",
    "as_of": "as of {what}",
    # Common record fields
    "date": "Date",
    "date_long": "{day} {month_name} {year}",
    "title": "Title",
    "kind": "Kind",
    "visibility_public": "Public",
    "visibility_members": "Within the party",
    "tags_label": "Tags",
    "attachments": "Attachments",
    "size": "Size",
    "sha256": "SHA-256",
    "approval": "Disclosure approval",
    "proposed_by": "Proposed by",
    "reviewed_by": "Confidentiality review",
    "approved_by": "Approved by",
    "approved_on": "Approved on",
    "corrections": "Corrections",
    "reason": "Why",
    "first_published": "First published",
    "last_changed": "Last changed",
    "details": "Details",
    "content": "Text",
    # Meetings
    "time": "Time",
    "location": "Place",
    "chair": "Chair",
    "recorder": "Recorder",
    "group": "Party group",
    "attendance": "Attendance",
    "present": "Present",
    "absent": "Absent",
    "attendance_rate": "Attendance rate",
    "attendees": "Present",
    "absentees": "Absent",
    "guests": "Guests",
    "persons": "{count}",
    "agenda": "Agenda",
    "minutes": "Minutes",
    "speaker": "Speaker",
    "topic": "Topic",
    "topics": "Criticism and self-criticism topics",
    "rectification": "Rectification items",
    "item": "Item",
    "owner": "Owner",
    "due": "Due",
    "status": "Status",
    "decisions_taken": "Decisions taken",
    "scheduled": "Scheduled",
    # Decisions
    "meeting": "Decided at",
    "category": "Category",
    "background": "Background",
    "consultation": "Consultation",
    "method": "Method",
    "period": "Period",
    "participants": "Participants",
    "opinions": "Opinions received",
    "summary": "Summary",
    "vote": "Vote",
    "vote_for": "For",
    "vote_against": "Against",
    "vote_abstain": "Abstain",
    "result": "Result",
    "follow_up": "Follow-up",
    "action": "Action",
    "funded_by": "Expenses it approved",
    # Finances
    "dues_ledger": "Dues",
    "month": "Month",
    "month_n": "{name}",
    "members": "Members",
    "due_amount": "Due (yuan)",
    "paid_amount": "Paid (yuan)",
    "collection_rate": "Collection rate",
    "total": "Total",
    "opening_balance": "Opening balance",
    "closing_balance": "Closing balance",
    "income": "Income",
    "expenses": "Expenses",
    "source": "Source",
    "amount": "Amount (yuan)",
    "expense_item": "Item",
    "expense_category": "Category",
    "approver": "Approved by",
    "approving_decision": "Approving decision",
    "receipts": "Receipts",
    "by_category": "Expenses by category",
    "summary_table": "Summary",
    "audit": "Audit",
    "auditor": "Auditor",
    "finding": "Finding",
    # Appraisals
    "members_appraised": "Members appraised",
    "steps": "Procedure",
    "results": "Results",
    "grade": "Grade",
    "count": "Count",
    "share": "Share",
    "excellent_members": "Outstanding members",
    "rating": "Branch rating",
    "indicators": "Indicators",
    "indicator": "Indicator",
    "target": "Target",
    "actual": "Achieved",
    "unit": "Unit",
    "met": "Met",
    "not_met": "Not met",
    "measures": "Rectification measures",
    # Notices
    "notice_period": "Publicity period",
    "notice_open": "Open, {days} day(s) left",
    "notice_closed": "Closed",
    "notice_upcoming": "Not yet open",
    "stage": "Stage",
    "subjects": "Subjects",
    "name": "Name",
    "detail": "Details",
    "objections": "Where to raise objections",
    "objections_note": "During the publicity period, objections may be raised here:",
    "until": "until {date}",
    "date_range": "{start} to {end}",
    # Reports
    "year": "Year",
    "regularity": "Regularity of meetings",
    "regularity_short": "Regularity",
    "regularity_note_public": "This page counts only meetings disclosed to the public; meetings within the party are counted on the members' site.",
    "regularity_rate": "Rate",
    "required": "Required",
    "per_month": "{count} a month",
    "per_quarter": "{count} a quarter",
    "per_year": "{count} a year",
    "cell_held": "held",
    "cell_missed": "missed",
    "cell_partial": "too few",
    "cell_upcoming": "to come",
    "cell_norecords": "before the records",
    "quarter_n": "Q{name}",
    "month_short": "{n}",
    "whole_year": "Year",
    "overdue": "overdue",
    "all_rectification": "Rectification items",
    "meeting_of_item": "Meeting",
    "count_meetings": "Meetings",
    "count_people": "People",
    "yuan_unit": "yuan",
    "meetings_chart": "Meetings held per kind",
    "funds_overview": "Funds by year",
    "funds_chart": "Income and spending per period",
    "dues_chart": "Dues collected per month, {year}",
    "per_member": "Funding per member",
    "norm": "Norm",
    "norm_per_member": "at least {amount} yuan per member per year",
    "meets_norm": "meets the norm",
    "below_norm": "below the norm",
    "ledgers": "Ledgers",
    "grades_chart": "Grade distribution",
    "grade_history": "Appraisal results across years",
    "ratings": "Branch ratings",
    "chart_table": "Chart data",
    "open_data": "Open data",
    "open_data_intro": "Every record on this site is also available as data to download, subscribe to and check. The files hold only the records this site's readers may see.",
    "subscribe": "Subscribe",
    "feed_all": "All disclosures (Atom)",
    "feed_section": "{section} (Atom)",
    "feed_calendar": "Meeting calendar (iCalendar)",
    # Feeds and the calendar
    "feed_title_all": "All disclosures",
    "calendar_name": "Meetings",
    "feed_corrected": "[Corrected] ",
    "feed_correction": "Correction ({date}): {change}",
    "feed_correction_reason": "; Reason: {reason}",
    "calendar_agenda": "Agenda:",
    "calendar_chair": "Chair: {name}",
    "calendar_speaker": "Speaker: {name}",
    "calendar_topic": "Topic: {topic}",
    "files": "Data files",
    "description": "Description",
    "columns": "Columns",
    "board": "Print board",
    "board_title": "Party affairs disclosure, {quarter} {year}",
    "board_intro": "Each page below prints for the disclosure board (A4 or A3); scan a QR code to read the full record on a phone.",
    "board_items": "{count} disclosures",
    "board_scan": "Scan for the full record",
    "board_print": "Print this page",
    # Open data: what each published file is, and its columns
    "data_file_record_json": "Every field of one record as JSON, beside its page <section>/<yyyy>/<id>/; the fields are those of its type's JSON Schema. Money is a string with two decimals (yuan); dates are ISO dates.",
    "data_column_record_json_id": "The record's permanent id",
    "data_column_record_json_type": "Record type: meeting, decision, finance, appraisal, notice",
    "data_column_record_json_url": "The address of the record's page",
    "data_column_record_json_more": "The other fields are those of the type's JSON Schema (data/schemas/<type>.schema.json)",
    "data_file_records_index": "An index of all records, newest first (same date: by id).",
    "data_column_records_index_id": "The record's permanent id",
    "data_column_records_index_type": "Record type",
    "data_column_records_index_kind": "Kind within the type (e.g. the meeting kind), or null",
    "data_column_records_index_title": "Title",
    "data_column_records_index_date": "Date",
    "data_column_records_index_updated": "Date of the latest correction, else the record's date",
    "data_column_records_index_visibility": "Disclosure scope: public or members",
    "data_column_records_index_url": "The address of the record's page",
    "data_column_records_index_json_url": "The address of the record's JSON file",
    "data_file_funds_csv": "Funds ledger lines: one row per income or expense of every funds ledger (UTF-8 with BOM, opens in Excel).",
    "data_column_funds_csv_ledger_id": "Id of the ledger record",
    "data_column_funds_csv_period": "Accounting period",
    "data_column_funds_csv_date": "Date",
    "data_column_funds_csv_direction": "income or expense",
    "data_column_funds_csv_item": "Source of the income, or the item paid for",
    "data_column_funds_csv_category": "Expense category",
    "data_column_funds_csv_amount": "Amount (yuan, two decimals)",
    "data_column_funds_csv_approved_by": "Who approved the expense",
    "data_column_funds_csv_decision": "Id of the decision that approved the expense",
    "data_file_ledgers_csv": "Funds ledger totals: one row per period; opening balance + income − expenses = closing balance.",
    "data_column_ledgers_csv_ledger_id": "Id of the ledger record",
    "data_column_ledgers_csv_period": "Accounting period",
    "data_column_ledgers_csv_period_start": "First day of the period",
    "data_column_ledgers_csv_period_end": "Last day of the period",
    "data_column_ledgers_csv_opening_balance": "Opening balance (yuan)",
    "data_column_ledgers_csv_income_total": "Total income (yuan)",
    "data_column_ledgers_csv_expense_total": "Total expenses (yuan)",
    "data_column_ledgers_csv_closing_balance": "Closing balance (yuan)",
    "data_file_dues_csv": "Party dues: one row per month of every dues ledger.",
    "data_column_dues_csv_ledger_id": "Id of the dues record",
    "data_column_dues_csv_year": "Year",
    "data_column_dues_csv_month": "Month",
    "data_column_dues_csv_members": "Members liable to pay",
    "data_column_dues_csv_due": "Amount due (yuan)",
    "data_column_dues_csv_paid": "Amount paid (yuan)",
    "data_file_record_schemas": "The JSON Schema of each record type (meeting, decision, finance, appraisal, notice, branch), for editors to complete and check fields.",
    "data_file_index_schema": "The JSON Schema of the record index data/records.json.",
    "data_file_feed_all": "Atom feed of new and corrected disclosures (latest 50).",
    "data_file_feed_sections": "Atom feed of one section (meetings, decisions, finances, appraisals, notices).",
    "data_file_calendar": "Meetings calendar (iCalendar): past and upcoming meetings with place, agenda and a link to the record, to subscribe to in a calendar app.",
}

# Month and quarter names, 1 to 12 and 1 to 4 (dates, dues months, boards).
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
QUARTER_NAMES = ["1", "2", "3", "4"]

# The forms `openbranch new` writes: YAML with comments in this language and example values the worker replaces.
# {title}, {date}, {year} and {kind} are filled in; so are the enumeration words ({visibility[public]}, {choices[visibility]}).
FORMS: dict[str, str] = {
    "meeting": """title: {title}
date: {date}
kind: {kind}
visibility: {visibility[public]}     # {choices[visibility]}
start_time: "14:30"
end_time: "16:00"
location: Branch activity room
chair: Name of the chair
recorder: Name of the recorder
attendees:
  - Name
absent:                # reasons are shown on the members' site only
  - name: Name
    reason: business trip
agenda:
  - First item
body: |
  ## Minutes

  Write the minutes here.
""",
    "decision": """title: {title}
date: {date}
visibility: {visibility[public]}
meeting: id-of-the-meeting      # the meeting record's file name without .yml
category: major matter
background: Background
consultation:
  method: How members' opinions were solicited
  start: {date}
  end: {date}
  participants: 0
  opinions: 0
vote:
  for: 0
  against: 0
  abstain: 0
result: {decision_result[adopted]}         # {choices[decision_result]}
follow_up: []
body: |
  The decision.
""",
    "finance_dues": """title: {title}
date: {date}
kind: {finance_kind[dues]}
visibility: {visibility[members]}
year: {year}
months:
  - month: 1
    members: 0
    due: 0.00
    paid: 0.00
""",
    "finance_funds": """title: {title}
date: {date}
kind: {finance_kind[funds]}
visibility: {visibility[public]}
period: {year} Q1
period_start: {year}-01-01
period_end: {year}-03-31
opening_balance: 0.00
income:
  - date: {date}
    source: Allocation from the higher committee
    amount: 0.00
expenses:
  - date: {date}
    item: What was paid for
    category: study
    amount: 0.00
    approved_by: Approver
    decision: id-of-the-approving-decision
    receipts: []
closing_balance: 0.00
""",
    "appraisal": """title: {title}
date: {date}
kind: {kind}
visibility: {visibility[public]}
period: {year}
members: 0
steps:
  - name: Self-study
    date: {date}
results:
  {grade[excellent]}: 0
  {grade[qualified]}: 0
  {grade[basically_qualified]}: 0
  {grade[unqualified]}: 0
excellent_members: []
""",
    "notice": """title: {title}
date: {date}
kind: {kind}
visibility: {visibility[public]}
stage: Admission as probationary member
start: {date}
end: {date}
contact: Where objections go (phone, address)
subjects:
  - name: Name
    detail: Details
body: |
  The notice.
""",
}
