import { CLIP_BASE, clipsFor } from './board-clips';

/**
 * Speaks calls one after another, never overlapping: each item plays a two-tone chime (WebAudio),
 * then reads its sentence in Bahasa Indonesia (speechSynthesis), and only then does the next start.
 * A browser without an Indonesian voice (most TV sticks and Linux players) plays the shipped clips
 * instead (board-clips.ts): chime, "nomor antrean", letters, number words, "silakan menuju", the label.
 */
export class Announcer {
  private chain: Promise<void> = Promise.resolve();
  private ctx: AudioContext | null = null;
  /** Sentences spoken so far (also read by the end-to-end test). */
  readonly spoken: string[] = [];
  /** The clips played for each sentence said with clips (also read by the end-to-end test). */
  readonly clipLog: string[][] = [];
  private buffers = new Map<string, Promise<AudioBuffer | null>>();

  /**
   * Starts the audio. Browsers allow sound only after a user gesture unless their autoplay policy lets
   * this site play (Chromium: --autoplay-policy=no-user-gesture-required on a kiosk, or a site the
   * browser has seen play often); resolves whether sound is now on. `onChange` hears later changes.
   */
  unlock(onChange?: (running: boolean) => void): Promise<boolean> {
    this.ctx ??= new AudioContext();
    const ctx = this.ctx;
    if (onChange) ctx.onstatechange = () => onChange(ctx.state === 'running');
    // resume() stays pending while the browser refuses: give it a moment, then report the state.
    return Promise.race([ctx.resume().then(() => undefined, () => undefined), new Promise((r) => setTimeout(r, 500))]).then(() => ctx.state === 'running');
  }

  get unlocked(): boolean {
    return this.ctx?.state === 'running';
  }

  /** Queues a sentence; `onStart` runs when its turn comes (the board shows that call then). */
  say(sentence: string, onStart?: () => void): Promise<void> {
    this.chain = this.chain.then(() => this.play(sentence, onStart)).catch(() => undefined);
    return this.chain;
  }

  private async play(sentence: string, onStart?: () => void): Promise<void> {
    onStart?.();
    const synth = window.speechSynthesis;
    if (synth?.getVoices().some((v) => v.lang.toLowerCase().startsWith('id'))) {
      await this.chime();
      await this.speak(sentence);
    } else {
      await this.playClips(clipsFor(sentence));
    }
    this.spoken.push(sentence);
  }

  private clip(name: string): Promise<AudioBuffer | null> {
    let b = this.buffers.get(name);
    if (!b) {
      const ctx = this.ctx!;
      b = fetch(`${CLIP_BASE}${name}.wav`)
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))))
        .then((data) => ctx.decodeAudioData(data))
        .catch(() => null);
      this.buffers.set(name, b);
    }
    return b;
  }

  /** Plays the clips back to back (fetched and decoded once each); a missing clip is skipped. */
  private async playClips(names: string[]): Promise<void> {
    this.clipLog.push(names);
    const ctx = this.ctx;
    if (!ctx || ctx.state !== 'running') return;
    const buffers = await Promise.all(names.map((n) => this.clip(n)));
    for (const buffer of buffers) {
      if (!buffer) continue;
      await new Promise<void>((resolve) => {
        const src = ctx.createBufferSource();
        src.buffer = buffer;
        src.connect(ctx.destination);
        const guard = setTimeout(resolve, buffer.duration * 1000 + 1000);
        src.onended = () => {
          clearTimeout(guard);
          resolve();
        };
        src.start();
      });
    }
  }

  private chime(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx || ctx.state !== 'running') return Promise.resolve();
    const t0 = ctx.currentTime;
    for (const [i, freq] of [659.25, 523.25].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t0 + i * 0.45);
      gain.gain.exponentialRampToValueAtTime(0.4, t0 + i * 0.45 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + i * 0.45 + 0.42);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0 + i * 0.45);
      osc.stop(t0 + i * 0.45 + 0.45);
    }
    return new Promise((r) => setTimeout(r, 1000));
  }

  private speak(sentence: string): Promise<void> {
    const synth = window.speechSynthesis;
    return new Promise((resolve) => {
      const u = new SpeechSynthesisUtterance(sentence);
      u.lang = 'id-ID';
      u.rate = 0.9;
      const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith('id'));
      if (voice) u.voice = voice;
      // Some engines never fire 'end' (no voice installed): do not block the line forever.
      const guard = setTimeout(resolve, 12_000);
      u.onend = u.onerror = () => {
        clearTimeout(guard);
        resolve();
      };
      synth.speak(u);
    });
  }
}
