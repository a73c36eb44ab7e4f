/**
 * Synthesises the board's audio clips ahead of time, for boards whose browser has no Indonesian voice
 * (web/src/queue/board-clips.ts sequences them into the sentence the board would speak).
 *
 *   apt-get install espeak-ng     # the open speech engine (GPL-3; the clips it makes are ours to ship)
 *   npx tsx scripts/gen-board-audio.ts
 *
 * Writes web/public/suara/<clip>.wav (16 kHz, 16-bit mono, silence trimmed) and the list of clips in
 * web/src/queue/board-clip-list.ts. Clips: a two-tone chime, "nomor antrean", "silakan menuju", "loket",
 * the letters as Indonesians name them, the number words that `terbilang` joins (src/queue/speech.ts),
 * and the words of the demo agencies' counter labels as the board reads them ("Dukcapil", "Samsat").
 * Re-run after adding an agency whose code is read as a word; a word without a clip is spelled.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TENANTS } from '../src/demo/data.js';
import { speakCounterLabel } from '../src/queue/speech.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'web/public/suara');
const RATE = 16_000;

const LETTERS: Record<string, string> = {
  a: 'a', b: 'be', c: 'ce', d: 'de', e: 'e', f: 'ef', g: 'ge', h: 'ha', i: 'i', j: 'je', k: 'ka', l: 'el', m: 'em',
  n: 'en', o: 'o', p: 'pe', q: 'ki', r: 'er', s: 'es', t: 'te', u: 'u', v: 'fe', w: 'we', x: 'eks', y: 'ye', z: 'zet',
};
const NUMBER_WORDS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas', 'belas', 'puluh', 'seratus', 'ratus', 'seribu', 'ribu', 'juta'];

const clips = new Map<string, string>([
  ['nomor-antrean', 'nomor antrean'],
  ['silakan-menuju', 'silakan menuju'],
  ['loket', 'loket'],
  // Drive-thru lanes (docs/floor.md): "…, pelat R, satu dua…, silakan menuju jendela satu" / "atas nama …".
  ['pelat', 'pelat'],
  ['jendela', 'jendela'],
  ['atas', 'atas'],
  ['nama', 'nama'],
]);
for (const [l, said] of Object.entries(LETTERS)) clips.set(`huruf-${l}`, said);
for (const w of NUMBER_WORDS) clips.set(w, w);
for (const t of TENANTS) {
  for (const w of speakCounterLabel(`Loket ${t.code} 1`).split(' ')) {
    if (/^[A-Z]$/.test(w)) continue; // spelled with the letter clips
    const name = w.toLowerCase().replace(/[^a-z]/g, '');
    if (name && !clips.has(name)) clips.set(name, w.toLowerCase());
  }
}

/** 16-bit mono PCM samples of a WAV file espeak-ng wrote. */
function readWav(file: string): { rate: number; samples: Int16Array } {
  const buf = readFileSync(file);
  let at = 12;
  let rate = 22_050;
  while (at < buf.length) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    if (id === 'fmt ') rate = buf.readUInt32LE(at + 12);
    if (id === 'data') {
      // espeak-ng writes 0xffffffff as the size when streaming: take the rest of the file.
      const end = Math.min(buf.length, at + 8 + size);
      const data = buf.subarray(at + 8, end);
      return { rate, samples: new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + (data.length & ~1))) };
    }
    at += 8 + size;
  }
  throw new Error(`${file}: no data chunk`);
}

function trimAndResample(samples: Int16Array, rate: number): Int16Array {
  const loud = (x: number) => Math.abs(x) > 400;
  let a = samples.findIndex(loud);
  let b = samples.length - 1;
  while (b > 0 && !loud(samples[b]!)) b--;
  if (a < 0) a = 0;
  const pad = Math.round(rate * 0.04);
  const cut = samples.subarray(Math.max(0, a - pad), Math.min(samples.length, b + pad));
  const n = Math.floor((cut.length * RATE) / rate);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const x = (i * rate) / RATE;
    const j = Math.floor(x);
    const f = x - j;
    out[i] = Math.round((cut[j] ?? 0) * (1 - f) + (cut[j + 1] ?? cut[j] ?? 0) * f);
  }
  return out;
}

function writeWav(file: string, samples: Int16Array): void {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples.length * 2, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples.length * 2, 40);
  writeFileSync(file, Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)]));
}

/** The two-tone chime the board also plays with WebAudio (E5 then C5, 0.45 s each). */
function chime(): Int16Array {
  const out = new Int16Array(Math.round(RATE * 0.95));
  for (const [k, freq] of [659.25, 523.25].entries()) {
    const start = Math.round(k * 0.45 * RATE);
    for (let i = 0; i < Math.round(0.45 * RATE); i++) {
      const t = i / RATE;
      const env = Math.min(1, t / 0.03) * Math.exp(-t * 7);
      out[start + i] = Math.round(12_000 * env * Math.sin(2 * Math.PI * freq * t));
    }
  }
  return out;
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
writeWav(path.join(OUT, 'chime.wav'), chime());
const tmp = path.join(tmpdir(), `layan-clip-${process.pid}.wav`);
for (const [name, text] of clips) {
  execFileSync('espeak-ng', ['-v', 'id', '-s', '150', '-w', tmp, text]);
  const { rate, samples } = readWav(tmp);
  writeWav(path.join(OUT, `${name}.wav`), trimAndResample(samples, rate));
}
rmSync(tmp, { force: true });
const names = ['chime', ...clips.keys()].sort();
writeFileSync(
  path.join(ROOT, 'web/src/queue/board-clip-list.ts'),
  `/** Generated by scripts/gen-board-audio.ts (espeak-ng -v id -s 150): the clips in web/public/suara. */\nexport const BOARD_CLIPS: readonly string[] = ${JSON.stringify(names)};\n`,
);
console.log(`${names.length} clips in ${path.relative(ROOT, OUT)}`);
