<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApproachTool</name>
    <message>
        <source>Make an appointment…</source>
        <translation>Make an appointment…</translation>
    </message>
    <message>
        <source>Mark confirmed</source>
        <translation>Mark confirmed</translation>
    </message>
    <message>
        <source>Save intel notes</source>
        <translation>Save intel notes</translation>
    </message>
    <message>
        <source>Planned visits</source>
        <translation>Planned visits</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>CadenceEdit</name>
    <message>
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>weeks</translation>
    </message>
    <message>
        <source>months</source>
        <translation>months</translation>
    </message>
    <message>
        <source>years</source>
        <translation>years</translation>
    </message>
    <message>
        <source>The rule as RFC 5545 text (RRULE), e.g. FREQ=MONTHLY;INTERVAL=3</source>
        <translation>The rule as RFC 5545 text (RRULE), e.g. FREQ=MONTHLY;INTERVAL=3</translation>
    </message>
    <message>
        <source>Rule text</source>
        <translation>Rule text</translation>
    </message>
    <message>
        <source>Advanced: edit the rule as text</source>
        <translation>Advanced: edit the rule as text</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Every</translation>
    </message>
    <message>
        <source>any weekday</source>
        <translation>any weekday</translation>
    </message>
    <message>
        <source>on Monday</source>
        <translation>on Monday</translation>
    </message>
    <message>
        <source>on Tuesday</source>
        <translation>on Tuesday</translation>
    </message>
    <message>
        <source>on Wednesday</source>
        <translation>on Wednesday</translation>
    </message>
    <message>
        <source>on Thursday</source>
        <translation>on Thursday</translation>
    </message>
    <message>
        <source>on Friday</source>
        <translation>on Friday</translation>
    </message>
    <message>
        <source>same day as the last contact</source>
        <translation>same day as the last contact</translation>
    </message>
    <message>
        <source>on day %1</source>
        <translation>on day %1</translation>
    </message>
    <message>
        <source>on the last day of the month</source>
        <translation>on the last day of the month</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Print call plans…</source>
        <translation>Print call plans…</translation>
    </message>
    <message>
        <source>One PDF: a cover agenda, then the plan of every planned visit shown</source>
        <translation>One PDF: a cover agenda, then the plan of every planned visit shown</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>(not confirmed)</source>
        <translation>(not confirmed)</translation>
    </message>
    <message>
        <source>Next step: %1 — %2</source>
        <translation>Next step: %1 — %2</translation>
    </message>
    <message>
        <source>Showing the first %1.</source>
        <translation>Showing the first %1.</translation>
    </message>
    <message>
        <source>Nothing planned.</source>
        <translation>Nothing planned.</translation>
    </message>
</context>
<context>
    <name>ChangedBar</name>
    <message>
        <source>Another RM changed this client. Your edits are not saved yet: save them, or reload to see the other changes.</source>
        <translation>Another RM changed this client. Your edits are not saved yet: save them, or reload to see the other changes.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Reload</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>New client</source>
        <translation>New client</translation>
    </message>
    <message>
        <source>Client &amp;name *</source>
        <translation>Client &amp;name *</translation>
    </message>
    <message>
        <source>&amp;Short name</source>
        <translation>&amp;Short name</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>&amp;Credit code</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>&amp;Industry</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>&amp;District</translation>
    </message>
    <message>
        <source>Source c&amp;hannel</source>
        <translation>Source c&amp;hannel</translation>
    </message>
    <message>
        <source>&amp;Referrer</source>
        <translation>&amp;Referrer</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Next action</translation>
    </message>
</context>
<context>
    <name>ClientWindow</name>
    <message>
        <source>Move back…</source>
        <translation>Move back…</translation>
    </message>
    <message>
        <source>Park…</source>
        <translation>Park…</translation>
    </message>
    <message>
        <source>Mark lost…</source>
        <translation>Mark lost…</translation>
    </message>
    <message>
        <source>Re-open</source>
        <translation>Re-open</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Overview and intel</source>
        <translation>Overview and intel</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Objections</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Risk and related parties</source>
        <translation>Risk and related parties</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>No tier</translation>
    </message>
    <message>
        <source>%1 days in this step</source>
        <translation>%1 days in this step</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Owner: %1</translation>
    </message>
    <message>
        <source>Next action: %1</source>
        <translation>Next action: %1</translation>
    </message>
    <message>
        <source>Wakes up %1</source>
        <translation>Wakes up %1</translation>
    </message>
    <message>
        <source>Advance to %1</source>
        <translation>Advance to %1</translation>
    </message>
    <message>
        <source>(override)…</source>
        <translation>(override)…</translation>
    </message>
    <message>
        <source>The exit condition is not met yet</source>
        <translation>The exit condition is not met yet</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Last step</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>The client is parked or lost: re-open it first.</source>
        <translation>The client is parked or lost: re-open it first.</translation>
    </message>
    <message>
        <source>Maintenance is the last step.</source>
        <translation>Maintenance is the last step.</translation>
    </message>
    <message>
        <source>The client is at the first step.</source>
        <translation>The client is at the first step.</translation>
    </message>
    <message>
        <source>The client is parked already.</source>
        <translation>The client is parked already.</translation>
    </message>
    <message>
        <source>The client is marked lost already.</source>
        <translation>The client is marked lost already.</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Search name, pinyin initials, credit code, contact…</source>
        <translation>Search name, pinyin initials, credit code, contact…</translation>
    </message>
    <message>
        <source>All steps</source>
        <translation>All steps</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>New client…</translation>
    </message>
    <message>
        <source>Moved to the trash — Ctrl+Z to undo</source>
        <translation>Moved to the trash — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Opening your book… the client opens in a moment</source>
        <translation>Opening your book… the client opens in a moment</translation>
    </message>
    <message>
        <source>Opening your book… the list follows your choice in a moment</source>
        <translation>Opening your book… the list follows your choice in a moment</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) · opening your book…</source>
        <translation>
            <numerusform>%n client · opening your book…</numerusform>
            <numerusform>%n clients · opening your book…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More than %n clients</source>
        <translation>
            <numerusform>More than %n client</numerusform>
            <numerusform>More than %n clients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseWarningDialog</name>
    <message>
        <source>Close early warning</source>
        <translation>Close early warning</translation>
    </message>
</context>
<context>
    <name>ClosingTool</name>
    <message>
        <source>Closing signals seen</source>
        <translation>Closing signals seen</translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Reloaded: the form shows the saved version. Make your change again, then save.</source>
        <translation>Reloaded: the form shows the saved version. Make your change again, then save.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>Reload (take theirs)</source>
        <translation>Reload (take theirs)</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Key person</source>
        <translation>Key person</translation>
    </message>
    <message>
        <source>New key person</source>
        <translation>New key person</translation>
    </message>
    <message>
        <source>Keeps the birthday on the lunar calendar (农历)</source>
        <translation>Keeps the birthday on the lunar calendar (农历)</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>Lunar birthday</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <source>New deal</source>
        <translation>New deal</translation>
    </message>
</context>
<context>
    <name>DealsPanel</name>
    <message>
        <source>New deal…</source>
        <translation>New deal…</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>Lost…</translation>
    </message>
    <message>
        <source>Maturity…</source>
        <translation>Maturity…</translation>
    </message>
    <message>
        <source>A won credit deal&apos;s maturity: post-loan checks become tasks</source>
        <translation>A won credit deal&apos;s maturity: post-loan checks become tasks</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Deal lost</translation>
    </message>
    <message>
        <source>Why was the deal lost?</source>
        <translation>Why was the deal lost?</translation>
    </message>
    <message>
        <source>Only a won credit deal (a loan, a guarantee) has a maturity with post-loan checks.</source>
        <translation>Only a won credit deal (a loan, a guarantee) has a maturity with post-loan checks.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong and the action was not completed. Details are in the log file.</source>
        <translation>Something went wrong and the action was not completed. Details are in the log file.</translation>
    </message>
    <message>
        <source>rmdesk</source>
        <translation>rmdesk</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>clients</source>
        <translation>clients</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contacts</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>visits</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>deals</translation>
    </message>
    <message>
        <source>proposals</source>
        <translation>proposals</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 %2 to %3</source>
        <translation>Exported %1 %2 to %3</translation>
    </message>
</context>
<context>
    <name>FinCheckPanel</name>
    <message>
        <source>Statement figures…</source>
        <translation>Statement figures…</translation>
    </message>
    <message>
        <source>%1 statements: %2</source>
        <translation>%1 statements: %2</translation>
    </message>
</context>
<context>
    <name>FinancialsDialog</name>
    <message>
        <source>Statement figures</source>
        <translation>Statement figures</translation>
    </message>
    <message>
        <source>One column per year. Amounts in %1; profit and operating cash flow may be negative. Leave a line empty when it is not known.</source>
        <translation>One column per year. Amounts in %1; profit and operating cash flow may be negative. Leave a line empty when it is not known.</translation>
    </message>
    <message>
        <source>10,000 CNY (万元)</source>
        <translation>10,000 CNY (万元)</translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>CNY</translation>
    </message>
    <message>
        <source>Add a year</source>
        <translation>Add a year</translation>
    </message>
    <message>
        <source>Remove the selected year</source>
        <translation>Remove the selected year</translation>
    </message>
</context>
<context>
    <name>FinancingDialog</name>
    <message>
        <source>Financing need</source>
        <translation>Financing need</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Compute</translation>
    </message>
    <message>
        <source>Save on client</source>
        <translation>Save on client</translation>
    </message>
</context>
<context>
    <name>GuidanceTab</name>
    <message>
        <source>Guidance for</source>
        <translation>Guidance for</translation>
    </message>
    <message>
        <source>Exit condition</source>
        <translation>Exit condition</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Viewing only — the client is at %1</source>
        <translation>Viewing only — the client is at %1</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>Still needed: %1</translation>
    </message>
    <message>
        <source>Done: the client&apos;s record shows it.</source>
        <translation>Done: the client&apos;s record shows it.</translation>
    </message>
    <message>
        <source>Checklist (%1 of %2 done)</source>
        <translation>Checklist (%1 of %2 done)</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Tips</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>Scripts</translation>
    </message>
    <message>
        <source>Tools for %1</source>
        <translation>Tools for %1</translation>
    </message>
    <message>
        <source>Viewing only: these tools work when the client is at this step.</source>
        <translation>Viewing only: these tools work when the client is at this step.</translation>
    </message>
    <message>
        <source>What this step needs</source>
        <translation>What this step needs</translation>
    </message>
    <message>
        <source>Closing pitfalls</source>
        <translation>Closing pitfalls</translation>
    </message>
</context>
<context>
    <name>HolidayNoticeDialog</name>
    <message>
        <source>Holiday notice</source>
        <translation>Holiday notice</translation>
    </message>
    <message>
        <source>Enter the public holidays and make-up working days of the State Council&apos;s notice for the year. They replace the built-in calendar for that year. Dates as 2027-01-01; leave a holiday empty if the notice has none. Save with everything empty to remove the year&apos;s entry.</source>
        <translation>Enter the public holidays and make-up working days of the State Council&apos;s notice for the year. They replace the built-in calendar for that year. Dates as 2027-01-01; leave a holiday empty if the notice has none. Save with everything empty to remove the year&apos;s entry.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>first day off</source>
        <translation>first day off</translation>
    </message>
    <message>
        <source>last day off</source>
        <translation>last day off</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>e.g. 2027-02-14 2027-02-20</source>
        <translation>e.g. 2027-02-14 2027-02-20</translation>
    </message>
    <message>
        <source>Make-up working days</source>
        <translation>Make-up working days</translation>
    </message>
    <message>
        <source>Import a notice file…</source>
        <translation>Import a notice file…</translation>
    </message>
    <message>
        <source>A UTF-8 text file, one line per holiday: name, first day, last day (元旦 2027-01-01 2027-01-03), and a line &quot;班&quot; or &quot;work&quot; with the make-up working days.</source>
        <translation>A UTF-8 text file, one line per holiday: name, first day, last day (元旦 2027-01-01 2027-01-03), and a line &quot;班&quot; or &quot;work&quot; with the make-up working days.</translation>
    </message>
    <message>
        <source>Entered by you.</source>
        <translation>Entered by you.</translation>
    </message>
    <message>
        <source>From the built-in calendar; saving makes it your entry.</source>
        <translation>From the built-in calendar; saving makes it your entry.</translation>
    </message>
    <message>
        <source>Not known yet: only weekends are skipped.</source>
        <translation>Not known yet: only weekends are skipped.</translation>
    </message>
    <message>
        <source>Read from the file; check and save.</source>
        <translation>Read from the file; check and save.</translation>
    </message>
    <message>
        <source>Import a holiday notice</source>
        <translation>Import a holiday notice</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>Text files (*.txt *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>The file is not UTF-8 text.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clients and contacts</source>
        <translation>Import clients and contacts</translation>
    </message>
    <message>
        <source>A .csv (UTF-8 or GB18030) or .xlsx file with a row of column headers</source>
        <translation>A .csv (UTF-8 or GB18030) or .xlsx file with a row of column headers</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>Imported as</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation>Skip the row</translation>
    </message>
    <message>
        <source>Merge into the stored client</source>
        <translation>Merge into the stored client</translation>
    </message>
    <message>
        <source>Create a new client anyway</source>
        <translation>Create a new client anyway</translation>
    </message>
    <message>
        <source>When a client is already stored (same credit code or name)</source>
        <translation>When a client is already stored (same credit code or name)</translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation>Check (dry run)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stops a check or an import while it runs.</source>
        <translation>Stops a check or an import while it runs.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Columns (recognised from their headers; change where needed)</source>
        <translation>Columns (recognised from their headers; change where needed)</translation>
    </message>
    <message>
        <source>Choose a file first (a check or an import may be running).</source>
        <translation>Choose a file first (a check or an import may be running).</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>Tables (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message numerus="yes">
        <source>Column headers found on row %1; the %n row(s) above them were skipped (titles).</source>
        <translation>
            <numerusform>Column headers found on row %1; the row above them was skipped (a title).</numerusform>
            <numerusform>Column headers found on row %1; the %n rows above them were skipped (titles).</numerusform>
        </translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(ignore)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read. Check the columns, then run the check.</source>
        <translation>
            <numerusform>%n row read. Check the columns, then run the check.</numerusform>
            <numerusform>%n rows read. Check the columns, then run the check.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported (set a field to import them): %1</source>
        <translation>Not imported (set a field to import them): %1</translation>
    </message>
    <message>
        <source>Two columns are imported as the same field.</source>
        <translation>Two columns are imported as the same field.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>The import failed; nothing was changed. Details are in the log file.</source>
        <translation>The import failed; nothing was changed. Details are in the log file.</translation>
    </message>
</context>
<context>
    <name>InsightExport</name>
    <message>
        <source>All insight reports</source>
        <translation>All insight reports</translation>
    </message>
    <message>
        <source>Print / PDF…</source>
        <translation>Print / PDF…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Shown once the reports are computed.</source>
        <translation>Shown once the reports are computed.</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <source>Export XLSX</source>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Writing the workbook…</translation>
    </message>
</context>
<context>
    <name>InsightsPanel</name>
    <message>
        <source>Last 12 months</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Double-click a number in blue, or click a bar, to list the clients behind it.</source>
        <translation>Double-click a number in blue, or click a bar, to list the clients behind it.</translation>
    </message>
    <message>
        <source>Funnel and velocity</source>
        <translation>Funnel and velocity</translation>
    </message>
    <message>
        <source>Lost reasons</source>
        <translation>Lost reasons</translation>
    </message>
    <message>
        <source>Source-channel yield</source>
        <translation>Source-channel yield</translation>
    </message>
    <message>
        <source>Referral agents</source>
        <translation>Referral agents</translation>
    </message>
    <message>
        <source>What wins objections</source>
        <translation>What wins objections</translation>
    </message>
    <message>
        <source>Pipeline forecast by expected closing month (weighted by step)</source>
        <translation>Pipeline forecast by expected closing month (weighted by step)</translation>
    </message>
    <message>
        <source>Activity per week against the goal</source>
        <translation>Activity per week against the goal</translation>
    </message>
    <message>
        <source>Coverage per tier against its cadence</source>
        <translation>Coverage per tier against its cadence</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>Moved on</source>
        <translation>Moved on</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Median days</translation>
    </message>
    <message>
        <source>80% within days</source>
        <translation>80% within days</translation>
    </message>
    <message>
        <source>Now at step</source>
        <translation>Now at step</translation>
    </message>
    <message>
        <source>Won %1, lost %2: win rate %3</source>
        <translation>Won %1, lost %2: win rate %3</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Prospects</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Qualified</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Won share</source>
        <translation>Won share</translation>
    </message>
    <message>
        <source>Business won</source>
        <translation>Business won</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Referral agent</source>
        <translation>Referral agent</translation>
    </message>
    <message>
        <source>(no answer written)</source>
        <translation>(no answer written)</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>Answer used</source>
        <translation>Answer used</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Resolve rate</source>
        <translation>Resolve rate</translation>
    </message>
    <message>
        <source>Then closed</source>
        <translation>Then closed</translation>
    </message>
    <message>
        <source>Expected month</source>
        <translation>Expected month</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Weighted</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>No date</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Cadence</translation>
    </message>
    <message>
        <source>Due each</source>
        <translation>Due each</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Covered</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>Clients behind “%1”: %2</source>
        <translation>Clients behind “%1”: %2</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>KeepingPage</name>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>No birthdays, anniversaries or festivals coming up.</source>
        <translation>No birthdays, anniversaries or festivals coming up.</translation>
    </message>
    <message>
        <source>Import business volumes (CSV)…</source>
        <translation>Import business volumes (CSV)…</translation>
    </message>
    <message>
        <source>Recompute tiers</source>
        <translation>Recompute tiers</translation>
    </message>
    <message>
        <source>Holiday notice…</source>
        <translation>Holiday notice…</translation>
    </message>
    <message>
        <source>Enter a year&apos;s public holidays and make-up working days</source>
        <translation>Enter a year&apos;s public holidays and make-up working days</translation>
    </message>
    <message>
        <source>Maintenance due</source>
        <translation>Maintenance due</translation>
    </message>
    <message>
        <source>Look ahead</source>
        <translation>Look ahead</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) due</source>
        <translation>
            <numerusform>%n client due</numerusform>
            <numerusform>%n clients due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n of them overdue. Double-click a row to open the client.</source>
        <translation>
            <numerusform>, %n of them overdue. Double-click a row to open the client.</numerusform>
            <numerusform>, %n of them overdue. Double-click a row to open the client.</numerusform>
        </translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Visit planned</source>
        <translation>Visit planned</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Plan a visit</source>
        <translation>Plan a visit</translation>
    </message>
    <message>
        <source>Personal care in the next %1 days</source>
        <translation>Personal care in the next %1 days</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Import business volumes</source>
        <translation>Import business volumes</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of business volumes imported. Recompute tiers to apply them.</source>
        <translation>
            <numerusform>%n row of business volumes imported. Recompute tiers to apply it.</numerusform>
            <numerusform>%n rows of business volumes imported. Recompute tiers to apply them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tier(s) changed</source>
        <translation>
            <numerusform>%n tier changed</numerusform>
            <numerusform>%n tiers changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n manual tier(s) kept.</source>
        <translation>
            <numerusform>, %n manual tier kept.</numerusform>
            <numerusform>, %n manual tiers kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>Holiday notice saved. Due dates now follow it.</source>
        <translation>Holiday notice saved. Due dates now follow it.</translation>
    </message>
    <message>
        <source>Columns (a header may use the name or the key): %1</source>
        <translation>Columns (a header may use the name or the key): %1</translation>
    </message>
</context>
<context>
    <name>KeepingPanel</name>
    <message>
        <source>Keeping the client</source>
        <translation>Keeping the client</translation>
    </message>
    <message>
        <source>Set tier by hand…</source>
        <translation>Set tier by hand…</translation>
    </message>
    <message>
        <source>Let the rules decide</source>
        <translation>Let the rules decide</translation>
    </message>
    <message>
        <source>Save cadence and founding date</source>
        <translation>Save cadence and founding date</translation>
    </message>
    <message>
        <source>Business volumes…</source>
        <translation>Business volumes…</translation>
    </message>
    <message>
        <source>Next contact due</source>
        <translation>Next contact due</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>No tier</translation>
    </message>
    <message>
        <source>%1, set by hand: %2</source>
        <translation>%1, set by hand: %2</translation>
    </message>
    <message>
        <source>%1, from the rules of the scheme “%2”</source>
        <translation>%1, from the rules of the scheme “%2”</translation>
    </message>
    <message>
        <source>Tier&apos;s cadence: %1</source>
        <translation>Tier&apos;s cadence: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Not on a cadence (not a kept client)</source>
        <translation>Not on a cadence (not a kept client)</translation>
    </message>
    <message>
        <source>Set tier by hand</source>
        <translation>Set tier by hand</translation>
    </message>
    <message>
        <source>The tier stays as chosen here, whatever the rules say, until you let the rules decide again.</source>
        <translation>The tier stays as chosen here, whatever the rules say, until you let the rules decide again.</translation>
    </message>
    <message>
        <source>The rules decide this client&apos;s tier already.</source>
        <translation>The rules decide this client&apos;s tier already.</translation>
    </message>
</context>
<context>
    <name>KeepingSettings</name>
    <message>
        <source>Keeping clients: tiers, cadences, targets, reminders</source>
        <translation>Keeping clients: tiers, cadences, targets, reminders</translation>
    </message>
    <message>
        <source>Use scheme and recompute tiers</source>
        <translation>Use scheme and recompute tiers</translation>
    </message>
    <message>
        <source>Edit rules and thresholds…</source>
        <translation>Edit rules and thresholds…</translation>
    </message>
    <message>
        <source>Save cadences</source>
        <translation>Save cadences</translation>
    </message>
    <message>
        <source>Tier scheme</source>
        <translation>Tier scheme</translation>
    </message>
    <message>
        <source>Maintenance cadence per tier</source>
        <translation>Maintenance cadence per tier</translation>
    </message>
    <message>
        <source>Save targets</source>
        <translation>Save targets</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>No reminder</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Remind of birthdays, anniversaries and festivals this many days ahead</source>
        <translation>Remind of birthdays, anniversaries and festivals this many days ahead</translation>
    </message>
    <message>
        <source>In exported calendars (.ics), remind this many minutes before each visit</source>
        <translation>In exported calendars (.ics), remind this many minutes before each visit</translation>
    </message>
    <message>
        <source>Scheme in use; %1 tiers changed.</source>
        <translation>Scheme in use; %1 tiers changed.</translation>
    </message>
    <message>
        <source>Rules saved. Recompute tiers to apply them.</source>
        <translation>Rules saved. Recompute tiers to apply them.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Add related party</source>
        <translation>Add related party</translation>
    </message>
    <message>
        <source>Company name (a client or not)</source>
        <translation>Company name (a client or not)</translation>
    </message>
    <message>
        <source>Find client</source>
        <translation>Find client</translation>
    </message>
    <message>
        <source>— not a client: use the name typed —</source>
        <translation>— not a client: use the name typed —</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <source>Mark client as lost</source>
        <translation>Mark client as lost</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Relationship manager&apos;s desk</source>
        <translation>Relationship manager&apos;s desk</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Opening your book…</source>
        <translation>Opening your book…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;New client…</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>&amp;Find client</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Trash…</translation>
    </message>
    <message>
        <source>&amp;Import clients and contacts…</source>
        <translation>&amp;Import clients and contacts…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Clients…</source>
        <translation>Clients…</translation>
    </message>
    <message>
        <source>Key persons…</source>
        <translation>Key persons…</translation>
    </message>
    <message>
        <source>Visits…</source>
        <translation>Visits…</translation>
    </message>
    <message>
        <source>Deals…</source>
        <translation>Deals…</translation>
    </message>
    <message>
        <source>Proposals…</source>
        <translation>Proposals…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Undo delete</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Product catalogue…</source>
        <translation>&amp;Product catalogue…</translation>
    </message>
    <message>
        <source>&amp;About rmdesk</source>
        <translation>&amp;About rmdesk</translation>
    </message>
    <message>
        <source>About rmdesk</source>
        <translation>About rmdesk</translation>
    </message>
    <message>
        <source>rmdesk %1
The corporate relationship manager&apos;s desk: the six-step sales flow, visits and call plans, offline.</source>
        <translation>rmdesk %1
The corporate relationship manager&apos;s desk: the six-step sales flow, visits and call plans, offline.</translation>
    </message>
</context>
<context>
    <name>MaintenanceTool</name>
    <message>
        <source>Log a maintenance contact</source>
        <translation>Log a maintenance contact</translation>
    </message>
    <message>
        <source>Set the next date by hand (otherwise the tier&apos;s cadence decides)</source>
        <translation>Set the next date by hand (otherwise the tier&apos;s cadence decides)</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>Log contact</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>New complaint…</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <source>What is the client unhappy about?</source>
        <translation>What is the client unhappy about?</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>Way</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>No cadence applies: the client has no tier of the scheme in use. Give it a tier (Recompute tiers on the Maintenance page, or Set tier by hand… here), or set the next date by hand.</source>
        <translation>No cadence applies: the client has no tier of the scheme in use. Give it a tier (Recompute tiers on the Maintenance page, or Set tier by hand… here), or set the next date by hand.</translation>
    </message>
</context>
<context>
    <name>MaturityDialog</name>
    <message>
        <source>Maturity and post-loan checks</source>
        <translation>Maturity and post-loan checks</translation>
    </message>
    <message>
        <source>The first post-loan check falls a month after drawing, then one every quarter until maturity, and a reminder a month before maturity; all on working days.</source>
        <translation>The first post-loan check falls a month after drawing, then one every quarter until maturity, and a reminder a month before maturity; all on working days.</translation>
    </message>
</context>
<context>
    <name>MeetingTool</name>
    <message>
        <source>Add need…</source>
        <translation>Add need…</translation>
    </message>
    <message>
        <source>Confirm need</source>
        <translation>Confirm need</translation>
    </message>
    <message>
        <source>The client agreed to receive a proposal</source>
        <translation>The client agreed to receive a proposal</translation>
    </message>
    <message>
        <source>Financing-need calculator…</source>
        <translation>Financing-need calculator…</translation>
    </message>
    <message>
        <source>Needs found</source>
        <translation>Needs found</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>No estimate saved yet.</source>
        <translation>No estimate saved yet.</translation>
    </message>
</context>
<context>
    <name>Moves</name>
    <message>
        <source>Move back to %1</source>
        <translation>Move back to %1</translation>
    </message>
    <message>
        <source>Skip to %1</source>
        <translation>Skip to %1</translation>
    </message>
    <message>
        <source>Advance to %1 without the exit condition</source>
        <translation>Advance to %1 without the exit condition</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <source>Need found</source>
        <translation>Need found</translation>
    </message>
    <message>
        <source>The client confirmed this need</source>
        <translation>The client confirmed this need</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Objection</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>Blocks the deal</source>
        <translation>Blocks the deal</translation>
    </message>
    <message>
        <source>Suggested answers</source>
        <translation>Suggested answers</translation>
    </message>
    <message>
        <source>Choose an answer to start from…</source>
        <translation>Choose an answer to start from…</translation>
    </message>
    <message>
        <source>Looking up the answers that worked for you…</source>
        <translation>Looking up the answers that worked for you…</translation>
    </message>
    <message>
        <source>Worked for you (%1 of %2): %3</source>
        <translation>Worked for you (%1 of %2): %3</translation>
    </message>
</context>
<context>
    <name>ObjectionsPanel</name>
    <message>
        <source>Log objection…</source>
        <translation>Log objection…</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>Mark resolved</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Client&apos;s words</source>
        <translation>Client&apos;s words</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Blocking</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Company profile</source>
        <translation>Company profile</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <source>Add key person…</source>
        <translation>Add key person…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Key persons — who decides</source>
        <translation>Key persons — who decides</translation>
    </message>
    <message>
        <source>Add bank</source>
        <translation>Add bank</translation>
    </message>
    <message>
        <source>Remove bank</source>
        <translation>Remove bank</translation>
    </message>
    <message>
        <source>Save banks</source>
        <translation>Save banks</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>What we know (four kinds of data)</source>
        <translation>What we know (four kinds of data)</translation>
    </message>
    <message>
        <source>This step still needs: %1</source>
        <translation>This step still needs: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Decision power</source>
        <translation>Decision power</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source> (lunar)</source>
        <translation> (lunar)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Behaviour</translation>
    </message>
    <message>
        <source>%1 visits held, last %2</source>
        <translation>%1 visits held, last %2</translation>
    </message>
    <message>
        <source>Derived</source>
        <translation>Derived</translation>
    </message>
    <message>
        <source>score %1/5 · rating %2 · financing need %3</source>
        <translation>score %1/5 · rating %2 · financing need %3</translation>
    </message>
</context>
<context>
    <name>ParetoChart</name>
    <message>
        <source>Share of clients (biggest first) → share of business</source>
        <translation>Share of clients (biggest first) → share of business</translation>
    </message>
    <message>
        <source>top 20%: %1 of business</source>
        <translation>top 20%: %1 of business</translation>
    </message>
</context>
<context>
    <name>ParkDialog</name>
    <message>
        <source>Park client</source>
        <translation>Park client</translation>
    </message>
    <message>
        <source>Wake-up date</source>
        <translation>Wake-up date</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>The data and every backup are encrypted with this password. Without it they cannot be opened: nobody can recover a forgotten password. Leave the new password empty to remove the encryption.</source>
        <translation>The data and every backup are encrypted with this password. Without it they cannot be opened: nobody can recover a forgotten password. Leave the new password empty to remove the encryption.</translation>
    </message>
    <message>
        <source>The data and every backup will be encrypted with this password. Without it they cannot be opened: nobody can recover a forgotten password.</source>
        <translation>The data and every backup will be encrypted with this password. Without it they cannot be opened: nobody can recover a forgotten password.</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <source>Filter by name or pinyin…</source>
        <translation>Filter by name or pinyin…</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>All industries</translation>
    </message>
    <message>
        <source>Show nurture and lost</source>
        <translation>Show nurture and lost</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Show more</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>All owners</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Move to %1…</source>
        <translation>Move to %1…</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>%1 clients</translation>
    </message>
    <message>
        <source>Showing the %1 longest in step; filter to see others.</source>
        <translation>Showing the %1 longest in step; filter to see others.</translation>
    </message>
    <message>
        <source>Next %1</source>
        <translation>Next %1</translation>
    </message>
    <message>
        <source>In this step longer than its limit (Settings)</source>
        <translation>In this step longer than its limit (Settings)</translation>
    </message>
    <message>
        <source>%1 d in step</source>
        <translation>%1 d in step</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>stale</translation>
    </message>
    <message>
        <source>Next action is overdue</source>
        <translation>Next action is overdue</translation>
    </message>
</context>
<context>
    <name>PlanPreview</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>Save call plans as PDF</source>
        <translation>Save call plans as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>The printer could not be started.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message numerus="yes">
        <source>Call plan preview — %n plan(s)</source>
        <translation>
            <numerusform>Call plan preview — %n plan</numerusform>
            <numerusform>Call plan preview — %n plans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n page(s)</source>
        <translation>
            <numerusform>, %n page</numerusform>
            <numerusform>, %n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanPrint</name>
    <message>
        <source>Preparing call plans…</source>
        <translation>Preparing call plans…</translation>
    </message>
    <message>
        <source>Call plans</source>
        <translation>Call plans</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>The data is encrypted. Password:</source>
        <translation>The data is encrypted. Password:</translation>
    </message>
    <message>
        <source>rmdesk was locked after a minute without use.</source>
        <translation>rmdesk was locked after a minute without use.</translation>
    </message>
    <message>
        <source>rmdesk was locked after %1 minutes without use.</source>
        <translation>rmdesk was locked after %1 minutes without use.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>The password is wrong.</translation>
    </message>
</context>
<context>
    <name>ProductCatalogueDialog</name>
    <message>
        <source>Product catalogue</source>
        <translation>Product catalogue</translation>
    </message>
    <message>
        <source>All need areas</source>
        <translation>All need areas</translation>
    </message>
    <message>
        <source>Need area</source>
        <translation>Need area</translation>
    </message>
</context>
<context>
    <name>ProductSuggestionsPanel</name>
    <message>
        <source>Confirm a need to see the products that fit.</source>
        <translation>Confirm a need to see the products that fit.</translation>
    </message>
    <message>
        <source>Product catalogue…</source>
        <translation>Product catalogue…</translation>
    </message>
    <message>
        <source>Products that fit</source>
        <translation>Products that fit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation>Pitch</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Financial services proposal</source>
        <translation>Financial services proposal</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>Term (months)</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>Rate (%)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Add product</source>
        <translation>Add product</translation>
    </message>
    <message>
        <source>Remove product</source>
        <translation>Remove product</translation>
    </message>
    <message>
        <source>Products, amounts and terms</source>
        <translation>Products, amounts and terms</translation>
    </message>
    <message>
        <source>Start from the client&apos;s data</source>
        <translation>Start from the client&apos;s data</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <source>Print PDF…</source>
        <translation>Print PDF…</translation>
    </message>
    <message>
        <source>Open deals from the lines</source>
        <translation>Open deals from the lines</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>New (not saved yet)</source>
        <translation>New (not saved yet)</translation>
    </message>
    <message>
        <source>Start the next version from this one</source>
        <translation>Start the next version from this one</translation>
    </message>
    <message>
        <source>Printed or sent versions do not change; start the next version to make changes.</source>
        <translation>Printed or sent versions do not change; start the next version to make changes.</translation>
    </message>
    <message>
        <source>Save the draft first.</source>
        <translation>Save the draft first.</translation>
    </message>
    <message>
        <source>Only the newest version starts the next one: choose it in Version.</source>
        <translation>Only the newest version starts the next one: choose it in Version.</translation>
    </message>
    <message>
        <source>Draft: printing or marking it as sent freezes it as this version.</source>
        <translation>Draft: printing or marking it as sent freezes it as this version.</translation>
    </message>
    <message numerus="yes">
        <source>Deals opened from it: %n</source>
        <translation>
            <numerusform>Deals opened from it: %n</numerusform>
            <numerusform>Deals opened from it: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the proposal</source>
        <translation>Print the proposal</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) opened from this version.</source>
        <translation>
            <numerusform>%n deal opened from this version.</numerusform>
            <numerusform>%n deals opened from this version.</numerusform>
        </translation>
    </message>
    <message>
        <source>Proposal…</source>
        <translation>Proposal…</translation>
    </message>
</context>
<context>
    <name>QualificationTool</name>
    <message>
        <source>Qualification (five criteria)</source>
        <translation>Qualification (five criteria)</translation>
    </message>
    <message>
        <source>Large-client traits</source>
        <translation>Large-client traits</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Save source</source>
        <translation>Save source</translation>
    </message>
    <message>
        <source>Score %1 of 5 (needs %2)</source>
        <translation>Score %1 of 5 (needs %2)</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Why? (saved with the move)</source>
        <translation>Why? (saved with the move)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Call report</source>
        <translation>Call report</translation>
    </message>
    <message>
        <source>Add objection</source>
        <translation>Add objection</translation>
    </message>
    <message>
        <source>Add next step</source>
        <translation>Add next step</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Activity per week</source>
        <translation>Activity per week</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <source>Pipeline funnel</source>
        <translation>Pipeline funnel</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Insights</translation>
    </message>
    <message>
        <source>Work reports</source>
        <translation>Work reports</translation>
    </message>
    <message>
        <source>Team&apos;s reports</source>
        <translation>Team&apos;s reports</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Nurture</source>
        <translation>Nurture</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 of %2 (%3)</translation>
    </message>
    <message>
        <source>The full relationship-manager threshold is met: %1 and %2.</source>
        <translation>The full relationship-manager threshold is met: %1 and %2.</translation>
    </message>
    <message>
        <source>The full relationship-manager threshold needs the deposit target and one of: the loan target, the new-deposit target with a loan balance, or the settlement target with a loan balance.</source>
        <translation>The full relationship-manager threshold needs the deposit target and one of: the loan target, the new-deposit target with a loan balance, or the settlement target with a loan balance.</translation>
    </message>
    <message>
        <source>Goal: %1 contacts per working day (visits, calls and other contacts)</source>
        <translation>Goal: %1 contacts per working day (visits, calls and other contacts)</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Week of %1</translation>
    </message>
    <message>
        <source>%1 of %2 · visits %3, calls %4, other %5 · %6 working days</source>
        <translation>%1 of %2 · visits %3, calls %4, other %5 · %6 working days</translation>
    </message>
    <message>
        <source>Scheme: %1. Business = average deposits + loans of each client&apos;s latest period.</source>
        <translation>Scheme: %1. Business = average deposits + loans of each client&apos;s latest period.</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>No tier</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Fee income</source>
        <translation>Fee income</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule visit</source>
        <translation>Reschedule visit</translation>
    </message>
</context>
<context>
    <name>ReviewBox</name>
    <message>
        <source>Your comment on this version</source>
        <translation>Your comment on this version</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Add comment</translation>
    </message>
    <message>
        <source>Lead&apos;s review</source>
        <translation>Lead&apos;s review</translation>
    </message>
    <message>
        <source>Signed off by %1 on %2 (version %3).</source>
        <translation>Signed off by %1 on %2 (version %3).</translation>
    </message>
    <message>
        <source>Submitted, awaiting the lead&apos;s sign-off.</source>
        <translation>Submitted, awaiting the lead&apos;s sign-off.</translation>
    </message>
    <message>
        <source>The lead reads the report once it is submitted.</source>
        <translation>The lead reads the report once it is submitted.</translation>
    </message>
    <message>
        <source>A newer version (%1) was handed in since.</source>
        <translation>A newer version (%1) was handed in since.</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>No comments yet.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review the changes</source>
        <translation>Review the changes</translation>
    </message>
    <message>
        <source>Save mine keeps their version and writes over it only the fields you changed.</source>
        <translation>Save mine keeps their version and writes over it only the fields you changed.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Theirs (saved)</source>
        <translation>Theirs (saved)</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Saved by Save mine</source>
        <translation>Saved by Save mine</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <source>Save mine</source>
        <translation>Save mine</translation>
    </message>
    <message>
        <source>Reload (take theirs)</source>
        <translation>Reload (take theirs)</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <source>Already signed off.</source>
        <translation>Already signed off.</translation>
    </message>
    <message>
        <source>A newer version was handed in: open that one.</source>
        <translation>A newer version was handed in: open that one.</translation>
    </message>
    <message>
        <source>Only a team lead signs off a report.</source>
        <translation>Only a team lead signs off a report.</translation>
    </message>
    <message>
        <source>Sign off version %1 of this report? A sign-off is final: a later change by the RM is a new version to sign off again.</source>
        <translation>Sign off version %1 of this report? A sign-off is final: a later change by the RM is a new version to sign off again.</translation>
    </message>
</context>
<context>
    <name>RiskPanel</name>
    <message>
        <source>Early warnings</source>
        <translation>Early warnings</translation>
    </message>
    <message>
        <source>Log the suggested warning…</source>
        <translation>Log the suggested warning…</translation>
    </message>
    <message>
        <source>Log warning…</source>
        <translation>Log warning…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>Raise post-loan check</source>
        <translation>Raise post-loan check</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Related parties</source>
        <translation>Related parties</translation>
    </message>
    <message>
        <source>Add related party…</source>
        <translation>Add related party…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>New prospect from it…</source>
        <translation>New prospect from it…</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>What was seen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Closed %1: %2</source>
        <translation>Closed %1: %2</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Suggested: %1 — %2</source>
        <translation>Suggested: %1 — %2</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <source>this client</source>
        <translation>this client</translation>
    </message>
    <message>
        <source>Select a warning in the list first, then press the button again.</source>
        <translation>Select a warning in the list first, then press the button again.</translation>
    </message>
    <message>
        <source>A post-loan check is on the client&apos;s next steps (and on Today when due).</source>
        <translation>A post-loan check is on the client&apos;s next steps (and on Today when due).</translation>
    </message>
    <message>
        <source>Delete warning</source>
        <translation>Delete warning</translation>
    </message>
    <message>
        <source>Delete this entry? Only for a warning logged by mistake: close a real one instead.</source>
        <translation>Delete this entry? Only for a warning logged by mistake: close a real one instead.</translation>
    </message>
    <message>
        <source>Select a related party in the list first, then press the button again.</source>
        <translation>Select a related party in the list first, then press the button again.</translation>
    </message>
    <message>
        <source>Remove related party</source>
        <translation>Remove related party</translation>
    </message>
    <message>
        <source>Remove the link to %1?</source>
        <translation>Remove the link to %1?</translation>
    </message>
    <message>
        <source>Only a main supplier or buyer that is not a client yet can become a new prospect.</source>
        <translation>Only a main supplier or buyer that is not a client yet can become a new prospect.</translation>
    </message>
    <message>
        <source>New prospect</source>
        <translation>New prospect</translation>
    </message>
    <message>
        <source>Create %1 as a new prospect (source: relationship network, referred by this client)?</source>
        <translation>Create %1 as a new prospect (source: relationship network, referred by this client)?</translation>
    </message>
    <message>
        <source>%1 is now a prospect at step 1 in the client list.</source>
        <translation>%1 is now a prospect at step 1 in the client list.</translation>
    </message>
    <message numerus="yes">
        <source>%n open early warning(s)</source>
        <translation>
            <numerusform>%n open early warning</numerusform>
            <numerusform>%n open early warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>No good backup was found. The file was left as it is; copy the data folder and ask for help.</source>
        <translation>No good backup was found. The file was left as it is; copy the data folder and ask for help.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>The newest good backup is from %1. Restore it? The damaged file is kept beside it (changes after the backup are not in it).</source>
        <translation>The newest good backup is from %1. Restore it? The damaged file is kept beside it (changes after the backup are not in it).</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restore the backup</translation>
    </message>
    <message>
        <source>The data file is lost; its backups are encrypted. Type the password to check them.</source>
        <translation>The data file is lost; its backups are encrypted. Type the password to check them.</translation>
    </message>
    <message>
        <source>No backup opens with this password. Try again.</source>
        <translation>No backup opens with this password. Try again.</translation>
    </message>
</context>
<context>
    <name>Saved</name>
    <message>
        <source>Saved at %1</source>
        <translation>Saved at %1</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Showing the first %1.</source>
        <translation>Showing the first %1.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source> d</source>
        <translation> d</translation>
    </message>
    <message>
        <source>The data and its backups are encrypted.</source>
        <translation>The data and its backups are encrypted.</translation>
    </message>
    <message>
        <source>Not encrypted.</source>
        <translation>Not encrypted.</translation>
    </message>
    <message>
        <source>Change pass&amp;word…</source>
        <translation>Change pass&amp;word…</translation>
    </message>
    <message>
        <source>Set pass&amp;word…</source>
        <translation>Set pass&amp;word…</translation>
    </message>
    <message>
        <source>%1 (embedded in each PDF, so it prints the same everywhere)</source>
        <translation>%1 (embedded in each PDF, so it prints the same everywhere)</translation>
    </message>
    <message>
        <source>No TrueType Chinese font was found on this computer: call plans use the built-in %1 font, which is not embedded — the PDF reader must supply Chinese glyphs. Install a TrueType Chinese font (e.g. Microsoft YaHei, SimSun, WenQuanYi Micro Hei) for self-contained PDFs.</source>
        <translation>No TrueType Chinese font was found on this computer: call plans use the built-in %1 font, which is not embedded — the PDF reader must supply Chinese glyphs. Install a TrueType Chinese font (e.g. Microsoft YaHei, SimSun, WenQuanYi Micro Hei) for self-contained PDFs.</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>No backup yet</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Backed up: %1</source>
        <translation>Backed up: %1</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Checking the database…</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>Database check</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Replace the data with the backup from %1? The current data is backed up first.</source>
        <translation>Replace the data with the backup from %1? The current data is backed up first.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Relationship manager (printed on call plans)</source>
        <translation>Relationship manager (printed on call plans)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Bank</source>
        <translation>&amp;Bank</translation>
    </message>
    <message>
        <source>B&amp;ranch</source>
        <translation>B&amp;ranch</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>&amp;Save profile</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Pipeline: mark a card stale after this many days in a step (0 = never)</source>
        <translation>Pipeline: mark a card stale after this many days in a step (0 = never)</translation>
    </message>
    <message>
        <source>Save limits</source>
        <translation>Save limits</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Schema version</translation>
    </message>
    <message>
        <source>Font for printed plans</source>
        <translation>Font for printed plans</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation>Back &amp;up now</translation>
    </message>
    <message>
        <source>Res&amp;tore a backup…</source>
        <translation>Res&amp;tore a backup…</translation>
    </message>
    <message>
        <source>&amp;Check database</source>
        <translation>&amp;Check database</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Lock after</translation>
    </message>
    <message>
        <source>minutes without use (0 = never; only with a password)</source>
        <translation>minutes without use (0 = never; only with a password)</translation>
    </message>
    <message>
        <source>&amp;Mask phone numbers, e-mail addresses and ID numbers in printed plans and exports</source>
        <translation>&amp;Mask phone numbers, e-mail addresses and ID numbers in printed plans and exports</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s), the newest from %1 — in %2</source>
        <translation>
            <numerusform>%n backup, the newest from %1 — in %2</numerusform>
            <numerusform>%n backups, the newest from %1 — in %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestedAnswer</name>
    <message>
        <source>Type, or pick a suggested answer</source>
        <translation>Type, or pick a suggested answer</translation>
    </message>
</context>
<context>
    <name>TeamDatabase</name>
    <message>
        <source>Opening the team database…</source>
        <translation>Opening the team database…</translation>
    </message>
    <message>
        <source>Opening the local book…</source>
        <translation>Opening the local book…</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <source>Team database: %1</source>
        <translation>Team database: %1</translation>
    </message>
    <message>
        <source>Password of %1 on the team database %2:</source>
        <translation>Password of %1 on the team database %2:</translation>
    </message>
    <message>
        <source>The team database %1 cannot be opened:</source>
        <translation>The team database %1 cannot be opened:</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>Open the &amp;local book</source>
        <translation>Open the &amp;local book</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>TeamDatabaseBox</name>
    <message>
        <source>Team database</source>
        <translation>Team database</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/database (or fill in below)</source>
        <translation>postgresql://user@host:5432/database (or fill in below)</translation>
    </message>
    <message>
        <source>default (5432)</source>
        <translation>default (5432)</translation>
    </message>
    <message>
        <source>used for this connection only, never saved</source>
        <translation>used for this connection only, never saved</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>Us&amp;er:</source>
        <translation>Us&amp;er:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>rmdesk never saves the password: it asks at the next start when the server needs one. RMDESK_DB_PASSWORD and ~/.pgpass (or a service file) also work.</source>
        <translation>rmdesk never saves the password: it asks at the next start when the server needs one. RMDESK_DB_PASSWORD and ~/.pgpass (or a service file) also work.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Use the &amp;team database</source>
        <translation>Use the &amp;team database</translation>
    </message>
    <message>
        <source>Back to the &amp;local book</source>
        <translation>Back to the &amp;local book</translation>
    </message>
    <message>
        <source>Open now: the local book in %1</source>
        <translation>Open now: the local book in %1</translation>
    </message>
    <message>
        <source>Open now: the team database %1</source>
        <translation>Open now: the team database %1</translation>
    </message>
    <message>
        <source>The local book is the one open now.</source>
        <translation>The local book is the one open now.</translation>
    </message>
    <message>
        <source>This window cannot switch books.</source>
        <translation>This window cannot switch books.</translation>
    </message>
    <message>
        <source>Give the server and the database (or paste a URL) first.</source>
        <translation>Give the server and the database (or paste a URL) first.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>The database is ready for rmdesk.</source>
        <translation>The database is ready for rmdesk.</translation>
    </message>
    <message>
        <source>The database is empty: rmdesk sets it up when you use it.</source>
        <translation>The database is empty: rmdesk sets it up when you use it.</translation>
    </message>
    <message>
        <source>The database is from an older rmdesk: it is brought up to date when you use it.</source>
        <translation>The database is from an older rmdesk: it is brought up to date when you use it.</translation>
    </message>
    <message>
        <source>The database is from a newer rmdesk: update rmdesk before using it.</source>
        <translation>The database is from a newer rmdesk: update rmdesk before using it.</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1, signed in as %2.</source>
        <translation>Connected: PostgreSQL %1, signed in as %2.</translation>
    </message>
    <message>
        <source>The test failed; details are in the log file.</source>
        <translation>The test failed; details are in the log file.</translation>
    </message>
</context>
<context>
    <name>TeamReviewPanel</name>
    <message>
        <source>Every RM</source>
        <translation>Every RM</translation>
    </message>
    <message>
        <source>Awaiting sign-off</source>
        <translation>Awaiting sign-off</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Signed off</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Every status</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Every kind</translation>
    </message>
    <message>
        <source>RM</source>
        <translation>RM</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>The team&apos;s work reports</source>
        <translation>The team&apos;s work reports</translation>
    </message>
    <message>
        <source>Submitted reports of every RM. Open one to read it, comment, and sign it off; a draft stays the RM&apos;s own until it is submitted.</source>
        <translation>Submitted reports of every RM. Open one to read it, comment, and sign it off; a draft stays the RM&apos;s own until it is submitted.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n report</numerusform>
            <numerusform>%n reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierRulesDialog</name>
    <message>
        <source>Tier rules</source>
        <translation>Tier rules</translation>
    </message>
    <message>
        <source>Each row is one condition of a tier. Tiers are tried from best to last: a client gets the first tier whose conditions hold (every row marked &quot;all of these&quot;, and at least one marked &quot;any of these&quot;); the last tier takes every other client and has no conditions. Money thresholds are in the unit shown.</source>
        <translation>Each row is one condition of a tier. Tiers are tried from best to last: a client gets the first tier whose conditions hold (every row marked &quot;all of these&quot;, and at least one marked &quot;any of these&quot;); the last tier takes every other client and has no conditions. Money thresholds are in the unit shown.</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Must hold</source>
        <translation>Must hold</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>Add condition</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>Remove condition</translation>
    </message>
    <message>
        <source>Add tier…</source>
        <translation>Add tier…</translation>
    </message>
    <message>
        <source>Remove tier…</source>
        <translation>Remove tier…</translation>
    </message>
    <message>
        <source>Points per 10,000 yuan of each volume (the &quot;points&quot; measure)</source>
        <translation>Points per 10,000 yuan of each volume (the &quot;points&quot; measure)</translation>
    </message>
    <message>
        <source>The whole scheme as text (JSON): tiers, rules, cadences, point weights and the USD rate. Amounts here are in yuan (settlement in US dollars).</source>
        <translation>The whole scheme as text (JSON): tiers, rules, cadences, point weights and the USD rate. Amounts here are in yuan (settlement in US dollars).</translation>
    </message>
    <message>
        <source>Edit as text (advanced)</source>
        <translation>Edit as text (advanced)</translation>
    </message>
    <message>
        <source>These rules give a tier more than one rule or use another order; the table cannot show them, so they are edited as text.</source>
        <translation>These rules give a tier more than one rule or use another order; the table cannot show them, so they are edited as text.</translation>
    </message>
    <message>
        <source>all of these</source>
        <translation>all of these</translation>
    </message>
    <message>
        <source>any of these</source>
        <translation>any of these</translation>
    </message>
    <message>
        <source>Select the condition to remove first.</source>
        <translation>Select the condition to remove first.</translation>
    </message>
    <message>
        <source>All the tiers rmdesk knows are in this scheme already.</source>
        <translation>All the tiers rmdesk knows are in this scheme already.</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>Add tier</translation>
    </message>
    <message>
        <source>The new tier goes just above the last one, on its cadence; give it a condition so clients get it.</source>
        <translation>The new tier goes just above the last one, on its cadence; give it a condition so clients get it.</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>Remove tier</translation>
    </message>
    <message>
        <source>The tier and its conditions go; clients in it get a tier again when tiers are recomputed.</source>
        <translation>The tier and its conditions go; clients in it get a tier again when tiers are recomputed.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Created at %1</source>
        <translation>Created at %1</translation>
    </message>
    <message>
        <source>(override)</source>
        <translation>(override)</translation>
    </message>
    <message>
        <source>Visit planned for %1</source>
        <translation>Visit planned for %1</translation>
    </message>
    <message>
        <source>Call report</source>
        <translation>Call report</translation>
    </message>
    <message>
        <source>Visit cancelled</source>
        <translation>Visit cancelled</translation>
    </message>
    <message>
        <source>Objection: %1</source>
        <translation>Objection: %1</translation>
    </message>
    <message>
        <source>Objection resolved: %1</source>
        <translation>Objection resolved: %1</translation>
    </message>
    <message>
        <source>Deal opened</source>
        <translation>Deal opened</translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation>Deal won</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Deal lost</translation>
    </message>
    <message>
        <source>Financing need estimated</source>
        <translation>Financing need estimated</translation>
    </message>
    <message>
        <source>Maintenance contact</source>
        <translation>Maintenance contact</translation>
    </message>
    <message>
        <source>Complaint received</source>
        <translation>Complaint received</translation>
    </message>
    <message>
        <source>Complaint closed</source>
        <translation>Complaint closed</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>Changed %1</translation>
    </message>
    <message>
        <source>Key person added: %1</source>
        <translation>Key person added: %1</translation>
    </message>
    <message>
        <source>Need found: %1</source>
        <translation>Need found: %1</translation>
    </message>
    <message>
        <source>(confirmed)</source>
        <translation>(confirmed)</translation>
    </message>
    <message>
        <source>Visit moved from %1 to %2</source>
        <translation>Visit moved from %1 to %2</translation>
    </message>
    <message>
        <source>Tier %1 → %2</source>
        <translation>Tier %1 → %2</translation>
    </message>
    <message>
        <source>Tier set by hand: %1 → %2</source>
        <translation>Tier set by hand: %1 → %2</translation>
    </message>
    <message>
        <source>Manual tier cleared; the rules decide again</source>
        <translation>Manual tier cleared; the rules decide again</translation>
    </message>
    <message>
        <source>Moved to the trash</source>
        <translation>Moved to the trash</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>Restored from the trash</translation>
    </message>
    <message>
        <source>Visit moved to the trash</source>
        <translation>Visit moved to the trash</translation>
    </message>
    <message>
        <source>Deal moved to the trash</source>
        <translation>Deal moved to the trash</translation>
    </message>
    <message>
        <source>Visit restored from the trash</source>
        <translation>Visit restored from the trash</translation>
    </message>
    <message>
        <source>Deal restored from the trash</source>
        <translation>Deal restored from the trash</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>No visits planned for today.</source>
        <translation>No visits planned for today.</translation>
    </message>
    <message>
        <source>No overdue next steps.</source>
        <translation>No overdue next steps.</translation>
    </message>
    <message>
        <source>Your client book is empty. Create your first client with File › New client (Ctrl+N), or try rmdesk with a demo book: run “rmdesk demo --clients 200” in a terminal.</source>
        <translation>Your client book is empty. Create your first client with File › New client (Ctrl+N), or try rmdesk with a demo book: run “rmdesk demo --clients 200” in a terminal.</translation>
    </message>
    <message>
        <source>Today&apos;s visits</source>
        <translation>Today&apos;s visits</translation>
    </message>
    <message>
        <source>Next steps due or overdue</source>
        <translation>Next steps due or overdue</translation>
    </message>
    <message>
        <source>Maintenance due</source>
        <translation>Maintenance due</translation>
    </message>
    <message>
        <source>No customer is due for maintenance.</source>
        <translation>No customer is due for maintenance.</translation>
    </message>
    <message>
        <source>Personal care</source>
        <translation>Personal care</translation>
    </message>
    <message>
        <source>No birthdays, anniversaries or festivals coming up.</source>
        <translation>No birthdays, anniversaries or festivals coming up.</translation>
    </message>
    <message>
        <source>Stale in the pipeline</source>
        <translation>Stale in the pipeline</translation>
    </message>
    <message>
        <source>No client has sat too long in a step.</source>
        <translation>No client has sat too long in a step.</translation>
    </message>
    <message>
        <source>Open early warnings</source>
        <translation>Open early warnings</translation>
    </message>
    <message>
        <source>No open early warning.</source>
        <translation>No open early warning.</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message>
        <source>Opening your book… the client opens in a moment</source>
        <translation>Opening your book… the client opens in a moment</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Personal care in the next %1 days</source>
        <translation>Personal care in the next %1 days</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Days in step</source>
        <translation>Days in step</translation>
    </message>
</context>
<context>
    <name>Tool</name>
    <message>
        <source>Select a row in the list first, then press the button again.</source>
        <translation>Select a row in the list first, then press the button again.</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Empty trash…</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>The trash is empty.</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Empty trash</translation>
    </message>
    <message numerus="yes">
        <source>Destroy the %n item(s) in the trash? Clients go with all their visits, deals and notes.</source>
        <translation>
            <numerusform>Destroy the %n item in the trash? A client goes with all its visits, deals and notes.</numerusform>
            <numerusform>Destroy the %n items in the trash? Clients go with all their visits, deals and notes.</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone. Really destroy them?</source>
        <translation>This cannot be undone. Really destroy them?</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Make an appointment</source>
        <translation>Make an appointment</translation>
    </message>
    <message>
        <source>Plan a visit</source>
        <translation>Plan a visit</translation>
    </message>
    <message>
        <source>Suggest two free times…</source>
        <translation>Suggest two free times…</translation>
    </message>
    <message>
        <source>Confirmed with the client</source>
        <translation>Confirmed with the client</translation>
    </message>
    <message>
        <source>Our side</source>
        <translation>Our side</translation>
    </message>
    <message>
        <source>Their side</source>
        <translation>Their side</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Overlaps: %1</source>
        <translation>Overlaps: %1</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Plan visit…</source>
        <translation>Plan visit…</translation>
    </message>
    <message>
        <source>Call report…</source>
        <translation>Call report…</translation>
    </message>
    <message>
        <source>Cancel visit…</source>
        <translation>Cancel visit…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reschedule…</translation>
    </message>
    <message>
        <source>Call plan (PDF)…</source>
        <translation>Call plan (PDF)…</translation>
    </message>
    <message>
        <source>Preview, print or save the call plan of the selected visit</source>
        <translation>Preview, print or save the call plan of the selected visit</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <source>Select a visit in the list first, then press the button again.</source>
        <translation>Select a visit in the list first, then press the button again.</translation>
    </message>
    <message>
        <source>Advance?</source>
        <translation>Advance?</translation>
    </message>
    <message>
        <source>The exit condition of this step now holds. Advance the client to %1?</source>
        <translation>The exit condition of this step now holds. Advance the client to %1?</translation>
    </message>
    <message>
        <source>Cancel visit</source>
        <translation>Cancel visit</translation>
    </message>
    <message>
        <source>Why is the visit cancelled?</source>
        <translation>Why is the visit cancelled?</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>VolumesDialog</name>
    <message>
        <source>Business volumes</source>
        <translation>Business volumes</translation>
    </message>
</context>
<context>
    <name>WarningDialog</name>
    <message>
        <source>Edit early warning</source>
        <translation>Edit early warning</translation>
    </message>
    <message>
        <source>Log early warning</source>
        <translation>Log early warning</translation>
    </message>
    <message>
        <source>Look for: %1
Usual response: %2</source>
        <translation>Look for: %1
Usual response: %2</translation>
    </message>
</context>
<context>
    <name>WorkReportPanel</name>
    <message>
        <source>Daily work log</source>
        <translation>Daily work log</translation>
    </message>
    <message>
        <source>Weekly summary</source>
        <translation>Weekly summary</translation>
    </message>
    <message>
        <source>Monthly market report</source>
        <translation>Monthly market report</translation>
    </message>
    <message>
        <source>What went well, what did not, what the lead should know</source>
        <translation>What went well, what did not, what the lead should know</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>What you observed</source>
        <translation>What you observed</translation>
    </message>
    <message>
        <source>Add an observation</source>
        <translation>Add an observation</translation>
    </message>
    <message>
        <source>Market observations by industry and district</source>
        <translation>Market observations by industry and district</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Change after submission…</source>
        <translation>Change after submission…</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <source>Export as XLSX…</source>
        <translation>Export as XLSX…</translation>
    </message>
    <message>
        <source>Earlier versions…</source>
        <translation>Earlier versions…</translation>
    </message>
    <message>
        <source>Every submitted version is kept; open any of them read-only</source>
        <translation>Every submitted version is kept; open any of them read-only</translation>
    </message>
    <message>
        <source>Day in the period</source>
        <translation>Day in the period</translation>
    </message>
    <message>
        <source>From your records</source>
        <translation>From your records</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>In your own words</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Tomorrow&apos;s plan</source>
        <translation>Tomorrow&apos;s plan</translation>
    </message>
    <message>
        <source>Next period&apos;s plan</source>
        <translation>Next period&apos;s plan</translation>
    </message>
    <message>
        <source>Submitted %1 (version %2). A change now needs a reason and is kept as a new version.</source>
        <translation>Submitted %1 (version %2). A change now needs a reason and is kept as a new version.</translation>
    </message>
    <message>
        <source>Signed off by %1 on %2.</source>
        <translation>Signed off by %1 on %2.</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>Last change: %1</translation>
    </message>
    <message>
        <source>Draft, not submitted yet.</source>
        <translation>Draft, not submitted yet.</translation>
    </message>
    <message>
        <source>Not started: the part from your records is ready; add your own words and submit.</source>
        <translation>Not started: the part from your records is ready; add your own words and submit.</translation>
    </message>
    <message>
        <source>Hand the lead its PDF or XLSX (Preview and print…, Export as XLSX…): comments and the lead&apos;s sign-off are kept in team mode only.</source>
        <translation>Hand the lead its PDF or XLSX (Preview and print…, Export as XLSX…): comments and the lead&apos;s sign-off are kept in team mode only.</translation>
    </message>
    <message>
        <source>There is one version only.</source>
        <translation>There is one version only.</translation>
    </message>
    <message>
        <source>Submit this report? Its figures are then kept as they are now, and a later change needs a reason.</source>
        <translation>Submit this report? Its figures are then kept as they are now, and a later change needs a reason.</translation>
    </message>
    <message>
        <source>Submitting the report…</source>
        <translation>Submitting the report…</translation>
    </message>
    <message>
        <source>Change after submission</source>
        <translation>Change after submission</translation>
    </message>
    <message>
        <source>Why does the submitted report change? (Kept with the new version.) Edit the text first, then give the reason here.</source>
        <translation>Why does the submitted report change? (Kept with the new version.) Edit the text first, then give the reason here.</translation>
    </message>
    <message>
        <source>Saving the new version…</source>
        <translation>Saving the new version…</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>Earlier versions</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Signed off</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>Export as XLSX</source>
        <translation>Export as XLSX</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Not submitted yet: edit it here and save.</source>
        <translation>Not submitted yet: edit it here and save.</translation>
    </message>
</context>
<context>
    <name>WorkReportReview</name>
    <message>
        <source>Daily work log</source>
        <translation>Daily work log</translation>
    </message>
    <message>
        <source>Weekly summary</source>
        <translation>Weekly summary</translation>
    </message>
    <message>
        <source>Monthly market report</source>
        <translation>Monthly market report</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Signed off</translation>
    </message>
</context>
</TS>
