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
        <name>CalendarPage</name>
        <message>
            <source>Showing the first %1.</source>
            <translation>Showing the first %1.</translation>
        </message>
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
            <source>Nothing planned.</source>
            <translation>Nothing planned.</translation>
        </message>
    </context>
    <context>
        <name>ClientDialog</name>
        <message>
            <source>New client</source>
            <translation>New client</translation>
        </message>
        <message>
            <source>Company &amp;name *</source>
            <translation>Company &amp;name *</translation>
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
        <message numerus="yes">
            <source>%n client(s)</source>
            <translation>
                <numerusform>%n client</numerusform>
                <numerusform>%n clients</numerusform>
            </translation>
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
        <name>ContactDialog</name>
        <message>
            <source>Key person</source>
            <translation>Key person</translation>
        </message>
        <message>
            <source>New key person</source>
            <translation>New key person</translation>
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
            <source>Deal lost</source>
            <translation>Deal lost</translation>
        </message>
        <message>
            <source>Why was the deal lost?</source>
            <translation>Why was the deal lost?</translation>
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
            <source>rmdesk — Relationship manager's desk</source>
            <translation>rmdesk — Relationship manager's desk</translation>
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
            <source>Data folder: %1</source>
            <translation>Data folder: %1</translation>
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
            <source>&amp;About rmdesk</source>
            <translation>&amp;About rmdesk</translation>
        </message>
        <message>
            <source>About rmdesk</source>
            <translation>About rmdesk</translation>
        </message>
        <message>
            <source>rmdesk %1
The corporate relationship manager's desk: the six-step sales flow, visits and call plans, offline.</source>
            <translation>rmdesk %1
The corporate relationship manager's desk: the six-step sales flow, visits and call plans, offline.</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceTool</name>
        <message>
            <source>Log a maintenance contact</source>
            <translation>Log a maintenance contact</translation>
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
            <source>Client's words</source>
            <translation>Client's words</translation>
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
        <name>QualificationTool</name>
        <message>
            <source>Qualification (优选法)</source>
            <translation>Qualification (优选法)</translation>
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
            <source>One next step a line; due in a week</source>
            <translation>One next step a line; due in a week</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Pipeline funnel</source>
            <translation>Pipeline funnel</translation>
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
    </context>
    <context>
        <name>RescheduleDialog</name>
        <message>
            <source>Reschedule visit</source>
            <translation>Reschedule visit</translation>
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
            <source>Visit moved from %1 to %2</source>
            <translation>Visit moved from %1 to %2</translation>
        </message>
        <message>
            <source>Moved to the trash</source>
            <translation>Moved to the trash</translation>
        </message>
        <message>
            <source>Restored from the trash</source>
            <translation>Restored from the trash</translation>
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
            <source>Today's visits</source>
            <translation>Today's visits</translation>
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
            <source>Birthdays in the next 7 days</source>
            <translation>Birthdays in the next 7 days</translation>
        </message>
        <message>
            <source>No birthdays this week.</source>
            <translation>No birthdays this week.</translation>
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
            <source>Today, %1</source>
            <translation>Today, %1</translation>
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
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Key person</source>
            <translation>Key person</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Age</translation>
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
            <source>Deleted</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <source>Empty trash</source>
            <translation>Empty trash</translation>
        </message>
        <message>
            <source>Destroy the %1 client(s) in the trash with all their visits, deals and notes?</source>
            <translation>Destroy the %1 client(s) in the trash with all their visits, deals and notes?</translation>
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
</TS>
