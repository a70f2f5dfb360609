<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="65"/>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="79"/>
        <source>Every label</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="83"/>
        <source>Every pair of annotators</source>
        <translation>标注者两两对照</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="84"/>
        <source>Each annotator against the curated layer</source>
        <translation>每位标注者对照审定层</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="86"/>
        <source>&amp;Labels:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="87"/>
        <source>&amp;Compare:</source>
        <translation>对照(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="98"/>
        <source>Each cell: Cohen&apos;s κ over characters, then span F1 with exact · overlapping boundaries (— where undefined); hover a cell for what it was measured on.</source>
        <translation>每格：按字符计算的 Cohen κ，其下为精确边界 · 重叠边界的标注 F1（无法计算时为 —）；鼠标悬停可见计算依据。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="107"/>
        <source>Double-click a page to open it</source>
        <translation>双击打开该页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="117"/>
        <source>Pages that disagree most (double-click opens):</source>
        <translation>分歧最大的页面（双击打开）：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="127"/>
        <source>Each annotator against %1</source>
        <translation>每位标注者对照 %1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="136"/>
        <source>Measuring…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="166"/>
        <source>%1 annotators (%2) · %3 pages marked by two or more</source>
        <translation>%1 名标注者（%2）· %3 页有两人及以上标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="169"/>
        <source>the curated layer</source>
        <translation>审定层</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="189"/>
        <source>All labels</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_agreement.py" line="213"/>
        <source>Krippendorff&apos;s α across everyone: %1 (over %2 characters, %3 values)</source>
        <translation>全体 Krippendorff α：%1（%2 个字符，%3 个取值）</translation>
    </message>
</context>
<context>
    <name>AssignmentsDialog</name>
    <message>
        <location filename="../../xzannot/ui/team_assignments.py" line="48"/>
        <location filename="../../xzannot/ui/team_assignments.py" line="106"/>
        <source>Assignments</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_assignments.py" line="55"/>
        <source>&amp;Remove Assignment</source>
        <translation>移除分配(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_assignments.py" line="75"/>
        <source>&amp;Every page</source>
        <translation>全部页面(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_assignments.py" line="84"/>
        <source>&amp;Assign</source>
        <translation>分配(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_assignments.py" line="91"/>
        <source>or pages</source>
        <translation>或页码</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_assignments.py" line="97"/>
        <source>A&amp;nnotator:</source>
        <translation>标注者(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_assignments.py" line="98"/>
        <source>&amp;Document:</source>
        <translation>文档(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_assignments.py" line="99"/>
        <source>Pages:</source>
        <translation>页面：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_assignments.py" line="101"/>
        <source>Give pages to an annotator</source>
        <translation>把页面分配给标注者</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_assignments.py" line="109"/>
        <source>Curators may curate and see everyone&apos;s spans:</source>
        <translation>审定人可以审定，并查看所有人的标注：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_assignments.py" line="111"/>
        <source>Curators</source>
        <translation>审定人</translation>
    </message>
</context>
<context>
    <name>AssignmentsModel</name>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="29"/>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="29"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="29"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="34"/>
        <source>all pages</source>
        <translation>全部页面</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="36"/>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="37"/>
        <source>pages %1–%2</source>
        <translation>第 %1–%2 页</translation>
    </message>
</context>
<context>
    <name>BackgroundCorrection</name>
    <message>
        <location filename="../../xzannot/ui/background_correction.py" line="76"/>
        <source>Correcting pages: %1 of %2</source>
        <translation>正在校正页面：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/background_correction.py" line="91"/>
        <source>Correcting pages stopped: %1</source>
        <translation>页面校正已停止：%1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/background_correction.py" line="99"/>
        <source>%1 page(s) could not be corrected; the first: %2</source>
        <translation>%1 个页面无法校正；第一个：%2</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../xzannot/ui/backups.py" line="74"/>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups.py" line="77"/>
        <source>Bac&amp;kups…</source>
        <translation>备份(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups.py" line="168"/>
        <source>This project is on a database server: xzannot makes no backup copies of it; the server&apos;s own backups apply.</source>
        <translation>此项目位于数据库服务器上：xzannot 不为其制作备份副本，请以服务器自身的备份为准。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups.py" line="206"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups.py" line="214"/>
        <source>No backup of %1 was made: %2</source>
        <translation>未能备份 %1：%2</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="51"/>
        <location filename="../../xzannot/ui/backups_dialog.py" line="151"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="104"/>
        <source>While the window is open, the project file is copied when it has changed, and once more when the window closes. Each copy is checked, then older copies are thinned as they age. The copies are kept in:</source>
        <translation>窗口打开期间，项目文件有改动时会被复制一份，窗口关闭时若有改动再复制一次。每份副本都经过校验，较旧的副本随时间推移逐步精简。副本保存在：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="64"/>
        <source>Days and weeks count those with copies, not the calendar. The newest copy made before each upgrade of the project is always kept; a copy that fails its check never counts as kept.</source>
        <translation>天数和周数只计算有副本的日子，而非日历天数。每次项目升级前制作的最新副本始终保留；未通过校验的副本不计入保留数。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="115"/>
        <source>Back Up Now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="116"/>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="127"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="128"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="130"/>
        <source> copies</source>
        <translation> 份</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="131"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="132"/>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="135"/>
        <source>Back up every:</source>
        <translation>备份间隔：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="136"/>
        <source>Keep the newest:</source>
        <translation>保留最新：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="137"/>
        <source>Then one a day for:</source>
        <translation>其后每天一份，共：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="138"/>
        <source>Then one a week for:</source>
        <translation>其后每周一份，共：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="164"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="173"/>
        <source>%1 copies; the newest made %2.</source>
        <translation>共 %1 份副本；最新一份制作于 %2。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="175"/>
        <source>No copies yet.</source>
        <translation>尚无副本。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/backups_dialog.py" line="182"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
</context>
<context>
    <name>Collating</name>
    <message>
        <location filename="../../xzannot/ui/collating.py" line="74"/>
        <source>Accept reference reading</source>
        <translation>采用参照文本的读法</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/collating.py" line="87"/>
        <source>Reject reference reading</source>
        <translation>不采用参照文本的读法</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/collating.py" line="97"/>
        <source>Accept %1 reference reading(s)</source>
        <translation>采用 %1 处参照读法</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/collating.py" line="112"/>
        <source>Collate</source>
        <translation>对校</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/collating.py" line="112"/>
        <source>Collating pages…</source>
        <translation>正在对校页面…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/collating.py" line="127"/>
        <source>Collated %1 page(s): %2 open difference(s).</source>
        <translation>已对校 %1 页：%2 处未处理的差异。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/collating.py" line="117"/>
        <source>Collating cancelled.</source>
        <translation>对校已取消。</translation>
    </message>
</context>
<context>
    <name>CollationView</name>
    <message>
        <location filename="../../xzannot/ui/collation_view.py" line="48"/>
        <source>This document has no reference text. Add one with File ▸ Import Reference Text…</source>
        <translation>本文档没有参照文本。请通过“文件 ▸ 导入参照文本…”添加。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/collation_view.py" line="52"/>
        <source>This page has no counterpart in the reference “%1”.</source>
        <translation>参照文本“%1”中没有与本页对应的内容。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/collation_view.py" line="57"/>
        <source>%1 open difference(s) from “%2”; CER %3%; the reference covers %4% of the page.</source>
        <translation>与“%2”有 %1 处未处理的差异；字符错误率 %3%；参照文本覆盖本页 %4%。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/collation_view.py" line="65"/>
        <source>%1 rejected before.</source>
        <translation>此前已拒绝 %1 处。</translation>
    </message>
</context>
<context>
    <name>ConcordanceModel</name>
    <message>
        <location filename="../../xzannot/ui/search_model.py" line="184"/>
        <source>On the page</source>
        <translation>页面原图</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_model.py" line="184"/>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_model.py" line="184"/>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_model.py" line="184"/>
        <source>After</source>
        <translation>后文</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_model.py" line="235"/>
        <source>%1 — p. %2 (%3)</source>
        <translation>%1 — 第 %2 页（%3）</translation>
    </message>
</context>
<context>
    <name>CorpusFlow</name>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="83"/>
        <location filename="../../xzannot/ui/corpus_flow.py" line="99"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="83"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="91"/>
        <source>Exported %1 page(s) to %2.</source>
        <translation>已导出 %1 页到 %2。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="94"/>
        <source>%1 span(s); %2 left out by the filters.</source>
        <translation>共 %1 条标注；%2 条被筛选条件排除。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="87"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="106"/>
        <location filename="../../xzannot/ui/corpus_flow.py" line="123"/>
        <location filename="../../xzannot/ui/corpus_flow.py" line="146"/>
        <source>Import spans</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="123"/>
        <source>Importing spans…</source>
        <translation>正在导入标注…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="134"/>
        <source>Imported %1 span(s) from %2 text(s).</source>
        <translation>已从 %2 段文本导入 %1 条标注。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="136"/>
        <source>%1 were already there.</source>
        <translation>%1 条已存在。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="148"/>
        <source>The files use labels this project does not have: %1. Add them?</source>
        <translation>文件中使用了本项目没有的标签：%1。是否添加？</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="128"/>
        <location filename="../../xzannot/ui/corpus_flow.py" line="155"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>Correcting</name>
    <message>
        <location filename="../../xzannot/ui/correcting.py" line="24"/>
        <source>Revert %1 correction(s)</source>
        <translation>撤回 %1 处校正</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/correcting.py" line="31"/>
        <source>Accept %1 correction(s)</source>
        <translation>接受 %1 处校正</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/correcting.py" line="40"/>
        <source>Type</source>
        <translation>输入</translation>
    </message>
</context>
<context>
    <name>CorrectionsPanel</name>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="38"/>
        <source>Correction</source>
        <translation>校正</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="38"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="38"/>
        <source>In context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="40"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="41"/>
        <source>Revert</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="56"/>
        <source>Reading order</source>
        <translation>阅读顺序</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="57"/>
        <source>Radical look-alikes</source>
        <translation>部首形近字</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="58"/>
        <source>Vertical forms</source>
        <translation>竖排标点</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="59"/>
        <source>Punctuation width</source>
        <translation>标点全半角</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="60"/>
        <source>Spaces</source>
        <translation>多余空格</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="61"/>
        <source>Line breaks</source>
        <translation>断行</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="62"/>
        <source>Typed corrections</source>
        <translation>手工校正</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="63"/>
        <source>From the reference</source>
        <translation>据参照文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="64"/>
        <source>Reverts</source>
        <translation>撤回记录</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="65"/>
        <source>Replaced from a search</source>
        <translation>搜索替换</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="70"/>
        <source>to review</source>
        <translation>待审</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="71"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="72"/>
        <source>reverted</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="103"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="105"/>
        <source>%1 to review</source>
        <translation>%1 处待审</translation>
    </message>
</context>
<context>
    <name>Curating</name>
    <message>
        <location filename="../../xzannot/ui/team_curating.py" line="105"/>
        <source>Nothing to curate on this page: no annotator has marked it yet.</source>
        <translation>本页无需审定：还没有标注者标注过。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curating.py" line="108"/>
        <source>%1 to settle, %2 settled, %3 agreed · annotators: %4</source>
        <translation>待审定 %1 处，已审定 %2 处，一致 %3 处 · 标注者：%4</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curating.py" line="167"/>
        <location filename="../../xzannot/ui/team_curating.py" line="181"/>
        <source>No unit to settle on this page.</source>
        <translation>本页没有待审定的单元。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curating.py" line="170"/>
        <source>There is no annotator %1 on this page.</source>
        <translation>本页没有第 %1 位标注者。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curating.py" line="175"/>
        <source>Take %1&apos;s version</source>
        <translation>采纳 %1 的版本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curating.py" line="186"/>
        <source>Reject every version</source>
        <translation>拒绝全部版本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curating.py" line="198"/>
        <source>Take all agreed</source>
        <translation>采纳全部一致项</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curating.py" line="199"/>
        <source>Took %1 agreed spans.</source>
        <translation>已采纳 %1 个一致的标注。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curating.py" line="209"/>
        <source>Press E to mark spans of the curated layer yourself.</source>
        <translation>按 E 可自行在审定层中标注。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curating.py" line="211"/>
        <source>Mark as %1 (curated)</source>
        <translation>标为 %1（审定层）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curating.py" line="215"/>
        <source>Select some text first, then press a label&apos;s key.</source>
        <translation>请先选中文字，再按标签快捷键。</translation>
    </message>
</context>
<context>
    <name>CurationModel</name>
    <message>
        <location filename="../../xzannot/ui/team_curation_model.py" line="73"/>
        <source>✗ Rejected</source>
        <translation>✗ 已拒绝</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curation_model.py" line="78"/>
        <source>✓ Agreed, taken</source>
        <translation>✓ 一致，已采纳</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curation_model.py" line="80"/>
        <source>✓ Took %1&apos;s</source>
        <translation>✓ 已采纳（%1）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curation_model.py" line="81"/>
        <source>✓ Edited</source>
        <translation>✓ 已自行标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curation_model.py" line="83"/>
        <source>✓ Agreed</source>
        <translation>✓ 一致</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curation_model.py" line="84"/>
        <source>To settle</source>
        <translation>待审定</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curation_model.py" line="96"/>
        <source>On the page</source>
        <translation>原图</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curation_model.py" line="98"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curation_model.py" line="135"/>
        <source>— nothing marked</source>
        <translation>— 未标注</translation>
    </message>
</context>
<context>
    <name>CurationPanel</name>
    <message>
        <location filename="../../xzannot/ui/team_curation.py" line="34"/>
        <source>Keys: 1–9 take annotator N&apos;s version · 0 or Delete rejects every version · E edits: select characters in the text and press a label&apos;s key</source>
        <translation>按键：1–9 采纳第 N 位标注者的版本 · 0 或 Delete 拒绝全部版本 · E 自行标注：在文本中选中文字后按标签键</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curation.py" line="43"/>
        <source>Editing the curated layer: select characters in the text and press a label&apos;s key. Press E again to go back to taking versions.</source>
        <translation>正在编辑审定层：在文本中选中文字后按标签键。再按 E 返回采纳版本。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curation.py" line="52"/>
        <source>Take &amp;All Agreed</source>
        <translation>采纳全部一致项(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_curation.py" line="54"/>
        <source>Copy every unit the annotators agree on into the curated layer</source>
        <translation>把标注者一致的所有单元复制到审定层</translation>
    </message>
</context>
<context>
    <name>Damage</name>
    <message>
        <location filename="../../xzannot/ui/damage.py" line="24"/>
        <location filename="../../xzannot/ui/damage.py" line="33"/>
        <location filename="../../xzannot/ui/damage.py" line="49"/>
        <source>Damaged project</source>
        <translation>项目已损坏</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/damage.py" line="27"/>
        <source>There is no good backup of it.</source>
        <translation>它没有完好的备份。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/damage.py" line="37"/>
        <source>Bring back its latest good backup, of %1? The damaged file is kept.</source>
        <translation>恢复它最近的完好备份（%1）吗？损坏的文件会保留。</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../xzannot/ui/diff_dialog.py" line="44"/>
        <source>Original and corrected: %1</source>
        <translation>原文与校正后：%1</translation>
    </message>
</context>
<context>
    <name>DifferencesModel</name>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="34"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="34"/>
        <source>Page</source>
        <translation>本页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="34"/>
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="38"/>
        <source>spacing</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="39"/>
        <source>punctuation</source>
        <translation>标点</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="40"/>
        <source>insertion</source>
        <translation>缺文</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="41"/>
        <source>deletion</source>
        <translation>衍文</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="42"/>
        <source>substitution</source>
        <translation>异文</translation>
    </message>
</context>
<context>
    <name>DifferencesPanel</name>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="80"/>
        <source>Accept</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="81"/>
        <source>Take the reference&apos;s reading (Enter)</source>
        <translation>采用参照文本的读法（Enter）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="82"/>
        <source>Reject</source>
        <translation>不采用</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="83"/>
        <source>Keep the page&apos;s reading (Delete)</source>
        <translation>保留本页的读法（Delete）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/differences_panel.py" line="85"/>
        <source>Accept All of Kind</source>
        <translation>采用此类全部</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="66"/>
        <source>Export corpus</source>
        <translation>导出语料</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="120"/>
        <source>Layer</source>
        <translation>标注层</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="129"/>
        <source>Every layer</source>
        <translation>全部标注层</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="130"/>
        <source>The curated layer</source>
        <translation>审定层</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="131"/>
        <source>The annotators&apos; own layers</source>
        <translation>各标注者自己的层</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="140"/>
        <source>JSON Lines, one page per line (doccano)</source>
        <translation>JSON Lines，每行一页（doccano）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="141"/>
        <source>CoNLL, a BIO tag per character</source>
        <translation>CoNLL，每字一个 BIO 标记</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="142"/>
        <source>brat standoff, .txt and .ann per page</source>
        <translation>brat 标注格式，每页一对 .txt 与 .ann</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="143"/>
        <source>Label Studio tasks</source>
        <translation>Label Studio 任务</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="144"/>
        <source>CSV, one row per target with its attributes</source>
        <translation>CSV，每个目标一行，附属性</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="145"/>
        <source>PAGE XML with coordinates</source>
        <translation>PAGE XML，含坐标</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="146"/>
        <source>ALTO with coordinates</source>
        <translation>ALTO，含坐标</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="147"/>
        <source>Plain text, one file per page</source>
        <translation>纯文本，每页一个文件</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="70"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="78"/>
        <source>all pages, or e.g. 1-3,7</source>
        <translation>全部页面，或如 1-3,7</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="156"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="157"/>
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="158"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="87"/>
        <source>Also write each page&apos;s image (PNG, 300 dpi)</source>
        <translation>同时写出每页图像（PNG，300 dpi）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="113"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="114"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="115"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="116"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="117"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="118"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="119"/>
        <source>Annotators</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="98"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="183"/>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="186"/>
        <source>Export to file</source>
        <translation>导出到文件</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="204"/>
        <source>Choose where to save the export.</source>
        <translation>请选择导出保存的位置。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="207"/>
        <source>Choose at least one document.</source>
        <translation>请至少选择一个文档。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="210"/>
        <source>Choose at least one status.</source>
        <translation>请至少选择一种状态。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../xzannot/ui/guide_dialog.py" line="22"/>
        <source>Annotation guide</source>
        <translation>标注规范</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="54"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="54"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="69"/>
        <source>Imported %1 document(s), %2 page(s).</source>
        <translation>已导入 %1 个文档，共 %2 页。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="71"/>
        <source>%1 already in the project.</source>
        <translation>%1 个已在项目中。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="61"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation>导入已取消，项目未作任何改动。</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <location filename="../../xzannot/ui/search_dialogs.py" line="55"/>
        <source>Label All</source>
        <translation>全部标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dialogs.py" line="56"/>
        <source>Mark each of the %1 checked with a label:</source>
        <translation>为勾选的 %1 命中逐一加上标签：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dialogs.py" line="62"/>
        <source>As &amp;suggestions, to review</source>
        <translation>作为建议，待审核(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dialogs.py" line="63"/>
        <source>&amp;Accepted</source>
        <translation>直接接受(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dialogs.py" line="65"/>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dialogs.py" line="66"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dialogs.py" line="68"/>
        <source>Label %1</source>
        <translation>标注 %1</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <location filename="../../xzannot/ui/label_palette.py" line="29"/>
        <source>Select text, then press a label&apos;s key.</source>
        <translation>先选中文字，再按标签对应的键。</translation>
    </message>
</context>
<context>
    <name>Labelling</name>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="55"/>
        <source>Mark as %1</source>
        <translation>标为%1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="64"/>
        <source>Relabel as %1</source>
        <translation>改标为%1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="66"/>
        <source>Select some text first, then press a label&apos;s key.</source>
        <translation>请先选中文字，再按标签对应的键。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="72"/>
        <location filename="../../xzannot/ui/labelling.py" line="100"/>
        <source>Select a span first.</source>
        <translation>请先选择一个标注。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="74"/>
        <source>Edit span</source>
        <translation>修改标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="85"/>
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="86"/>
        <source>Accept span</source>
        <translation>接受标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="102"/>
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="111"/>
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="123"/>
        <source>Mark my page</source>
        <translation>标记我的页面</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="131"/>
        <source>Mark page</source>
        <translation>标记页面状态</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="251"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="252"/>
        <source>The name recorded on every span you mark:</source>
        <translation>记录在您所做每条标注上的姓名：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="275"/>
        <source>Correction mode: what you type is saved as corrections.</source>
        <translation>校正模式：您输入的内容将作为校正保存。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="277"/>
        <source>Labelling mode.</source>
        <translation>标注模式。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="230"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../xzannot/ui/navigation.py" line="94"/>
        <source>Every page given to you is done.</source>
        <translation>分配给您的页面都已完成。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/navigation.py" line="96"/>
        <source>Your next page is not in the pages list.</source>
        <translation>您的下一页不在页面列表中。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/navigation.py" line="105"/>
        <source>Every page is done.</source>
        <translation>所有页面均已完成。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/navigation.py" line="117"/>
        <source>No page %1 in this document.</source>
        <translation>本文档中没有第 %1 页。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/navigation.py" line="123"/>
        <source>Go to page</source>
        <translation>转到页面</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/navigation.py" line="123"/>
        <source>Printed page (e.g. 22) or page number:</source>
        <translation>印刷页码（如 22）或页序号：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/navigation.py" line="152"/>
        <source>printed %1</source>
        <translation>印刷页码 %1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/navigation.py" line="155"/>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · 第 %2 页，共 %3 页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/navigation.py" line="170"/>
        <source>The image %1 is missing.</source>
        <translation>图像 %1 不见了。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/navigation.py" line="181"/>
        <source>The PDF %1 is missing or has changed since it was imported. Use File ▸ Locate Missing PDF… to point to it.</source>
        <translation>PDF 文件 %1 已缺失，或自导入后已被改动。请通过“文件 ▸ 查找缺失的 PDF…”指定其位置。</translation>
    </message>
</context>
<context>
    <name>OcrCheckPanel</name>
    <message>
        <location filename="../../xzannot/ui/ocr_queue.py" line="84"/>
        <source>◀ Previous</source>
        <translation>◀ 上一个</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_queue.py" line="86"/>
        <source>Accept as Read</source>
        <translation>按识别结果接受</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_queue.py" line="88"/>
        <source>Next ▶</source>
        <translation>下一个 ▶</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_queue.py" line="110"/>
        <source>F7: the next character to check.</source>
        <translation>按 F7：下一个待核对的字。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_queue.py" line="115"/>
        <source>Read with confidence %1%.</source>
        <translation>识别置信度 %1%。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_queue.py" line="122"/>
        <source>The reference reads “%1”.</source>
        <translation>参考文本作“%1”。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_queue.py" line="127"/>
        <source>Put this reading in the text</source>
        <translation>用这个读法替换正文</translation>
    </message>
</context>
<context>
    <name>OcrDialog</name>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="82"/>
        <source>Engine:</source>
        <translation>引擎：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="88"/>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="103"/>
        <source>No OCR engine can run here: %1</source>
        <translation>本机无法运行 OCR 引擎：%1</translation>
    </message>
</context>
<context>
    <name>OcrFlow</name>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="169"/>
        <location filename="../../xzannot/ui/ocr_flow.py" line="189"/>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="186"/>
        <source>Every page chosen has a text already.</source>
        <translation>所选页面都已有文本。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="189"/>
        <source>Reading the pages…</source>
        <translation>正在识别页面…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="199"/>
        <source>OCR stopped; the pages read so far are kept.</source>
        <translation>OCR 已停止；已识别的页面均已保存。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="205"/>
        <source>Read %1 page(s) with %2.</source>
        <translation>已用 %2 识别 %1 页。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="207"/>
        <source>OCR stopped after %1 page(s); they are kept.</source>
        <translation>OCR 在 %1 页后停止；这些页已保存。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="210"/>
        <source>Not read: %1</source>
        <translation>未识别：%1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="219"/>
        <location filename="../../xzannot/ui/ocr_flow.py" line="235"/>
        <source>Read Region Again</source>
        <translation>重新识别区域</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="235"/>
        <source>Reading…</source>
        <translation>正在识别…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_flow.py" line="245"/>
        <source>Nothing was changed.</source>
        <translation>未作任何更改。</translation>
    </message>
</context>
<context>
    <name>OcrQueue</name>
    <message>
        <location filename="../../xzannot/ui/ocr_queue.py" line="205"/>
        <source>%1 character(s) to check, %2 difference(s) from the reference.</source>
        <translation>待核对 %1 个字，与参考文本有 %2 处差异。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_queue.py" line="297"/>
        <source>Accept “%1”</source>
        <translation>接受“%1”</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_queue.py" line="314"/>
        <source>Read “%1”</source>
        <translation>改读为“%1”</translation>
    </message>
</context>
<context>
    <name>OcrTools</name>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="32"/>
        <source>OCR Check</source>
        <translation>OCR 核对</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="60"/>
        <source>&amp;OCR Pages…</source>
        <translation>OCR 识别页面(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="62"/>
        <source>Read Re&amp;gion Again</source>
        <translation>重新识别区域(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="65"/>
        <source>Next Place to &amp;Check</source>
        <translation>下一个待核对处(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="68"/>
        <source>Previous Place to Check</source>
        <translation>上一个待核对处</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="72"/>
        <source>Accept Character as &amp;Read</source>
        <translation>按识别结果接受此字(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="93"/>
        <source>Nothing more to check in that direction.</source>
        <translation>该方向上已没有待核对之处。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="107"/>
        <source>This page</source>
        <translation>本页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="108"/>
        <source>Pages of this document without text</source>
        <translation>本文档中没有文本的页面</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="109"/>
        <source>Pages of every document without text</source>
        <translation>所有文档中没有文本的页面</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="126"/>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="128"/>
        <source>%1 page(s) have no text (scans). Read them with OCR now?</source>
        <translation>%1 页没有文本（扫描件）。现在用 OCR 识别吗？</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="141"/>
        <source>Drag a rectangle round the text to read again.</source>
        <translation>拖出一个矩形框住要重新识别的文字。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/ocr_tools.py" line="158"/>
        <source>Read region again</source>
        <translation>重新识别区域</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../xzannot/ui/page_view.py" line="120"/>
        <source>This page has no image (it was imported as text).</source>
        <translation>此页没有图像（以文本形式导入）。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/page_view.py" line="86"/>
        <source>The page could not be rendered: %1</source>
        <translation>无法渲染此页：%1</translation>
    </message>
</context>
<context>
    <name>PagesModel</name>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="97"/>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="98"/>
        <source>Printed</source>
        <translation>印刷页码</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="99"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="100"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="101"/>
        <source>CER</source>
        <translation>错误率</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="102"/>
        <source>Unsure</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="130"/>
        <location filename="../../xzannot/ui/pages_model.py" line="141"/>
        <source>The text layer cannot be trusted: %1</source>
        <translation>文本层不可信：%1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="134"/>
        <source>%1 of %2 characters read by OCR are unsure and not yet checked (F7).</source>
        <translation>OCR 识别的 %2 个字中有 %1 个存疑、尚未核对（F7）。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="144"/>
        <source>%1, page %2</source>
        <translation>%1，第 %2 页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="149"/>
        <source>needs text</source>
        <translation>缺文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="151"/>
        <source>needs OCR</source>
        <translation>需 OCR</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="153"/>
        <source>to do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="154"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="155"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="167"/>
        <source>Not collated with a reference yet.</source>
        <translation>尚未与参照文本对校。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="169"/>
        <source>No counterpart in a reference text.</source>
        <translation>参照文本中没有对应内容。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="171"/>
        <source>%1 open difference(s) from the reference, which covers %2% of the page.</source>
        <translation>与参照文本有 %1 处未处理的差异，参照文本覆盖本页 %2%。</translation>
    </message>
</context>
<context>
    <name>PairMatrixModel</name>
    <message>
        <location filename="../../xzannot/ui/team_matrix.py" line="67"/>
        <source>Curated layer</source>
        <translation>审定层</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_matrix.py" line="82"/>
        <source>κ %1
F1 %2 · %3</source>
        <translation>κ %1
F1 %2 · %3</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_matrix.py" line="95"/>
        <source>%1 and %2: κ over %3 characters on %4 pages; F1 exact %5 (spans in both %6, only %1 %7, only %2 %8), overlapping %9</source>
        <translation>%1 与 %2：κ 基于 %4 页的 %3 个字符；精确边界 F1 %5（双方都有 %6 个，仅 %1 有 %7 个，仅 %2 有 %8 个），重叠边界 F1 %9</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../xzannot/ui/team_progress.py" line="40"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_progress.py" line="43"/>
        <source>Every document</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_progress.py" line="53"/>
        <source>&amp;Document:</source>
        <translation>文档(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_progress.py" line="76"/>
        <source>No pages are given to anyone yet: Team ▸ Assignments… gives them.</source>
        <translation>还没有分配任何页面：请用“团队 ▸ 分配…”分配。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_progress.py" line="81"/>
        <source>%1 of %2 assigned pages done, %3 in progress; %4 spans.</source>
        <translation>已分配的 %2 页中完成 %1 页，进行中 %3 页；标注 %4 个。</translation>
    </message>
</context>
<context>
    <name>ProgressModel</name>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="51"/>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="52"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="53"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="54"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="55"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="56"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="57"/>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="58"/>
        <source>Last activity</source>
        <translation>最近活动</translation>
    </message>
</context>
<context>
    <name>ProgressRun</name>
    <message>
        <location filename="../../xzannot/ui/progress.py" line="40"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProjectLifecycle</name>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="88"/>
        <source>This project is empty. Import a PDF with File ▸ Import.</source>
        <translation>项目为空。请通过“文件 ▸ 导入”导入 PDF。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="99"/>
        <source>%1 — xzannot</source>
        <translation>%1 — xzannot</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="101"/>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="106"/>
        <source>This project cannot be written (%1): pages can be viewed, collated and exported, but changes are not saved.</source>
        <translation>此项目无法写入（%1）：可以查看、校勘和导出页面，但修改不会保存。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="144"/>
        <location filename="../../xzannot/ui/lifecycle.py" line="150"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="157"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="164"/>
        <source>Import PDFs, scans or text</source>
        <translation>导入 PDF、扫描件或文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="181"/>
        <source>Import reference text</source>
        <translation>导入参照文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="181"/>
        <source>Import the document&apos;s pages first.</source>
        <translation>请先导入该文档的页面。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="196"/>
        <source>That reference text was already stored.</source>
        <translation>该参照文本已存储过。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="198"/>
        <source>Stored a reference text of %1 characters.</source>
        <translation>已存储参照文本，共 %1 字。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="209"/>
        <source>Where is %1?</source>
        <translation>%1 在哪里？</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/lifecycle.py" line="216"/>
        <source>Locate PDF</source>
        <translation>查找 PDF</translation>
    </message>
</context>
<context>
    <name>ReferenceDialog</name>
    <message>
        <location filename="../../xzannot/ui/reference_dialog.py" line="42"/>
        <source>Import reference text</source>
        <translation>导入参照文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/reference_dialog.py" line="51"/>
        <source>Open File…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/reference_dialog.py" line="53"/>
        <source>Paste the reference text here, or open a file.</source>
        <translation>在此粘贴参照文本，或打开文件。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/reference_dialog.py" line="54"/>
        <source>Leave out the web page&apos;s own lines</source>
        <translation>去掉网页自身的内容</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/reference_dialog.py" line="68"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/reference_dialog.py" line="98"/>
        <source>Reference text</source>
        <translation>参照文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/reference_dialog.py" line="109"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/reference_dialog.py" line="111"/>
        <source>%1 line(s) of the web page will be left out:</source>
        <translation>将去掉网页的 %1 行：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/reference_dialog.py" line="113"/>
        <source>No web page lines found.</source>
        <translation>未发现网页自身的内容。</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <location filename="../../xzannot/ui/search_dialogs.py" line="82"/>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dialogs.py" line="85"/>
        <source>Replace each of the %1 checked of “%2”. Each replacement is kept as a correction to review, and can be reverted in the Corrections panel.</source>
        <translation>替换勾选的 %1 “%2”。每处替换都记为一条待审核的校正，可在“校正”面板中撤回。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dialogs.py" line="94"/>
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dialogs.py" line="95"/>
        <source>Replace %1</source>
        <translation>替换 %1</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../xzannot/ui/rules_dialog.py" line="30"/>
        <source>Pre-annotation rules</source>
        <translation>预标注规则</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/rules_dialog.py" line="34"/>
        <source>The rules that suggest spans, kept with this project. Each [[rule]] is a regular expression; see the comments at the top.</source>
        <translation>生成建议标注的规则，随本项目保存。每条 [[rule]] 是一个正则表达式，说明见文件开头的注释。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/rules_dialog.py" line="54"/>
        <source>Restore Shipped Rules</source>
        <translation>恢复默认规则</translation>
    </message>
</context>
<context>
    <name>SearchActing</name>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="67"/>
        <source>Search first: the hits found are what is acted on.</source>
        <translation>请先搜索：操作针对的是搜索到的命中。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="72"/>
        <source>Reading every hit…</source>
        <translation>正在读取全部命中…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="120"/>
        <source>Label %1 as %2</source>
        <translation>将 %1 标注为 %2</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="125"/>
        <source>Labelled %1 as %2</source>
        <translation>已将 %1 标注为 %2</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="127"/>
        <source>; %1 were already labelled</source>
        <translation>；其中 %1 处原已标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="150"/>
        <source>Replace %1 with “%2”</source>
        <translation>将 %1 替换为“%2”</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="156"/>
        <source>Replaced %1 with “%2”; the corrections are open for review.</source>
        <translation>已将 %1 替换为“%2”；这些校正待审核。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="177"/>
        <source>Save Search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="178"/>
        <source>Name of the search:</source>
        <translation>搜索名称：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="191"/>
        <source>Saved the search as “%1”.</source>
        <translation>已将搜索保存为“%1”。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="211"/>
        <source>Delete Saved Search</source>
        <translation>删除已保存的搜索</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_acting.py" line="212"/>
        <source>Delete the saved search “%1”?</source>
        <translation>删除已保存的搜索“%1”？</translation>
    </message>
</context>
<context>
    <name>SearchCounts</name>
    <message>
        <location filename="../../xzannot/ui/search_model.py" line="45"/>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_model.py" line="46"/>
        <source>%1 pages</source>
        <translation>%1 页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_model.py" line="48"/>
        <source>1 hit</source>
        <translation>1 处</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_model.py" line="49"/>
        <source>%1 hits</source>
        <translation>%1 处</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../../xzannot/ui/search_dock.py" line="140"/>
        <source>Saved searches</source>
        <translation>已保存的搜索</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dock.py" line="142"/>
        <source>Run a saved search</source>
        <translation>运行已保存的搜索</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dock.py" line="143"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dock.py" line="144"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dock.py" line="145"/>
        <source>Delete the saved search chosen</source>
        <translation>删除所选的已保存搜索</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dock.py" line="152"/>
        <source>&amp;Label All…</source>
        <translation>全部标注(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_dock.py" line="153"/>
        <source>&amp;Replace All…</source>
        <translation>全部替换(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>SearchForm</name>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="52"/>
        <source>Text to find, e.g. 亿元</source>
        <translation>要查找的文字，例如 亿元</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="54"/>
        <source>Rege&amp;x</source>
        <translation>正则表达式(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="55"/>
        <source>Read the text as a regular expression</source>
        <translation>将查找文字作为正则表达式</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="56"/>
        <source>Ex&amp;act</source>
        <translation>精确(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="59"/>
        <source>Match the text as it is; otherwise spaces and line breaks, full and half width, case and radical look-alikes are not told apart</source>
        <translation>按原样匹配；否则不区分空格与换行、全角与半角、大小写以及形近的部首字符</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="63"/>
        <source>&amp;Original text</source>
        <translation>原始文本(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="64"/>
        <source>Search the text as extracted, before corrections</source>
        <translation>搜索提取所得、校正之前的文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="65"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="67"/>
        <source>Any label</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="68"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="71"/>
        <source>Anyone</source>
        <translation>任何标注者</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="72"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="74"/>
        <source>e.g. 12-30</source>
        <translation>例如 12-30</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="77"/>
        <source>e.g. value &gt;= 100; unit = 亿元</source>
        <translation>例如 value &gt;= 100; unit = 亿元</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="80"/>
        <source>Conditions on the attributes of the spans the hits lie in, split by “;”</source>
        <translation>对命中所在标注片段属性的条件，以“;”分隔</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="86"/>
        <source>Suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="87"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="88"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="102"/>
        <source>Pages:</source>
        <translation>页码：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="104"/>
        <source>Attributes:</source>
        <translation>属性：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_form.py" line="148"/>
        <source>“%1” is not a range of pages; write e.g. 12-30, 12- or 12</source>
        <translation>“%1”不是页码范围；请写成 12-30、12- 或 12 的形式</translation>
    </message>
</context>
<context>
    <name>Searching</name>
    <message>
        <location filename="../../xzannot/ui/search_flow.py" line="156"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_flow.py" line="236"/>
        <source>%1 on %2</source>
        <translation>%1，分布于 %2</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_flow.py" line="238"/>
        <source>Hits on %1</source>
        <translation>命中分布于 %1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_flow.py" line="240"/>
        <source>Nothing found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_flow.py" line="242"/>
        <source>%1 left out</source>
        <translation>排除 %1 处</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/search_flow.py" line="280"/>
        <source>The page has changed since the search: search again.</source>
        <translation>搜索之后页面已有改动：请重新搜索。</translation>
    </message>
</context>
<context>
    <name>SpanEditor</name>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="42"/>
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="43"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="44"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="48"/>
        <source>A note for other reviewers</source>
        <translation>给其他审校者的备注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="50"/>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="50"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="56"/>
        <source>Add attribute</source>
        <translation>添加属性</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="57"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="58"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="60"/>
        <source>Save the note and attributes (Ctrl+Enter)</source>
        <translation>保存备注和属性（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="63"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="64"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="65"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="66"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/span_editor.py" line="97"/>
        <source>No span selected.</source>
        <translation>未选择标注。</translation>
    </message>
</context>
<context>
    <name>SpansModel</name>
    <message>
        <location filename="../../xzannot/ui/spans_model.py" line="44"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/spans_model.py" line="45"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/spans_model.py" line="46"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/spans_model.py" line="47"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/spans_model.py" line="48"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/spans_model.py" line="49"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/spans_model.py" line="54"/>
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/spans_model.py" line="55"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/spans_model.py" line="56"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/spans_model.py" line="74"/>
        <source>orphaned: its text was corrected away</source>
        <translation>孤立：其文字已被校正删去</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../xzannot/ui/status.py" line="44"/>
        <source>✓ Saved</source>
        <translation>✓ 已保存</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/status.py" line="45"/>
        <source>Every change is saved to the project at once.</source>
        <translation>每处改动都会立即保存到项目中。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/status.py" line="49"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/status.py" line="53"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
</context>
<context>
    <name>Suggesting</name>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="52"/>
        <source>Suggest spans</source>
        <translation>生成建议标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="52"/>
        <source>Running the rules…</source>
        <translation>正在运行规则…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="68"/>
        <source>%1 new suggestion(s) (%2).</source>
        <translation>新增 %1 条建议标注（%2）。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="70"/>
        <source>No new suggestions.</source>
        <translation>没有新的建议标注。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="73"/>
        <source>Stopped for taking too long: %1.</source>
        <translation>因耗时过长而停止：%1。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="77"/>
        <source>%1 found again were already there or rejected.</source>
        <translation>另有 %1 条已存在或已被拒绝。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="60"/>
        <source>Suggesting cancelled; nothing was changed.</source>
        <translation>已取消生成建议，项目未作任何改动。</translation>
    </message>
</context>
<context>
    <name>SuspectBanner</name>
    <message>
        <location filename="../../xzannot/ui/suspect_banner.py" line="27"/>
        <source>This page&apos;s text layer cannot be trusted: %1</source>
        <translation>本页文本层不可信：%1</translation>
    </message>
</context>
<context>
    <name>TeamLayers</name>
    <message>
        <location filename="../../xzannot/ui/team_layers.py" line="82"/>
        <source>Curation: the curated layer</source>
        <translation>审定：显示审定层</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_layers.py" line="84"/>
        <source>Blind: others&apos; spans hidden</source>
        <translation>盲标：他人的标注已隐藏</translation>
    </message>
</context>
<context>
    <name>TeamReview</name>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="51"/>
        <source>Curation</source>
        <translation>审定</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="69"/>
        <source>Curation &amp;Keys</source>
        <translation>审定按键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="72"/>
        <source>Take Version of Annotator %1</source>
        <translation>采纳第 %1 位标注者的版本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="75"/>
        <source>&amp;Reject Every Version</source>
        <translation>拒绝全部版本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="80"/>
        <source>&amp;Edit the Curated Layer</source>
        <translation>编辑审定层(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="77"/>
        <source>Take &amp;All Agreed</source>
        <translation>采纳全部一致项(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="124"/>
        <source>That page is not in the pages list.</source>
        <translation>该页不在页面列表中。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="143"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="144"/>
        <source>The name recorded on every span you mark:</source>
        <translation>记录在您所做每条标注上的姓名：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="177"/>
        <source>Curation mode is for curators, and %1 is not one: a curator can name you in Team ▸ Assignments…</source>
        <translation>审定模式仅供审定人使用，%1 不是审定人：审定人可在“团队 ▸ 分配…”中指定您。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="193"/>
        <source>Curation mode: settle each unit with 1–9, 0 or E.</source>
        <translation>审定模式：用 1–9、0 或 E 处理每个单元。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_review.py" line="196"/>
        <source>Labelling mode.</source>
        <translation>标注模式。</translation>
    </message>
</context>
<context>
    <name>TextView</name>
    <message>
        <location filename="../../xzannot/ui/text_view.py" line="56"/>
        <source>No text on this page.</source>
        <translation>此页没有文字。</translation>
    </message>
</context>
<context>
    <name>WindowDocks</name>
    <message>
        <location filename="../../xzannot/ui/window_docks.py" line="98"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_docks.py" line="99"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_docks.py" line="100"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_docks.py" line="101"/>
        <source>Span</source>
        <translation>当前标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_docks.py" line="103"/>
        <source>Corrections</source>
        <translation>校正</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_docks.py" line="106"/>
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_docks.py" line="110"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="85"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="88"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="89"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="92"/>
        <source>&amp;Label</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="93"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="96"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="97"/>
        <source>&amp;Page</source>
        <translation>页面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="98"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="102"/>
        <source>Tea&amp;m</source>
        <translation>团队(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="106"/>
        <source>Your &amp;Name…</source>
        <translation>您的姓名(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="108"/>
        <source>Annotation &amp;Guide</source>
        <translation>标注规范(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="109"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="113"/>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="114"/>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="116"/>
        <source>&amp;Import PDF or Text…</source>
        <translation>导入 PDF 或文本(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="117"/>
        <source>Import &amp;Reference Text…</source>
        <translation>导入参照文本(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="118"/>
        <source>&amp;Locate Missing PDF…</source>
        <translation>查找缺失的 PDF(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="120"/>
        <source>&amp;Export Corpus…</source>
        <translation>导出语料(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="121"/>
        <source>Import &amp;Spans…</source>
        <translation>导入标注(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="129"/>
        <source>&amp;Accept Span</source>
        <translation>接受标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="135"/>
        <source>&amp;Reject Suggestion or Delete Span</source>
        <translation>拒绝建议或删除标注(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="140"/>
        <source>&amp;Delete Span</source>
        <translation>删除标注(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="142"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="145"/>
        <source>&amp;Correct Text</source>
        <translation>校正文字(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="155"/>
        <source>&amp;Compare with Original…</source>
        <translation>与原文对照(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="157"/>
        <source>Fit &amp;Width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="158"/>
        <source>Fit &amp;Page</source>
        <translation>适合页面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="159"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="160"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="163"/>
        <source>Show &amp;Others&apos; Spans</source>
        <translation>显示他人的标注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="173"/>
        <source>&amp;Next Page</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="174"/>
        <source>&amp;Previous Page</source>
        <translation>上一页(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="175"/>
        <source>Next Page &amp;to Do</source>
        <translation>下一个待办页(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="176"/>
        <source>&amp;Go to Page…</source>
        <translation>转到页面(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="182"/>
        <source>Mark Page &amp;to Do</source>
        <translation>标为待办(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="184"/>
        <source>Mark Page &amp;in Progress</source>
        <translation>标为进行中(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="186"/>
        <source>Mark Page &amp;Done</source>
        <translation>标为已完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="191"/>
        <source>&amp;Suggest Spans on This Page</source>
        <translation>为本页生成建议标注(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="193"/>
        <source>Suggest Spans on &amp;All Pages</source>
        <translation>为所有页面生成建议标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="199"/>
        <source>Pre-annotation &amp;Rules…</source>
        <translation>预标注规则(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="206"/>
        <source>&amp;Collate All Pages</source>
        <translation>对校全部页面(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="207"/>
        <source>&amp;Next Difference</source>
        <translation>下一处差异(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="208"/>
        <source>&amp;Previous Difference</source>
        <translation>上一处差异(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="209"/>
        <source>&amp;Accept Difference</source>
        <translation>采用差异(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="210"/>
        <source>Re&amp;ject Difference</source>
        <translation>不采用差异(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="215"/>
        <source>&amp;Assignments…</source>
        <translation>分配(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="216"/>
        <source>&amp;Progress…</source>
        <translation>进度(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="217"/>
        <source>A&amp;greement…</source>
        <translation>一致性(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="220"/>
        <source>&amp;Curation Mode</source>
        <translation>审定模式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="230"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="232"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="242"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="246"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/window_actions.py" line="256"/>
        <source>The language changes when xzannot is started again.</source>
        <translation>重新启动 xzannot 后语言才会改变。</translation>
    </message>
</context>
<context>
    <name>WorstPagesModel</name>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="90"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="91"/>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="92"/>
        <source>Annotators</source>
        <translation>标注者</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="93"/>
        <source>Differing characters</source>
        <translation>分歧字符</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="94"/>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/team_models.py" line="110"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
</TS>
