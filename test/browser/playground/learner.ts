/**
 * What a learner does on the playground, by role and visible label only (no test ids, no CSS),
 * so the tests read like the lesson and break when a label a learner relies on changes.
 */
import type { Locator, Page } from 'playwright-core';

export class Learner {
  constructor(readonly page: Page) {}

  phone(name: string): Locator {
    return this.page.getByRole('region', { name: `${name}'s phone` });
  }

  get storage(): Locator {
    return this.page.getByRole('region', { name: 'Temporary Storage' });
  }

  async storedCount(): Promise<string> {
    return (
      (await this.storage.getByLabel('Messages waiting in storage').textContent()) ?? ''
    ).trim();
  }

  section(title: string): Locator {
    return this.page.getByRole('group', { name: title, exact: true });
  }

  async spawn(count: string, protocol: string): Promise<void> {
    const s = this.section('Spawn phones');
    await s.getByLabel('How many').selectOption({ label: count });
    await s.getByLabel('Protocol', { exact: true }).selectOption({ label: protocol });
    await s.getByRole('button', { name: 'Spawn' }).click();
  }

  async choosePhone(name: string): Promise<Locator> {
    const s = this.section('Phone');
    await s.getByLabel('Phone', { exact: true }).selectOption({ label: name });
    return s;
  }

  async goOffline(name: string): Promise<void> {
    const s = await this.choosePhone(name);
    await s.getByRole('button', { name: 'Go offline' }).click();
  }

  /** Takes the phone's signal away, from the keyboard (focus the button, press Enter). */
  async loseSignal(name: string): Promise<void> {
    const s = await this.choosePhone(name);
    const button = s.getByRole('button', { name: 'Lose signal' });
    await button.focus();
    await this.page.keyboard.press('Enter');
  }

  async goOnline(name: string): Promise<void> {
    const s = await this.choosePhone(name);
    await s.getByRole('button', { name: 'Go online' }).click();
  }

  async send(from: string, to: string, text: string): Promise<void> {
    const s = await this.choosePhone(from);
    await s.getByLabel('Send to').selectOption({ label: to });
    await s.getByLabel('Message').fill(text);
    await s.getByRole('button', { name: 'Send', exact: true }).click();
  }

  /** The receipt on the sender's phone for a message text: `sent`, `delivered`, `read`… */
  receipt(sender: string, text: string): Locator {
    return this.phone(sender).getByRole('listitem').filter({ hasText: text });
  }

  async switchAllPhones(protocol: string): Promise<void> {
    const s = this.section('All phones');
    await s.getByLabel('Protocol for all phones').selectOption({ label: protocol });
    await s.getByRole('button', { name: 'Switch all phones' }).click();
  }

  /** A value of the metrics panel's bars (e.g. bytes per delivered message for `MQTT`). */
  async barValue(list: string, rowLabel: string): Promise<string | undefined> {
    const row = this.page
      .getByRole('list', { name: list })
      .getByRole('listitem')
      .filter({ hasText: rowLabel });
    if ((await row.count()) === 0) return undefined;
    return (await row.first().textContent()) ?? undefined;
  }

  async tileValue(title: string): Promise<string> {
    const tile = this.page
      .locator('.pg-tile')
      .filter({ has: this.page.getByRole('heading', { name: title }) });
    return ((await tile.locator('p').first().textContent()) ?? '').trim();
  }

  async setRetry(label: string): Promise<void> {
    await this.section('Retry policy')
      .getByLabel('After a refusal, retry with')
      .selectOption({ label });
  }

  async setMaxConnections(label: string): Promise<void> {
    await this.section('Gateway').getByLabel('Max connections').selectOption({ label });
  }

  async fireSpike(phones: string, within: string): Promise<void> {
    const s = this.section("New Year's Eve spike");
    await s.getByLabel('Phones', { exact: true }).selectOption({ label: phones });
    await s.getByLabel('Within').selectOption({ label: within });
    await s.getByRole('button', { name: 'Fire spike' }).click();
  }

  async reset(seed: string): Promise<void> {
    const s = this.section('Run');
    await s.getByLabel('Seed').fill(seed);
    await s.getByRole('button', { name: 'Reset' }).click();
  }

  async goToSecond(sec: string): Promise<void> {
    const s = this.page.getByRole('group', { name: 'Time travel' });
    await s.getByLabel('Go to second').fill(sec);
    await s.getByRole('button', { name: 'Go', exact: true }).click();
  }

  /** The event log's total, as its header says it (`8 of 8 events`). */
  async eventCount(): Promise<number> {
    const text =
      (await this.page
        .getByRole('group', { name: 'Filter the event log' })
        .getByText(/of [\d,]+ events/)
        .textContent()) ?? '';
    return Number(/of ([\d,]+) events/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
  }

  async clock(): Promise<string> {
    return (
      (await this.page
        .getByRole('group', { name: 'Time' })
        .getByLabel('Virtual time')
        .textContent()) ?? ''
    ).trim();
  }
}

/** `26.8 KB` → 26800; `812 B` → 812. */
export function parseBytes(text: string): number {
  const m = /([\d,.]+)\s*(B|KB|MB)/.exec(text);
  if (!m) return NaN;
  const n = Number(m[1]!.replace(/,/g, ''));
  return m[2] === 'MB' ? n * 1e6 : m[2] === 'KB' ? n * 1e3 : n;
}

/** `0:30.000` → 30000. */
export function parseClock(text: string): number {
  const parts = text.split(':').map(Number);
  const s = parts.pop() ?? 0;
  const m = parts.pop() ?? 0;
  const h = parts.pop() ?? 0;
  return Math.round(((h * 60 + m) * 60 + s) * 1000);
}
