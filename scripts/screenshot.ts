/**
 * README screenshots: the built extension in headless Chromium, a sample draft typed in through the editor (so the
 * findings are the rule engine's own), saved as docs/screenshots/*.png.
 * Usage: `npx wxt build` (or set GUOYOU_EXTENSION_DIR), then `npx jiti scripts/screenshot.ts [outDir]`.
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { launchExtension } from '../test/e2e/harness';
import { OptionsPage } from '../test/e2e/pages/options';

/** A plausible, partly wrong recommendation draft: the mistakes show the findings panel at work. */
const sample: Array<[string, string]> = [
  ['recommendingUnit', '江苏省教育厅'],
  ['filler', '王晓明'],
  ['contactPhone', '025-8333550'],
  ['contactEmail', 'jsjyt@example.edu.cn'],
  ['schools[0].schoolName', '南京市第一中学'],
  ['schools[0].city', '南京市'],
  ['schools[0].county', '秦淮区'],
  ['schools[0].creditCode', '12320000466002393X'],
  ['schools[0].principal', '陈立'],
  ['schools[0].scienceTeachers', '46'],
  ['schools[1].schoolName', '杭州学军中学'],
  ['schools[1].city', '杭州市'],
];
const selects: Array<[string, string]> = [
  ['province', '江苏省'],
  ['schools[0].schoolStage', '高中'],
  ['schools[0].schoolNature', '公办'],
  ['schools[1].schoolStage', '高中'],
];

export async function takeScreenshots(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const session = await launchExtension();
  const written: string[] = [];
  try {
    const o = await OptionsPage.open(session);
    await o.page.setViewport({ width: 1280, height: 800 });
    await o.createDraft('江苏省“国优计划”实践学校推荐表（示例）');
    for (const [p, v] of selects) await o.select(p, v);
    for (const [p, v] of sample) await o.type(p, v);
    await o.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await o.waitSaved();
    await o.page.evaluate(() => window.scrollTo(0, 0));
    const editor = path.join(outDir, 'editor.png');
    await o.page.screenshot({ path: editor });
    written.push(editor);
    await o.goto('#/drafts');
    await o.page.waitForSelector('[data-testid="draft-list"]');
    const list = path.join(outDir, 'drafts.png');
    await o.page.screenshot({ path: list });
    written.push(list);
    const popup = await session.openPage('popup.html');
    await popup.setViewport({ width: 380, height: 420 });
    await popup.waitForSelector('.recent-item');
    const popupShot = path.join(outDir, 'popup.png');
    await popup.screenshot({ path: popupShot });
    written.push(popupShot);
  } finally {
    await session.close();
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('screenshot.ts')) {
  const out = path.resolve(process.argv[2] ?? 'docs/screenshots');
  takeScreenshots(out).then(
    (files) => console.log(`Screenshots written:\n${files.map((f) => `  ${f}`).join('\n')}`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
