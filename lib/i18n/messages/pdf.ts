/** What the upload guard shows in pages: the only PDF messages its content script carries. */
export const pdfGuardPage = {
  'pdf.status.sealed': { zh: '已盖章', en: 'Sealed' },
  'pdf.status.seal-misplaced': { zh: '印章位置不对', en: 'Seal on the wrong page' },
  'pdf.status.unsealed': { zh: '未盖章', en: 'Not sealed' },
  'pdf.status.uncertain': { zh: '无法确定', en: 'Uncertain' },
  'pdf.status.error': { zh: '无法检查', en: 'Cannot check' },
  'pdf.error.internal': { zh: '检查时出错，未能得出结论。', en: 'The check failed and reached no verdict.' },

  'pdf.guard.checking': { zh: '国优表单助手：正在检查 {file} 的公章…', en: 'Guoyou: checking {file} for the seal…' },
  'pdf.guard.verdict': { zh: '国优表单助手：{file} — {status}。{reason}', en: 'Guoyou: {file} — {status}. {reason}' },
  'pdf.guard.cleared': {
    zh: '已按本网站设置清除所选文件，请换成盖章版本。',
    en: 'The chosen file was cleared (site setting); choose the sealed version.',
  },
  'pdf.guard.noOffscreen': {
    zh: '浏览器不支持后台检查（需要 Chrome 116 以上）。请在“检查盖章 PDF”页面中检查该文件。',
    en: 'This browser cannot check in the background (Chrome 116+ needed). Check the file on the “Check the sealed PDF” page.',
  },
  'pdf.guard.tooLarge': {
    zh: '文件太大（{size} MB），上传前无法自动检查。请在“检查盖章 PDF”页面中检查。',
    en: 'The file is too large ({size} MB) to check at upload. Check it on the “Check the sealed PDF” page.',
  },
  'pdf.guard.rateLimited': {
    zh: '国优表单助手：本页在一分钟内已检查了多个文件，请稍后再选择文件。',
    en: 'Guoyou: this page has had several files checked in the last minute; choose the file again in a moment.',
  },
  'pdf.guard.failed': { zh: '国优表单助手：无法检查 {file}（{detail}）', en: 'Guoyou: could not check {file} ({detail})' },
} as const;

/** PDF seal check (issue 6): statuses, reasons, errors, checker page, upload guard, CLI. */
export const pdf = {
  ...pdfGuardPage,

  'pdf.kind.image': { zh: '图像印章', en: 'Image seal' },
  'pdf.kind.digital': { zh: '电子签章', en: 'Digital seal' },
  'pdf.kind.riding': { zh: '骑缝章', en: 'Riding seal' },

  'pdf.reason.sealed': { zh: '签章页（第 {pages} 页）有公章。', en: 'The signature page ({pages}) carries a seal.' },
  'pdf.reason.sealedDigital': {
    zh: '文件带有电子签章（{signer}）。本工具只确认签章存在，未验证其有效性。',
    en: 'The file carries a digital seal ({signer}). Its presence was checked, not its validity.',
  },
  'pdf.reason.sealedDigitalUnchanged': {
    zh: '文件带有电子签章（{signer}），签名后未被改动。证书是否可信（签发链、吊销）未核验。',
    en: 'The file carries a digital seal ({signer}), unchanged since signing. Whether its certificate is trusted (issuer chain, revocation) was not checked.',
  },
  'pdf.reason.sealedDigitalAppended': {
    zh: '文件带有电子签章（{signer}），签名覆盖的内容未被改动，但签名后又追加了修订（如另一签名、填写或批注）。证书是否可信未核验。',
    en: 'The file carries a digital seal ({signer}); the signed content is unchanged, but a revision was added after signing (another signature, filled fields or comments). Whether its certificate is trusted was not checked.',
  },
  'pdf.reason.digitalChanged': {
    zh: '电子签章（{signer}）签名后被改动：文件已不是签署时的内容。请用签章软件重新签章后再上传。',
    en: 'The digital seal ({signer}) was changed after signing: the file is no longer what was signed. Sign it again in the seal software before uploading.',
  },
  'pdf.reason.misplaced': {
    zh: '在第 {found} 页找到印章，但签章页（第 {pages} 页）没有公章：可能盖错了页或缺页。',
    en: 'Seals found on page(s) {found}, but none on the signature page ({pages}): wrong page stamped, or a page is missing.',
  },
  'pdf.reason.ridingOnly': {
    zh: '只有骑缝章，签章页（第 {pages} 页）没有完整的公章。',
    en: 'Only a riding seal across the page edges; the signature page ({pages}) has no full seal.',
  },
  'pdf.reason.unsealed': {
    zh: '签章页（第 {pages} 页）上没有找到红色公章或电子签章：可能扫描的是未盖章的打印件，或是直接导出的文件。',
    en: 'No red seal or digital seal on the signature page ({pages}): perhaps the unsealed print was scanned, or the file was exported directly.',
  },
  'pdf.reason.grayscale': {
    zh: '第 {pages} 页是灰度（黑白）扫描件，无法按红色识别公章。请用彩色模式重新扫描，或人工核对。',
    en: 'Page(s) {pages} are a grayscale scan, so a red seal cannot be recognised. Rescan in colour, or check by eye.',
  },
  'pdf.reason.budget': {
    zh: '文件较大：在 {seconds} 秒内只检查了 {done}/{total} 页，已检查的签章页没有公章。',
    en: 'Large file: only {done} of {total} pages could be checked within {seconds} s, and the checked signature page has no seal.',
  },

  'pdf.error.notPdf': { zh: '这不是 PDF 文件（文件头不是 %PDF）。', en: 'This is not a PDF file (it does not start with %PDF).' },
  'pdf.error.empty': { zh: '文件是空的。', en: 'The file is empty.' },
  'pdf.error.encrypted': {
    zh: 'PDF 已加密（需要密码才能打开），无法检查。请上传未加密的版本。',
    en: 'The PDF is encrypted (a password is needed to open it) and cannot be checked. Upload an unencrypted copy.',
  },
  'pdf.error.truncated': {
    zh: 'PDF 文件不完整（缺少文件结尾，可能下载或复制中断）。请重新导出或重新扫描。',
    en: 'The PDF is incomplete (its end is missing; the download or copy was interrupted). Export or scan it again.',
  },
  'pdf.error.damaged': { zh: 'PDF 文件已损坏，无法读取。', en: 'The PDF is damaged and cannot be read.' },
  'pdf.error.tooLarge': {
    zh: '文件太大（{size} MB，上限 {max} MB），为避免浏览器卡死未做检查。请压缩后再试。',
    en: 'The file is too large ({size} MB, limit {max} MB) and was not checked, so the browser does not freeze. Compress it and retry.',
  },
  'pdf.error.tooManyPages': {
    zh: '页数太多（{pages} 页，上限 {max} 页），未做检查。推荐表不应有这么多页。',
    en: 'Too many pages ({pages}, limit {max}); not checked. A recommendation form should not be this long.',
  },
  'pdf.error.timeout': {
    zh: '在 {seconds} 秒内未能打开或检查该文件，已停止。',
    en: 'The file could not be opened or checked within {seconds} s; stopped.',
  },

  'pdf.error.imageTooLarge': {
    zh: 'PDF 中有尺寸异常的图像（{width}×{height} 像素），为避免耗尽内存未检查。请重新扫描或导出后再试。',
    en: 'The PDF holds an image of abnormal size ({width}×{height} pixels); it was not checked, to avoid exhausting memory. Re-scan or re-export it.',
  },
  'pdf.error.streamTooLarge': {
    zh: 'PDF 中有解压后异常巨大的内容（疑似“压缩炸弹”），未检查。',
    en: 'The PDF holds content that expands to an abnormal size (a suspected compression bomb); it was not checked.',
  },
  'pdf.error.pageTimeout': {
    zh: '第 {page} 页的内容过于复杂，无法在 {seconds} 秒内检查完，已停止。',
    en: 'Page {page} is too complex to check within {seconds} s; the check was stopped.',
  },

  'pdf.finding.schoolMissing': {
    zh: 'PDF 中没有草稿里的学校“{name}”：PDF 可能不是当前版本的推荐表。',
    en: 'The school “{name}” of the draft is not in the PDF: the PDF may not be the current version of the form.',
  },
  'pdf.finding.schoolExtra': {
    zh: 'PDF 中有草稿里没有的学校“{name}”：PDF 可能不是当前版本的推荐表。',
    en: 'The PDF lists “{name}”, which is not in the draft: the PDF may not be the current version of the form.',
  },
  'pdf.finding.signerMismatch': {
    zh: '电子签章证书上的“{signer}”与草稿的推荐单位“{unit}”不一致：请确认盖的是本单位的章。',
    en: "The digital seal's certificate names “{signer}”, but the draft's recommending unit is “{unit}”: check that the seal is your unit's.",
  },
  'pdf.finding.pageCount': {
    zh: '扫描件有 {pages} 页，但草稿有 {rows} 所学校，按每页 {perPage} 所应为 {min}–{max} 页：可能缺页或多页。',
    en: 'The scan has {pages} page(s), but {rows} schools at {perPage} per page need {min}–{max}: a page may be missing or extra.',
  },

  'pdf.checker.title': { zh: '检查盖章 PDF', en: 'Check the sealed PDF' },
  'pdf.checker.intro': {
    zh: '把加盖公章的推荐表 PDF 拖到这里，或点击选择文件（可多选）。文件只在本机检查，不会上传。',
    en: 'Drop the sealed PDF of the form here, or click to choose files (several at once). Files are checked on this computer and never uploaded.',
  },
  'pdf.checker.pick': { zh: '选择 PDF 文件', en: 'Choose PDF files' },
  'pdf.checker.checking': { zh: '正在检查…', en: 'Checking…' },
  'pdf.checker.cancelled': { zh: '已取消', en: 'Cancelled' },
  'pdf.checker.progress': { zh: '正在检查 PDF：已完成 {done}/{total} 个', en: 'Checking PDFs: {done} of {total} done' },
  'pdf.checker.clear': { zh: '清空结果', en: 'Clear results' },
  'pdf.checker.pages': { zh: '{pages} 页', en: '{pages} page(s)' },
  'pdf.checker.signaturePages': { zh: '签章页：第 {pages} 页', en: 'Signature page: {pages}' },
  'pdf.checker.seal': { zh: '第 {page} 页 · {kind} · 置信度 {confidence}', en: 'Page {page} · {kind} · confidence {confidence}' },
  'pdf.checker.signer': { zh: '签章人：{signer}', en: 'Signer: {signer}' },
  'pdf.checker.integrity.unchanged': { zh: '签名后未被改动', en: 'unchanged since signing' },
  'pdf.checker.integrity.changed': { zh: '签名后被改动', en: 'changed after signing' },
  'pdf.checker.integrity.unverifiable': { zh: '无法核验签名后是否被改动', en: 'whether it changed after signing cannot be checked' },
  'pdf.checker.certificate': { zh: '证书：{name}', en: 'Certificate: {name}' },
  'pdf.checker.invisible': { zh: '不可见签名', en: 'invisible signature' },
  'pdf.checker.ms': { zh: '用时 {ms} 毫秒', en: '{ms} ms' },
  'pdf.checker.noSeals': { zh: '未找到印章', en: 'No seal found' },
  'pdf.checker.findings': { zh: '与草稿对比', en: 'Compared with the draft' },
  'pdf.checker.unknownSigner': { zh: '未写明签章人', en: 'signer not named' },
  'pdf.checker.policyTitle': { zh: '上传检查：发现未盖章文件时', en: 'Upload check: when a file is not sealed' },
  'pdf.checker.policyWarn': { zh: '只提醒', en: 'Warn only' },
  'pdf.checker.policyClear': { zh: '提醒并清除所选文件', en: 'Warn and clear the chosen file' },
  'pdf.checker.policySite': { zh: '网站', en: 'Site' },
  'pdf.checker.policyIntro': {
    zh: '已授权的网站上，选择 PDF 文件后会在提交前自动检查公章。',
    en: 'On permitted sites, a chosen PDF is checked for the seal before you submit.',
  },
  'pdf.checker.remove': { zh: '移除', en: 'Remove' },
  'pdf.checker.draftNote': { zh: '同时与当前草稿对比学校名单和页数。', en: 'Also compared with this draft (schools and page count).' },
  'pdf.checker.noFindings': { zh: '与草稿一致。', en: 'Matches the draft.' },
  'pdf.checker.thumbAlt': { zh: '第 {page} 页找到的印章', en: 'Seal found on page {page}' },
  'pdf.checker.policyNone': { zh: '还没有授权的网站。', en: 'No site permitted yet.' },

  'pdf.cli.usage': {
    zh: '用法：guoyou check-pdf <文件…> [--json] [--draft <草稿.json>]\n检查 PDF 是否在签章页加盖了公章。全部已盖章时退出码为 0，否则为 1，用法错误为 2。',
    en: 'usage: guoyou check-pdf <files…> [--json] [--draft <draft.json>]\nChecks that each PDF carries a seal on its signature page. Exit 0 when all are sealed, 1 otherwise, 2 on usage errors.',
  },
  'pdf.cli.unknownOption': { zh: '未知选项：{option}', en: 'unknown option: {option}' },
  'pdf.cli.missing': { zh: '找不到该文件。', en: 'file not found.' },
  'pdf.cli.unreadable': { zh: '无法读取文件：{detail}', en: 'cannot read the file: {detail}' },
  'pdf.cli.summary': { zh: '共 {total} 个文件，已盖章 {sealed} 个。', en: '{total} file(s), {sealed} sealed.' },
} as const;
