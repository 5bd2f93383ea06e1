import type { Locale } from '@kmg/domain';
import { createContext, useContext } from 'react';

/** The signed-in person as the pages need them; `null` is an anonymous visitor. */
export type Viewer = {
  id: string;
  name: string;
  locale: Locale;
  roles: readonly string[];
  /** Only teachers with a profile (NUPTK, school) can apply. */
  isTeacher: boolean;
  /** Principals endorse their school's applications ("Sekolah saya"). */
  isPrincipal: boolean;
};

export type ViewerState =
  | { status: 'loading' }
  | { status: 'failed'; isNetworkError: boolean; retry: () => void }
  | { status: 'ready'; viewer: Viewer | null };

export const ViewerContext = createContext<ViewerState>({ status: 'loading' });

/** Who is looking, as loaded once by the layout for every page. */
export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}
