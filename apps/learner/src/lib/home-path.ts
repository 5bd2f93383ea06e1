import type { Viewer } from '#lib/viewer.tsx';

/**
 * Where someone lands after signing in when no page asked for them (`?next=`): a principal who does
 * not teach has nothing to apply for, but may have applications waiting for their endorsement.
 */
export function homePathFor(viewer: Pick<Viewer, 'isTeacher' | 'isPrincipal'>): string {
  return viewer.isPrincipal && !viewer.isTeacher ? '/sekolah' : '/';
}
