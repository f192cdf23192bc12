import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { watchControls } from './watch';

describe('watchControls', () => {
  it('scans lazily, then picks up added rows incrementally and drops removed ones', async () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><table id="t"><tr><th>学校名称</th><th>校长</th></tr><tr><td><input name="a1"></td><td><input name="b1"></td></tr></table></body></html>',
    );
    const doc = document as unknown as Document;
    const w = watchControls(doc, 10);
    expect(w.controls().map((c) => c.name)).toEqual(['a1', 'b1']);
    const first = w.controls()[0]!;
    const tr = doc.createElement('tr');
    tr.innerHTML = '<td><input name="a2"></td><td><input name="b2"></td>';
    doc.getElementById('t')!.append(tr);
    await new Promise((r) => setTimeout(r, 30));
    const now = w.controls();
    // The first controls are the same objects (not rescanned); the new row is numbered below the same header.
    expect(now[0]).toBe(first);
    expect(now.map((c) => [c.name, c.row?.index, c.labels[0]?.text])).toEqual([
      ['a1', 0, '学校名称'],
      ['b1', 0, '校长'],
      ['a2', 1, '学校名称'],
      ['b2', 1, '校长'],
    ]);
    tr.remove();
    expect(w.controls().map((c) => c.name)).toEqual(['a1', 'b1']);
    w.stop();
  });
});
