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
    # Working days, holidays, rectification items, field titles
    "rule_notice_short_estimated": "counted Monday to Friday, the notice runs {days} working days, fewer than the required {required}",
    "rule_holidays_unknown": "no holiday data for {year}: add the days off and make-up workdays of {year} under holidays: in site_config.yml (until then working days are counted Monday to Friday: about {days} in this notice's period)",
    "rule_item_done_without_date": "marked done but has no done_on date",
    "rule_item_done_on_not_done": "has a done_on date ({date}) but its status is '{status}'; set the status of a finished item to done",
    "rule_dated_before_record": "{date} is before the {kind}'s date {start}",
    "rule_dated_after_today": "{date} is after today ({today})",
    "rule_progress_order": "progress dated {date} comes after an entry dated {previous}; list progress in date order",
    "bad_year": "a year must be four digits, such as 2027, got '{value}'",
    "bad_day_span": "the span '{value}' ends before it starts",
    "holiday_wrong_year": "'{value}' is not in {year}",
    "holiday_workday_weekday": "{date} is not a Saturday or Sunday: a make-up workday is always a weekend day",
    "holiday_listed_twice": "{date} is listed both as a day off and as a make-up workday",
    "did_you_mean_titled": "; did you mean '{suggestion}' ({title})?",
    # The disclosure catalogue (generator/figures/catalogue.py, rules.check_catalogue)
    "rule_catalogue_late": "disclosed late: the catalogue item '{item}' is due within {allowed} working days after {event} (by {deadline}); this record was first published on {published}, after {days} working days{estimate}{source}",
    "rule_catalogue_missing": "not disclosed: the catalogue item '{item}' for {period} was due by {deadline} and no {records} record of it is published{estimate}",
    "rule_catalogue_draft": "not disclosed: the catalogue item '{item}' was due by {deadline} and this record is still a draft; once checked, set status to published{estimate}",
    "rule_catalogue_not_yet": "not disclosed: the catalogue item '{item}' was due by {deadline} and this record's first-published date {published} is still ahead{estimate}",
    "catalogue_no_records": "name at least one record type that discloses the item, e.g. [meeting/branch_committee] or [finance/dues]",
    "catalogue_period_end": "the end of {period} ({date})",
    "catalogue_estimate": " (no holiday data for {years}: working days counted Monday to Friday, an estimate)",
    "catalogue_from_git": " (the first-published date is the file's first commit in git; if that is wrong, set published:)",
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
    "notice_open": "Open",
    "notice_closed": "Closed",
    "notice_upcoming": "Not yet open",
    "stage": "Stage",
    "subjects": "Subjects",
    "name": "Name",
    "detail": "Details",
    "objections": "Where to raise objections",
    "objections_note": "During the publicity period, objections may be raised here:",
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
    # Working days, rectification items and their progress
    "notice_days_left": "{days} working day(s) left, until {date}",
    "notice_days_left_estimated": "about {days} working day(s) left, until {date}",
    "notice_length": "{range} ({days} working day(s))",
    "notice_length_estimated": "{range} (about {days} working day(s))",
    "workdays_estimated": "No holiday data for {years}: working days are counted Monday to Friday and may be wrong.",
    "date_short": "{day} {month_name}",
    "list_separator": ", ",
    "done_on": "Done on",
    "item_progress": "Progress",
    "item_no_due": "no due date",
    # The disclosure catalogue (党务公开目录)
    "catalogue": "Disclosure catalogue",
    "catalogue_short": "Catalogue",
    "catalogue_intro": "Under the Regulations on the Openness of Party Affairs, the items in a party organisation's disclosure catalogue are disclosed promptly and on its own initiative. Below is every item of this branch's catalogue, its scope and its timing, and whether each event or period was disclosed in time.",
    "catalogue_note_public": "Items disclosed within the party are listed here by name, scope and timing only; how they were disclosed is on the members' site.",
    "catalogue_scope": "Scope",
    "catalogue_timing": "Timing",
    "catalogue_records": "Disclosed by",
    "catalogue_latest": "Latest disclosure",
    "catalogue_state": "Disclosed",
    "catalogue_timing_event": "Within {days} working days of each event",
    "catalogue_timing_month": "Monthly, within {days} working days of the month's end",
    "catalogue_timing_quarter": "Quarterly, within {days} working days of the quarter's end",
    "catalogue_timing_year": "Yearly, within {days} working days of the year's end",
    "catalogue_since": " (from {date})",
    "catalogue_on_date_open": " (",
    "catalogue_on_date_close": ")",
    "catalogue_members_only": "Disclosed within the party; see the members' site",
    "catalogue_none": "Nothing disclosed yet",
    "catalogue_deadline": "Due by",
    "catalogue_published": "Published",
    "catalogue_taken": "Took",
    "catalogue_days": "{days} working days",
    "catalogue_days_estimated": "about {days} working days",
    "catalogue_period_year": "{year}",
    "catalogue_period_quarter": "{quarter} {year}",
    "catalogue_period_month": "{month} {year}",
    "catalogue_summary": "On time {on_time} · late {late} · not disclosed {missing}",
    "catalogue_estimated": " (estimate)",
    "catalogue_on_time_list": "Disclosed on time: {count}",
    "data_file_catalogue_csv": "The disclosure catalogue: one row per event or period of each item this site may show; items disclosed within the party have no rows on the public site.",
    "data_column_catalogue_csv_item": "The catalogue item",
    "data_column_catalogue_csv_scope": "Its scope: public or members",
    "data_column_catalogue_csv_per": "Its timing: event, month, quarter or year",
    "data_column_catalogue_csv_within_working_days": "Working days allowed after the event (or the period's end)",
    "data_column_catalogue_csv_period": "The period, e.g. 2026, 2026-Q2, 2026-03; empty for an event",
    "data_column_catalogue_csv_event": "The event's date, or the period's last day",
    "data_column_catalogue_csv_deadline": "The last day to disclose it",
    "data_column_catalogue_csv_estimated": "Years without holiday data, counted Monday to Friday; empty when exact",
    "data_column_catalogue_csv_record_id": "Id of the record that disclosed it",
    "data_column_catalogue_csv_published": "The day it was first published",
    "data_column_catalogue_csv_working_days": "Working days from the event (or the period's end) until published",
    "data_column_catalogue_csv_state": "on_time, late, missing, not_due, not_over or upcoming",
    "catalogue_item_meetings": "Three meetings and one lesson",
    "catalogue_item_organizational_life": "Theme days and organizational life",
    "catalogue_item_decisions": "Decisions on major issues",
    "catalogue_item_dues": "Party dues: collection and use",
    "catalogue_item_funds": "Party-building funds: income and spending",
    "catalogue_item_membership": "Party-member development",
    "catalogue_item_appraisal": "Democratic appraisal",
    "catalogue_item_election": "Elections and transitions",
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

# Schema fields (records, branch.yml, site_config.yml): model -> field -> (title, description).
# The JSON Schemas editors show take them (``records.schema``); an unknown field is also
# matched against the titles (``records.validate``).  A field a model inherits is looked up
# under the model that defines it (``RecordBase`` for every record's common fields).
FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "RecordBase": {
        "id": ("Id", "The record's permanent id, for its address and for other records to refer to it; defaults to the file name without .yml"),
        "type": ("Record type", "The record type; optional, and when given it must match the section folder"),
        "title": ("Title", "The record's title"),
        "date": ("Date", "The record's date (YYYY-MM-DD); it decides the year folder"),
        "published": ("First published", "The day the record was first disclosed; defaults to the first commit that added the file"),
        "visibility": ("Visibility", "public (both sites), members (the members' site only) or restricted (never published); defaults to default_visibility in site_config.yml"),
        "status": ("Status", "published, or draft (drafts are not built into the sites)"),
        "summary": ("Summary", "One or two sentences for listings"),
        "tags": ("Tags", "Keywords to group and find records by"),
        "body": ("Body", "The text of the record, in Markdown"),
        "attachments": ("Attachments", "Files under content/attachments/"),
        "approval": ("Disclosure approval", "The disclosure procedure: proposed, reviewed for confidentiality, approved"),
        "corrections": ("Corrections", "Corrections published after the record"),
        "numbers_ok": ("Numbers meant to be public", "Fields (e.g. contact, body) whose phone or other numbers are intended to be published"),
    },
    "Attachment": {
        "file": ("File", "Its path under content/attachments/"),
        "title": ("Name", "What the document is; the file name if left out"),
    },
    "Approval": {
        "proposed_by": ("Proposed by", "Who proposed disclosing the record"),
        "proposed_on": ("Proposed on", "The date of the proposal"),
        "reviewed_by": ("Reviewed by", "Who did the confidentiality review"),
        "reviewed_on": ("Reviewed on", "The date of the review"),
        "approved_by": ("Approved by", "Who approved the disclosure"),
        "approved_on": ("Approved on", "The date of approval"),
    },
    "Correction": {
        "date": ("Date", "The date of the correction"),
        "change": ("Change", "What changed"),
        "reason": ("Reason", "Why it changed"),
    },
    "Meeting": {
        "kind": ("Meeting kind", "General assembly, branch committee, group meeting, party lesson, theme day, organizational life, democratic life or other"),
        "group": ("Party group", "For a group meeting, the party group, named as in branch.yml"),
        "start_time": ("Start time", "When the meeting began (HH:MM)"),
        "end_time": ("End time", "When the meeting ended (HH:MM)"),
        "location": ("Location", "Where the meeting was held"),
        "chair": ("Chair", "Who chaired the meeting"),
        "recorder": ("Recorder", "Who took the minutes"),
        "attendees": ("Attendees", "The members present"),
        "absent": ("Absent", "The members absent, with the reason"),
        "guests": ("Guests", "People from outside the branch who sat in"),
        "agenda": ("Agenda", "The items of the agenda, one per line"),
        "speaker": ("Speaker", "Who gave the party lesson"),
        "topic": ("Lesson topic", "The subject of the party lesson"),
        "topics": ("Topics", "Life meetings: the main points of criticism and self-criticism"),
        "rectification": ("Rectification items", "What the meeting decided to put right, followed up item by item until done"),
    },
    "Absence": {
        "name": ("Name", "The absent member's name"),
        "reason": ("Reason", "Why the member was absent (members' site only)"),
    },
    "RectificationItem": {
        "item": ("Item", "The problem to put right and how"),
        "owner": ("Owner", "Who is responsible for it"),
        "due": ("Due", "The date it must be done by"),
        "status": ("Status", "not_started, in_progress or done; an item not done by its due date shows as overdue"),
        "done_on": ("Done on", "The day it was done; required when done, not before the meeting and not after today"),
        "progress": ("Progress", "A log of progress in date order, each entry a date and a text"),
    },
    "ProgressEntry": {
        "date": ("Date", "The date of this step, not before the meeting and not after today"),
        "text": ("Progress", "What was done, how far it has got"),
    },
    "Decision": {
        "meeting": ("Meeting", "The id of the meeting that decided it"),
        "category": ("Category", "e.g. major issue, funds, membership"),
        "background": ("Background", "Why the decision was needed"),
        "consultation": ("Consultation", "How members' opinions were solicited before the meeting"),
        "vote": ("Vote", "The votes for, against and abstaining"),
        "result": ("Result", "adopted, rejected or deferred"),
        "follow_up": ("Follow-up", "How the decision is carried out"),
    },
    "Consultation": {
        "method": ("Method", "How members' opinions were solicited"),
        "start": ("Start", "When the consultation began"),
        "end": ("End", "When the consultation ended"),
        "participants": ("Participants", "How many took part"),
        "opinions": ("Opinions", "How many opinions were received"),
        "summary": ("Summary", "What the opinions said and which were taken up"),
    },
    "Vote": {
        "for": ("For", "Votes for"),
        "against": ("Against", "Votes against"),
        "abstain": ("Abstain", "Abstentions"),
    },
    "FollowUp": {
        "date": ("Date", "The date of this step"),
        "action": ("Action", "What was done"),
        "status": ("Status", "not_started, in_progress or done"),
    },
    "DuesRecord": {
        "kind": ("Finance kind", "dues"),
        "year": ("Year", "The year the dues are for"),
        "months": ("Months", "Each month's members, dues due and dues paid"),
    },
    "DuesMonth": {
        "month": ("Month", "1 to 12"),
        "members": ("Members", "The members who owe dues that month"),
        "due": ("Due", "The dues due that month, in yuan"),
        "paid": ("Paid", "The dues paid that month, in yuan"),
    },
    "FundsRecord": {
        "kind": ("Finance kind", "funds"),
        "period": ("Period", "The ledger's period, e.g. 2025 Q1"),
        "period_start": ("Period start", "The first day of the period"),
        "period_end": ("Period end", "The last day of the period"),
        "opening_balance": ("Opening balance", "In yuan; must equal the previous period's closing balance"),
        "income": ("Income", "Each income of the period"),
        "expenses": ("Expenses", "Each expense of the period"),
        "closing_balance": ("Closing balance", "In yuan: opening balance + income − expenses"),
        "audit": ("Audit", "The financial audit"),
    },
    "Income": {
        "date": ("Date", "When it was received"),
        "source": ("Source", "Where it came from, e.g. allocation, dues returned"),
        "amount": ("Amount", "In yuan, at most two decimals"),
    },
    "Expense": {
        "date": ("Date", "When it was spent"),
        "item": ("Purpose", "What it was spent on"),
        "category": ("Category", "e.g. study, visits"),
        "amount": ("Amount", "In yuan, at most two decimals"),
        "approved_by": ("Approved by", "Who approved the expense"),
        "decision": ("Approving decision", "The id of the decision that approved it"),
        "receipts": ("Receipts", "Receipt files under content/attachments/"),
    },
    "Audit": {
        "date": ("Date", "When the audit took place"),
        "auditor": ("Auditor", "Who audited"),
        "finding": ("Finding", "What the audit found"),
    },
    "Appraisal": {
        "kind": ("Appraisal kind", "member_appraisal, branch_rating or performance"),
        "period": ("Period", "The period appraised, e.g. 2025"),
        "members": ("Members appraised", "How many members were appraised"),
        "steps": ("Steps", "The procedure's steps and their dates"),
        "results": ("Results", "The count per grade: excellent, qualified, basically qualified, unqualified"),
        "excellent_members": ("Excellent members", "The members graded excellent"),
        "rating": ("Branch rating", "The branch's rating, e.g. five stars"),
        "indicators": ("Indicators", "Quantified indicators and what was achieved"),
        "measures": ("Measures", "Rectification measures for the problems the appraisal found"),
    },
    "Step": {
        "name": ("Step", "A step of the procedure, e.g. self-study, democratic assessment"),
        "date": ("Date", "The date of the step"),
    },
    "Indicator": {
        "name": ("Indicator", "The indicator's name"),
        "target": ("Target", "The target value"),
        "actual": ("Achieved", "The value achieved"),
        "unit": ("Unit", "The unit of measure"),
    },
    "Notice": {
        "kind": ("Notice kind", "membership, election, appraisal or other"),
        "stage": ("Stage", "e.g. to be admitted as probationary member"),
        "start": ("Start", "The first day of the publicity period"),
        "end": ("End", "The last day of the publicity period; a membership notice runs at least norms.publicity_working_days working days"),
        "contact": ("Objections to", "Where objections go; defaults to contact.objections in branch.yml"),
        "subjects": ("Subjects", "The people the notice is about"),
    },
    "Subject": {
        "name": ("Name", "The person's name"),
        "detail": ("Details", "Who the person is"),
    },
    "Branch": {
        "name": ("Branch name", "The branch's full name"),
        "parent": ("Parent organization", "The higher-level party organization"),
        "description": ("Description", "A short description of the branch"),
        "committee": ("Committee", "The branch committee's members and their posts"),
        "groups": ("Party groups", "The party groups and their members"),
        "member_counts": ("Member counts", "The number of members per period, for attendance rates and funding per member"),
        "term": ("Term", "The current committee's term"),
        "contact": ("Contact", "How to reach the branch"),
    },
    "CommitteeMember": {
        "name": ("Name", "The committee member's name"),
        "post": ("Post", "e.g. secretary, organization member"),
    },
    "PartyGroup": {
        "name": ("Group name", "e.g. First party group"),
        "leader": ("Leader", "The group's leader"),
        "members": ("Members", "The group's members (members' site only)"),
    },
    "MemberCount": {
        "since": ("Since", "The day from which the count holds"),
        "count": ("Members", "All members, probationary ones included"),
        "probationary": ("Probationary members", "Of them, the probationary members"),
    },
    "Term": {
        "start": ("Term start", "The first day of the term"),
        "end": ("Term end", "The last day of the term"),
    },
    "Contact": {
        "phone": ("Phone", "A phone number"),
        "email": ("Email", "An email address"),
        "address": ("Address", "A postal address"),
        "objections": ("Objections to", "Where objections to notices go"),
    },
    "SiteConfig": {
        "site_name": ("Site name", "Shown at the top of every page; defaults to the branch's name"),
        "language": ("Language", "The language of the sites and messages: zh (Chinese) or en (English)"),
        "content_dir": ("Records folder", "The folder that holds the records, relative to this file"),
        "output_dir": ("Output folder", "Where openbranch build writes the public and the members' site"),
        "stage_dir": ("Build folder", "The build's working folder (CI may cache it)"),
        "themes_dir": ("Themes folder", "The site's own templates and styles; the built-in theme without it"),
        "default_visibility": ("Default visibility", "The visibility of a record that sets none"),
        "audiences": ("Sites", "The public and the members' site: their addresses and titles"),
        "norms": ("Norms", "The rules the higher-level committee checks; change them to local rules"),
        "limits": ("Limits", "Size limits for record files, attachments and listings"),
        "holidays": ("Holidays", "Per year, the days off and make-up workdays the State Council announces, to count working days; a listed day overrides the built-in data (up to 2026)"),
        "catalogue": ("Disclosure catalogue", "The disclosure catalogue: each item, the records that disclose it, its scope and its timing; left out, the default catalogue; [] for none"),
        "mkdocs": ("MkDocs options", "Options passed as they are to MkDocs (advanced)"),
    },
    "CatalogueItem": {
        "item": ("Item", "The item's name on the catalogue page, e.g. Three meetings and one lesson"),
        "records": ("Disclosed by", "The record types, or type/kind pairs (meeting/branch_committee, finance/dues), whose records disclose the item"),
        "scope": ("Scope", "public (to society) or members (within the party)"),
        "per": ("Timing", "event: each event disclosed on its own; month, quarter, year: once per period"),
        "within_working_days": ("Working days", "The working days allowed after the event (the record's date), or after the period's end"),
        "since": ("Checked from", "The first day the item is checked from; left out, from its first disclosure"),
    },
    "Audiences": {
        "public": ("Public site", "The site for everyone"),
        "members": ("Members' site", "The site for members only; deploy it only where only members reach it"),
    },
    "AudienceSettings": {
        "url": ("Address", "The site's address, for the sitemap, feeds and QR codes"),
        "title": ("Title", "The title at the top of its pages; defaults to the site name and the site's audience"),
    },
    "Norms": {
        "meetings": ("Meeting frequency", "How often each kind of meeting must be held (three meetings and one lesson)"),
        "funding_per_member_per_year": ("Funding per member", "The least funding per member per year, in yuan"),
        "publicity_working_days": ("Publicity working days", "The working days a membership notice must stay up (China's holidays and make-up workdays counted)"),
        "excellent_share_max": ("Excellent share cap", "The largest share of members that may be graded excellent"),
        "quorum_more_than": ("Quorum", "A meeting that decides needs more than this share of those entitled to attend"),
        "dues_alert_months": ("Dues alert months", "Months of unpaid dues that raise an alert"),
    },
    "Frequency": {
        "count": ("Count", "How many meetings per period at least; 0 leaves the kind unchecked"),
        "per": ("Per", "month, quarter or year"),
    },
    "Limits": {
        "record_max_kb": ("Record size limit", "The largest record file in KB; a larger one is refused"),
        "attachment_max_mb": ("Attachment warning size", "An attachment larger than this many MB raises a warning"),
        "listing_page_size": ("Listing page size", "Records per listing page (at least 10)"),
    },
    "HolidayYear": {
        "days_off": ("Days off", "The year's days off, each a date or a span such as 2027-02-06/2027-02-13"),
        "workdays": ("Make-up workdays", "The Saturdays and Sundays of the year that are working days"),
    },
}
