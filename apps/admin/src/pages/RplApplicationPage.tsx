import { Navigate, useParams } from 'react-router';

/**
 * Part 1's address of a submitted application: the case page shows it now (the application as
 * submitted is its first tab), so links and bookmarks keep working.
 */
export function RplApplicationPage() {
  const { id = '' } = useParams();
  return <Navigate to={`/rpl/kasus/${id}?tab=berkas`} replace />;
}
