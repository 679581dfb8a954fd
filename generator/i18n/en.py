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
    # The committee portal (generator/portal/, openbranch portal, openbranch init --portal)
    "portal_config_missing": "No portal configuration at {path}",
    "portal_bad_id": "The id “{value}” may hold only lower-case letters, digits and hyphens, starting with a letter or digit",
    "portal_bad_url": "The address “{value}” must be https://…, a path starting with /, or a path relative to the portal's root (such as kjj-3/), without spaces",
    "portal_duplicate_name": "The organisation name “{name}” appears twice (already at line {line}); every organisation needs its own name",
    "portal_duplicate_id": "The id “{id}” appears twice (already at line {line})",
    "portal_half_branch": "“{name}”: a branch needs both sites (its site folders) and urls (its addresses)",
    "portal_parent_nested": "It is nested under “{nested}” and cannot also name “{parent}” as its parent",
    "portal_parent_missing": "There is no organisation “{name}” to be the parent",
    "portal_cycle": "The organisations are their own parents: {cycle}",
    "portal_no_branches": "No branch: at least one organisation needs sites and urls",
    "portal_site_missing": "The {audience} folder of the branch “{branch}” does not exist: {path} (build the branch's sites first, or correct the path)",
    "portal_figures_missing": "The site of the branch “{branch}” has no data/figures.json: build it again with a current OpenBranch",
    "portal_figures_corrupt": "The figures.json of the branch “{branch}” cannot be read: {detail}",
    "portal_figures_version": "The figures.json of the branch “{branch}” is version {found}; this OpenBranch reads version {expected} only: build the branch's site again with the portal's OpenBranch version",
    "portal_figures_invalid": "The figures.json of the branch “{branch}” does not match its format ({count} problems): build the branch's site again",
    "portal_figures_audience": "This folder of the branch “{branch}” is its {found}, not its {expected}: check the paths under sites",
    "portal_index_missing": "The site of the branch “{branch}” has no search index (pagefind/); the portal's search will show the branch as unavailable",
    "portal_name_differs": "The portal's name “{branch}” differs from the branch's own name “{found}” in {path}: check that the path is right",
    "portal_label_public": "public portal",
    "portal_label_members": "members' portal",
    "portal_progress_compiling": "{audience}: compiling the pages…",
    "portal_progress_rendering": "{audience}: rendering the pages…",
    "portal_summary": "{audience}: {branches} branches ({unavailable} with data unavailable), {pages} pages",
    "portal_done": "Portal written to {path} ({seconds:.1f} s)",
    "portal_failed": "Portal not built; the previous portal is unchanged",
    "portal_kept_going": "Portal built with --keep-going: the branches with problems show as “data unavailable”",
    "portal_init_written": "Created a committee portal repository in {path} ({count} files)",
    "portal_init_next_steps": "Next:\n  1. List your organisations and branches in portal.yml (each branch in a folder branches/<id>/)\n  2. Add each branch to the branch list (BRANCH) of the CI files, as in portal.yml\n  3. openbranch portal builds the portal; commit and push, and CI builds every branch's sites, then the portal",
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
    "data_file_figures_json": "This site's figures (for the higher-level committee's portal), computed in the same place as the figures its pages show; the fields are described in data/schemas/figures.schema.json. Money is a string with two decimals (yuan), rates a percentage string with one decimal, null where the data cannot give one.",
    "data_column_figures_json_version": "The format's version (now 1), raised whenever the format changes",
    "data_column_figures_json_audience": "The site: public or members",
    "data_column_figures_json_today": "The day the site was built for",
    "data_column_figures_json_branch": "The branch's name, its higher-level organisation and its members on that day",
    "data_column_figures_json_term": "The current term's start and end; its transition status is null for now",
    "data_column_figures_json_regularity": "三会一课: per year, each required meeting kind's periods (held, missed, partial, to come) and rate",
    "data_column_figures_json_dues": "Dues due, paid and the collection rate per year",
    "data_column_figures_json_funding": "Funds per year: income, expenses, per member, and the funding norm",
    "data_column_figures_json_appraisals": "Each appraisal: members appraised and graded, 优秀 and its share, the branch's rating",
    "data_column_figures_json_open_notices": "Notices still open on that day, with the days left",
    "data_column_figures_json_rectification": "Rectification items of the life meetings, and whether each is overdue",
    "data_column_figures_json_latest": "The records the home page lists as the latest disclosures",
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
    "data_file_figures_schema": "The JSON Schema of the figures, data/figures.json.",
    "data_file_feed_all": "Atom feed of new and corrected disclosures (latest 50).",
    "data_file_feed_sections": "Atom feed of one section (meetings, decisions, finances, appraisals, notices).",
    "data_file_calendar": "Meetings calendar (iCalendar): past and upcoming meetings with place, agenda and a link to the record, to subscribe to in a calendar app.",
    # The committee portal (generator/portal/, themes/templates/portal/)
    "portal_public_note": "This portal is open to the public; it gathers the branches' public sites",
    "portal_members_note": "This portal is for party members only and gathers the branches' members' sites; do not pass it on",
    "portal_home": "Organisations",
    "portal_regularity": "三会一课",
    "portal_finances": "Dues and funds",
    "portal_appraisals": "Appraisals",
    "portal_notices": "Notices and disclosures",
    "portal_followup": "Rectification and terms",
    "portal_tree": "Organisations and their branches",
    "portal_as_of": "Figures as of {date} (as each branch's site was built)",
    "portal_branches": "Branches",
    "portal_branch": "Branch",
    "portal_organization": "Organisation",
    "portal_unavailable": "Data unavailable",
    "portal_overdue_items": "Overdue rectification items",
    "portal_chip_regularity": "三会一课 {year}",
    "portal_chip_dues": "Dues collected {year}",
    "portal_chip_funding": "Funds per member {year}",
    "portal_chip_appraisal": "Appraisal {period}",
    "portal_appraisal": "Appraisal",
    "portal_excellent_share": "Excellent {share}",
    "portal_held_of_due": "{held}/{due}",
    "portal_held_due": "Held/due",
    "portal_term_end": "Term ends",
    "portal_feed": "The branches' latest disclosures (Atom)",
    "portal_feed_note": "The branches' latest disclosures, each linking to its page on the branch's site",
    "portal_latest": "Latest disclosures",
    "portal_filter_organization": "Organisation:",
    "portal_all_organizations": "All",
    "portal_regularity_title": "三会一课 in {year}",
    "portal_regularity_note": "Each branch as its own 三会一课 page shows it: the rate is the periods held over the periods due (ended, or held already). A kind opens each branch's months (quarters).",
    "portal_matrix_of": "Month by month (quarter by quarter):",
    "portal_matrix_title": "{kind} in {year}",
    "portal_no_such_row": "Not required of this branch",
    "portal_meetings_in_period": "{count} in this period",
    "portal_distribution": "How the branches are spread",
    "portal_regularity_chart": "三会一课 rate in {year}: branches per band",
    "portal_dues_chart": "Dues collection rate (each branch's latest year): branches per band",
    "portal_funding_chart": "Funds per member against the norm (each branch's latest year)",
    "portal_branch_count": "Branches",
    "portal_band": "Band",
    "portal_band_full": "100%",
    "portal_band_from": "{low}% to under {high}%",
    "portal_band_below": "Under {high}%",
    "portal_band_none": "No data",
    "portal_finances_title": "Dues and funds per branch",
    "portal_dues": "Dues collected (each branch's latest year)",
    "portal_funding": "Funds against the norm (each branch's latest year)",
    "portal_appraisals_title": "Member appraisals per branch",
    "portal_graded": "Graded",
    "portal_excellent_share_head": "Excellent share",
    "portal_notices_title": "Notices and latest disclosures of the branches",
    "portal_notice_end": "Ends",
    "portal_days_left": "Days left",
    "portal_followup_title": "Overdue rectification and terms",
    "portal_overdue": "Rectification items overdue",
    "portal_no_overdue": "No rectification item is overdue",
    "portal_terms": "Terms and transitions",
    "portal_terms_note": "By the end of the term. The transition status needs the branches' election records, which their sites do not publish yet; it shows as “—”.",
    "portal_transition": "Transition",
    "portal_data_intro": "Every table of the portal can be downloaded: CSV (UTF-8 with BOM, Excel opens it as it is) and JSON (the same fields). The figures are the branches' own, from their data/figures.json; money in yuan with two decimals, rates in percent with one decimal, empty (null in JSON) where there is no figure. Links are the branch's own addresses where it is published at an absolute one, else relative to the portal's root.",
    "portal_columns": "What each column means",
    "portal_search_scope": "Search in:",
    "portal_search_all": "All branches",
    "portal_search_searching": "Searched {searched} of {total} branches…",
    "portal_search_done": "Searched all {total} branches",
    "portal_search_unavailable": "Unavailable: {names}",
    "portal_file_branches": "One row per branch: its organisation and the headline figures of the home page (三会一课, dues, funds, appraisal, notices, rectification, term).",
    "portal_file_regularity_years": "三会一课: one row per branch and year, the year's rate.",
    "portal_file_regularity_rows": "三会一课: one row per branch, year and required meeting kind (per party group for group meetings).",
    "portal_file_regularity_cells": "三会一课: one row per branch, required kind and period (month, quarter, year): each cell of the matrix.",
    "portal_file_dues": "Dues: one row per branch and year.",
    "portal_file_funding": "Funds: one row per branch and year, against the funding norm.",
    "portal_file_appraisals": "Appraisals: one row per branch and appraisal (member appraisal, branch rating, performance).",
    "portal_file_open_notices": "Notices open when each branch's site was built.",
    "portal_file_latest": "The branches' latest disclosures, newest first.",
    "portal_file_overdue": "Rectification items overdue.",
    "portal_file_terms": "Each branch's term, the soonest to end first.",
    "portal_column_appraisal_period": "The period of the latest member appraisal",
    "portal_column_appraised": "Members appraised (as the record states)",
    "portal_column_as_of": "The day the branch's site was built for",
    "portal_column_available": "Whether the branch's data is available (true/false)",
    "portal_column_branch": "The branch's name (as portal.yml gives it)",
    "portal_column_branch_id": "The branch's id in the portal",
    "portal_column_date": "Date",
    "portal_column_days_left": "Days the notice is still up (counting the day of the build)",
    "portal_column_deadline": "When the item is due",
    "portal_column_due": "Dues due (yuan)",
    "portal_column_dues_rate": "The latest year's dues collection rate (%)",
    "portal_column_dues_year": "The year of the dues",
    "portal_column_end": "End date",
    "portal_column_excellent": "Members graded excellent",
    "portal_column_excellent_share": "Excellent as a share of those graded (%)",
    "portal_column_expenses": "Expenses (yuan)",
    "portal_column_funding_year": "The year of the funds",
    "portal_column_graded": "Members given a grade (all grades)",
    "portal_column_group": "The party group (group meetings have a row per group); else empty",
    "portal_column_income": "Income (yuan)",
    "portal_column_item": "The rectification item",
    "portal_column_kind": "Kind (its identifier, such as branch_committee or membership)",
    "portal_column_meeting": "The meeting the item comes from",
    "portal_column_meetings": "Meetings of the kind in the period that the branch's site lists",
    "portal_column_meets_norm": "Whether the funds per member reach the norm (true/false); empty without a member count",
    "portal_column_members": "Members",
    "portal_column_norm": "The funding norm per member and year (yuan)",
    "portal_column_open_notices": "Notices open",
    "portal_column_organization": "The organisation the branch belongs to",
    "portal_column_organizations": "Every organisation above the branch, from the top, separated by /",
    "portal_column_overdue_items": "Rectification items overdue",
    "portal_column_owner": "Who is responsible",
    "portal_column_paid": "Dues paid (yuan)",
    "portal_column_per": "The required period: month, quarter or year",
    "portal_column_per_member": "Funds per member (yuan)",
    "portal_column_period": "Period: an appraisal's, or a 三会一课 period (2026-03, 2026-Q1, 2026)",
    "portal_column_periods_due": "Periods due (ended, or held already)",
    "portal_column_periods_held": "Periods held",
    "portal_column_problem": "Why the data is unavailable",
    "portal_column_rate": "Rate (%): the 三会一课 rate, or the dues collection rate",
    "portal_column_rating": "The branch's rating",
    "portal_column_regularity_due": "三会一课 periods due this year",
    "portal_column_regularity_held": "三会一课 periods held this year",
    "portal_column_regularity_rate": "三会一课 rate this year (%)",
    "portal_column_regularity_year": "The year of the 三会一课 figures (the year the branch's site was built)",
    "portal_column_required": "Meetings required per period",
    "portal_column_start": "Start date",
    "portal_column_state": "The period: held, missed, partial (fewer than required), upcoming, norecords (before the records begin)",
    "portal_column_status": "Progress: not_started, in_progress, done",
    "portal_column_term_end": "The end of the current term",
    "portal_column_title": "The record's title",
    "portal_column_transition": "Transition status (empty for now: the branches' sites do not give it yet)",
    "portal_column_type": "Record type",
    "portal_column_url": "The address of the page on the branch's site",
    "portal_column_year": "Year",
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
