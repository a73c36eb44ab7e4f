/**
 * Speaks calls one after another, never overlapping: each item plays a two-tone chime (WebAudio),
 * then reads its sentence in Bahasa Indonesia (speechSynthesis), and only then does the next start.
 */
export class Announcer {
  private chain: Promise<void> = Promise.resolve();
  private ctx: AudioContext | null = null;
  /** Sentences spoken so far (also read by the end-to-end test). */
  readonly spoken: string[] = [];

  /** Browsers allow sound only after a user gesture: call this from a click. */
  unlock(): void {
    this.ctx ??= new AudioContext();
    void this.ctx.resume();
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
    await this.chime();
    await this.speak(sentence);
    this.spoken.push(sentence);
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
    if (!synth) return new Promise((r) => setTimeout(r, 1500));
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
