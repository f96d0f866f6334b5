// Analyze per corpus file, ours against the peer's validation. Files are taken round robin, so
// no call sees the text of the call before it (no kept document helps here: this is a fresh
// check). Ours is called as the extension calls it on a keystroke (fixes left for code actions;
// the peer's validation makes none either); a row with fixes included is printed beside it. A
// file counts as slower when its median over the rounds is above the peer's.
import { EXTENSION_OPTIONS, engine, peer, peerDocument, stats, table, time, verdict } from './lib.mjs';

export async function analyzeBench(files, rounds = 15) {
  const ours = files.map(() => []);
  const withFixes = [];
  const theirs = files.map(() => []);
  for (const { text } of files) {
    engine.analyze(text, EXTENSION_OPTIONS);
    engine.analyze(text);
    await peer.validate(peerDocument(text));
  }
  // Ours and the peer's in separate passes, so that neither pays for the other's garbage, and
  // the passes alternate round by round, so that a slow spell of the machine falls on both
  // (all our rounds, then all the peer's, let one spell decide the per-file comparison).
  // Each round starts at another file: the first call of a pass pays for the garbage the other
  // pass left (a collection lands there), and one file should not pay it in every round.
  for (let r = 0; r < rounds; r++) {
    const start = Math.floor((r * files.length) / rounds);
    const order = files.map((_, k) => (start + k) % files.length);
    for (const i of order) ours[i].push(await time(() => engine.analyze(files[i].text, EXTENSION_OPTIONS)));
    for (const i of order) withFixes.push(await time(() => engine.analyze(files[i].text)));
    for (const i of order) theirs[i].push(await time(() => peer.validate(peerDocument(files[i].text))));
  }
  const o = stats(ours.flat());
  const p = stats(theirs.flat());
  table(`analyze, ${files.length} corpus files x ${rounds} rounds`, [
    ['ours', o, `${verdict(o.p99 < 100, 'p99 < 100 µs')}`],
    ['ours, fixes included', stats(withFixes)],
    ['peer', p],
    [
      'peer/ours (median)',
      { median: p.median / o.median, p99: p.p99 / o.p99, mean: p.mean / o.mean, count: 0 },
      verdict(p.median / o.median >= 10, 'median 10x faster'),
    ],
  ]);
  const slower = files
    .map((f, i) => ({ name: f.name, ours: stats(ours[i]).median, peer: stats(theirs[i]).median }))
    .filter((f) => f.ours > f.peer)
    .sort((a, b) => b.ours / b.peer - a.ours / a.peer);
  console.log(`files slower than the peer: ${slower.length} (${verdict(slower.length === 0, 'none')})`);
  for (const f of slower.slice(0, 5)) {
    console.log(`  ${f.name}: ours ${f.ours.toFixed(1)} µs, peer ${f.peer.toFixed(1)} µs`);
  }
  return { ours: o, peer: p, slower: slower.length };
}
