/**
 * Small steps several journeys take: checking a page against the 长辈版 sizes, typing into a Taro input or
 * textarea, and confirming Taro h5's modal.
 */
import assert from 'node:assert/strict';
import type { App } from './harness';

/** The page on screen is in 长辈版 with body text ≥ 20 px, and each of `targets` is at least 60 px tall. */
export async function assertElderSizes(app: App, page: string, targets: string[]): Promise<void> {
  assert.equal(await app.visible('#page-root').getAttribute('data-elder'), 'on', `${page} is in 长辈版`);
  const body = await app.fontSize('#page-root');
  assert.ok(body >= 20, `${page}: body text ${body} px (want ≥ 20)`);
  for (const target of targets) {
    const height = await app.boxHeight(target);
    assert.ok(height >= 60, `${page}: ${target} is ${height} px tall (want ≥ 60)`);
  }
}

/** Types into the input or textarea inside the Taro element with this id. */
export async function typeInto(app: App, id: string, text: string): Promise<void> {
  await app.visible(`#${id} textarea, #${id} input`).fill(text);
}

/** Taps the confirm button of the modal on screen (Taro h5's showModal). */
export const confirmModal = (app: App) => app.page.locator('.taro-model__confirm:visible').tap();
