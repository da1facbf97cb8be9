import { mark } from './timeline';

/**
 * Runs `then` once the browser has painted the current DOM: the next animation frame comes just
 * before the paint, and a task queued from it runs just after.
 */
export function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => {
    mark('next frame');
    setTimeout(then);
  });
}
