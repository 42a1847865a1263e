<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApproachTool</name>
    <message>
        <source>Make an appointment…</source>
        <translation>预约拜访…</translation>
    </message>
    <message>
        <source>Mark confirmed</source>
        <translation>标记为已确认</translation>
    </message>
    <message>
        <source>Save intel notes</source>
        <translation>保存情报</translation>
    </message>
    <message>
        <source>Planned visits</source>
        <translation>计划中的拜访</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会见对象</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>CadenceEdit</name>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>The rule as RFC 5545 text (RRULE), e.g. FREQ=MONTHLY;INTERVAL=3</source>
        <translation>RFC 5545 规则文本（RRULE），如 FREQ=MONTHLY;INTERVAL=3</translation>
    </message>
    <message>
        <source>Rule text</source>
        <translation>规则文本</translation>
    </message>
    <message>
        <source>Advanced: edit the rule as text</source>
        <translation>高级：以文本编辑规则</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>每</translation>
    </message>
    <message>
        <source>any weekday</source>
        <translation>任一工作日</translation>
    </message>
    <message>
        <source>on Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>on Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>on Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>on Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>on Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>same day as the last contact</source>
        <translation>与上次联系同一天</translation>
    </message>
    <message>
        <source>on day %1</source>
        <translation>%1 日</translation>
    </message>
    <message>
        <source>on the last day of the month</source>
        <translation>月末最后一天</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Week</source>
        <translation>周视图</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日视图</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>向前</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>向后</translation>
    </message>
    <message>
        <source>Print call plans…</source>
        <translation>打印拜访计划…</translation>
    </message>
    <message>
        <source>One PDF: a cover agenda, then the plan of every planned visit shown</source>
        <translation>生成一个 PDF：首页为拜访日程，随后是所显示的每个计划拜访的拜访计划</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>(not confirmed)</source>
        <translation>（未确认）</translation>
    </message>
    <message>
        <source>Next step: %1 — %2</source>
        <translation>下一步：%1 — %2</translation>
    </message>
    <message>
        <source>Showing the first %1.</source>
        <translation>仅显示前 %1 条。</translation>
    </message>
    <message>
        <source>Nothing planned.</source>
        <translation>没有安排。</translation>
    </message>
</context>
<context>
    <name>ChangedBar</name>
    <message>
        <source>Another RM changed this client. Your edits are not saved yet: save them, or reload to see the other changes.</source>
        <translation>另一位客户经理修改了此客户。您的修改尚未保存：请先保存，或重新载入以查看对方的修改。</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Client &amp;name *</source>
        <translation>客户名称(&amp;N) *</translation>
    </message>
    <message>
        <source>&amp;Short name</source>
        <translation>简称(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>行业(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>区域(&amp;D)</translation>
    </message>
    <message>
        <source>Source c&amp;hannel</source>
        <translation>获客渠道(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Referrer</source>
        <translation>推荐人(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下次行动</translation>
    </message>
</context>
<context>
    <name>ClientWindow</name>
    <message>
        <source>Move back…</source>
        <translation>退回上一步…</translation>
    </message>
    <message>
        <source>Park…</source>
        <translation>暂缓…</translation>
    </message>
    <message>
        <source>Mark lost…</source>
        <translation>标记流失…</translation>
    </message>
    <message>
        <source>Re-open</source>
        <translation>重新激活</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>营销指引</translation>
    </message>
    <message>
        <source>Overview and intel</source>
        <translation>概况与情报</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Risk and related parties</source>
        <translation>风险与关联方</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>未分层</translation>
    </message>
    <message>
        <source>%1 days in this step</source>
        <translation>本步骤已 %1 天</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>客户经理：%1</translation>
    </message>
    <message>
        <source>Next action: %1</source>
        <translation>下次行动：%1</translation>
    </message>
    <message>
        <source>Wakes up %1</source>
        <translation>%1 唤醒</translation>
    </message>
    <message>
        <source>Advance to %1</source>
        <translation>推进到 %1</translation>
    </message>
    <message>
        <source>(override)…</source>
        <translation>（越过条件）…</translation>
    </message>
    <message>
        <source>The exit condition is not met yet</source>
        <translation>推进条件尚未满足</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>已是最后一步</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>The client is parked or lost: re-open it first.</source>
        <translation>该客户已暂缓或已流失：请先“重新激活”。</translation>
    </message>
    <message>
        <source>Maintenance is the last step.</source>
        <translation>客户维护已是最后一步。</translation>
    </message>
    <message>
        <source>The client is at the first step.</source>
        <translation>该客户处于第一步。</translation>
    </message>
    <message>
        <source>The client is parked already.</source>
        <translation>该客户已暂缓。</translation>
    </message>
    <message>
        <source>The client is marked lost already.</source>
        <translation>该客户已标记为流失。</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Search name, pinyin initials, credit code, contact…</source>
        <translation>搜索名称、拼音首字母、信用代码、联系人…</translation>
    </message>
    <message>
        <source>All steps</source>
        <translation>全部步骤</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Moved to the trash — Ctrl+Z to undo</source>
        <translation>已移入回收站 — 按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Opening your book… the client opens in a moment</source>
        <translation>正在打开您的客户库…稍后即打开该客户</translation>
    </message>
    <message>
        <source>Opening your book… the list follows your choice in a moment</source>
        <translation>正在打开您的客户库…稍后按您的选择显示客户</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) · opening your book…</source>
        <translation>
            <numerusform>%n 个客户 · 正在打开您的客户库…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More than %n clients</source>
        <translation>
            <numerusform>超过 %n 个客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseWarningDialog</name>
    <message>
        <source>Close early warning</source>
        <translation>解除预警</translation>
    </message>
</context>
<context>
    <name>ClosingTool</name>
    <message>
        <source>Closing signals seen</source>
        <translation>已出现的成交信号</translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Reloaded: the form shows the saved version. Make your change again, then save.</source>
        <translation>已重新载入：表单显示的是已保存的版本。请重新修改后再保存。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Reload (take theirs)</source>
        <translation>重新载入（采用对方的）</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>对比…</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Key person</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>New key person</source>
        <translation>新增关键人</translation>
    </message>
    <message>
        <source>Keeps the birthday on the lunar calendar (农历)</source>
        <translation>按农历过生日</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <source>New deal</source>
        <translation>新建交易</translation>
    </message>
</context>
<context>
    <name>DealsPanel</name>
    <message>
        <source>New deal…</source>
        <translation>新建交易…</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>未成交…</translation>
    </message>
    <message>
        <source>Maturity…</source>
        <translation>到期日…</translation>
    </message>
    <message>
        <source>A won credit deal&apos;s maturity: post-loan checks become tasks</source>
        <translation>已成交授信业务的到期日：贷后检查自动生成待办</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>交易未成</translation>
    </message>
    <message>
        <source>Why was the deal lost?</source>
        <translation>交易为什么没有成功？</translation>
    </message>
    <message>
        <source>Only a won credit deal (a loan, a guarantee) has a maturity with post-loan checks.</source>
        <translation>只有已成交的授信类业务（贷款、保函等）才有到期日和贷后检查。</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计日期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束日期</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong and the action was not completed. Details are in the log file.</source>
        <translation>出现问题，操作未完成。详细信息已写入日志文件。</translation>
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
        <translation>客户</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>proposals</source>
        <translation>金融服务方案</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 %2 to %3</source>
        <translation>已导出 %1 条%2到 %3</translation>
    </message>
</context>
<context>
    <name>FinCheckPanel</name>
    <message>
        <source>Statement figures…</source>
        <translation>录入财务数据…</translation>
    </message>
    <message>
        <source>%1 statements: %2</source>
        <translation>%1 年财务数据：%2</translation>
    </message>
</context>
<context>
    <name>FinancialsDialog</name>
    <message>
        <source>Statement figures</source>
        <translation>财务数据</translation>
    </message>
    <message>
        <source>One column per year. Amounts in %1; profit and operating cash flow may be negative. Leave a line empty when it is not known.</source>
        <translation>每列一个年度。金额单位：%1；利润总额和经营现金流可以为负数。不清楚的项目留空。</translation>
    </message>
    <message>
        <source>10,000 CNY (万元)</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Add a year</source>
        <translation>增加年度</translation>
    </message>
    <message>
        <source>Remove the selected year</source>
        <translation>删除所选年度</translation>
    </message>
</context>
<context>
    <name>FinancingDialog</name>
    <message>
        <source>Financing need</source>
        <translation>融资需求测算</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Save on client</source>
        <translation>保存到客户</translation>
    </message>
</context>
<context>
    <name>GuidanceTab</name>
    <message>
        <source>Guidance for</source>
        <translation>查看指引：</translation>
    </message>
    <message>
        <source>Exit condition</source>
        <translation>推进条件</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>工作清单</translation>
    </message>
    <message>
        <source>Viewing only — the client is at %1</source>
        <translation>仅查看 — 客户当前处于 %1</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>还需补充：%1</translation>
    </message>
    <message>
        <source>Done: the client&apos;s record shows it.</source>
        <translation>已完成：客户资料中已有记录。</translation>
    </message>
    <message>
        <source>Checklist (%1 of %2 done)</source>
        <translation>工作清单（已完成 %1/%2）</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>要点提示</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>参考话术</translation>
    </message>
    <message>
        <source>Tools for %1</source>
        <translation>%1 工具</translation>
    </message>
    <message>
        <source>Viewing only: these tools work when the client is at this step.</source>
        <translation>仅查看：客户处于该步骤时才能使用这些工具。</translation>
    </message>
    <message>
        <source>What this step needs</source>
        <translation>本步骤需要的资料</translation>
    </message>
    <message>
        <source>Closing pitfalls</source>
        <translation>促成交易的误区</translation>
    </message>
</context>
<context>
    <name>HolidayNoticeDialog</name>
    <message>
        <source>Holiday notice</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>Enter the public holidays and make-up working days of the State Council&apos;s notice for the year. They replace the built-in calendar for that year. Dates as 2027-01-01; leave a holiday empty if the notice has none. Save with everything empty to remove the year&apos;s entry.</source>
        <translation>按国务院办公厅当年的节假日安排通知，填写各节日的放假日期和调休上班日。填写后该年以此为准，不再使用内置日历。日期格式如 2027-01-01；通知中没有的节日留空。全部留空后保存即删除该年的录入。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>first day off</source>
        <translation>放假第一天</translation>
    </message>
    <message>
        <source>last day off</source>
        <translation>放假最后一天</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>e.g. 2027-02-14 2027-02-20</source>
        <translation>例如 2027-02-14 2027-02-20</translation>
    </message>
    <message>
        <source>Make-up working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Import a notice file…</source>
        <translation>导入通知文件…</translation>
    </message>
    <message>
        <source>A UTF-8 text file, one line per holiday: name, first day, last day (元旦 2027-01-01 2027-01-03), and a line &quot;班&quot; or &quot;work&quot; with the make-up working days.</source>
        <translation>UTF-8 文本文件，每个节日一行：名称、放假第一天、最后一天（如：元旦 2027-01-01 2027-01-03）；调休上班日写成一行“班 日期 日期…”。</translation>
    </message>
    <message>
        <source>Entered by you.</source>
        <translation>由您录入。</translation>
    </message>
    <message>
        <source>From the built-in calendar; saving makes it your entry.</source>
        <translation>来自内置日历；保存后以您的录入为准。</translation>
    </message>
    <message>
        <source>Not known yet: only weekends are skipped.</source>
        <translation>尚未收录：只跳过周末。</translation>
    </message>
    <message>
        <source>Read from the file; check and save.</source>
        <translation>已从文件读入，请核对后保存。</translation>
    </message>
    <message>
        <source>Import a holiday notice</source>
        <translation>导入节假日通知</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>文本文件 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>该文件不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clients and contacts</source>
        <translation>导入客户和联系人</translation>
    </message>
    <message>
        <source>A .csv (UTF-8 or GB18030) or .xlsx file with a row of column headers</source>
        <translation>带列标题行的 .csv（UTF-8 或 GB18030）或 .xlsx 文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation>跳过该行</translation>
    </message>
    <message>
        <source>Merge into the stored client</source>
        <translation>合并到已有客户</translation>
    </message>
    <message>
        <source>Create a new client anyway</source>
        <translation>仍然新建客户</translation>
    </message>
    <message>
        <source>When a client is already stored (same credit code or name)</source>
        <translation>客户已存在时（信用代码或名称相同）</translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation>检查（不写入）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stops a check or an import while it runs.</source>
        <translation>检查或导入进行中时可用，用于中止。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Columns (recognised from their headers; change where needed)</source>
        <translation>列对应关系（按列标题自动识别，可按需修改）</translation>
    </message>
    <message>
        <source>Choose a file first (a check or an import may be running).</source>
        <translation>请先选择文件（或正在检查、导入中）。</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message numerus="yes">
        <source>Column headers found on row %1; the %n row(s) above them were skipped (titles).</source>
        <translation>
            <numerusform>列标题在第 %1 行；其上方的 %n 行（标题）已跳过。</numerusform>
        </translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read. Check the columns, then run the check.</source>
        <translation>
            <numerusform>已读取 %n 行。请核对各列，然后运行检查。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported (set a field to import them): %1</source>
        <translation>以下列不导入（如需导入请选择对应字段）：%1</translation>
    </message>
    <message>
        <source>Two columns are imported as the same field.</source>
        <translation>有两列被对应到了同一个字段。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>The import failed; nothing was changed. Details are in the log file.</source>
        <translation>导入失败，数据未改变。详细信息已写入日志文件。</translation>
    </message>
</context>
<context>
    <name>InsightExport</name>
    <message>
        <source>All insight reports</source>
        <translation>全部洞察报告</translation>
    </message>
    <message>
        <source>Print / PDF…</source>
        <translation>打印 / PDF…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>Shown once the reports are computed.</source>
        <translation>报告计算完成后可用。</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>将报告另存为 PDF</translation>
    </message>
    <message>
        <source>Export XLSX</source>
        <translation>导出 XLSX</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
</context>
<context>
    <name>InsightsPanel</name>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Double-click a number in blue, or click a bar, to list the clients behind it.</source>
        <translation>双击蓝色数字或点击柱形，可列出其背后的客户。</translation>
    </message>
    <message>
        <source>Funnel and velocity</source>
        <translation>销售漏斗与推进速度</translation>
    </message>
    <message>
        <source>Lost reasons</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Source-channel yield</source>
        <translation>获客渠道产出</translation>
    </message>
    <message>
        <source>Referral agents</source>
        <translation>介绍人产出</translation>
    </message>
    <message>
        <source>What wins objections</source>
        <translation>异议处理效果</translation>
    </message>
    <message>
        <source>Pipeline forecast by expected closing month (weighted by step)</source>
        <translation>按预计成交月份的商机预测（按步骤加权）</translation>
    </message>
    <message>
        <source>Activity per week against the goal</source>
        <translation>每周活动量与目标</translation>
    </message>
    <message>
        <source>Coverage per tier against its cadence</source>
        <translation>各层级维护覆盖率（对照维护频率）</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>进入</translation>
    </message>
    <message>
        <source>Moved on</source>
        <translation>推进</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>中位天数</translation>
    </message>
    <message>
        <source>80% within days</source>
        <translation>80% 在几天内</translation>
    </message>
    <message>
        <source>Now at step</source>
        <translation>当前在此步</translation>
    </message>
    <message>
        <source>Won %1, lost %2: win rate %3</source>
        <translation>成交 %1，流失 %2，赢单率 %3</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Prospects</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Won share</source>
        <translation>成交率</translation>
    </message>
    <message>
        <source>Business won</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Referral agent</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>(no answer written)</source>
        <translation>（未记录话术）</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议类型</translation>
    </message>
    <message>
        <source>Answer used</source>
        <translation>应对话术</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>化解</translation>
    </message>
    <message>
        <source>Resolve rate</source>
        <translation>化解率</translation>
    </message>
    <message>
        <source>Then closed</source>
        <translation>化解后成交</translation>
    </message>
    <message>
        <source>Expected month</source>
        <translation>预计月份</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>未定日期</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>维护频率</translation>
    </message>
    <message>
        <source>Due each</source>
        <translation>每户应联系</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>实际联系</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>达标客户</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Clients behind “%1”: %2</source>
        <translation>“%1”背后的客户：%2 个</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>KeepingPage</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>No birthdays, anniversaries or festivals coming up.</source>
        <translation>近期没有生日、周年纪念或节日。</translation>
    </message>
    <message>
        <source>Import business volumes (CSV)…</source>
        <translation>导入业务量（CSV）…</translation>
    </message>
    <message>
        <source>Recompute tiers</source>
        <translation>重新分层</translation>
    </message>
    <message>
        <source>Holiday notice…</source>
        <translation>节假日安排…</translation>
    </message>
    <message>
        <source>Enter a year&apos;s public holidays and make-up working days</source>
        <translation>录入某一年的法定节假日和调休上班日</translation>
    </message>
    <message>
        <source>Maintenance due</source>
        <translation>到期维护</translation>
    </message>
    <message>
        <source>Look ahead</source>
        <translation>提前查看</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) due</source>
        <translation>
            <numerusform>%n 个客户到期维护</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n of them overdue. Double-click a row to open the client.</source>
        <translation>
            <numerusform>，其中 %n 个已逾期。双击一行打开客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Visit planned</source>
        <translation>已约拜访</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Plan a visit</source>
        <translation>计划拜访</translation>
    </message>
    <message>
        <source>Personal care in the next %1 days</source>
        <translation>未来 %1 天的情感维护</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Import business volumes</source>
        <translation>导入业务量</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of business volumes imported. Recompute tiers to apply them.</source>
        <translation>
            <numerusform>已导入 %n 行业务量数据。请重新计算分层使其生效。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tier(s) changed</source>
        <translation>
            <numerusform>%n 个客户分层有变化</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n manual tier(s) kept.</source>
        <translation>
            <numerusform>，%n 个手动分层保持不变。</numerusform>
        </translation>
    </message>
    <message>
        <source>Holiday notice saved. Due dates now follow it.</source>
        <translation>节假日安排已保存，到期日已按新安排计算。</translation>
    </message>
    <message>
        <source>Columns (a header may use the name or the key): %1</source>
        <translation>各列（表头可用中文名或英文键）：%1</translation>
    </message>
</context>
<context>
    <name>KeepingPanel</name>
    <message>
        <source>Keeping the client</source>
        <translation>客户维护</translation>
    </message>
    <message>
        <source>Set tier by hand…</source>
        <translation>手动设定分层…</translation>
    </message>
    <message>
        <source>Let the rules decide</source>
        <translation>恢复按规则分层</translation>
    </message>
    <message>
        <source>Save cadence and founding date</source>
        <translation>保存维护频率和成立日期</translation>
    </message>
    <message>
        <source>Business volumes…</source>
        <translation>业务量…</translation>
    </message>
    <message>
        <source>Next contact due</source>
        <translation>下次维护到期</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务量</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>未分层</translation>
    </message>
    <message>
        <source>%1, set by hand: %2</source>
        <translation>%1（手动设定：%2）</translation>
    </message>
    <message>
        <source>%1, from the rules of the scheme “%2”</source>
        <translation>%1（按“%2”规则）</translation>
    </message>
    <message>
        <source>Tier&apos;s cadence: %1</source>
        <translation>分层频率：%1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Not on a cadence (not a kept client)</source>
        <translation>不在维护频率内（非维护客户）</translation>
    </message>
    <message>
        <source>Set tier by hand</source>
        <translation>手动设定分层</translation>
    </message>
    <message>
        <source>The tier stays as chosen here, whatever the rules say, until you let the rules decide again.</source>
        <translation>此处设定的分层将一直保留，不受规则影响，直到恢复按规则分层。</translation>
    </message>
    <message>
        <source>The rules decide this client&apos;s tier already.</source>
        <translation>该客户的分层已由规则决定。</translation>
    </message>
</context>
<context>
    <name>KeepingSettings</name>
    <message>
        <source>Keeping clients: tiers, cadences, targets, reminders</source>
        <translation>客户维护：分层、维护频率、考核目标、提醒</translation>
    </message>
    <message>
        <source>Use scheme and recompute tiers</source>
        <translation>启用方案并重新分层</translation>
    </message>
    <message>
        <source>Edit rules and thresholds…</source>
        <translation>编辑分层规则与门槛…</translation>
    </message>
    <message>
        <source>Save cadences</source>
        <translation>保存维护频率</translation>
    </message>
    <message>
        <source>Tier scheme</source>
        <translation>分层方案</translation>
    </message>
    <message>
        <source>Maintenance cadence per tier</source>
        <translation>各层维护频率</translation>
    </message>
    <message>
        <source>Save targets</source>
        <translation>保存目标</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Remind of birthdays, anniversaries and festivals this many days ahead</source>
        <translation>生日、周年纪念和节日提前提醒天数</translation>
    </message>
    <message>
        <source>In exported calendars (.ics), remind this many minutes before each visit</source>
        <translation>导出的日历（.ics）中，每次拜访提前提醒的分钟数</translation>
    </message>
    <message>
        <source>Scheme in use; %1 tiers changed.</source>
        <translation>方案已启用；%1 个客户的分层有变化。</translation>
    </message>
    <message>
        <source>Rules saved. Recompute tiers to apply them.</source>
        <translation>规则已保存。重新分层后生效。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Add related party</source>
        <translation>新增关联方</translation>
    </message>
    <message>
        <source>Company name (a client or not)</source>
        <translation>企业名称（客户或非客户均可）</translation>
    </message>
    <message>
        <source>Find client</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>— not a client: use the name typed —</source>
        <translation>— 非本行客户：使用输入的名称 —</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <source>Mark client as lost</source>
        <translation>标记客户流失</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Relationship manager&apos;s desk</source>
        <translation>客户经理工作台</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售管道</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>客户维护</translation>
    </message>
    <message>
        <source>Opening your book…</source>
        <translation>正在打开您的客户库…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Import clients and contacts…</source>
        <translation>导入客户和联系人(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Clients…</source>
        <translation>客户…</translation>
    </message>
    <message>
        <source>Key persons…</source>
        <translation>关键人…</translation>
    </message>
    <message>
        <source>Visits…</source>
        <translation>拜访…</translation>
    </message>
    <message>
        <source>Deals…</source>
        <translation>交易…</translation>
    </message>
    <message>
        <source>Proposals…</source>
        <translation>金融服务方案…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Product catalogue…</source>
        <translation>产品目录(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About rmdesk</source>
        <translation>关于 rmdesk(&amp;A)</translation>
    </message>
    <message>
        <source>About rmdesk</source>
        <translation>关于 rmdesk</translation>
    </message>
    <message>
        <source>rmdesk %1
The corporate relationship manager&apos;s desk: the six-step sales flow, visits and call plans, offline.</source>
        <translation>rmdesk %1
对公客户经理工作台：营销六步、拜访与拜访计划，离线可用。</translation>
    </message>
</context>
<context>
    <name>MaintenanceTool</name>
    <message>
        <source>Log a maintenance contact</source>
        <translation>记录维护联系</translation>
    </message>
    <message>
        <source>Set the next date by hand (otherwise the tier&apos;s cadence decides)</source>
        <translation>手动指定下次维护日期（否则按分层频率）</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>新投诉…</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <source>What is the client unhappy about?</source>
        <translation>客户对什么不满意？</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>闭环时间</translation>
    </message>
    <message>
        <source>No cadence applies: the client has no tier of the scheme in use. Give it a tier (Recompute tiers on the Maintenance page, or Set tier by hand… here), or set the next date by hand.</source>
        <translation>不适用任何维护频率：该客户尚未分入当前方案的层级。请为其分层（在“客户维护”页点“重新分层”，或在此点“手动设定分层…”），或手动设定下次日期。</translation>
    </message>
</context>
<context>
    <name>MaturityDialog</name>
    <message>
        <source>Maturity and post-loan checks</source>
        <translation>到期日与贷后检查</translation>
    </message>
    <message>
        <source>The first post-loan check falls a month after drawing, then one every quarter until maturity, and a reminder a month before maturity; all on working days.</source>
        <translation>放款后一个月进行首次贷后检查，此后每季度一次直至到期，到期前一个月提醒；均安排在工作日。</translation>
    </message>
</context>
<context>
    <name>MeetingTool</name>
    <message>
        <source>Add need…</source>
        <translation>添加需求…</translation>
    </message>
    <message>
        <source>Confirm need</source>
        <translation>确认需求</translation>
    </message>
    <message>
        <source>The client agreed to receive a proposal</source>
        <translation>客户同意接收金融服务方案</translation>
    </message>
    <message>
        <source>Financing-need calculator…</source>
        <translation>融资需求测算…</translation>
    </message>
    <message>
        <source>Needs found</source>
        <translation>发现的需求</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No estimate saved yet.</source>
        <translation>尚未保存测算结果。</translation>
    </message>
</context>
<context>
    <name>Moves</name>
    <message>
        <source>Move back to %1</source>
        <translation>退回到 %1</translation>
    </message>
    <message>
        <source>Skip to %1</source>
        <translation>跳到 %1</translation>
    </message>
    <message>
        <source>Advance to %1 without the exit condition</source>
        <translation>未满足推进条件，推进到 %1</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <source>Need found</source>
        <translation>发现需求</translation>
    </message>
    <message>
        <source>The client confirmed this need</source>
        <translation>客户已确认该需求</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Blocks the deal</source>
        <translation>阻碍成交</translation>
    </message>
    <message>
        <source>Suggested answers</source>
        <translation>参考应对</translation>
    </message>
    <message>
        <source>Choose an answer to start from…</source>
        <translation>选择一条参考话术…</translation>
    </message>
    <message>
        <source>Looking up the answers that worked for you…</source>
        <translation>正在查找对您有效的答法…</translation>
    </message>
    <message>
        <source>Worked for you (%1 of %2): %3</source>
        <translation>您用过有效（%2 次中化解 %1 次）：%3</translation>
    </message>
</context>
<context>
    <name>ObjectionsPanel</name>
    <message>
        <source>Log objection…</source>
        <translation>记录异议…</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>标记已解决</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Client&apos;s words</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>应对话术</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>阻碍成交</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Company profile</source>
        <translation>企业概况</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存概况</translation>
    </message>
    <message>
        <source>Add key person…</source>
        <translation>添加关键人…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Key persons — who decides</source>
        <translation>关键人 — 谁来拍板</translation>
    </message>
    <message>
        <source>Add bank</source>
        <translation>添加银行</translation>
    </message>
    <message>
        <source>Remove bank</source>
        <translation>删除银行</translation>
    </message>
    <message>
        <source>Save banks</source>
        <translation>保存合作银行</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>What we know (four kinds of data)</source>
        <translation>客户信息（四类数据）</translation>
    </message>
    <message>
        <source>This step still needs: %1</source>
        <translation>本步骤还需补充：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Decision power</source>
        <translation>决策权</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>个人偏好</translation>
    </message>
    <message>
        <source> (lunar)</source>
        <translation>（农历）</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>基本数据</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>行为数据</translation>
    </message>
    <message>
        <source>%1 visits held, last %2</source>
        <translation>已拜访 %1 次，最近一次 %2</translation>
    </message>
    <message>
        <source>Derived</source>
        <translation>衍生数据</translation>
    </message>
    <message>
        <source>score %1/5 · rating %2 · financing need %3</source>
        <translation>资格评分 %1/5 · 评级 %2 · 融资需求 %3</translation>
    </message>
</context>
<context>
    <name>ParetoChart</name>
    <message>
        <source>Share of clients (biggest first) → share of business</source>
        <translation>客户占比（按业务量从大到小）→ 业务量占比</translation>
    </message>
    <message>
        <source>top 20%: %1 of business</source>
        <translation>前 20% 客户：占业务量 %1</translation>
    </message>
</context>
<context>
    <name>ParkDialog</name>
    <message>
        <source>Park client</source>
        <translation>暂缓跟进</translation>
    </message>
    <message>
        <source>Wake-up date</source>
        <translation>唤醒日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The data and every backup are encrypted with this password. Without it they cannot be opened: nobody can recover a forgotten password. Leave the new password empty to remove the encryption.</source>
        <translation>数据及全部备份均用此密码加密，没有密码将无法打开；忘记密码后任何人都无法找回。新密码留空即取消加密。</translation>
    </message>
    <message>
        <source>The data and every backup will be encrypted with this password. Without it they cannot be opened: nobody can recover a forgotten password.</source>
        <translation>数据及全部备份将用此密码加密，没有密码将无法打开；忘记密码后任何人都无法找回。</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <source>Filter by name or pinyin…</source>
        <translation>按名称或拼音筛选…</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部分层</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>Show nurture and lost</source>
        <translation>显示暂缓和流失客户</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Move to %1…</source>
        <translation>移到 %1…</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>%1 个客户</translation>
    </message>
    <message>
        <source>Showing the %1 longest in step; filter to see others.</source>
        <translation>仅显示在本步骤停留最久的 %1 个；用筛选查看其他客户。</translation>
    </message>
    <message>
        <source>Next %1</source>
        <translation>下次 %1</translation>
    </message>
    <message>
        <source>In this step longer than its limit (Settings)</source>
        <translation>在本步骤停留已超过设定天数（见设置）</translation>
    </message>
    <message>
        <source>%1 d in step</source>
        <translation>本步骤 %1 天</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>停滞</translation>
    </message>
    <message>
        <source>Next action is overdue</source>
        <translation>下次行动已逾期</translation>
    </message>
</context>
<context>
    <name>PlanPreview</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Save call plans as PDF</source>
        <translation>将拜访计划另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message numerus="yes">
        <source>Call plan preview — %n plan(s)</source>
        <translation>
            <numerusform>拜访计划预览 — %n 份计划</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n page(s)</source>
        <translation>
            <numerusform>，共 %n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanPrint</name>
    <message>
        <source>Preparing call plans…</source>
        <translation>正在生成拜访计划…</translation>
    </message>
    <message>
        <source>Call plans</source>
        <translation>拜访计划</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>The data is encrypted. Password:</source>
        <translation>数据已加密，请输入密码：</translation>
    </message>
    <message>
        <source>rmdesk was locked after a minute without use.</source>
        <translation>rmdesk 已在 1 分钟无操作后锁定。</translation>
    </message>
    <message>
        <source>rmdesk was locked after %1 minutes without use.</source>
        <translation>rmdesk 已在 %1 分钟无操作后锁定。</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>密码不正确。</translation>
    </message>
</context>
<context>
    <name>ProductCatalogueDialog</name>
    <message>
        <source>Product catalogue</source>
        <translation>产品目录</translation>
    </message>
    <message>
        <source>All need areas</source>
        <translation>全部需求领域</translation>
    </message>
    <message>
        <source>Need area</source>
        <translation>需求领域</translation>
    </message>
</context>
<context>
    <name>ProductSuggestionsPanel</name>
    <message>
        <source>Confirm a need to see the products that fit.</source>
        <translation>确认需求后，这里会列出适合的产品。</translation>
    </message>
    <message>
        <source>Product catalogue…</source>
        <translation>产品目录…</translation>
    </message>
    <message>
        <source>Products that fit</source>
        <translation>适合的产品</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation>一句话推介</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Financial services proposal</source>
        <translation>金融服务方案</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>利率/费率（%）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Add product</source>
        <translation>添加产品</translation>
    </message>
    <message>
        <source>Remove product</source>
        <translation>删除产品</translation>
    </message>
    <message>
        <source>Products, amounts and terms</source>
        <translation>产品、金额与期限</translation>
    </message>
    <message>
        <source>Start from the client&apos;s data</source>
        <translation>按客户资料生成</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>标记为已发送</translation>
    </message>
    <message>
        <source>Print PDF…</source>
        <translation>打印 PDF…</translation>
    </message>
    <message>
        <source>Open deals from the lines</source>
        <translation>按产品明细建立商机</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New (not saved yet)</source>
        <translation>新方案（尚未保存）</translation>
    </message>
    <message>
        <source>Start the next version from this one</source>
        <translation>以此版为基础新建下一版</translation>
    </message>
    <message>
        <source>Printed or sent versions do not change; start the next version to make changes.</source>
        <translation>已打印或已发送的版本不再改动；如需修改，请新建下一版。</translation>
    </message>
    <message>
        <source>Save the draft first.</source>
        <translation>请先保存草稿。</translation>
    </message>
    <message>
        <source>Only the newest version starts the next one: choose it in Version.</source>
        <translation>只有最新版本可以作为下一版的起点：请在“版本”中选择最新版本。</translation>
    </message>
    <message>
        <source>Draft: printing or marking it as sent freezes it as this version.</source>
        <translation>草稿：打印或标记为已发送后，此版即定稿。</translation>
    </message>
    <message numerus="yes">
        <source>Deals opened from it: %n</source>
        <translation>
            <numerusform>由此版建立的商机：%n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the proposal</source>
        <translation>打印金融服务方案</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) opened from this version.</source>
        <translation>
            <numerusform>已由此版建立 %n 个商机。</numerusform>
        </translation>
    </message>
    <message>
        <source>Proposal…</source>
        <translation>金融服务方案…</translation>
    </message>
</context>
<context>
    <name>QualificationTool</name>
    <message>
        <source>Qualification (five criteria)</source>
        <translation>客户优选（优选法五项标准）</translation>
    </message>
    <message>
        <source>Large-client traits</source>
        <translation>大客户特质</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Save source</source>
        <translation>保存来源</translation>
    </message>
    <message>
        <source>Score %1 of 5 (needs %2)</source>
        <translation>评分 %1/5（需达到 %2）</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Why? (saved with the move)</source>
        <translation>原因（将随本次调整一并保存）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Call report</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>Add objection</source>
        <translation>添加异议</translation>
    </message>
    <message>
        <source>Add next step</source>
        <translation>添加下一步</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Targets</source>
        <translation>考核目标</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Activity per week</source>
        <translation>每周活动量</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <source>Pipeline funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>经营分析</translation>
    </message>
    <message>
        <source>Work reports</source>
        <translation>工作报告</translation>
    </message>
    <message>
        <source>Team&apos;s reports</source>
        <translation>团队报告</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Nurture</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 / %2（%3）</translation>
    </message>
    <message>
        <source>The full relationship-manager threshold is met: %1 and %2.</source>
        <translation>已达标：满足正式客户经理的考核门槛（%1及%2）。</translation>
    </message>
    <message>
        <source>The full relationship-manager threshold needs the deposit target and one of: the loan target, the new-deposit target with a loan balance, or the settlement target with a loan balance.</source>
        <translation>正式客户经理门槛：存款目标，外加以下之一：贷款目标；新增存款目标且有贷款余额；国际结算目标且有贷款余额。</translation>
    </message>
    <message>
        <source>Goal: %1 contacts per working day (visits, calls and other contacts)</source>
        <translation>目标：每个工作日 %1 次客户活动（拜访、电话及其他联系）</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1 当周</translation>
    </message>
    <message>
        <source>%1 of %2 · visits %3, calls %4, other %5 · %6 working days</source>
        <translation>%1 / %2 · 拜访 %3、电话 %4、其他 %5 · %6 个工作日</translation>
    </message>
    <message>
        <source>Scheme: %1. Business = average deposits + loans of each client&apos;s latest period.</source>
        <translation>方案：%1。业务量 = 各客户最近一期的日均存款 + 日均贷款。</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>未分层</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务量</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Fee income</source>
        <translation>中间业务收入</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule visit</source>
        <translation>改期</translation>
    </message>
</context>
<context>
    <name>ReviewBox</name>
    <message>
        <source>Your comment on this version</source>
        <translation>对本版本的审阅意见</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>添加意见</translation>
    </message>
    <message>
        <source>Lead&apos;s review</source>
        <translation>负责人审阅</translation>
    </message>
    <message>
        <source>Signed off by %1 on %2 (version %3).</source>
        <translation>%1 已于 %2 签阅（第 %3 版）。</translation>
    </message>
    <message>
        <source>Submitted, awaiting the lead&apos;s sign-off.</source>
        <translation>已提交，待负责人签阅。</translation>
    </message>
    <message>
        <source>The lead reads the report once it is submitted.</source>
        <translation>报告提交后，负责人即可审阅。</translation>
    </message>
    <message>
        <source>A newer version (%1) was handed in since.</source>
        <translation>此后已提交了更新的第 %1 版。</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>暂无审阅意见。</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review the changes</source>
        <translation>对比修改</translation>
    </message>
    <message>
        <source>Save mine keeps their version and writes over it only the fields you changed.</source>
        <translation>“保存我的”保留对方的版本，只用您修改过的字段覆盖。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Theirs (saved)</source>
        <translation>对方的（已保存）</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Saved by Save mine</source>
        <translation>“保存我的”将保存</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>Save mine</source>
        <translation>保存我的</translation>
    </message>
    <message>
        <source>Reload (take theirs)</source>
        <translation>重新载入（采用对方的）</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>签阅</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <source>Already signed off.</source>
        <translation>已签阅。</translation>
    </message>
    <message>
        <source>A newer version was handed in: open that one.</source>
        <translation>已有更新的版本，请打开新版本。</translation>
    </message>
    <message>
        <source>Only a team lead signs off a report.</source>
        <translation>只有团队负责人可以签阅报告。</translation>
    </message>
    <message>
        <source>Sign off version %1 of this report? A sign-off is final: a later change by the RM is a new version to sign off again.</source>
        <translation>签阅本报告第 %1 版？签阅后不可撤销：客户经理此后的修改将作为新版本，需要重新签阅。</translation>
    </message>
</context>
<context>
    <name>RiskPanel</name>
    <message>
        <source>Early warnings</source>
        <translation>风险预警</translation>
    </message>
    <message>
        <source>Log the suggested warning…</source>
        <translation>登记建议的预警…</translation>
    </message>
    <message>
        <source>Log warning…</source>
        <translation>登记预警…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>解除…</translation>
    </message>
    <message>
        <source>Raise post-loan check</source>
        <translation>安排贷后检查</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Related parties</source>
        <translation>关联方</translation>
    </message>
    <message>
        <source>Add related party…</source>
        <translation>新增关联方…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>New prospect from it…</source>
        <translation>转为新客户…</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>预警信号</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>程度</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>具体情况</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>应对措施</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>贷后检查</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未解除</translation>
    </message>
    <message>
        <source>Closed %1: %2</source>
        <translation>%1 解除：%2</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已安排</translation>
    </message>
    <message>
        <source>Suggested: %1 — %2</source>
        <translation>建议登记：%1 — %2</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>记录于</translation>
    </message>
    <message>
        <source>this client</source>
        <translation>本客户</translation>
    </message>
    <message>
        <source>Select a warning in the list first, then press the button again.</source>
        <translation>请先在列表中选中一条预警，再点击该按钮。</translation>
    </message>
    <message>
        <source>A post-loan check is on the client&apos;s next steps (and on Today when due).</source>
        <translation>贷后检查已加入该客户的下一步工作（到期时显示在“今日”）。</translation>
    </message>
    <message>
        <source>Delete warning</source>
        <translation>删除预警</translation>
    </message>
    <message>
        <source>Delete this entry? Only for a warning logged by mistake: close a real one instead.</source>
        <translation>删除这条记录？仅用于误登记的预警；真实的预警请“解除”。</translation>
    </message>
    <message>
        <source>Select a related party in the list first, then press the button again.</source>
        <translation>请先在列表中选中一个关联方，再点击该按钮。</translation>
    </message>
    <message>
        <source>Remove related party</source>
        <translation>移除关联方</translation>
    </message>
    <message>
        <source>Remove the link to %1?</source>
        <translation>移除与 %1 的关联？</translation>
    </message>
    <message>
        <source>Only a main supplier or buyer that is not a client yet can become a new prospect.</source>
        <translation>只有尚未成为客户的主要供应商或买方才能转为新客户。</translation>
    </message>
    <message>
        <source>New prospect</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Create %1 as a new prospect (source: relationship network, referred by this client)?</source>
        <translation>将 %1 建为新客户（获客渠道：关系法，推荐人为本客户）？</translation>
    </message>
    <message>
        <source>%1 is now a prospect at step 1 in the client list.</source>
        <translation>%1 已作为第 1 步的新客户加入客户列表。</translation>
    </message>
    <message numerus="yes">
        <source>%n open early warning(s)</source>
        <translation>
            <numerusform>%n 条未解除预警</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>No good backup was found. The file was left as it is; copy the data folder and ask for help.</source>
        <translation>没有找到完好的备份。数据库文件保持原样；请复制整个数据目录并寻求技术支持。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The newest good backup is from %1. Restore it? The damaged file is kept beside it (changes after the backup are not in it).</source>
        <translation>最近一次完好的备份时间为 %1。是否恢复？损坏的文件会另行保留（备份之后的修改不在备份中）。</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>The data file is lost; its backups are encrypted. Type the password to check them.</source>
        <translation>数据文件已丢失，其备份已加密。请输入密码以检查备份。</translation>
    </message>
    <message>
        <source>No backup opens with this password. Try again.</source>
        <translation>此密码无法打开任何备份，请重试。</translation>
    </message>
</context>
<context>
    <name>Saved</name>
    <message>
        <source>Saved at %1</source>
        <translation>已于 %1 保存</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Showing the first %1.</source>
        <translation>仅显示前 %1 条。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source> d</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>The data and its backups are encrypted.</source>
        <translation>数据及其备份已加密。</translation>
    </message>
    <message>
        <source>Not encrypted.</source>
        <translation>未加密。</translation>
    </message>
    <message>
        <source>Change pass&amp;word…</source>
        <translation>更改密码(&amp;W)…</translation>
    </message>
    <message>
        <source>Set pass&amp;word…</source>
        <translation>设置密码(&amp;W)…</translation>
    </message>
    <message>
        <source>%1 (embedded in each PDF, so it prints the same everywhere)</source>
        <translation>%1（嵌入每个 PDF，在任何电脑上打印效果一致）</translation>
    </message>
    <message>
        <source>No TrueType Chinese font was found on this computer: call plans use the built-in %1 font, which is not embedded — the PDF reader must supply Chinese glyphs. Install a TrueType Chinese font (e.g. Microsoft YaHei, SimSun, WenQuanYi Micro Hei) for self-contained PDFs.</source>
        <translation>本机没有找到 TrueType 中文字体：拜访计划使用内置的 %1 字体，该字体不嵌入 PDF，需由 PDF 阅读器提供中文字形。安装一种 TrueType 中文字体（如微软雅黑、宋体、文泉驿微米黑）即可生成自带字体的 PDF。</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>还没有备份</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up: %1</source>
        <translation>已备份：%1</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>数据库检查</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Replace the data with the backup from %1? The current data is backed up first.</source>
        <translation>用 %1 的备份替换当前数据？当前数据会先另行备份。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Relationship manager (printed on call plans)</source>
        <translation>客户经理信息（打印在拜访计划上）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Bank</source>
        <translation>银行(&amp;B)</translation>
    </message>
    <message>
        <source>B&amp;ranch</source>
        <translation>支行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>Pipeline: mark a card stale after this many days in a step (0 = never)</source>
        <translation>销售管道：客户在某一步骤停留超过天数即标记为停滞（0 = 不标记）</translation>
    </message>
    <message>
        <source>Save limits</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>数据库版本</translation>
    </message>
    <message>
        <source>Font for printed plans</source>
        <translation>拜访计划字体</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation>立即备份(&amp;U)</translation>
    </message>
    <message>
        <source>Res&amp;tore a backup…</source>
        <translation>从备份恢复(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Check database</source>
        <translation>检查数据库(&amp;C)</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隐私与安全</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <source>minutes without use (0 = never; only with a password)</source>
        <translation>分钟无操作后（0 = 不锁定；仅在设置密码后生效）</translation>
    </message>
    <message>
        <source>&amp;Mask phone numbers, e-mail addresses and ID numbers in printed plans and exports</source>
        <translation>在打印的拜访计划和导出文件中隐藏部分电话、邮箱和证件号码(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s), the newest from %1 — in %2</source>
        <translation>
            <numerusform>共 %n 份备份，最新一份：%1 — 位于 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestedAnswer</name>
    <message>
        <source>Type, or pick a suggested answer</source>
        <translation>直接填写，或选一条参考应答</translation>
    </message>
</context>
<context>
    <name>TeamDatabase</name>
    <message>
        <source>Opening the team database…</source>
        <translation>正在打开团队数据库…</translation>
    </message>
    <message>
        <source>Opening the local book…</source>
        <translation>正在打开本机客户库…</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message>
        <source>Team database: %1</source>
        <translation>团队数据库：%1</translation>
    </message>
    <message>
        <source>Password of %1 on the team database %2:</source>
        <translation>%1 在团队数据库 %2 上的密码：</translation>
    </message>
    <message>
        <source>The team database %1 cannot be opened:</source>
        <translation>无法打开团队数据库 %1：</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Open the &amp;local book</source>
        <translation>打开本机客户库(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>TeamDatabaseBox</name>
    <message>
        <source>Team database</source>
        <translation>团队数据库</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/database (or fill in below)</source>
        <translation>postgresql://用户@主机:5432/数据库（或在下面分项填写）</translation>
    </message>
    <message>
        <source>default (5432)</source>
        <translation>默认（5432）</translation>
    </message>
    <message>
        <source>used for this connection only, never saved</source>
        <translation>仅用于本次连接，不会保存</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>地址(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>Us&amp;er:</source>
        <translation>用户名(&amp;E)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>rmdesk never saves the password: it asks at the next start when the server needs one. RMDESK_DB_PASSWORD and ~/.pgpass (or a service file) also work.</source>
        <translation>rmdesk 从不保存密码：下次启动时如服务器需要，会再询问。也可使用 RMDESK_DB_PASSWORD 或 ~/.pgpass（或服务文件）。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Use the &amp;team database</source>
        <translation>使用团队数据库(&amp;T)</translation>
    </message>
    <message>
        <source>Back to the &amp;local book</source>
        <translation>返回本机客户库(&amp;L)</translation>
    </message>
    <message>
        <source>Open now: the local book in %1</source>
        <translation>当前打开：本机客户库（%1）</translation>
    </message>
    <message>
        <source>Open now: the team database %1</source>
        <translation>当前打开：团队数据库 %1</translation>
    </message>
    <message>
        <source>The local book is the one open now.</source>
        <translation>当前打开的就是本机客户库。</translation>
    </message>
    <message>
        <source>This window cannot switch books.</source>
        <translation>此窗口不能切换客户库。</translation>
    </message>
    <message>
        <source>Give the server and the database (or paste a URL) first.</source>
        <translation>请先填写服务器和数据库（或粘贴地址）。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>The database is ready for rmdesk.</source>
        <translation>数据库已可供 rmdesk 使用。</translation>
    </message>
    <message>
        <source>The database is empty: rmdesk sets it up when you use it.</source>
        <translation>数据库为空：使用时 rmdesk 会自动建好结构。</translation>
    </message>
    <message>
        <source>The database is from an older rmdesk: it is brought up to date when you use it.</source>
        <translation>数据库来自旧版 rmdesk：使用时会自动升级。</translation>
    </message>
    <message>
        <source>The database is from a newer rmdesk: update rmdesk before using it.</source>
        <translation>数据库来自更新版本的 rmdesk：请先升级 rmdesk 再使用。</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1, signed in as %2.</source>
        <translation>连接成功：PostgreSQL %1，登录用户 %2。</translation>
    </message>
    <message>
        <source>The test failed; details are in the log file.</source>
        <translation>测试失败，详情见日志文件。</translation>
    </message>
</context>
<context>
    <name>TeamReviewPanel</name>
    <message>
        <source>Every RM</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>Awaiting sign-off</source>
        <translation>待签阅</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>已签阅</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>审阅意见</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>The team&apos;s work reports</source>
        <translation>团队工作报告</translation>
    </message>
    <message>
        <source>Submitted reports of every RM. Open one to read it, comment, and sign it off; a draft stays the RM&apos;s own until it is submitted.</source>
        <translation>各客户经理已提交的报告。打开一份即可阅读、提出意见并签阅；草稿在提交前只有客户经理本人可见。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n 份报告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierRulesDialog</name>
    <message>
        <source>Tier rules</source>
        <translation>分层规则</translation>
    </message>
    <message>
        <source>Each row is one condition of a tier. Tiers are tried from best to last: a client gets the first tier whose conditions hold (every row marked &quot;all of these&quot;, and at least one marked &quot;any of these&quot;); the last tier takes every other client and has no conditions. Money thresholds are in the unit shown.</source>
        <translation>每一行是某个层级的一个条件。层级从高到低依次判断：客户归入第一个条件成立的层级（标为“全部满足”的各行都成立，标为“任一满足”的至少一行成立）；最后一个层级接住其余所有客户，不设条件。金额门槛按所示单位填写。</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Must hold</source>
        <translation>满足方式</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>门槛值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>删除条件</translation>
    </message>
    <message>
        <source>Add tier…</source>
        <translation>添加层级…</translation>
    </message>
    <message>
        <source>Remove tier…</source>
        <translation>删除层级…</translation>
    </message>
    <message>
        <source>Points per 10,000 yuan of each volume (the &quot;points&quot; measure)</source>
        <translation>每万元业务量的积分（“积分”指标）</translation>
    </message>
    <message>
        <source>The whole scheme as text (JSON): tiers, rules, cadences, point weights and the USD rate. Amounts here are in yuan (settlement in US dollars).</source>
        <translation>整个方案的文本（JSON）：层级、规则、维护频率、积分权重和美元折算汇率。此处金额以元计（国际结算以美元计）。</translation>
    </message>
    <message>
        <source>Edit as text (advanced)</source>
        <translation>以文本编辑（高级）</translation>
    </message>
    <message>
        <source>These rules give a tier more than one rule or use another order; the table cannot show them, so they are edited as text.</source>
        <translation>这些规则中某个层级有多条规则或顺序与层级不同，表格无法显示，因此以文本编辑。</translation>
    </message>
    <message>
        <source>all of these</source>
        <translation>全部满足</translation>
    </message>
    <message>
        <source>any of these</source>
        <translation>任一满足</translation>
    </message>
    <message>
        <source>Select the condition to remove first.</source>
        <translation>请先选中要删除的条件。</translation>
    </message>
    <message>
        <source>All the tiers rmdesk knows are in this scheme already.</source>
        <translation>所有可用的层级都已在本方案中。</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加层级</translation>
    </message>
    <message>
        <source>The new tier goes just above the last one, on its cadence; give it a condition so clients get it.</source>
        <translation>新层级放在最末层级之上，先沿用最末层级的维护频率；为它添加条件后，客户才会分入该层级。</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除层级</translation>
    </message>
    <message>
        <source>The tier and its conditions go; clients in it get a tier again when tiers are recomputed.</source>
        <translation>该层级及其条件将被删除；重新分层时，原属该层级的客户会重新分层。</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Created at %1</source>
        <translation>建档于 %1</translation>
    </message>
    <message>
        <source>(override)</source>
        <translation>（越过条件）</translation>
    </message>
    <message>
        <source>Visit planned for %1</source>
        <translation>计划拜访 %1</translation>
    </message>
    <message>
        <source>Call report</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>Visit cancelled</source>
        <translation>拜访已取消</translation>
    </message>
    <message>
        <source>Objection: %1</source>
        <translation>异议：%1</translation>
    </message>
    <message>
        <source>Objection resolved: %1</source>
        <translation>异议已解决：%1</translation>
    </message>
    <message>
        <source>Deal opened</source>
        <translation>新建交易</translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation>交易成交</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>交易未成</translation>
    </message>
    <message>
        <source>Financing need estimated</source>
        <translation>完成融资需求测算</translation>
    </message>
    <message>
        <source>Maintenance contact</source>
        <translation>维护联系</translation>
    </message>
    <message>
        <source>Complaint received</source>
        <translation>收到投诉</translation>
    </message>
    <message>
        <source>Complaint closed</source>
        <translation>投诉已闭环</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>修改了%1</translation>
    </message>
    <message>
        <source>Key person added: %1</source>
        <translation>新增关键人：%1</translation>
    </message>
    <message>
        <source>Need found: %1</source>
        <translation>发现需求：%1</translation>
    </message>
    <message>
        <source>(confirmed)</source>
        <translation>（已确认）</translation>
    </message>
    <message>
        <source>Visit moved from %1 to %2</source>
        <translation>拜访由 %1 改到 %2</translation>
    </message>
    <message>
        <source>Tier %1 → %2</source>
        <translation>分层 %1 → %2</translation>
    </message>
    <message>
        <source>Tier set by hand: %1 → %2</source>
        <translation>手动设定分层：%1 → %2</translation>
    </message>
    <message>
        <source>Manual tier cleared; the rules decide again</source>
        <translation>取消手动分层，恢复按规则分层</translation>
    </message>
    <message>
        <source>Moved to the trash</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>从回收站恢复</translation>
    </message>
    <message>
        <source>Visit moved to the trash</source>
        <translation>拜访已移到回收站</translation>
    </message>
    <message>
        <source>Deal moved to the trash</source>
        <translation>交易已移到回收站</translation>
    </message>
    <message>
        <source>Visit restored from the trash</source>
        <translation>拜访已从回收站恢复</translation>
    </message>
    <message>
        <source>Deal restored from the trash</source>
        <translation>交易已从回收站恢复</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>No visits planned for today.</source>
        <translation>今天没有安排拜访。</translation>
    </message>
    <message>
        <source>No overdue next steps.</source>
        <translation>没有逾期的待办事项。</translation>
    </message>
    <message>
        <source>Your client book is empty. Create your first client with File › New client (Ctrl+N), or try rmdesk with a demo book: run “rmdesk demo --clients 200” in a terminal.</source>
        <translation>客户库还是空的。可通过“文件 › 新建客户”（Ctrl+N）创建第一个客户，或在终端运行“rmdesk demo --clients 200”载入演示数据试用。</translation>
    </message>
    <message>
        <source>Today&apos;s visits</source>
        <translation>今日拜访</translation>
    </message>
    <message>
        <source>Next steps due or overdue</source>
        <translation>到期或逾期的下一步工作</translation>
    </message>
    <message>
        <source>Maintenance due</source>
        <translation>到期维护</translation>
    </message>
    <message>
        <source>No customer is due for maintenance.</source>
        <translation>暂无到期需要维护的客户。</translation>
    </message>
    <message>
        <source>Personal care</source>
        <translation>情感维护</translation>
    </message>
    <message>
        <source>No birthdays, anniversaries or festivals coming up.</source>
        <translation>近期没有生日、周年纪念或节日。</translation>
    </message>
    <message>
        <source>Stale in the pipeline</source>
        <translation>停滞的销售机会</translation>
    </message>
    <message>
        <source>No client has sat too long in a step.</source>
        <translation>没有客户在某一步骤停留过久。</translation>
    </message>
    <message>
        <source>Open early warnings</source>
        <translation>未解除的风险预警</translation>
    </message>
    <message>
        <source>No open early warning.</source>
        <translation>没有未解除的预警。</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今日，%1</translation>
    </message>
    <message>
        <source>Opening your book… the client opens in a moment</source>
        <translation>正在打开您的客户库…稍后即打开该客户</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会见对象</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步工作</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>程度</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>预警信号</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>应对措施</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Personal care in the next %1 days</source>
        <translation>未来 %1 天的情感维护</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Days in step</source>
        <translation>停留天数</translation>
    </message>
</context>
<context>
    <name>Tool</name>
    <message>
        <source>Select a row in the list first, then press the button again.</source>
        <translation>请先在列表中选中一行，再点击该按钮。</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message numerus="yes">
        <source>Destroy the %n item(s) in the trash? Clients go with all their visits, deals and notes.</source>
        <translation>
            <numerusform>彻底删除回收站中的 %n 项？客户将连同其全部拜访、业务和记录一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone. Really destroy them?</source>
        <translation>此操作无法撤销。确定彻底删除吗？</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Make an appointment</source>
        <translation>预约拜访</translation>
    </message>
    <message>
        <source>Plan a visit</source>
        <translation>计划拜访</translation>
    </message>
    <message>
        <source>Suggest two free times…</source>
        <translation>推荐两个空闲时间…</translation>
    </message>
    <message>
        <source>Confirmed with the client</source>
        <translation>已与客户确认</translation>
    </message>
    <message>
        <source>Our side</source>
        <translation>我方人员</translation>
    </message>
    <message>
        <source>Their side</source>
        <translation>客户方人员</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>携带材料</translation>
    </message>
    <message>
        <source>Overlaps: %1</source>
        <translation>时间冲突：%1</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Plan visit…</source>
        <translation>计划拜访…</translation>
    </message>
    <message>
        <source>Call report…</source>
        <translation>填写拜访记录…</translation>
    </message>
    <message>
        <source>Cancel visit…</source>
        <translation>取消拜访…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Call plan (PDF)…</source>
        <translation>拜访计划 (PDF)…</translation>
    </message>
    <message>
        <source>Preview, print or save the call plan of the selected visit</source>
        <translation>预览、打印或保存所选拜访的拜访计划</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Select a visit in the list first, then press the button again.</source>
        <translation>请先在列表中选中一次拜访，再点击该按钮。</translation>
    </message>
    <message>
        <source>Advance?</source>
        <translation>推进到下一步？</translation>
    </message>
    <message>
        <source>The exit condition of this step now holds. Advance the client to %1?</source>
        <translation>本步骤的推进条件已经满足。是否将客户推进到 %1？</translation>
    </message>
    <message>
        <source>Cancel visit</source>
        <translation>取消拜访</translation>
    </message>
    <message>
        <source>Why is the visit cancelled?</source>
        <translation>为什么取消这次拜访？</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会见对象</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>VolumesDialog</name>
    <message>
        <source>Business volumes</source>
        <translation>业务量</translation>
    </message>
</context>
<context>
    <name>WarningDialog</name>
    <message>
        <source>Edit early warning</source>
        <translation>修改预警</translation>
    </message>
    <message>
        <source>Log early warning</source>
        <translation>登记预警</translation>
    </message>
    <message>
        <source>Look for: %1
Usual response: %2</source>
        <translation>关注要点：%1
常用应对：%2</translation>
    </message>
</context>
<context>
    <name>WorkReportPanel</name>
    <message>
        <source>Daily work log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <source>Weekly summary</source>
        <translation>工作周报</translation>
    </message>
    <message>
        <source>Monthly market report</source>
        <translation>月度市场报告</translation>
    </message>
    <message>
        <source>What went well, what did not, what the lead should know</source>
        <translation>做得好的、没做好的、需要领导知道的</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>What you observed</source>
        <translation>观察内容</translation>
    </message>
    <message>
        <source>Add an observation</source>
        <translation>添加一条市场观察</translation>
    </message>
    <message>
        <source>Market observations by industry and district</source>
        <translation>市场观察（按行业、区域）</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Change after submission…</source>
        <translation>提交后修改…</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <source>Export as XLSX…</source>
        <translation>导出为 XLSX…</translation>
    </message>
    <message>
        <source>Earlier versions…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <source>Every submitted version is kept; open any of them read-only</source>
        <translation>每次提交的版本都会保留，可以只读方式打开任一版本</translation>
    </message>
    <message>
        <source>Day in the period</source>
        <translation>期间内的日期</translation>
    </message>
    <message>
        <source>From your records</source>
        <translation>根据您的记录生成</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>您自己填写</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>工作小结</translation>
    </message>
    <message>
        <source>Tomorrow&apos;s plan</source>
        <translation>明日计划</translation>
    </message>
    <message>
        <source>Next period&apos;s plan</source>
        <translation>下期计划</translation>
    </message>
    <message>
        <source>Submitted %1 (version %2). A change now needs a reason and is kept as a new version.</source>
        <translation>已于 %1 提交（第 %2 版）。现在修改需要填写原因，并保存为新版本。</translation>
    </message>
    <message>
        <source>Signed off by %1 on %2.</source>
        <translation>%1 已于 %2 签阅。</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>最近一次修改：%1</translation>
    </message>
    <message>
        <source>Draft, not submitted yet.</source>
        <translation>草稿，尚未提交。</translation>
    </message>
    <message>
        <source>Not started: the part from your records is ready; add your own words and submit.</source>
        <translation>尚未开始：根据记录生成的部分已备好，请补充您自己的内容后提交。</translation>
    </message>
    <message>
        <source>Hand the lead its PDF or XLSX (Preview and print…, Export as XLSX…): comments and the lead&apos;s sign-off are kept in team mode only.</source>
        <translation>请将报告的 PDF 或 XLSX（“预览并打印…”“导出为 XLSX…”）交给负责人：审阅意见和负责人签阅只在团队模式下保存。</translation>
    </message>
    <message>
        <source>There is one version only.</source>
        <translation>目前只有一个版本。</translation>
    </message>
    <message>
        <source>Submit this report? Its figures are then kept as they are now, and a later change needs a reason.</source>
        <translation>提交这份报告？提交后数据按现在的状态保存，之后修改需要填写原因。</translation>
    </message>
    <message>
        <source>Submitting the report…</source>
        <translation>正在提交报告…</translation>
    </message>
    <message>
        <source>Change after submission</source>
        <translation>提交后修改</translation>
    </message>
    <message>
        <source>Why does the submitted report change? (Kept with the new version.) Edit the text first, then give the reason here.</source>
        <translation>为什么要修改已提交的报告？（原因随新版本保存。）请先修改内容，再在这里填写原因。</translation>
    </message>
    <message>
        <source>Saving the new version…</source>
        <translation>正在保存新版本…</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>已签阅</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>只读打开</translation>
    </message>
    <message>
        <source>Export as XLSX</source>
        <translation>导出为 XLSX</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Not submitted yet: edit it here and save.</source>
        <translation>尚未提交：直接在此修改并保存即可。</translation>
    </message>
</context>
<context>
    <name>WorkReportReview</name>
    <message>
        <source>Daily work log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <source>Weekly summary</source>
        <translation>工作周报</translation>
    </message>
    <message>
        <source>Monthly market report</source>
        <translation>月度市场报告</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>已签阅</translation>
    </message>
</context>
</TS>
