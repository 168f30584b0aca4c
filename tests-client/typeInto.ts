import { act } from '@testing-library/react';

/**
 * Types into a Taro <Input> or <Textarea> as the user would: Taro's components are custom elements that report
 * typing as an `input` event with the text in `event.detail.value` (the host's value is set too, as a browser would).
 */
export function typeInto(id: string, value: string): void {
  act(() => {
    const host = document.getElementById(id) as (HTMLElement & { value: string }) | null;
    if (!host) throw new Error(`no field #${id} on the page`);
    host.value = value;
    host.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}
