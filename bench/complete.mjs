// Completion at every offset of a sample of corpus files, each file one document version: the
// peer parses it once (VS Code caches its JSON document per version); ours gets the text on every
// call, as the extension passes it.
import { engine, peer, peerDocument, stats, table, time, verdict } from './lib.mjs';

export async function completeBench(files) {
  const ours = [];
  const theirs = [];
  let items = 0;
  // Ours and the peer's in separate passes, so that neither pays for the other's garbage.
  for (const { text } of files) {
    for (let offset = 0; offset <= text.length; offset++) {
      ours.push(await time(() => (items += engine.complete(text, offset).length)));
    }
  }
  for (const { text } of files) {
    const doc = peerDocument(text);
    for (let offset = 0; offset <= text.length; offset++) theirs.push(await time(() => peer.complete(doc, offset)));
  }
  const o = stats(ours);
  const p = stats(theirs);
  table(`completion at every offset of ${files.length} corpus files (${items} items in all)`, [
    ['ours', o, verdict(o.p99 < 200, 'p99 < 200 µs')],
    ['peer', p, verdict(o.mean < p.mean && o.median < p.median, 'ours faster on mean and median')],
  ]);
  return { ours: o, peer: p };
}
