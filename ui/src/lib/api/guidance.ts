// The guidance calls: bundled pages, search and the "Is now a good time?" checklist.
// Components import from here, never from @tauri-apps.
import { call } from './call';
import type { Checklist } from '../bindings/Checklist';
import type { ChecklistSign } from '../bindings/ChecklistSign';
import type { GuidanceHit } from '../bindings/GuidanceHit';
import type { GuidancePage } from '../bindings/GuidancePage';
import type { GuidanceSummary } from '../bindings/GuidanceSummary';
import type { NextStep } from '../bindings/NextStep';
import type { StepLink } from '../bindings/StepLink';
import type { TocEntry } from '../bindings/TocEntry';

/** The checklist's place under `#/guidance/`; search may return it as a hit. */
export const CHECKLIST_SLUG = 'checklist';

export const guidanceApi = {
  /** The topics, in reading order. */
  index: () => call<GuidanceSummary[]>('guidance_index'),
  /** One page, with HTML the core rendered from bundled Markdown. */
  page: (slug: string) => call<GuidancePage>('guidance_page', { slug }),
  search: (query: string) => call<GuidanceHit[]>('guidance_search', { query }),
  checklist: () => call<Checklist>('guidance_checklist'),
  /** Gentle next steps for the ticked signs; never a score. */
  nextSteps: (ticked: string[]) => call<NextStep[]>('guidance_next_steps', { ticked }),
};

export type { Checklist, ChecklistSign, GuidanceHit, GuidancePage, GuidanceSummary, NextStep, StepLink, TocEntry };
