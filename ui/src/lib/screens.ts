// The screens other than Today, each in its own chunk: the first screen's code is all a start
// has to read, and the rest loads once Today has painted (or when its tab is opened first).
import type { Component } from 'svelte';
import type { Route, Screen } from './router.svelte';

export type LazyScreen = Exclude<Screen, 'today'>;
type ScreenComponent = Component<{ route: Route }>;

const loaders: Record<LazyScreen, () => Promise<{ default: ScreenComponent }>> = {
  schedule: () => import('../screens/Schedule.svelte'),
  groups: () => import('../screens/Groups.svelte'),
  guidance: () => import('../screens/Guidance.svelte'),
  settings: () => import('../screens/Settings.svelte'),
  people: () => import('../screens/People.svelte'),
  'reach-out': () => import('../screens/ReachOut.svelte'),
};

const loaded = new Map<LazyScreen, Promise<ScreenComponent>>();

/** The screen's component, loading its chunk the first time (the same promise afterwards). */
export function loadScreen(screen: LazyScreen): Promise<ScreenComponent> {
  let component = loaded.get(screen);
  if (!component) {
    component = loaders[screen]().then((module) => module.default);
    loaded.set(screen, component);
  }
  return component;
}

/** Loads every screen's chunk in the background, so switching tabs never waits. */
export function preloadScreens(): void {
  for (const screen of Object.keys(loaders) as LazyScreen[]) loadScreen(screen).catch(() => loaded.delete(screen));
}
