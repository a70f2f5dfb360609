<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CorpusFlow</name>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="88"/>
        <location filename="../../xzannot/ui/corpus_flow.py" line="101"/>
        <location filename="../../xzannot/ui/corpus_flow.py" line="108"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="88"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="94"/>
        <source>Exported %1 page(s) to %2.</source>
        <translation>已导出 %1 页到 %2。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="97"/>
        <source>%1 span(s); %2 left out by the filters.</source>
        <translation>共 %1 条标注；%2 条被筛选条件排除。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="106"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="116"/>
        <location filename="../../xzannot/ui/corpus_flow.py" line="133"/>
        <location filename="../../xzannot/ui/corpus_flow.py" line="152"/>
        <location filename="../../xzannot/ui/corpus_flow.py" line="162"/>
        <source>Import spans</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="133"/>
        <source>Importing spans…</source>
        <translation>正在导入标注…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="141"/>
        <source>Imported %1 span(s) from %2 text(s).</source>
        <translation>已从 %2 段文本导入 %1 条标注。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="144"/>
        <source>%1 were already there.</source>
        <translation>%1 条已存在。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="153"/>
        <source>The files use labels this project does not have: %1. Add them?</source>
        <translation>文件中使用了本项目没有的标签：%1。是否添加？</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corpus_flow.py" line="160"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>Correcting</name>
    <message>
        <location filename="../../xzannot/ui/correcting.py" line="39"/>
        <source>Revert %1 correction(s)</source>
        <translation>撤回 %1 处校正</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/correcting.py" line="48"/>
        <source>Accept %1 correction(s)</source>
        <translation>接受 %1 处校正</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/correcting.py" line="57"/>
        <source>Type</source>
        <translation>输入</translation>
    </message>
</context>
<context>
    <name>CorrectionsPanel</name>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="36"/>
        <source>Correction</source>
        <translation>校正</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="36"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="36"/>
        <source>In context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="38"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="39"/>
        <source>Revert</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="54"/>
        <source>Reading order</source>
        <translation>阅读顺序</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="55"/>
        <source>Radical look-alikes</source>
        <translation>部首形近字</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="56"/>
        <source>Punctuation width</source>
        <translation>标点全半角</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="57"/>
        <source>Spaces</source>
        <translation>多余空格</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="58"/>
        <source>Line breaks</source>
        <translation>断行</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="59"/>
        <source>Typed corrections</source>
        <translation>手工校正</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="60"/>
        <source>Reverts</source>
        <translation>撤回记录</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="65"/>
        <source>to review</source>
        <translation>待审</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="66"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="67"/>
        <source>reverted</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="92"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/corrections_panel.py" line="97"/>
        <source>%1 to review</source>
        <translation>%1 处待审</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../xzannot/ui/diff_dialog.py" line="43"/>
        <source>Original and corrected: %1</source>
        <translation>原文与校正后：%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="65"/>
        <source>Export corpus</source>
        <translation>导出语料</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="69"/>
        <source>JSON Lines, one page per line (doccano)</source>
        <translation>JSON Lines，每行一页（doccano）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="70"/>
        <source>CoNLL, a BIO tag per character</source>
        <translation>CoNLL，每字一个 BIO 标记</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="71"/>
        <source>brat standoff, .txt and .ann per page</source>
        <translation>brat 标注格式，每页一对 .txt 与 .ann</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="72"/>
        <source>Label Studio tasks</source>
        <translation>Label Studio 任务</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="73"/>
        <source>CSV, one row per target with its attributes</source>
        <translation>CSV，每个目标一行，附属性</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="74"/>
        <source>PAGE XML with coordinates</source>
        <translation>PAGE XML，含坐标</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="75"/>
        <source>ALTO with coordinates</source>
        <translation>ALTO，含坐标</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="76"/>
        <source>Plain text, one file per page</source>
        <translation>纯文本，每页一个文件</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="81"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="89"/>
        <source>all pages, or e.g. 1-3,7</source>
        <translation>全部页面，或如 1-3,7</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="96"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="97"/>
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="98"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="106"/>
        <source>Also write each page&apos;s image (PNG, 300 dpi)</source>
        <translation>同时写出每页图像（PNG，300 dpi）</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="114"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="115"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="116"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="117"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="118"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="119"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="120"/>
        <source>Annotators</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="125"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="154"/>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="157"/>
        <source>Export to file</source>
        <translation>导出到文件</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="175"/>
        <source>Choose where to save the export.</source>
        <translation>请选择导出保存的位置。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="178"/>
        <source>Choose at least one document.</source>
        <translation>请至少选择一个文档。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/export_dialog.py" line="181"/>
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
        <location filename="../../xzannot/ui/import_flow.py" line="65"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="65"/>
        <location filename="../../xzannot/ui/import_flow.py" line="85"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="74"/>
        <source>Imported %1 document(s), %2 page(s).</source>
        <translation>已导入 %1 个文档，共 %2 页。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="77"/>
        <source>%1 already in the project.</source>
        <translation>%1 个已在项目中。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="82"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation>导入已取消，项目未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="94"/>
        <source>Import reference text</source>
        <translation>导入参照文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="97"/>
        <source>That reference text was already stored.</source>
        <translation>该参照文本已存储过。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/import_flow.py" line="100"/>
        <source>Stored a reference text of %1 characters.</source>
        <translation>已存储参照文本，共 %1 字。</translation>
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
        <location filename="../../xzannot/ui/labelling.py" line="51"/>
        <source>Mark as %1</source>
        <translation>标为%1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="60"/>
        <source>Relabel as %1</source>
        <translation>改标为%1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="62"/>
        <source>Select some text first, then press a label&apos;s key.</source>
        <translation>请先选中文字，再按标签对应的键。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="68"/>
        <location filename="../../xzannot/ui/labelling.py" line="83"/>
        <source>Select a span first.</source>
        <translation>请先选择一个标注。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="70"/>
        <source>Edit span</source>
        <translation>修改标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="77"/>
        <source>Accept span</source>
        <translation>接受标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="85"/>
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="92"/>
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/labelling.py" line="100"/>
        <source>Mark page</source>
        <translation>标记页面状态</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="203"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="206"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="212"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="215"/>
        <source>Span</source>
        <translation>当前标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="222"/>
        <source>Corrections</source>
        <translation>校正</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="256"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="257"/>
        <source>The name recorded on every span you mark:</source>
        <translation>记录在您所做每条标注上的姓名：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="276"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="279"/>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="283"/>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="287"/>
        <source>&amp;Import PDF or Text…</source>
        <translation>导入 PDF 或文本(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="289"/>
        <source>Import &amp;Reference Text…</source>
        <translation>导入参照文本(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="290"/>
        <source>&amp;Locate Missing PDF…</source>
        <translation>查找缺失的 PDF(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="293"/>
        <source>&amp;Export Corpus…</source>
        <translation>导出语料(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="295"/>
        <source>Import &amp;Spans…</source>
        <translation>导入标注(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="298"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="301"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="302"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="304"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="311"/>
        <source>&amp;Accept Span</source>
        <translation>接受标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="319"/>
        <source>&amp;Reject Suggestion or Delete Span</source>
        <translation>拒绝建议或删除标注(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="325"/>
        <source>&amp;Delete Span</source>
        <translation>删除标注(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="329"/>
        <source>&amp;Correct Text</source>
        <translation>校正文字(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="337"/>
        <source>&amp;Label</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="339"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="341"/>
        <source>&amp;Compare with Original…</source>
        <translation>与原文对照(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="344"/>
        <source>Fit &amp;Width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="345"/>
        <source>Fit &amp;Page</source>
        <translation>适合页面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="348"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="355"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="370"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="374"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="381"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="383"/>
        <source>&amp;Next Page</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="386"/>
        <source>&amp;Previous Page</source>
        <translation>上一页(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="389"/>
        <source>Next Page &amp;to Do</source>
        <translation>下一个待办页(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="391"/>
        <source>&amp;Go to Page…</source>
        <translation>转到页面(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="393"/>
        <source>&amp;Page</source>
        <translation>页面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="395"/>
        <source>Mark Page &amp;to Do</source>
        <translation>标为待办(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="396"/>
        <source>Mark Page &amp;in Progress</source>
        <translation>标为进行中(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="397"/>
        <source>Mark Page &amp;Done</source>
        <translation>标为已完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="403"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="405"/>
        <source>&amp;Suggest Spans on This Page</source>
        <translation>为本页生成建议标注(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="409"/>
        <source>Suggest Spans on &amp;All Pages</source>
        <translation>为所有页面生成建议标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="416"/>
        <source>Pre-annotation &amp;Rules…</source>
        <translation>预标注规则(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="419"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="422"/>
        <source>Annotation &amp;Guide</source>
        <translation>标注规范(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="452"/>
        <source>The language changes when xzannot is started again.</source>
        <translation>重新启动 xzannot 后语言才会改变。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="468"/>
        <source>%1 — xzannot</source>
        <translation>%1 — xzannot</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="473"/>
        <source>This project is empty. Import a PDF with File ▸ Import.</source>
        <translation>项目为空。请通过“文件 ▸ 导入”导入 PDF。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="521"/>
        <location filename="../../xzannot/ui/main_window.py" line="526"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="532"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="539"/>
        <source>Import PDF or text</source>
        <translation>导入 PDF 或文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="549"/>
        <source>Import reference text</source>
        <translation>导入参照文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="550"/>
        <source>Import the document&apos;s pages first.</source>
        <translation>请先导入该文档的页面。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="555"/>
        <source>Reference text for this document</source>
        <translation>本文档的参照文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="567"/>
        <source>Where is %1?</source>
        <translation>%1 在哪里？</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="574"/>
        <source>Locate PDF</source>
        <translation>查找 PDF</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="605"/>
        <source>Correction mode: what you type is saved as corrections.</source>
        <translation>校正模式：您输入的内容将作为校正保存。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="607"/>
        <source>Labelling mode.</source>
        <translation>标注模式。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="638"/>
        <location filename="../../xzannot/ui/main_window.py" line="679"/>
        <source>✓ Saved</source>
        <translation>✓ 已保存</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="680"/>
        <source>Every change is saved to the project at once.</source>
        <translation>每处改动都会立即保存到项目中。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="696"/>
        <location filename="../../xzannot/ui/main_window.py" line="697"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="730"/>
        <source>Every page is done.</source>
        <translation>所有页面均已完成。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="743"/>
        <source>No page %1 in this document.</source>
        <translation>本文档中没有第 %1 页。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="751"/>
        <source>Go to page</source>
        <translation>转到页面</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="751"/>
        <source>Printed page (e.g. 22) or page number:</source>
        <translation>印刷页码（如 22）或页序号：</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="782"/>
        <source>The PDF %1 is missing or has changed since it was imported. Use File ▸ Locate Missing PDF… to point to it.</source>
        <translation>PDF 文件 %1 已缺失，或自导入后已被改动。请通过“文件 ▸ 查找缺失的 PDF…”指定其位置。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="790"/>
        <source>printed %1</source>
        <translation>印刷页码 %1</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/main_window.py" line="793"/>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · 第 %2 页，共 %3 页</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../xzannot/ui/page_view.py" line="114"/>
        <source>This page has no image (it was imported as text).</source>
        <translation>此页没有图像（以文本形式导入）。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/page_view.py" line="322"/>
        <source>The page could not be rendered: %1</source>
        <translation>无法渲染此页：%1</translation>
    </message>
</context>
<context>
    <name>PagesModel</name>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="53"/>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="53"/>
        <source>Printed</source>
        <translation>印刷页码</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="53"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="53"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="75"/>
        <source>%1, page %2</source>
        <translation>%1，第 %2 页</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="83"/>
        <source>needs text</source>
        <translation>缺文本</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="85"/>
        <source>to do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="86"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/pages_model.py" line="87"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>ProgressRun</name>
    <message>
        <location filename="../../xzannot/ui/progress.py" line="33"/>
        <source>Cancel</source>
        <translation>取消</translation>
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
    <name>Suggesting</name>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="45"/>
        <location filename="../../xzannot/ui/suggesting.py" line="68"/>
        <source>Suggest spans</source>
        <translation>生成建议标注</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="45"/>
        <source>Running the rules…</source>
        <translation>正在运行规则…</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="53"/>
        <source>%1 new suggestion(s) (%2).</source>
        <translation>新增 %1 条建议标注（%2）。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="56"/>
        <source>No new suggestions.</source>
        <translation>没有新的建议标注。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="58"/>
        <source>%1 found again were already there or rejected.</source>
        <translation>另有 %1 条已存在或已被拒绝。</translation>
    </message>
    <message>
        <location filename="../../xzannot/ui/suggesting.py" line="65"/>
        <source>Suggesting cancelled; nothing was changed.</source>
        <translation>已取消生成建议，项目未作任何改动。</translation>
    </message>
</context>
<context>
    <name>TextView</name>
    <message>
        <location filename="../../xzannot/ui/text_view.py" line="65"/>
        <source>No text on this page.</source>
        <translation>此页没有文字。</translation>
    </message>
</context>
</TS>
