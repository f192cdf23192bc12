/** Messages of the static toolkit, the print view and `npm start` (the demo). */
export const toolkit = {
  // ── npm start ──
  'toolkit.start.building': { zh: '正在构建扩展与静态工具包…', en: 'Building the extension and the static toolkit…' },
  'toolkit.start.buildFailed': { zh: '构建失败（见上方输出）：{what}', en: 'Build failed (see the output above): {what}' },
  'toolkit.start.serving': { zh: '演示门户：{portal}\n静态工具包：{toolkit}', en: 'Demo portal: {portal}\nStatic toolkit: {toolkit}' },
  'toolkit.start.headless': {
    zh: '未检测到显示器（或指定了 --headless）：以无界面方式运行演示流程。',
    en: 'No display found (or --headless given): running the demo flow headless.',
  },
  'toolkit.start.headed': {
    zh: '已打开 Chromium（已加载扩展）。关闭浏览器即可结束。',
    en: 'Chromium is open with the extension loaded. Close the browser to stop.',
  },
  'toolkit.start.noWindow': {
    zh: '无法打开浏览器窗口（{reason}），改为以无界面方式运行演示流程。',
    en: 'Could not open a browser window ({reason}); running the demo flow headless instead.',
  },
  'toolkit.start.step': { zh: '· {title}', en: '· {title}' },
  'toolkit.start.stepFailed': { zh: '  ✗ {title} 失败：{reason}', en: '  ✗ {title} failed: {reason}' },
  'toolkit.start.stepSkipped': { zh: '  – 跳过 {title}：{reason}', en: '  – skipped {title}: {reason}' },
  'toolkit.start.wrote': { zh: '截图与导出文件已写入：{dir}', en: 'Screenshots and exported files written to: {dir}' },
  'toolkit.start.timeout': {
    zh: '演示在 {seconds} 秒内未完成，已停止（浏览器已关闭）。可用 --timeout 秒数 放宽限制。',
    en: 'The demo did not finish within {seconds} s and was stopped (browser closed). Use --timeout <seconds> to allow more.',
  },
  'toolkit.start.failed': { zh: '演示未能完成：{reason}', en: 'The demo could not finish: {reason}' },
  'toolkit.start.usage': {
    zh: '用法：npm start -- [--headless] [--out 目录] [--no-build] [--timeout 秒] [--lang en]',
    en: 'Usage: npm start -- [--headless] [--out DIR] [--no-build] [--timeout SECONDS] [--lang en]',
  },
  'toolkit.start.badArg': { zh: '无法识别的参数：{arg}', en: 'Unknown argument: {arg}' },
  // ── static toolkit ──
  'toolkit.banner': {
    zh: '静态工具包：草稿仅保存在本浏览器的此页面中（IndexedDB），不会上传。可导出备份在扩展与工具包之间迁移。',
    en: 'Static toolkit: drafts stay in this browser, for this page only (IndexedDB); nothing is uploaded. Export a backup to move them between the extension and the toolkit.',
  },
  'toolkit.fileWarning': {
    zh: '注意：本工具包是从本地文件（file://）打开的。浏览器让所有本地 HTML 文件共用同一份存储：之后在本机打开的任何本地网页（例如下载目录里的“通知.html”）都能读取和改写这里的草稿，包括姓名和身份证号。请在“设置与备份”中设置口令加密草稿（其他网页只能读到密文），只在必要时在此保存学生信息，用完导出备份并删除草稿；能安装扩展的电脑请使用扩展，或把工具包放到单位的网站上打开。',
    en: 'Warning: this toolkit was opened from a local file (file://). The browser gives every local HTML file the same storage: any local page opened later on this computer (say, a "notice.html" in Downloads) can read and rewrite the drafts here, names and ID numbers included. Set a passphrase under Settings & backup to encrypt the drafts (other pages then read only ciphertext), keep student data here only when you must, export a backup and delete the drafts when done; on a computer that can install the extension, use the extension, or open the toolkit from your organisation’s web server.',
  },
  // ── print view ──
  'toolkit.print.open': { zh: '打印视图（盖章用）', en: 'Print view (for sealing)' },
  'toolkit.print.print': { zh: '打印', en: 'Print' },
  'toolkit.print.back': { zh: '返回编辑', en: 'Back to the editor' },
  'toolkit.print.title': { zh: '教育实践学校推荐表', en: 'Practice-school recommendation form' },
  'toolkit.print.sealBlock': { zh: '推荐单位（盖章）', en: 'Recommending unit (seal)' },
  'toolkit.print.date': { zh: '年　　月　　日', en: 'Date' },
  'toolkit.print.onlyRecommendation': {
    zh: '打印视图仅适用于教育实践学校推荐表。',
    en: 'The print view is for the practice-school recommendation form only.',
  },
  // ── demo flow steps ──
  'toolkit.demo.drafts': { zh: '通过仪表盘导入示例草稿', en: 'Import the sample drafts through the dashboard' },
  'toolkit.demo.editor': { zh: '编辑器中的实时校验', en: 'Live validation in the editor' },
  'toolkit.demo.portal': { zh: '把推荐表草稿填入省级报送系统', en: 'Fill the recommendation draft into the provincial system' },
  'toolkit.demo.records': { zh: '校验高校学位授予信息列表', en: 'Verify the university degree-record list' },
  'toolkit.demo.pdf': { zh: '检查已盖章与未盖章的 PDF', en: 'Check a sealed and an unsealed PDF' },
  'toolkit.demo.upload': { zh: '在报送页面上传 PDF 时的公章检查', en: 'The seal check when a PDF is chosen on the submission page' },
  'toolkit.demo.excel': { zh: '导出 Excel（官方版式）', en: 'Export Excel (official layout)' },
  'toolkit.demo.toolkit': { zh: '静态工具包：编辑器与打印视图', en: 'Static toolkit: editor and print view' },
  'toolkit.demo.notBuilt': { zh: '静态工具包未构建', en: 'the static toolkit was not built' },
} as const;
