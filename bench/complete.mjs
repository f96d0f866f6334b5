// Completion at every offset of a sample of corpus files, each file one document version: the
// peer parses it once (VS Code caches its JSON document per version); ours gets the text on every
// call, as the extension passes it.
//
// Each side goes over the sample twice. The first pass pays for compiling the code it reaches
// (WASM functions compile on their first call, JS functions when they turn hot): that pass is
// printed as "first pass". The target is read on the second, as the analyze benchmark reads its
// rounds after a warm-up call per file: an editor pays the first-call cost once per session.
import { engine, peer, peerDocument, stats, table, time, verdict } from './lib.mjs';

async function ourPass(files) {
  const samples = [];
  let items = 0;
  for (const { text } of files) {
    for (let offset = 0; offset <= text.length; offset++) {
      samples.push(await time(() => (items += engine.complete(text, offset).length)));
    }
  }
  return { samples, items };
}

async function peerPass(files) {
  const samples = [];
  for (const { text } of files) {
    const doc = peerDocument(text);
    for (let offset = 0; offset <= text.length; offset++) samples.push(await time(() => peer.complete(doc, offset)));
  }
  return samples;
}

export async function completeBench(files) {
  // Ours and the peer's in separate passes, so that neither pays for the other's garbage.
  const oursFirst = stats((await ourPass(files)).samples);
  const peerFirst = stats(await peerPass(files));
  const { samples, items } = await ourPass(files);
  const o = stats(samples);
  const p = stats(await peerPass(files));
  table(`completion at every offset of ${files.length} corpus files (${items} items in all)`, [
    ['ours, first pass', oursFirst],
    ['peer, first pass', peerFirst],
    ['ours', o, verdict(o.p99 < 200, 'p99 < 200 µs')],
    ['peer', p, verdict(o.mean < p.mean && o.median < p.median, 'ours faster on mean and median')],
  ]);
  return { ours: o, peer: p };
}
