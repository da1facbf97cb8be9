// Links inside guidance HTML: in-app `#/…` links are plain hash links; external ones (`https:`,
// `tel:`, `sms:`, marked `data-external` by the core) open in the system's browser, dialer or
// messages app. Anything else never navigates the app's window.
import type { Action } from 'svelte/action';
import { api, isOpenableUrl, errorText } from '../../lib/api';

type ReportError = ((message: string) => void) | undefined;

export const externalLinks: Action<HTMLElement, ReportError> = (node, onError) => {
  let report = onError;

  async function onclick(event: MouseEvent) {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const link = target.closest('a');
    if (!link || !node.contains(link)) return;
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#/')) return;
    event.preventDefault();
    if (!link.hasAttribute('data-external') || !isOpenableUrl(href)) return;
    try {
      await api.openExternal(href);
    } catch (e) {
      report?.(errorText(e));
    }
  }

  node.addEventListener('click', onclick);
  return {
    update(next: ReportError) {
      report = next;
    },
    destroy() {
      node.removeEventListener('click', onclick);
    },
  };
};

/** Scrolls to a heading inside `container` and moves keyboard focus there. The app routes with the
 * hash, so an anchor must not change `location.hash`. */
export function scrollToHeading(container: HTMLElement | undefined, id: string): boolean {
  const heading = Array.from(container?.querySelectorAll<HTMLElement>('[id]') ?? []).find((el) => el.id === id);
  if (!heading) return false;
  heading.scrollIntoView?.({ block: 'start' });
  heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
  return true;
}
