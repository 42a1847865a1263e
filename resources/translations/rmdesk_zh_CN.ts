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
        <name>CalendarPage</name>
        <message>
            <source>Showing the first %1.</source>
            <translation>仅显示前 %1 条。</translation>
        </message>
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
            <source>Nothing planned.</source>
            <translation>没有安排。</translation>
        </message>
    </context>
    <context>
        <name>ClientDialog</name>
        <message>
            <source>New client</source>
            <translation>新建客户</translation>
        </message>
        <message>
            <source>Company &amp;name *</source>
            <translation>企业名称(&amp;N) *</translation>
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
        <message numerus="yes">
            <source>%n client(s)</source>
            <translation>
                <numerusform>%n 个客户</numerusform>
            </translation>
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
        <name>ContactDialog</name>
        <message>
            <source>Key person</source>
            <translation>关键人</translation>
        </message>
        <message>
            <source>New key person</source>
            <translation>新增关键人</translation>
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
            <source>Deal lost</source>
            <translation>交易未成</translation>
        </message>
        <message>
            <source>Why was the deal lost?</source>
            <translation>交易为什么没有成功？</translation>
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
            <source>rmdesk — Relationship manager's desk</source>
            <translation>rmdesk — 客户经理工作台</translation>
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
            <source>Data folder: %1</source>
            <translation>数据目录：%1</translation>
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
            <source>&amp;About rmdesk</source>
            <translation>关于 rmdesk(&amp;A)</translation>
        </message>
        <message>
            <source>About rmdesk</source>
            <translation>关于 rmdesk</translation>
        </message>
        <message>
            <source>rmdesk %1
The corporate relationship manager's desk: the six-step sales flow, visits and call plans, offline.</source>
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
            <source>Client's words</source>
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
        <name>QualificationTool</name>
        <message>
            <source>Qualification (优选法)</source>
            <translation>资格评估（优选法）</translation>
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
            <source>One next step a line; due in a week</source>
            <translation>每行一项下一步工作，默认一周内完成</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Pipeline funnel</source>
            <translation>销售漏斗</translation>
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
    </context>
    <context>
        <name>RescheduleDialog</name>
        <message>
            <source>Reschedule visit</source>
            <translation>改期</translation>
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
            <source>Visit moved from %1 to %2</source>
            <translation>拜访由 %1 改到 %2</translation>
        </message>
        <message>
            <source>Moved to the trash</source>
            <translation>移入回收站</translation>
        </message>
        <message>
            <source>Restored from the trash</source>
            <translation>从回收站恢复</translation>
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
            <source>Today's visits</source>
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
            <source>Birthdays in the next 7 days</source>
            <translation>未来 7 天生日</translation>
        </message>
        <message>
            <source>No birthdays this week.</source>
            <translation>本周没有关键人过生日。</translation>
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
            <source>Today, %1</source>
            <translation>今日，%1</translation>
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
            <source>Tier</source>
            <translation>客户分层</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Key person</source>
            <translation>关键人</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>年龄</translation>
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
            <source>Deleted</source>
            <translation>删除时间</translation>
        </message>
        <message>
            <source>Empty trash</source>
            <translation>清空回收站</translation>
        </message>
        <message>
            <source>Destroy the %1 client(s) in the trash with all their visits, deals and notes?</source>
            <translation>要彻底删除回收站中的 %1 个客户及其全部拜访、交易和记录吗？</translation>
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
</TS>
