/** Passphrase protection: drafts encrypted at rest, protected backups (issue 13 §10). */
export const vault = {
  'vault.wrongPassphrase': {
    zh: '口令不对，请重新输入。没有读取或改动任何数据。',
    en: 'Wrong passphrase; please try again. Nothing was read or changed.',
  },
  'vault.passphrase': { zh: '口令', en: 'Passphrase' },
  'vault.passphraseRepeat': { zh: '再输入一次口令', en: 'Repeat the passphrase' },
  'vault.passphraseMismatch': { zh: '两次输入的口令不一致。', en: 'The two passphrases differ.' },
  'vault.passphraseTooShort': { zh: '口令至少需要 {n} 个字符。', en: 'The passphrase needs at least {n} characters.' },
  'vault.passphraseHint': {
    zh: '口令忘记后无法找回，加密的数据也无法恢复。请把口令记在安全的地方。',
    en: 'A forgotten passphrase cannot be recovered, and neither can what it encrypts. Keep it somewhere safe.',
  },
  // ── backups ──
  'vault.backup.protect': { zh: '用口令保护备份文件（加密）', en: 'Protect the backup file with a passphrase (encrypted)' },
  'vault.backup.needsPassphrase': {
    zh: '这个备份文件已用口令加密，请输入导出时设置的口令。',
    en: 'This backup file is protected with a passphrase; enter the passphrase it was exported with.',
  },
  'vault.backup.damaged': {
    zh: '这个加密备份文件已损坏或不完整，无法打开。数据库未作任何改动。',
    en: 'This protected backup file is damaged or incomplete and cannot be opened. Nothing was changed.',
  },
  'vault.backup.zipElsewhere': {
    zh: '这是用口令保护的管理员备份压缩包（.gyenc），请在“Excel”页的“管理员备份（zip）”中导入。数据库未作任何改动。',
    en: 'This is a passphrase-protected admin backup zip (.gyenc); import it under Excel → Admin backup (zip). Nothing was changed.',
  },
  'vault.backup.open': { zh: '打开备份', en: 'Open the backup' },
  'vault.backup.cancel': { zh: '取消', en: 'Cancel' },
  // ── drafts at rest ──
  'vault.title': { zh: '草稿加密', en: 'Draft encryption' },
  'vault.intro': {
    zh: '设置口令后，草稿及其历史版本（标题和内容）和国优名册（学号、姓名、证件号码）在本浏览器中加密保存（AES-GCM，密钥由口令经 PBKDF2 派生）。之后每次打开都需要输入口令；其他网页或本地 HTML 文件只能读到密文。',
    en: 'With a passphrase, drafts and their revisions (title and content) and Guoyou rosters (student numbers, names, ID numbers) are stored encrypted in this browser (AES-GCM, key derived from the passphrase with PBKDF2). Each time you open the app you enter the passphrase; other pages and local HTML files read only ciphertext.',
  },
  'vault.status.on': { zh: '已开启：草稿和名册加密保存。', en: 'On: drafts and rosters are stored encrypted.' },
  'vault.status.off': {
    zh: '未开启：草稿和名册以明文保存在本浏览器中。',
    en: 'Off: drafts and rosters are stored unencrypted in this browser.',
  },
  'vault.turnOn': { zh: '设置口令并加密草稿', en: 'Set a passphrase and encrypt drafts' },
  'vault.change': { zh: '更换口令', en: 'Change the passphrase' },
  'vault.turnOff': { zh: '取消加密', en: 'Turn encryption off' },
  'vault.lockNow': { zh: '立即加锁', en: 'Lock now' },
  'vault.current': { zh: '当前口令', en: 'Current passphrase' },
  'vault.new': { zh: '新口令', en: 'New passphrase' },
  'vault.apply': { zh: '确定', en: 'Apply' },
  'vault.working': { zh: '正在处理（派生密钥需要约一秒）…', en: 'Working (deriving the key takes about a second)…' },
  'vault.doneOn': { zh: '已加密 {n} 份草稿及其历史版本。', en: 'Encrypted {n} drafts and their revisions.' },
  'vault.doneChange': { zh: '口令已更换，{n} 份草稿已用新口令重新加密。', en: 'Passphrase changed; {n} drafts re-encrypted with it.' },
  'vault.doneOff': { zh: '已取消加密，{n} 份草稿恢复为明文保存。', en: 'Encryption turned off; {n} drafts are stored unencrypted again.' },
  'vault.failed': {
    zh: '操作未完成，已全部撤销，草稿保持原样（{detail}）。',
    en: 'The operation did not complete and was rolled back entirely; drafts are as they were ({detail}).',
  },
  'vault.unlock.title': { zh: '草稿已加锁', en: 'Drafts are locked' },
  'vault.unlock.intro': {
    zh: '本浏览器中的草稿已用口令加密。请输入口令解锁；口令只保存在本页面（或本次浏览器会话）的内存中。',
    en: 'The drafts in this browser are encrypted with a passphrase. Enter it to unlock; it is kept only in memory for this page (or this browser session).',
  },
  'vault.unlock.button': { zh: '解锁', en: 'Unlock' },
  'vault.locked': { zh: '草稿已加锁，请先在选项页解锁。', en: 'Drafts are locked; unlock them in the options page first.' },
  'vault.lockedHere': { zh: '草稿已加锁，请先输入口令解锁。', en: 'Drafts are locked; enter the passphrase to unlock them first.' },
  // ── CLI ──
  'vault.cli.prompt': { zh: '备份口令：', en: 'Backup passphrase: ' },
  'vault.cli.noPassphrase': {
    zh: '{file} 已用口令加密：请用 --passphrase-file <文件> 提供口令，或在终端中运行以便输入口令。',
    en: '{file} is protected with a passphrase: give it with --passphrase-file <file>, or run in a terminal to be asked for it.',
  },
} as const;
